// GET /api/metrics and GET /api/metrics/session/{id}: the engine's analytics of the
// company's sessions, and what this API's queries took.
#include "core/api/agent/AgentApi.h"

#include "core/api/agent/AgentErrors.h"
#include "core/api/agent/AgentJson.h"
#include "core/common/Time.h"

#include <QSet>

namespace tierdesk::api {
namespace {

constexpr qint64 kHourMs = 3600 * 1000;
constexpr qint64 kMaxRangeMs = 366LL * 24 * kHourMs;

double ratio(qint64 part, qint64 whole)
{
    return whole > 0 ? qRound(double(part) * 1000.0 / double(whole)) / 1000.0 : 0.0;
}

// Sessions by final sentiment, in the seed's three classes.
QJsonObject sentimentClasses(const QMap<QString, qint64> &distribution)
{
    auto count = [&](const char *name) { return distribution.value(QLatin1String(name)); };
    return {{QStringLiteral("positive"), count("HAPPY") + count("SATISFIED")},
        {QStringLiteral("neutral"), count("NEUTRAL")},
        {QStringLiteral("negative"), count("FRUSTRATED") + count("ANGRY") + count("IRATE")}};
}

// The engine's 1-5 reading of a session's final sentiment (as its analytics: docs/api.md).
double satisfactionOf(Sentiment s)
{
    switch (s) {
    case Sentiment::Happy:
        return 5;
    case Sentiment::Satisfied:
        return 4;
    case Sentiment::Neutral:
        return 3;
    case Sentiment::Frustrated:
        return 2;
    case Sentiment::Angry:
    case Sentiment::Irate:
        return 1;
    }
    return 3;
}

} // namespace

std::optional<AgentApi::MetricsRange> AgentApi::metricsRange(const CallPtr &c)
{
    static const QHash<QString, qint64> spans{{QStringLiteral("hour"), kHourMs}, {QStringLiteral("day"), 24 * kHourMs},
        {QStringLiteral("week"), 7 * 24 * kHourMs}, {QStringLiteral("month"), 30 * 24 * kHourMs}};
    MetricsRange range;
    range.timeframe = c->req.query.queryItemValue(QStringLiteral("timeframe"), QUrl::FullyDecoded);
    if (range.timeframe.isEmpty())
        range.timeframe = QStringLiteral("day");
    if (!spans.contains(range.timeframe)) {
        fail(c,
            agent::error(ErrorKind::InvalidArgument, QStringLiteral("Invalid parameter: timeframe"),
                QStringLiteral("timeframe must be one of hour, day, week, month")));
        return std::nullopt;
    }
    range.endMs = m_engine.clock().nowMs();
    range.startMs = range.endMs - spans.value(range.timeframe);
    for (const auto &[name, target] : {std::pair{"start_date", &range.startMs}, std::pair{"end_date", &range.endMs}}) {
        const QString v = c->req.query.queryItemValue(QLatin1String(name), QUrl::FullyDecoded);
        if (v.isEmpty())
            continue;
        const QDateTime t = timefmt::parseIso(v);
        if (!t.isValid()) {
            fail(c,
                agent::error(ErrorKind::InvalidArgument, QStringLiteral("Invalid parameter: ") + QLatin1String(name),
                    QLatin1String(name) + QStringLiteral(" must be an ISO 8601 date or time")));
            return std::nullopt;
        }
        // A bare end date means the whole of that day.
        *target = t.toMSecsSinceEpoch() + (v.size() == 10 && target == &range.endMs ? 24 * kHourMs - 1 : 0);
    }
    if (range.endMs < range.startMs || range.endMs - range.startMs > kMaxRangeMs) {
        fail(c,
            agent::error(ErrorKind::InvalidArgument, QStringLiteral("Invalid date range"),
                QStringLiteral("end_date must not be before start_date, and the range at most 366 days")));
        return std::nullopt;
    }
    return range;
}

void AgentApi::metrics(const CallPtr &c)
{
    const auto range = metricsRange(c);
    if (!range)
        return;
    const QString &timeframe = range->timeframe;
    const qint64 startMs = range->startMs, endMs = range->endMs;
    const auto analytics = m_engine.analytics(c->company, startMs, endMs, GroupBy::None);
    if (!analytics)
        return fail(c, analytics.error());
    const Result<QueryTotals> totals = m_engine.queryTotals(c->company, startMs, endMs);
    if (!totals)
        return fail(c, totals.error());
    const QueryTotals &q = *totals;
    QJsonObject models, costByModel;
    for (auto it = q.byModel.cbegin(); it != q.byModel.cend(); ++it) {
        models.insert(it.key(), it.value());
        costByModel.insert(it.key(), q.costByModel.value(it.key()));
    }
    const QJsonObject body{{QStringLiteral("timeframe"), timeframe},
        {QStringLiteral("start_date"), timefmt::iso(startMs)}, {QStringLiteral("end_date"), timefmt::iso(endMs)},
        {QStringLiteral("total_queries"), q.queries},
        {QStringLiteral("avg_response_time_ms"),
            q.queries > 0 ? double(q.responseTimeMsTotal) / double(q.queries) : 0.0},
        {QStringLiteral("model_usage"), models},
        {QStringLiteral("sentiment_distribution"), sentimentClasses(analytics->sentiment.distribution)},
        {QStringLiteral("escalation_rate"), analytics->escalations.escalationRate / 100.0},
        {QStringLiteral("cache_hit_rate"), ratio(q.cacheHits, q.queries)},
        {QStringLiteral("total_sessions"), analytics->overview.totalSessions},
        // The provider's token counts at its prices (stored with each reply); local words and cached
        // answers cost nothing.
        {QStringLiteral("cost_metrics"),
            QJsonObject{{QStringLiteral("total_cost"), q.cost},
                {QStringLiteral("cost_per_query"), q.queries > 0 ? q.cost / double(q.queries) : 0.0},
                {QStringLiteral("cost_by_model"), costByModel}}}};
    reply(c, http::HttpResponse::json(200, body));
}

void AgentApi::sessionMetrics(const CallPtr &c)
{
    const QString clientId = c->req.pathParams.value(QStringLiteral("id"));
    MessageWindow window;
    window.limit = MessageWindow::kMaxLimit;
    const auto s = findSession(c, clientId, window);
    if (!s)
        return;
    double sentimentSum = 0;
    for (const SentimentPoint &p : s->sentimentHistory)
        sentimentSum += agentjson::sentimentScore(p.score);
    double complexitySum = 0;
    int answers = 0;
    qint64 responseMs = 0;
    QStringList models;
    for (const Message &m : s->messages) {
        if (m.role == QLatin1String("customer") || m.role == QLatin1String("internal_note")
            || m.role == QLatin1String("system"))
            continue;
        ++answers;
        complexitySum += agentjson::complexityScore(m);
        responseMs += m.meta.ai ? m.meta.ai->latencyMs : 0;
        if (const QString model = agentjson::modelUsed(m); !models.contains(model))
            models << model;
    }
    // The customer's rating of the session, else the engine's reading.
    const QJsonObject tickets
        = QJsonValue::fromVariant(s->metadata.value(QStringLiteral("agentApiTickets"))).toObject();
    const QJsonValue rated = customerSatisfaction(c, *s, tickets.value(QString::number(ticketCount(*s))).toObject());
    const auto round3 = [](double v) { return qRound(v * 1000.0) / 1000.0; };
    const QJsonObject body{{QStringLiteral("session_id"), clientId},
        {QStringLiteral("total_messages"), s->messageCount},
        {QStringLiteral("avg_sentiment"),
            s->sentimentHistory.isEmpty() ? 0.0 : round3(sentimentSum / double(s->sentimentHistory.size()))},
        {QStringLiteral("avg_complexity"), answers > 0 ? round3(complexitySum / double(answers)) : 0.0},
        {QStringLiteral("models_used"), QJsonArray::fromStringList(models)},
        {QStringLiteral("total_response_time_ms"), responseMs}, {QStringLiteral("escalated"), ticketCount(*s) > 0},
        {QStringLiteral("satisfaction_score"),
            rated.isDouble() ? rated.toDouble() : satisfactionOf(s->customerSentiment)}};
    reply(c, http::HttpResponse::json(200, body));
}

} // namespace tierdesk::api
