#pragma once

#include "core/common/Clock.h"
#include "core/domain/SessionEvent.h"
#include "core/engine/actions/Actions.h"
#include "core/engine/dialogue/TurnPlanner.h"
#include "core/engine/pipeline/MessageAnalysis.h"
#include "core/engine/reply/Responder.h"
#include "core/integrations/AddressPolicy.h"
#include "core/store/Store.h"

#include <QObject>
#include <QPointer>

#include <deque>
#include <functional>
#include <memory>

namespace tierdesk {

class ReplyComposer;
class WorkerPool;
class KnowledgeBase;
struct ComposedReply;
struct Turn;

// Who asked, for the audit log, and what they may touch.
struct Actor {
    Actor() = default;
    Actor(QString who, QString roleName, QString address = {}, QString customer = {})
        : subject(std::move(who)), role(std::move(roleName)), clientAddress(std::move(address)),
          customerScope(std::move(customer))
    {
    }

    QString subject = QStringLiteral("system");
    QString role = QStringLiteral("system");
    QString clientAddress;
    // Set for a customer's own client (chat widget): only this customer's
    // sessions exist for it; others are answered as not found.
    QString customerScope;
    // A person's name for what they write (reply metadata): the agent token's
    // "name" claim, else the subject.
    QString displayName;
};

struct CreateSessionRequest {
    QString companyId;
    QString customerId;
    Channel channel = Channel::Chat;
    QString initialMessage;
    std::optional<IssueCategory> issueCategory;
    QJsonObject metadata;
    // Empty: a new random id. Another API family may name the session itself
    // (a valid id not in use; Conflict when it is). Last, so brace-initialised requests keep their order.
    QString id{};
};

struct MessageOutcome {
    Message customerMessage;
    std::optional<Message> aiResponse; // none while a person has the session
    Session session; // the row after this message (no transcript)
    std::optional<EscalationRecord> escalation;
};

// What the agent desk (core/engine/desk/Desk) adds to the engine's own
// changes. The engine calls these inside the change's batch work; false undoes it.
class DeskHooks {
public:
    virtual ~DeskHooks() = default;
    // The session was escalated to HUMAN_AGENT: queue it for a person.
    virtual bool queued(const Session &s, const EscalationRecord &e, qint64 now) = 0;
    // Added to the AI's hand-over reply: when and how a person will answer (may be empty).
    virtual QString handoverNote(const Session &s, const Company &company) = 0;
    // A customer wrote to a session at the human tier.
    virtual void customerWrote(const Session &s) = 0;
    // The session is being resolved: a person's resolve records them and says goodbye;
    // the session leaves the queue.
    virtual bool resolving(Session &s, const Actor &actor, qint64 now) = 0;
};

struct EngineLimits {
    int maxMessageChars = 4000;
    int maxIdChars = 128;
    int maxMetadataBytes = 8192;
    int maxNotesChars = 2000;
    int maxMessagesPerSession = 5000; // beyond: Conflict; a new session starts afresh
};

// The session and escalation engine. Lives on the engine thread with the store;
// every write goes through the store's group-commit batch and every event is
// emitted only once its data is committed.
class SessionEngine : public QObject {
    Q_OBJECT

public:
    SessionEngine(
        Store &store, const Clock &clock, std::unique_ptr<Responder> responder = nullptr, QObject *parent = nullptr);
    ~SessionEngine() override;

    Store &store() { return m_store; }
    const Clock &clock() const { return m_clock; }
    const EngineLimits &limits() const { return m_limits; }
    void setMaxMessagesPerSession(int max) { m_limits.maxMessagesPerSession = qMax(2, max); }

    static constexpr int kMaxCompanyNameChars = 200;
    static constexpr int kMaxResolutionChars = 2000; // a resolution's summary, and each action it lists
    // A company with `config` (default: CsConfig::defaults()); audited as company.create.
    Result<Company> createCompany(const QString &name, const Actor &actor);
    Result<Company> createCompany(const QString &name, const CsConfig &config, const Actor &actor);
    // Audited as company.rename with the old and the new name.
    Result<Company> renameCompany(const QString &id, const QString &name, const Actor &actor);
    Result<Company> company(const QString &id);

    using MessageDone = std::function<void(Result<MessageOutcome>)>;
    using SessionDone = std::function<void(Result<Session>, std::optional<MessageOutcome> first)>;

