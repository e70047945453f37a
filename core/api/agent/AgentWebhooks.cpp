// Seed 002's webhooks: escalation.created and session.closed, queued on the engine's
// outbox (signed and retried like every webhook: docs/api.md, "Webhooks").
#include "core/api/agent/AgentApi.h"

namespace tierdesk::api {

void AgentApi::escalationCreated(const QString &company, const QJsonObject &ticket)
{
    m_engine.queueEvent(company, QStringLiteral("escalation.created"),
        {{QStringLiteral("ticket_id"), ticket.value(QLatin1String("ticket_id"))},
            {QStringLiteral("session_id"), ticket.value(QLatin1String("session_id"))},
            {QStringLiteral("customer_id"), ticket.value(QLatin1String("customer_id"))},
            {QStringLiteral("priority"), ticket.value(QLatin1String("priority"))},
            {QStringLiteral("reason"), ticket.value(QLatin1String("reason"))}});
}

void AgentApi::sessionClosed(const Session &s, const QString &clientName)
{
    const qint64 end = s.resolvedAt > 0 ? s.resolvedAt : m_engine.clock().nowMs();
    m_engine.queueEvent(s.companyId, QStringLiteral("session.closed"),
        {{QStringLiteral("session_id"), clientName}, {QStringLiteral("customer_id"), s.customerId},
            {QStringLiteral("duration_minutes"), qMax<qint64>(0, (end - s.createdAt) / 60000)},
            {QStringLiteral("message_count"), s.messageCount}, {QStringLiteral("escalated"), ticketCount(s) > 0}});
}

} // namespace tierdesk::api
