// GET /health and GET /api/status.
#include "core/api/agent/AgentApi.h"

#include "core/api/agent/AgentErrors.h"
#include "core/common/Time.h"

namespace tierdesk::api {

// Unauthenticated, as monitors call it: says only whether the parts answer and the version.
void AgentApi::health(const http::HttpRequest &, const http::HttpResponder &res)
{
    const qint64 now = m_engine.clock().nowMs();
    const QString failure = m_engine.storageFailure();
    const QString healthy = QStringLiteral("healthy");
    // The companies' CRMs (their `ticket` connectors): a CRM that fails degrades, never stops, the service.
    const QString crm = failure.isEmpty() ? m_engine.connectors().tickets().health() : healthy;
    const QJsonObject services{{QStringLiteral("database"), failure.isEmpty() ? healthy : QStringLiteral("unhealthy")},
        {QStringLiteral("ai_tiers"), healthy}, {QStringLiteral("knowledge_base"), healthy},
        {QStringLiteral("crm_system"), crm}};
    const QString overall
        = !failure.isEmpty() ? QStringLiteral("unhealthy") : (crm == healthy ? healthy : QStringLiteral("degraded"));
    const QJsonObject body{{QStringLiteral("status"), overall}, {QStringLiteral("timestamp"), timefmt::iso(now)},
        {QStringLiteral("version"), QStringLiteral(TIERDESK_VERSION)}, {QStringLiteral("services"), services},
        {QStringLiteral("uptime_seconds"), (now - m_startedAtMs) / 1000}};
    res.send(http::HttpResponse::json(failure.isEmpty() ? 200 : 503, body));
}

void AgentApi::status(const CallPtr &c)
{
    SessionFilter active;
    active.companyId = c->company;
    active.status = SessionStatus::Active;
    active.limit = 1;
    int activeCount = 0;
    SessionFilter queued = active;
    queued.status = SessionStatus::Escalated;
    queued.tier = Tier::HumanAgent;
    int queueLength = 0;
    const auto a = m_engine.listSessions(active, &activeCount);
    const auto q = m_engine.listSessions(queued, &queueLength);
    if (!a)
        return fail(c, a.error());
    if (!q)
        return fail(c, q.error());
    const double avg
        = m_counters.queries > 0 ? double(m_counters.responseTimeMsTotal) / double(m_counters.queries) : 0.0;
    const double errorRate
        = m_counters.requests > 0 ? double(m_counters.serverErrors) / double(m_counters.requests) : 0.0;
    const QJsonObject body{
        {QStringLiteral("system_status"),
            m_engine.storageFailure().isEmpty() ? QStringLiteral("operational") : QStringLiteral("degraded")},
        {QStringLiteral("active_sessions"), activeCount}, {QStringLiteral("queue_length"), queueLength},
        {QStringLiteral("avg_response_time_ms"), avg}, {QStringLiteral("error_rate"), errorRate},
        {QStringLiteral("last_deployment"), timefmt::iso(m_startedAtMs)}};
    reply(c, http::HttpResponse::json(200, body));
}

} // namespace tierdesk::api