    // A customer message goes in three phases: (1) decide and act in one transaction,
    // on the message's analysis (made beforehand on a worker thread by postMessage: it
    // reads nothing stored); (2) word the reply from a snapshot off the engine thread
    // (ReplyComposer, with a timeout and the ReplyGuard); (3) store the reply and
    // publish in a second transaction. These run all three and call `done` on the
    // engine thread when the reply is stored (at once on an error), unless
    // `context` is gone by then. A session's messages are handled one at a time.
    void createSession(const CreateSessionRequest &req, const Actor &actor, QObject *context, SessionDone done);
    void postMessage(const QString &companyId, const QString &sessionId, const QString &text, const Actor &actor,
        QObject *context, MessageDone done);
    // The same three phases, the reply worded on the calling thread (command-line
    // tools, tests, benchmarks).
    Result<Session> createSession(
        const CreateSessionRequest &req, const Actor &actor, std::optional<MessageOutcome> *first = nullptr);
    // What the NLU makes of a customer message with the company's settings, stored
    // nowhere (a dry run); `done` on the engine thread unless `context` is gone. The
    // text is checked as a message is (InvalidMessage); an unknown company is NotFound.
    void analyseOnly(const QString &companyId, const QString &text, QObject *context,
        std::function<void(Result<MessageAnalysis>)> done);
    // Get Session: the row, both histories and a window of the transcript.
    Result<Session> session(const QString &companyId, const QString &id, const MessageWindow &window = {},
        const QString &customerScope = {});
    Result<QList<Session>> listSessions(const SessionFilter &filter, int *total);
    Result<MessageOutcome> postMessage(
        const QString &companyId, const QString &sessionId, const QString &text, const Actor &actor);
    // Who words the AI tiers' replies (default: the local responder) and how long they may take.
    void setResponder(std::shared_ptr<Responder> responder);
    void setReplyTimeoutMs(int ms);
    Result<Session> escalate(const QString &companyId, const QString &sessionId, EscalationReason reason, Tier target,
        const QString &notes, const Actor &actor);
    Result<Session> resolve(
        const QString &companyId, const QString &sessionId, const Resolution &resolution, const Actor &actor);

    // Sets metadata[key] of a session (what another API family keeps beside it; the
    // metadata stays within 8 KiB); audited as session.metadata with the key.
    Result<Session> setMetadataEntry(const QString &companyId, const QString &sessionId, const QString &key,
        const QJsonValue &value, const Actor &actor);

    Result<AnalyticsSummary> analytics(const QString &companyId, qint64 startMs, qint64 endMs, GroupBy groupBy);
    Result<CsConfig> config(const QString &companyId);
    // The knowledge base as people edit it (routes under /api/cs/kb).
    KnowledgeBase &knowledge() { return *m_knowledge; }
    Result<CsConfig> updateConfig(const QString &companyId, const QJsonObject &patch, const Actor &actor);

    // Everything about a new webhook that needs no DNS: the company, the URL
    // (http(s), no credentials, an IP-literal host allowed by the address
    // policy), the events and the secret.
    Status checkWebhook(
        const QString &companyId, const QString &url, const QStringList &events, const QByteArray &secret);
    // checkWebhook(), plus every address the URL's host name resolved to (the
    // caller resolves it off this thread) must be allowed.
    Result<Webhook> addWebhook(const QString &companyId, const QString &url, const QStringList &events,
        const QByteArray &secret, const Actor &actor, const QList<QHostAddress> &resolved = {});
    void setWebhookAddressPolicy(const AddressPolicy &policy) { m_webhookAddresses = policy; }
    // The agent desk, when there is one (it outlives neither the engine nor this call's caller).
    void setDesk(DeskHooks *desk) { m_desk = desk; }
    Result<QList<Webhook>> webhooks(const QString &companyId);
    Status removeWebhook(const QString &companyId, const QString &id, const Actor &actor);
    // Whether any company's webhook subscribes to one of `events`.
    bool webhooksSubscribeTo(const QStringList &events) { return m_store.webhooks().anySubscribedTo(events); }
    // Emits subscriptionsChanged() once what the batch holds is committed.
    void announceSubscriptionsAfterCommit();

    // Marks sessions idle for longer than `idleMs` ABANDONED; returns how many.
    int sweepAbandoned(qint64 idleMs);
    void audit(const QString &companyId, const Actor &actor, const QString &action, const QString &resource, int status,
        const QJsonObject &details = {});

    static QStringList webhookEvents();
    // Queues `event` for the company's webhooks that subscribe to it, with another API
    // family's own `data` in the seed envelope {event, timestamp, data}; committed with
    // the writes around it (false when it could not be queued).
    bool queueEvent(const QString &companyId, const QString &event, const QJsonObject &data);

    // Reads and hooks the API families need (EngineQueries.cpp): they ask the engine,
    // never the store.
    // Why the store takes no writes (corrupt, io, readonly), or empty while it is sound.
    QString storageFailure() const;
    // done(committed) once everything written so far is committed (see WriteBatch).
    void afterCommit(std::function<void(bool committed)> done);
    QList<Company> companies();
    std::optional<Customer> customer(const QString &companyId, const QString &customerId);
    QList<Order> recentOrders(const QString &companyId, const QString &customerId, int limit);
    // A session's row without its messages, whatever the company (the caller checks it).
    std::optional<Session> sessionHeader(const QString &sessionId);
    // Newest first (docs/api.md: the audit log, webhook deliveries).
    QList<AuditEntry> auditLog(const QString &companyId, int limit);
    QList<WebhookDelivery> webhookDeliveries(const QString &companyId, int limit);
    QList<WebhookDelivery> webhookDeliveriesOf(const QString &companyId, const QString &webhookId, int limit);

