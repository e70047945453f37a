// POST /api/cs/config/simulate: the what-if of a config change (docs/api.md,
// "What-if: replaying a config").
#include "core/api/cs/CsApi.h"

#include "core/api/cs/CsConfigJson.h"
#include "core/api/cs/CsErrors.h"
#include "core/common/Settings.h"
#include "core/common/Time.h"
#include "core/engine/policy/ConfigSimulator.h"
#include "core/engine/policy/ModelTrial.h"

#include <QMap>

namespace tierdesk::api {
namespace {

QJsonValue escalationJson(const ReplayResult &r)
{
    if (!r.first)
        return QJsonValue::Null;
    return QJsonObject{{QStringLiteral("messageIndex"), r.first->messagePosition},
        {QStringLiteral("tier"), toString(r.first->tier)}, {QStringLiteral("reason"), toString(r.first->reason)},
        {QStringLiteral("finalTier"), toString(r.finalTier)}};
}

QJsonObject sessionJson(const SimulatedSession &s)
{
    return {{QStringLiteral("sessionId"), s.id}, {QStringLiteral("customerId"), s.customerId},
        {QStringLiteral("createdAt"), timefmt::iso(s.createdAt)},
        {QStringLiteral("customerMessages"), s.customerMessages}, {QStringLiteral("change"), toString(s.change)},
        {QStringLiteral("before"), escalationJson(s.before)}, {QStringLiteral("after"), escalationJson(s.after)}};
}

// First escalations counted by reason and tier, with the current and the proposed config.
QJsonArray byReasonAndTier(const QList<SimulatedSession> &sessions)
{
    QMap<QPair<QString, QString>, QPair<int, int>> counts;
    for (const SimulatedSession &s : sessions) {
        if (s.before.first)
            ++counts[{toString(s.before.first->reason), toString(s.before.first->tier)}].first;
        if (s.after.first)
            ++counts[{toString(s.after.first->reason), toString(s.after.first->tier)}].second;
    }
    QJsonArray out;
    for (auto it = counts.cbegin(); it != counts.cend(); ++it)
        out.append(QJsonObject{{QStringLiteral("reason"), it.key().first}, {QStringLiteral("tier"), it.key().second},
            {QStringLiteral("before"), it.value().first}, {QStringLiteral("after"), it.value().second}});
    return out;
}

QJsonObject tokensJson(qint64 input, qint64 output)
{
    return {{QStringLiteral("input"), input}, {QStringLiteral("output"), output}};
}

QJsonObject trialTurnJson(const TrialResult &t)
{
    QJsonArray notes;
    for (const QString &n : t.guardNotes)
        notes.append(n);
    return {{QStringLiteral("sessionId"), t.sessionId}, {QStringLiteral("messageIndex"), t.messageIndex},
        {QStringLiteral("tier"), toString(t.tier)}, {QStringLiteral("customerText"), t.customerText},
        {QStringLiteral("model"), t.model}, {QStringLiteral("reply"), t.reply},
        {QStringLiteral("verdict"), toString(t.verdict)},
        {QStringLiteral("fallbackReason"),
            t.fallbackReason.isEmpty() ? QJsonValue(QJsonValue::Null) : QJsonValue(t.fallbackReason)},
        {QStringLiteral("guardNotes"), notes}, {QStringLiteral("latencyMs"), t.latencyMs},
        {QStringLiteral("tokens"), tokensJson(t.inputTokens, t.outputTokens)}, {QStringLiteral("cost"), t.cost},
        {QStringLiteral("currency"), t.currency.isEmpty() ? QJsonValue() : QJsonValue(t.currency)}};
}

QJsonObject trialSummaryJson(const TrialSummary &s)
{
    QJsonObject fallbacks{
        {QStringLiteral("guard"), 0}, {QStringLiteral("timeout"), 0}, {QStringLiteral("provider_error"), 0}};
    for (auto it = s.fallbacks.cbegin(); it != s.fallbacks.cend(); ++it)
        fallbacks.insert(it.key(), it.value());
    return {{QStringLiteral("turns"), s.turns}, {QStringLiteral("guardBreaks"), s.guardBreaks},
        {QStringLiteral("repaired"), s.repaired}, {QStringLiteral("fallbacks"), fallbacks},
        {QStringLiteral("latencyMs"),
            QJsonObject{{QStringLiteral("p50"), s.p50LatencyMs}, {QStringLiteral("p95"), s.p95LatencyMs}}},
        {QStringLiteral("tokens"), tokensJson(s.inputTokens, s.outputTokens)}, {QStringLiteral("cost"), s.cost},
        {QStringLiteral("currency"), s.currency.isEmpty() ? QJsonValue() : QJsonValue(s.currency)}};
}

// The candidate model's replies: the proposed "ai" settings, each turn, and their totals.
QJsonObject modelTrialJson(const ModelTrialReport &r)
{
    QJsonObject out = cs::aiJson(r.ai);
    QJsonArray turns;
    for (const TrialResult &t : r.turns)
        turns.append(trialTurnJson(t));
    out.insert(QStringLiteral("maxTurns"), ModelTrial::kMaxTurns);
    out.insert(QStringLiteral("truncated"), r.truncated);
    out.insert(QStringLiteral("turns"), turns);
    out.insert(QStringLiteral("summary"), trialSummaryJson(summarise(r.turns)));
    return out;
}

QJsonObject reportJson(const QString &companyId, qint64 startMs, qint64 endMs, const SimulationReport &r)
{
    QJsonArray changed;
    QJsonObject byChange;
    for (const SimulatedSession &s : r.sessions) {
        if (s.change == ReplayChange::None)
            continue;
        changed.append(sessionJson(s));
        byChange.insert(toString(s.change), byChange.value(toString(s.change)).toInt() + 1);
    }
    const QJsonObject summary{{QStringLiteral("changedSessions"), changed.size()},
        {QStringLiteral("byChange"), byChange}, {QStringLiteral("byReasonAndTier"), byReasonAndTier(r.sessions)}};
    QJsonObject out{{QStringLiteral("companyId"), companyId},
        {QStringLiteral("period"),
            QJsonObject{
                {QStringLiteral("start"), timefmt::iso(startMs)}, {QStringLiteral("end"), timefmt::iso(endMs)}}},
        {QStringLiteral("sessionsInPeriod"), r.sessionsInPeriod},
        {QStringLiteral("sessionsReplayed"), r.sessionsReplayed},
        {QStringLiteral("messagesReplayed"), r.messagesReplayed}, {QStringLiteral("truncated"), r.truncated},
        {QStringLiteral("sessions"), changed}, {QStringLiteral("summary"), summary}};
    if (r.ai)
        out.insert(QStringLiteral("ai"), modelTrialJson(*r.ai));
    return out;
}

} // namespace

// The body's "period" ({start, end}, ISO 8601; default the last 30 days); answers the
// error itself and returns false when it is not usable.
bool CsApi::simulationPeriod(Call &c, const QJsonValue &period, qint64 *startMs, qint64 *endMs)
{
    const qint64 now = m_engine.clock().nowMs();
    *endMs = now;
    *startMs = now - 30LL * 86400000;
    if (period.isUndefined() || period.isNull())
        return true;
    const QJsonObject p = period.toObject();
    const QDateTime start = timefmt::parseIso(p.value(QLatin1String("start")).toString());
    const QDateTime end = timefmt::parseIso(p.value(QLatin1String("end")).toString());
    if (!period.isObject() || !start.isValid() || !end.isValid()) {
        fail(c,
            cs::error(ErrorKind::InvalidArgument, QStringLiteral("period must be {\"start\", \"end\"} in ISO 8601"),
                {{QStringLiteral("field"), QStringLiteral("period")}}));
        return false;
    }
    *startMs = start.toMSecsSinceEpoch();
    *endMs = end.toMSecsSinceEpoch();
    if (p.value(QLatin1String("end")).toString().size() == 10) // a bare date ends at the end of that day
        *endMs += 86400000 - 1;
    if (*endMs < *startMs || *endMs - *startMs > qint64(ConfigSimulator::kMaxPeriodDays) * 86400000) {
        fail(c,
            cs::error(ErrorKind::InvalidArgument,
                QStringLiteral("period must end after it starts and span at most %1 days")
                    .arg(ConfigSimulator::kMaxPeriodDays),
                {{QStringLiteral("field"), QStringLiteral("period")},
                    {QStringLiteral("maxDays"), ConfigSimulator::kMaxPeriodDays}}));
        return false;
    }
    return true;
}

void CsApi::simulateConfig(Call &c)
{
    auto body = companyBody(c);
    if (!body)
        return;
    SimulationRequest request;
    request.companyId = c.who.company;
    if (!simulationPeriod(c, body->value(QLatin1String("period")), &request.startMs, &request.endMs))
        return;
    body->remove(QStringLiteral("period"));
    const auto current = m_engine.config(request.companyId);
    if (!current)
        return fail(c, current.error());
    const auto proposed = cs::mergeConfig(*current, *body); // the same check as PUT /config
    if (!proposed)
        return fail(c, proposed.error());
    request.proposed = *proposed;
    // A client that has gone costs nothing more: no further copying, no further model calls.
    request.stillWanted = [res = c.res] { return res.isConnected(); };
    if (const AppSettings *ini = m_serverSettings.settings) {
        request.replyTimeoutMs = qBound(1, ini->intValue(settings::ReplyTimeoutMs), 600000);
        request.maxModelCalls = qBound(1, ini->intValue(settings::AiMaxConcurrent), 256);
    }
    if (!m_simulator)
        m_simulator = std::make_unique<ConfigSimulator>(m_engine);
    const qint64 startMs = request.startMs;
    const qint64 endMs = request.endMs;
    const Status started
        = m_simulator->simulate(request, this, [this, later = defer(c), startMs, endMs](SimulationReport report) {
              Call call = later->call();
              reply(call, http::HttpResponse::json(200, reportJson(call.who.company, startMs, endMs, report)));
          });
    if (!started)
        fail(c, started.error());
}

} // namespace tierdesk::api
