// SessionEngine: the reads and commit hooks the API families need, so they ask the
// engine and never reach the store themselves.
#include "core/engine/SessionEngine.h"

namespace tierdesk {

QString SessionEngine::storageFailure() const
{
    const Database &db = m_store.db();
    return db.degraded() ? db.failure() : QString();
}

void SessionEngine::afterCommit(std::function<void(bool committed)> done)
{
    m_store.batch().afterCommit(std::move(done));
}

QList<Company> SessionEngine::companies()
{
    return m_store.companies().all();
}

std::optional<Customer> SessionEngine::customer(const QString &companyId, const QString &customerId)
{
    return m_store.customers().find(companyId, customerId);
}

QList<Order> SessionEngine::recentOrders(const QString &companyId, const QString &customerId, int limit)
{
    return m_store.customers().recentOrders(companyId, customerId, limit);
}

std::optional<Session> SessionEngine::sessionHeader(const QString &sessionId)
{
    return m_store.sessions().find(sessionId.left(128), false);
}

QList<AuditEntry> SessionEngine::auditLog(const QString &companyId, int limit)
{
    return m_store.audit().recent(companyId, limit);
}

QList<WebhookDelivery> SessionEngine::webhookDeliveries(const QString &companyId, int limit)
{
    return m_store.webhooks().deliveries(companyId, limit);
}

QList<WebhookDelivery> SessionEngine::webhookDeliveriesOf(const QString &companyId, const QString &webhookId, int limit)
{
    return m_store.webhooks().deliveriesOf(companyId, webhookId, limit);
}

} // namespace tierdesk