    // Live events cost a copy on every message; they are made only while
    // something is connected to sessionEvent (connect only while listening).
    bool eventsWanted() const;

signals:
    // Emitted after commit; each API family words it in its own format.
    void sessionEvent(const tierdesk::SessionEvent &event);
    void outboxChanged();
    // A webhook or a company's e-mail notifications were stored or removed (after
    // commit): listeners that serve only subscribers look again (SessionEventTap::listenWhile).
    void subscriptionsChanged();

private:
    friend class Desk; // the desk changes sessions with the engine's own helpers

    Result<Session> openSession(const QString &companyId, const QString &id, bool details, const QString &customerScope,
        const MessageWindow &window = {});
    struct NewSession {
        Session session;
        std::shared_ptr<Turn> firstTurn; // with an initial message
    };
    // Phase one of createSession: the row, and the initial message's first phase.
    Result<NewSession> startSession(const CreateSessionRequest &req, const Actor &actor);
    Result<std::pair<Session, Company>> openForMessage(
        const QString &companyId, const QString &sessionId, const Actor &actor);
    // Phase one in its own batch work / phase three in its own (MessageFlow.cpp).
    // `analysed`: the message's analysis made off the engine thread (else it is made here).
    Result<Turn> startTurn(const QString &companyId, const QString &sessionId, const QString &text, const Actor &actor,
        const MessageAnalysis *analysed = nullptr);
    // The message analysed on the worker pool; nullopt when it cannot be (the turn reports why).
    void analyseThen(
        const QString &companyId, const QString &text, std::function<void(std::optional<MessageAnalysis>)> then);
    // Phases two and three of an asynchronous message, after its phase one.
    void continueTurn(
        Result<Turn> turn, const QString &sessionId, const QPointer<QObject> &guard, const MessageDone &done);
    Result<MessageOutcome> endTurn(Turn &turn, const ComposedReply *reply);
    // Inside the caller's batch work: the message, analysis, escalation and actions; the reply and its events.
    Result<Turn> beginTurn(Session &s, const Company &c, const QString &text, const Actor &actor,
        const MessageAnalysis *analysed = nullptr);
    Result<MessageOutcome> finishTurn(Turn &turn, const ComposedReply *reply);
    Message aiMessage(const Turn &turn, const ComposedReply &reply) const;
    // The session's next waiting message, if any, starts (queued).
    void nextTurn(const QString &sessionId);
    // Carries out what the customer confirmed, or puts what they asked for to them as a summary to confirm
    // (worded by `say`).
    ActionReport act(const Session &s, const Customer &customer, const TierCapabilities &caps, const TurnPlan &plan,
        dialogue::DialogueState &state, qint64 now, const Phrases &say);
    std::optional<EscalationRecord> applyEscalation(
        Session &s, Tier target, EscalationReason reason, const QString &notes, bool automatic, qint64 now);
    // Appends to the audit log inside the caller's batch work.
    bool record(const QString &companyId, const Actor &actor, const QString &action, const QString &resource,
        int status, const QJsonObject &details = {});
    // Emits the event once the current batch commits (only while events are wanted).
    void publish(SessionEvent event);
    void queueWebhook(const Session &s, const QString &event, const QJsonObject &data);
    Customer ensureCustomer(const QString &companyId, const QString &customerId, qint64 now);
    // The session row cache: written after every successful change, dropped
    // for a change that failed, emptied if a commit fails.
    void remember(const Session &s);
    void forget(const QString &id) { m_sessions.remove(id); }

    Store &m_store;
    const Clock &m_clock;
    // Companies with their parsed config, read on every message. This engine is
    // the only writer, so it updates the cache whenever it writes a company.
    QHash<QString, Company> m_companies;
    // Session rows (no transcript), read on every message.
    QHash<QString, Session> m_sessions;
    static constexpr int kMaxCachedSessions = 20000;
    std::unique_ptr<WorkerPool> m_workers; // message analysis off the engine thread
    std::unique_ptr<KnowledgeBase> m_knowledge;
    std::unique_ptr<ReplyComposer> m_composer;
    // Sessions with a message in flight, and the messages waiting behind it.
    QHash<QString, std::deque<std::function<void()>>> m_turnsWaiting;
    MessageAnalyzer m_analyzer;
    ActionExecutor m_actions;
    EngineLimits m_limits;
    AddressPolicy m_webhookAddresses; // strict unless the server host says otherwise
    DeskHooks *m_desk = nullptr;
};

} // namespace tierdesk
