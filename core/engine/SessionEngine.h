#pragma once

#include "core/engine/admin/AiProviders.h"
#include "core/engine/admin/CompanyService.h"
#include "core/engine/admin/WebhookService.h"
#include "core/engine/channels/SatisfactionSurveys.h"
#include "core/engine/knowledge/KnowledgeGaps.h"
#include "core/engine/pipeline/Conversation.h"
#include "core/engine/pipeline/EngineCore.h"
#include "core/engine/pipeline/SessionRatings.h"
#include "core/engine/pipeline/SessionService.h"
#include "core/engine/reply/AssistService.h"
#include "core/engine/sources/Connectors.h"
#include "core/engine/sources/MoneyOutbox.h"

#include <QObject>

#include <functional>
#include <memory>

namespace tierdesk {

class KnowledgeBase;

// The session and escalation engine's facade. Lives on the engine thread with the
// store; it owns the services (EngineCore's shared state, companies, sessions, the
// customer's turns, webhooks, the knowledge base) and hands callers to them. Every
// write goes through the store's group-commit batch and every event is emitted only
// once its data is committed. Callers never reach the store: the engine's own
// services (desk, admin, access, policy, demo) share core().
class SessionEngine : public QObject, private EngineSignals {
    Q_OBJECT

public:
    SessionEngine(
        Store &store, const Clock &clock, std::unique_ptr<Responder> responder = nullptr, QObject *parent = nullptr);
    ~SessionEngine() override;

    EngineCore &core() { return m_core; }
    const Clock &clock() const { return m_core.clock(); }
    const EngineLimits &limits() const { return m_core.limits(); }
    void setMaxMessagesPerSession(int max) { m_core.limits().maxMessagesPerSession = qMax(2, max); }

    static constexpr int kMaxCompanyNameChars = CompanyService::kMaxCompanyNameChars;
    static constexpr int kMaxResolutionChars = SessionService::kMaxResolutionChars;

    // Companies and their configuration (admin/CompanyService).
    Result<Company> createCompany(const QString &name, const Actor &actor);
    Result<Company> createCompany(const QString &name, const CsConfig &config, const Actor &actor);
    Result<Company> renameCompany(const QString &id, const QString &name, const Actor &actor);
    Result<Company> company(const QString &id) { return m_companies.find(id); }
    QList<Company> companies() { return m_companies.all(); }
    Result<CsConfig> config(const QString &companyId) { return m_companies.config(companyId); }
    std::optional<Company> companyForNumber(const QString &number) { return m_companies.findByNumber(number); }
    Result<CsConfig> updateConfig(
        const QString &companyId, const CsConfig &config, const QJsonObject &auditDetails, const Actor &actor);
    Result<QString> sipDigestPassword(const VoiceSettings &voice) const { return m_companies.sipDigestPassword(voice); }

    // The customer's turns (pipeline/Conversation): see there.
    using MessageDone = Conversation::MessageDone;
    using SessionDone = Conversation::SessionDone;
    void createSession(const CreateSessionRequest &req, const Actor &actor, QObject *context, SessionDone done);
    // `meta`: what the customer's message carries (a caller's recognised words: `asr`).
    void postMessage(const QString &companyId, const QString &sessionId, const QString &text, const Actor &actor,
        QObject *context, MessageDone done, const MessageMeta &meta = {});
    Result<Session> createSession(
        const CreateSessionRequest &req, const Actor &actor, std::optional<MessageOutcome> *first = nullptr);
    Result<MessageOutcome> postMessage(
        const QString &companyId, const QString &sessionId, const QString &text, const Actor &actor);
    // What the NLU makes of a customer message, stored nowhere (a dry run). The text is
    // checked as a message is (InvalidMessage); an unknown company is NotFound.
    void analyseOnly(const QString &companyId, const QString &text, QObject *context,
        std::function<void(Result<MessageAnalysis>)> done);
    // Who words the AI tiers' replies (default: the local responder) and how long they may take.
    void setResponder(std::shared_ptr<Responder> responder);
    void setReplyTimeoutMs(int ms);
    void setMaxModelCalls(int calls); // ai/maxConcurrent

    // Sessions (pipeline/SessionService): see there.
    Result<Session> session(const QString &companyId, const QString &id, const MessageWindow &window = {},
        const QString &customerScope = {});
    Result<QList<Session>> listSessions(const SessionFilter &filter, int *total);
    std::optional<Session> sessionHeader(const QString &sessionId) { return m_sessions.header(sessionId); }
    Result<Session> escalate(const QString &companyId, const QString &sessionId, EscalationReason reason, Tier target,
        const QString &notes, const Actor &actor);
    // closingMessage: what a person's goodbye to the customer says instead of the default (empty: none).
    Result<Session> resolve(const QString &companyId, const QString &sessionId, const Resolution &resolution,
        const Actor &actor, const std::optional<QString> &closingMessage = std::nullopt);
    Result<Session> setMetadataEntry(const QString &companyId, const QString &sessionId, const QString &key,
        const QVariant &value, const Actor &actor);
    int sweepAbandoned(qint64 idleMs) { return m_sessions.sweepAbandoned(idleMs); }
    Result<AnalyticsSummary> analytics(const QString &companyId, qint64 startMs, qint64 endMs, GroupBy groupBy);
    // Seed 002's answered queries (api_queries), and their totals with their replies' cost for /api/metrics.
    Status recordQuery(const AnsweredQuery &query);
    Result<QueryTotals> queryTotals(const QString &companyId, qint64 startMs, qint64 endMs);

