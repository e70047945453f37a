// The seed's test routes: /api/test/query (a dry run of the analysis, nothing stored),
// /api/test/escalation (a ticket on a new test session) and /api/test/metrics
// (sample numbers in /api/metrics' shape).
#include "core/api/agent/AgentApi.h"

#include "core/api/agent/AgentErrors.h"
#include "core/api/agent/AgentJson.h"
#include "core/common/Ids.h"
#include "core/engine/reply/LocalResponder.h"

#include <QJsonDocument>

namespace tierdesk::api {
namespace {

// The reason the escalation policy's cues point to; empty when none does.
QString cueReason(const MessageAnalysis &a)
{
    if (!a.legalCue.isEmpty())
        return QStringLiteral("policy_violation");
    if (a.irate || !a.socialCue.isEmpty())
        return QStringLiteral("negative_sentiment");
    if (!a.humanCue.isEmpty() || !a.managerCue.isEmpty())
        return QStringLiteral("manual_request");
    // What /api/query adds to the engine's policy: strong anger goes to a person at once.
    if (agentjson::stronglyNegative(a.sentiment.level))
        return QStringLiteral("negative_sentiment");
    return {};
}

} // namespace

void AgentApi::testQuery(const CallPtr &c)
{
    const auto body = jsonBody(c);
    if (!body)
        return;
    const auto text = requiredString(c, *body, "query", m_engine.limits().maxMessageChars);
    if (!text)
        return;
    auto timer = std::make_shared<QElapsedTimer>();
    timer->start();
    m_engine.analyseOnly(c->company, *text, this, [this, c, timer](Result<MessageAnalysis> a) {
        if (!a)
            return fail(c, a.error());
        const QString reason = cueReason(*a);
        const QJsonObject out{
            {QStringLiteral("response"), QStringLiteral("Test answer: the query was analysed and nothing was stored.")},
            {QStringLiteral("model_used"), QLatin1String(LocalResponder::kModel)},
            {QStringLiteral("sentiment_score"), agentjson::sentimentScore(a->sentiment.score)},
            {QStringLiteral("complexity_score"),
                qRound((1.0 - qBound(0.0, a->intent.confidence, 1.0)) * 1000.0) / 1000.0},
            {QStringLiteral("response_time_ms"), timer->elapsed()}, {QStringLiteral("escalated"), !reason.isEmpty()},
            {QStringLiteral("escalation_reason"), reason.isEmpty() ? QJsonValue() : QJsonValue(reason)},
            {QStringLiteral("ticket_id"), QJsonValue()}, {QStringLiteral("cached"), false},
            {QStringLiteral("intent"), a->intent.intent}, {QStringLiteral("test"), true}};
        reply(c, http::HttpResponse::json(200, out));
    });
}

// A new session of the customer "test_customer" (metadata.test = true), escalated
// as POST /api/escalation would with the body's reason and priority.
void AgentApi::testEscalation(const CallPtr &c)
{
    auto body = c->req.body.trimmed().isEmpty() ? std::optional<QJsonObject>(QJsonObject()) : jsonBody(c);
    if (!body)
        return;
    const QString name = ids::random(QStringLiteral("test_"));
    if (!body->contains(QLatin1String("reason")))
        body->insert(QStringLiteral("reason"), QStringLiteral("manual_request"));
    if (!body->contains(QLatin1String("priority")))
        body->insert(QStringLiteral("priority"), QStringLiteral("medium"));
    body->insert(QStringLiteral("session_id"), name);
    CreateSessionRequest req;
    req.id = engineSessionId(c->company, name);
    req.companyId = c->company;
    req.customerId = QStringLiteral("test_customer");
    req.metadata = {{QStringLiteral("agentApiSessionId"), name}, {QStringLiteral("test"), true}};
    m_engine.createSession(
        req, c->actor, this, [this, c, escalation = *body](Result<Session> s, std::optional<MessageOutcome>) {
            if (!s)
                return fail(c, s.error());
            c->req.body = QJsonDocument(escalation).toJson(QJsonDocument::Compact);
            createEscalation(c);
        });
}

void AgentApi::testMetrics(const CallPtr &c)
{
    const QString model = QLatin1String(LocalResponder::kModel);
    const QJsonObject sample{{QStringLiteral("timeframe"), QStringLiteral("day")},
        {QStringLiteral("total_queries"), 1250}, {QStringLiteral("avg_response_time_ms"), 42.5},
        {QStringLiteral("model_usage"), QJsonObject{{model, 1100}, {QStringLiteral("human_agent"), 150}}},
        {QStringLiteral("sentiment_distribution"),
            QJsonObject{{QStringLiteral("positive"), 520}, {QStringLiteral("neutral"), 480},
                {QStringLiteral("negative"), 250}}},
        {QStringLiteral("escalation_rate"), 0.12}, {QStringLiteral("cache_hit_rate"), 0.18},
        {QStringLiteral("total_sessions"), 610},
        {QStringLiteral("cost_metrics"),
            QJsonObject{{QStringLiteral("total_cost"), 0.0}, {QStringLiteral("cost_per_query"), 0.0},
                {QStringLiteral("cost_by_model"), QJsonObject{{model, 0.0}}}}},
        {QStringLiteral("sample"), true}};
    reply(c, http::HttpResponse::json(200, sample));
}

} // namespace tierdesk::api
