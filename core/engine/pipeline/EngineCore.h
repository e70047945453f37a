#pragma once

#include "core/common/Clock.h"
#include "core/domain/SessionEvent.h"
#include "core/engine/actions/Actions.h"
#include "core/engine/pipeline/Actor.h"
#include "core/engine/pipeline/DeskHooks.h"
#include "core/engine/pipeline/EngineLimits.h"
#include "core/engine/reply/providers/ResponderDirectory.h"
#include "core/integrations/AddressPolicy.h"
#include "core/store/Store.h"

#include <QHash>
#include <QObject>

#include <functional>
#include <optional>

namespace tierdesk {

// How the engine's services reach the facade's signals (SessionEngine implements it).
class EngineSignals {
public:
    virtual ~EngineSignals() = default;
    // Live events cost a copy on every message: they are made only while someone listens.
    virtual bool eventsWanted() const = 0;
    virtual void sessionEventCommitted(const SessionEvent &event) = 0;
    virtual void outboxChangedCommitted() = 0;
    virtual void subscriptionsChangedCommitted() = 0;
};

// What every engine service shares: the store and the clock, the limits, the
// company and session caches, the audit log, and events published after commit.
// Lives on the engine thread; every write goes through the store's batch.
class EngineCore : public QObject {
public:
    EngineCore(Store &store, const Clock &clock, EngineSignals &notifier, QObject *parent = nullptr);

    Store &store() const { return m_store; }
    const Clock &clock() const { return m_clock; }
    EngineLimits &limits() { return m_limits; }
    const EngineLimits &limits() const { return m_limits; }
    DeskHooks *desk() const { return m_desk; }
    void setDesk(DeskHooks *desk) { m_desk = desk; }
    // The only code that moves money: the AI tiers' turns and a person's actions go through it.
    ActionExecutor &actions() { return m_actions; }
    const AddressPolicy &webhookAddresses() const { return m_webhookAddresses; }
    void setWebhookAddresses(const AddressPolicy &policy) { m_webhookAddresses = policy; }
    // Where language-model providers may be: this machine, and private networks only by setting.
    const AddressPolicy &modelAddresses() const { return m_modelAddresses; }
    void setModelAddresses(const AddressPolicy &policy)
    {
        m_modelAddresses = policy;
        m_models.setAddressPolicy(policy);
    }
    // The model responder of each company that has one (its "ai" configuration).
    ResponderDirectory &models() { return m_models; }

    // The company with its parsed config (cached: this engine is its only writer).
    Result<Company> company(const QString &id);
    void rememberCompany(const Company &c) { m_companies.insert(c.id, c); }
    // A session of the company (for a customer's client: of that customer), else NotFound;
    // without `details` the cached row, without transcript or histories.
    Result<Session> openSession(const QString &companyId, const QString &id, bool details, const QString &customerScope,
        const MessageWindow &window = {});
    // The session row cache: written after every successful change, dropped
    // for a change that failed, emptied if a commit fails.
    void remember(const Session &s);
    void forget(const QString &id) { m_sessions.remove(id); }
    bool cached(const QString &sessionId) const { return m_sessions.contains(sessionId); }
    // The customer's row, stored first (named `newName`) when the company has none yet.
    Customer ensureCustomer(
        const QString &companyId, const QString &customerId, qint64 now, const QString &newName = {});

    // Appends to the audit log inside the caller's batch work / in a batch work of its own.
    Status record(const QString &companyId, const Actor &actor, const QString &action, const QString &resource,
        AuditOutcome outcome, const QJsonObject &details = {});
    void audit(const QString &companyId, const Actor &actor, const QString &action, const QString &resource,
        AuditOutcome outcome, const QJsonObject &details = {});
    // Any entry, in a batch work of its own (an API family's record of a request).
    void audit(const AuditEntry &entry);

    bool eventsWanted() const { return m_signals.eventsWanted(); }
    // Emits the event once the current batch commits (only while events are wanted).
    void publish(SessionEvent event);
    // Queues a session's webhook event (the seed envelope) inside the caller's batch work.
    void queueWebhook(const Session &s, const QString &event, const QJsonObject &data);
    // Queues `event` with `data` for the company's subscribed webhooks, in a batch work of its own.
    bool queueEvent(const QString &companyId, const QString &event, const QJsonObject &data);
    // Emits subscriptionsChanged() once what the batch holds is committed.
    void announceSubscriptionsAfterCommit();
    // Told, once committed, of every hand-over to a person (agent assist writes its summary then).
    using HandoverListener = std::function<void(const QString &companyId, const QString &sessionId)>;
    void setHandoverListener(HandoverListener listener) { m_handover = std::move(listener); }
    // Moves the session to `target` and records it, inside the caller's batch work; queues it
    // for a person at the human tier.
    std::optional<EscalationRecord> applyEscalation(
        Session &s, Tier target, EscalationReason reason, const QString &notes, bool automatic, qint64 now);

private:
    void announceOutboxAfterCommit();

    Store &m_store;
    const Clock &m_clock;
    EngineSignals &m_signals;
    EngineLimits m_limits;
    ActionExecutor m_actions;
    ResponderDirectory m_models;
    QHash<QString, Company> m_companies; // read on every message
    QHash<QString, Session> m_sessions; // rows without transcript, read on every message
    static constexpr int kMaxCachedSessions = 20000;
    AddressPolicy m_webhookAddresses; // strict unless the server host says otherwise
    AddressPolicy m_modelAddresses = AddressPolicy::forModelProviders(false);
    DeskHooks *m_desk = nullptr;
    HandoverListener m_handover;
};

// [A-Za-z0-9][A-Za-z0-9._:@-]*, at most maxChars: a plain scan, as every message checks its session's id.
bool validSessionId(const QString &id, int maxChars);
// What the metadata limit measures: the metadata as compact JSON, as stored.
qsizetype metadataBytes(const QVariantMap &metadata);

} // namespace tierdesk