    // The customers' ratings of resolved sessions (pipeline/SessionRatings): see there.
    SessionRatings &ratings() { return m_ratings; }
    // The ratings asked by mail and text after a resolution (channels/SatisfactionSurveys).
    SatisfactionSurveys &surveys() { return m_surveys; }

    // Webhooks (admin/WebhookService): registration, listing, removal, deliveries.
    WebhookService &webhooks() { return m_webhooks; }
    void setWebhookAddressPolicy(const AddressPolicy &policy) { m_core.setWebhookAddresses(policy); }
    void setModelAddressPolicy(const AddressPolicy &policy) { m_core.setModelAddresses(policy); }

    // Language-model providers (admin/AiProviders).
    AiProviders &aiProviders() { return m_aiProviders; }
    // The company's own systems: connectors (sources/Connectors).
    Connectors &connectors() { return m_connectors; }
    // Money at the companies' payment providers (sources/MoneyOutbox): calls, settling, webhooks.
    MoneyOutbox &money() { return m_money; }
    // AI help for the people at the desk: drafts, summaries, translation (reply/AssistService).
    AssistService &assist() { return m_assist; }
    // Queues `event` for the company's webhooks that subscribe to it, with another API
    // family's own `data` in the seed envelope {event, timestamp, data}; committed with
    // the writes around it (false when it could not be queued).
    bool queueEvent(const QString &companyId, const QString &event, const QJsonObject &data);
    // Emits subscriptionsChanged() once what the batch holds is committed.
    void announceSubscriptionsAfterCommit() { m_core.announceSubscriptionsAfterCommit(); }

    // The knowledge base as people edit it (routes under /api/cs/kb).
    KnowledgeBase &knowledge() { return *m_knowledge; }
    // What customers asked that the company's knowledge did not answer (/api/cs/kb/gaps).
    KnowledgeGaps &gaps() { return m_gaps; }
    // The agent desk, when there is one (it outlives neither the engine nor this call's caller).
    void setDesk(DeskHooks *desk) { m_core.setDesk(desk); }
    void audit(const QString &companyId, const Actor &actor, const QString &action, const QString &resource,
        AuditOutcome outcome, const QJsonObject &details = {});
    // An API family's record of a request it answered with `answeredStatus` (api/ knows what that is).
    void audit(const QString &companyId, const Actor &actor, const QString &action, const QString &resource,
        int answeredStatus, const QJsonObject &details = {});
    // Newest first (docs/api.md: the audit log).
    QList<AuditEntry> auditLog(const QString &companyId, int limit);
    std::optional<Customer> customer(const QString &companyId, const QString &customerId);
    QList<Order> recentOrders(const QString &companyId, const QString &customerId, int limit);

    // Why the store takes no writes (corrupt, io, readonly), or empty while it is sound.
    QString storageFailure() const;
    // Whether `failure` (storageFailure()) is a lost PostgreSQL connection, which the store mends itself.
    static bool storageReconnecting(const QString &failure);
    // Which database holds the store: "sqlite" or "postgresql".
    QString storageBackend() const;
    // Team mode: whether this instance runs the team's timers now (api::TeamLeader); always on SQLite.
    bool runsTimers() const { return m_runsTimers; }
    void setRunsTimers(bool runs) { m_runsTimers = runs; }
    // done(committed) once everything written so far is committed (see WriteBatch).
    void afterCommit(std::function<void(bool committed)> done);
    // Commits what is waiting in the batch now; false when the commit failed.
    bool flush();

    // Live events cost a copy on every message; they are made only while
    // something is connected to sessionEvent (connect only while listening).
    bool eventsWanted() const override;

signals:
    // Emitted after commit; each API family words it in its own format.
    void sessionEvent(const tierdesk::SessionEvent &event);
    void outboxChanged();
    // A webhook or a company's e-mail notifications were stored or removed (after
    // commit): listeners that serve only subscribers look again (SessionEventTap::listenWhile).
    void subscriptionsChanged();

private:
    void sessionEventCommitted(const SessionEvent &event) override { emit sessionEvent(event); }
    void outboxChangedCommitted() override { emit outboxChanged(); }
    void subscriptionsChangedCommitted() override { emit subscriptionsChanged(); }

    EngineCore m_core;
    CompanyService m_companies;
    SessionService m_sessions;
    SessionRatings m_ratings{m_core};
    SatisfactionSurveys m_surveys{m_core, m_ratings};
    WebhookService m_webhooks;
    AiProviders m_aiProviders{m_core};
    AssistService m_assist{m_core, m_aiProviders};
    Connectors m_connectors{m_core};
    MoneyOutbox m_money{m_core, m_connectors};
    KnowledgeGaps m_gaps{m_core, &m_assist};
    std::unique_ptr<Conversation> m_conversation;
    std::unique_ptr<KnowledgeBase> m_knowledge;
    bool m_runsTimers = true;
};

} // namespace tierdesk
