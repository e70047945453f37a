// POST /api/query: a customer's message through the engine's message path (the AI
// tiers answer, the engine escalates), or an identical recent query from the cache.
#include "core/api/agent/AgentApi.h"

#include "core/api/agent/AgentErrors.h"
#include "core/api/agent/AgentJson.h"

#include <QLoggingCategory>

namespace tierdesk::api {
namespace {

Q_LOGGING_CATEGORY(lcAgentApi, "tierdesk.api.agent")

// Intents whose answers come from the knowledge base and depend on nothing the
// conversation holds (no order, no pending confirmation): only these are cached.
bool cacheableIntent(const QString &intent)
{
    return intent == QLatin1String("general_question") || intent == QLatin1String("delivery_options")
        || intent == QLatin1String("greeting") || intent == QLatin1String("thanks");
}

// The reply suggests nothing but articles to read (no action to confirm).
bool onlyReading(const QStringList &suggestedActions)
{
    return std::all_of(suggestedActions.begin(), suggestedActions.end(),
        [](const QString &a) { return a.startsWith(QLatin1String("read_article:")); });
}

} // namespace

std::optional<Session> AgentApi::sessionNamed(
    const QString &company, const QString &clientId, const MessageWindow &window)
{
    auto s = m_engine.session(company, engineSessionId(company, clientId), window);
    if (!s && clientId.startsWith(QLatin1String("sess_")))
        s = m_engine.session(company, clientId, window);
    return s ? std::optional<Session>(s.value()) : std::nullopt;
}

void AgentApi::query(const CallPtr &c)
{
    auto q = std::make_shared<QueryArgs>();
    q->timer.start();
    const auto body = jsonBody(c);
    if (!body)
        return;
    const auto text = requiredString(c, *body, "query", m_engine.limits().maxMessageChars);
    const auto session = text ? requiredString(c, *body, "session_id", m_engine.limits().maxIdChars) : std::nullopt;
    const auto customer
        = session ? requiredString(c, *body, "customer_id", m_engine.limits().maxIdChars) : std::nullopt;
    if (!customer)
        return;
    if (!agentjson::validSessionName(*session))
        return fail(c,
            agent::error(ErrorKind::InvalidArgument, QStringLiteral("Invalid field: session_id"),
                QStringLiteral(
                    "session_id must be 1 to 128 letters, digits or ._:@- (starting with a letter or digit)")));
    q->clientId = *session;
    q->customerId = *customer;
    q->text = *text;
    MessageWindow window;
    window.limit = 1;
    const auto s = sessionNamed(c->company, q->clientId, window);
    if (!s)
        return queryNewSession(c, q);
    if (s->customerId != q->customerId)
        return fail(c,
            agent::error(ErrorKind::InvalidArgument, QStringLiteral("The session belongs to another customer"),
                QStringLiteral("session_id: ") + q->clientId));
    if (!s->isOpen())
        return fail(c,
            agent::error(ErrorKind::InvalidArgument, QStringLiteral("Session is closed"),
                QStringLiteral("session_id: ") + q->clientId));
    queryOpenSession(c, q, *s);
}

// A query naming a session that does not exist yet opens it (seed 002's clients
// send queries without creating sessions first).
void AgentApi::queryNewSession(const CallPtr &c, const QueryPtr &q)
{
    CreateSessionRequest req;
    req.id = engineSessionId(c->company, q->clientId);
    req.companyId = c->company;
    req.customerId = q->customerId;
    req.metadata = {{QStringLiteral("agentApiSessionId"), q->clientId}};
    const bool cached = m_cache.find(c->company, q->customerId, q->text, m_engine.clock().nowMs()).has_value();
    if (!cached)
        req.initialMessage = q->text;
    m_engine.createSession(req, c->actor, this, [this, c, q](Result<Session> s, std::optional<MessageOutcome> first) {
        if (!s)
            return fail(c, s.error());
        if (first)
            return answerOutcome(c, q, *first);
        if (!answerFromCache(c, q)) // aged out meanwhile: ask the engine after all
            queryOpenSession(c, q, *s);
    });
}

void AgentApi::queryOpenSession(const CallPtr &c, const QueryPtr &q, const Session &s)
{
    // A person holding the session must see every message: no cache at the human tier.
    if (s.currentTier != Tier::HumanAgent && answerFromCache(c, q))
        return;
    m_engine.postMessage(c->company, s.id, q->text, c->actor, this, [this, c, q](Result<MessageOutcome> o) {
        if (!o)
            return fail(c, o.error());
        answerOutcome(c, q, *o);
    });
}

void AgentApi::recordQuery(
    const QString &company, const QString &model, qint64 elapsedMs, bool cached, const QString &messageId)
{
    // What /api/metrics reads, on every server; a query answered stays answered if this is not kept.
    const Status kept = m_engine.recordQuery({company, m_engine.clock().nowMs(), model, elapsedMs, cached, messageId});
    if (!kept)
        qCWarning(lcAgentApi, "a query's figures were not stored: %s", qPrintable(kept.error().message));
}

bool AgentApi::answerFromCache(const CallPtr &c, const QueryPtr &q)
{
    auto answer = m_cache.find(c->company, q->customerId, q->text, m_engine.clock().nowMs());
    if (!answer)
        return false;
    answer->insert(QStringLiteral("cached"), true);
    answer->insert(QStringLiteral("response_time_ms"), q->timer.elapsed());
    ++m_counters.queries;
    ++m_counters.cacheHits;
    m_counters.responseTimeMsTotal += q->timer.elapsed();
    recordQuery(c->company, answer->value(QLatin1String("model_used")).toString(), q->timer.elapsed(), true, {});
    reply(c, http::HttpResponse::json(200, *answer));
    return true;
}

// Seed 002 escalates a strongly negative query (agentjson::stronglyNegative) to a
// person at once, as negative_sentiment; seed 001's irate protocol, which /api/cs
// keeps, waits for repeated anger first. Nothing happens when a person already has
// the session or the company has no human tier. Answers the session as it is now.
Result<Session> AgentApi::escalateNegative(const CallPtr &c, const Session &s, const SentimentPoint &point)
{
    if (!agentjson::stronglyNegative(point.sentiment) || s.currentTier == Tier::HumanAgent)
        return s;
    const auto config = m_engine.config(c->company);
    if (!config)
        return config.error();
    if (!config->tier(Tier::HumanAgent).enabled)
        return s;
    const QString notes = QStringLiteral("Strongly negative sentiment (%1) in a query of the support agent API")
                              .arg(agentjson::sentimentScore(point.score));
    return m_engine.escalate(c->company, s.id, EscalationReason::IrateCustomer, Tier::HumanAgent, notes, c->actor);
}

void AgentApi::answerOutcome(const CallPtr &c, const QueryPtr &q, const MessageOutcome &o)
{
    // The two newest messages (this query and its answer) bring this query's sentiment point.
    MessageWindow window;
    window.limit = 2;
    auto s = m_engine.session(c->company, o.session.id, window);
    if (!s)
        return fail(c, s.error());
    SentimentPoint point;
    for (const SentimentPoint &p : s->sentimentHistory)
        if (p.timestamp == o.customerMessage.timestamp)
            point = p;
    const double sentiment = agentjson::sentimentScore(point.score);
    const int ticketsBefore = ticketCount(*s);
    if (!o.escalation)
        s = escalateNegative(c, *s, point);
    if (!s)
        return fail(c, s.error());
    const int tickets = ticketCount(*s);
    const bool newTicket = o.escalation.has_value() || tickets > ticketsBefore;
    // Escalated: this query moved the session up a tier, or a person has it.
    const bool escalated = newTicket || s->currentTier == Tier::HumanAgent;
    std::optional<EscalationRecord> newest;
    for (const EscalationRecord &e : s->escalationHistory)
        if (!e.transfer)
            newest = e;
    const Message *ai = o.aiResponse ? &*o.aiResponse : nullptr;
    QJsonObject answer{{QStringLiteral("response"), ai ? ai->content : QString()},
        {QStringLiteral("model_used"), ai ? agentjson::modelUsed(*ai) : QStringLiteral("human_agent")},
        {QStringLiteral("sentiment_score"), sentiment},
        {QStringLiteral("complexity_score"), ai ? agentjson::complexityScore(*ai) : 1.0},
        {QStringLiteral("escalated"), escalated && newest},
        {QStringLiteral("escalation_reason"),
            escalated && newest ? QJsonValue(agentjson::reasonName(newest->reason)) : QJsonValue()},
        {QStringLiteral("ticket_id"), escalated && newest ? QJsonValue(ticketIdOf(*s, tickets)) : QJsonValue()},
        {QStringLiteral("cached"), false}};
    const auto item = newTicket && m_desk ? m_desk->item(s->id) : std::nullopt;
    if (newTicket && newest)
        escalationCreated(c->company,
            {{QStringLiteral("ticket_id"), ticketIdOf(*s, tickets)}, {QStringLiteral("session_id"), q->clientId},
                {QStringLiteral("customer_id"), s->customerId},
                {QStringLiteral("priority"),
                    item ? agentjson::seedPriority(toString(item->item.priority)) : QStringLiteral("medium")},
                {QStringLiteral("reason"), agentjson::reasonName(newest->reason)}});
    const AiReplyMeta made = ai ? ai->meta.ai.value_or(AiReplyMeta{}) : AiReplyMeta{};
    const bool changedNothing = ai && !escalated && made.actionsTaken.isEmpty() && onlyReading(made.suggestedActions)
        && cacheableIntent(made.intent);
    if (changedNothing)
        m_cache.store(c->company, q->customerId, q->text, answer, m_engine.clock().nowMs());
    const qint64 elapsed = q->timer.elapsed();
    answer.insert(QStringLiteral("response_time_ms"), elapsed);
    ++m_counters.queries;
    m_counters.responseTimeMsTotal += elapsed;
    recordQuery(
        c->company, answer.value(QLatin1String("model_used")).toString(), elapsed, false, ai ? ai->id : QString());
    reply(c, http::HttpResponse::json(200, answer));
}

} // namespace tierdesk::api
