#include "core/engine/SessionEngine.h"

#include "core/engine/admin/KnowledgeBase.h"
#include "core/integrations/SecretBox.h"

#include <QMetaMethod>

namespace tierdesk {

SessionEngine::SessionEngine(Store &store, const Clock &clock, std::unique_ptr<Responder> responder, QObject *parent)
    : QObject(parent), m_core(store, clock, *this), m_companies(m_core), m_sessions(m_core), m_webhooks(m_core),
      m_conversation(std::make_unique<Conversation>(m_core, m_connectors, std::move(responder)))
{
    m_knowledge = std::make_unique<KnowledgeBase>(*this, store, clock);
    m_money.install();
    m_conversation->setMoneyOutbox(&m_money);
    if (!store.webhooks().hasSealer()) // a store opened without a secret store (tests, tools)
        store.webhooks().setSealer(std::make_shared<SecretBox>(SecretBox::ephemeral()));
}

SessionEngine::~SessionEngine()
{
    // Messages still being analysed or worded are dropped with their callbacks.
    m_conversation.reset();
    // Callbacks waiting for the commit point at this engine: run them now.
    m_core.store().batch().flush();
}

bool SessionEngine::eventsWanted() const
{
    static const QMetaMethod signal = QMetaMethod::fromSignal(&SessionEngine::sessionEvent);
    return isSignalConnected(signal);
}

Result<Company> SessionEngine::createCompany(const QString &name, const Actor &actor)
{
    return m_companies.create(name, CsConfig::defaults(), actor);
}

Result<Company> SessionEngine::createCompany(const QString &name, const CsConfig &config, const Actor &actor)
{
    return m_companies.create(name, config, actor);
}

Result<Company> SessionEngine::renameCompany(const QString &id, const QString &name, const Actor &actor)
{
    return m_companies.rename(id, name, actor);
}

Result<CsConfig> SessionEngine::updateConfig(
    const QString &companyId, const CsConfig &config, const QJsonObject &auditDetails, const Actor &actor)
{
    return m_companies.updateConfig(companyId, config, auditDetails, actor);
}

void SessionEngine::createSession(
    const CreateSessionRequest &req, const Actor &actor, QObject *context, SessionDone done)
{
    m_conversation->createSession(req, actor, context, std::move(done));
}

void SessionEngine::postMessage(const QString &companyId, const QString &sessionId, const QString &text,
    const Actor &actor, QObject *context, MessageDone done, const MessageMeta &meta)
{
    m_conversation->postMessage(companyId, sessionId, text, actor, context, std::move(done), meta);
}

Result<Session> SessionEngine::createSession(
    const CreateSessionRequest &req, const Actor &actor, std::optional<MessageOutcome> *first)
{
    return m_conversation->createSession(req, actor, first);
}

Result<MessageOutcome> SessionEngine::postMessage(
    const QString &companyId, const QString &sessionId, const QString &text, const Actor &actor)
{
    return m_conversation->postMessage(companyId, sessionId, text, actor);
}

void SessionEngine::analyseOnly(
    const QString &companyId, const QString &text, QObject *context, std::function<void(Result<MessageAnalysis>)> done)
{
    m_conversation->analyseOnly(companyId, text, context, std::move(done));
}

void SessionEngine::setResponder(std::shared_ptr<Responder> responder)
{
    m_conversation->setResponder(std::move(responder));
}

void SessionEngine::setReplyTimeoutMs(int ms)
{
    m_conversation->setReplyTimeoutMs(ms);
}

void SessionEngine::setMaxModelCalls(int calls)
{
    m_conversation->setMaxModelCalls(calls);
    m_assist.setMaxConcurrent(calls);
}

Result<Session> SessionEngine::session(
    const QString &companyId, const QString &id, const MessageWindow &window, const QString &customerScope)
{
    return m_sessions.find(companyId, id, window, customerScope);
}

Result<QList<Session>> SessionEngine::listSessions(const SessionFilter &filter, int *total)
{
    return m_sessions.list(filter, total);
}

Result<Session> SessionEngine::escalate(const QString &companyId, const QString &sessionId, EscalationReason reason,
    Tier target, const QString &notes, const Actor &actor)
{
    return m_sessions.escalate(companyId, sessionId, reason, target, notes, actor);
}

Result<Session> SessionEngine::resolve(const QString &companyId, const QString &sessionId, const Resolution &resolution,
    const Actor &actor, const std::optional<QString> &closingMessage)
{
    return m_sessions.resolve(companyId, sessionId, resolution, actor, closingMessage);
}

Result<Session> SessionEngine::setMetadataEntry(
    const QString &companyId, const QString &sessionId, const QString &key, const QVariant &value, const Actor &actor)
{
    return m_sessions.setMetadataEntry(companyId, sessionId, key, value, actor);
}

Result<AnalyticsSummary> SessionEngine::analytics(
    const QString &companyId, qint64 startMs, qint64 endMs, GroupBy groupBy)
{
    return m_sessions.analytics(companyId, startMs, endMs, groupBy);
}

Status SessionEngine::recordQuery(const AnsweredQuery &query)
{
    return m_core.store().modelUsage().recordQuery(query);
}

Result<QueryTotals> SessionEngine::queryTotals(const QString &companyId, qint64 startMs, qint64 endMs)
{
    return m_core.store().modelUsage().queryTotals(companyId, startMs, endMs);
}

bool SessionEngine::queueEvent(const QString &companyId, const QString &event, const QJsonObject &data)
{
    return m_core.queueEvent(companyId, event, data);
}

void SessionEngine::audit(const QString &companyId, const Actor &actor, const QString &action, const QString &resource,
    AuditOutcome outcome, const QJsonObject &details)
{
    m_core.audit(companyId, actor, action, resource, outcome, details);
}

void SessionEngine::audit(const QString &companyId, const Actor &actor, const QString &action, const QString &resource,
    int answeredStatus, const QJsonObject &details)
{
    AuditEntry entry{clock().nowMs(), companyId, actor.subject, actor.role, action, resource, actor.clientAddress,
        AuditOutcome::System, details.toVariantMap()};
    entry.answeredStatus = answeredStatus;
    m_core.audit(entry);
}

QList<AuditEntry> SessionEngine::auditLog(const QString &companyId, int limit)
{
    return m_core.store().audit().recent(companyId, limit);
}

std::optional<Customer> SessionEngine::customer(const QString &companyId, const QString &customerId)
{
    return m_core.store().customers().find(companyId, customerId);
}

QList<Order> SessionEngine::recentOrders(const QString &companyId, const QString &customerId, int limit)
{
    return m_core.store().customers().recentOrders(companyId, customerId, limit);
}

QString SessionEngine::storageFailure() const
{
    const Database &db = m_core.store().db();
    return db.degraded() ? db.failure() : QString();
}

bool SessionEngine::storageReconnecting(const QString &failure)
{
    return failure == QLatin1String(Database::kConnectionLost);
}

QString SessionEngine::storageBackend() const
{
    return m_core.store().db().backendName();
}

void SessionEngine::afterCommit(std::function<void(bool committed)> done)
{
    m_core.store().batch().afterCommit(std::move(done));
}

bool SessionEngine::flush()
{
    return m_core.store().batch().flush();
}

} // namespace tierdesk
