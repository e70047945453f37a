#pragma once

#include "core/engine/SessionEngine.h"
#include "core/engine/access/AgentAvailability.h"
#include "core/engine/access/LoginSessions.h"

#include <QHash>
#include <QObject>

#include <optional>

namespace tierdesk {

// What an agent is doing, as others see it: offline while none of the agent's
// WebSockets is open, else what the agent set (available unless set away).
enum class Presence { Available, Away, Offline };
QString presenceName(Presence p);
// "available" or "away": the values an agent may set.
std::optional<Presence> parseSettablePresence(const QString &name);

struct NewAgent {
    QString companyId;
    QString email;
    QString name;
    QString role = QStringLiteral("agent");
    QStringList queues; // empty: the default queues
};

// A company made through the API with its first admin (POST /api/cs/companies).
struct FoundedCompany {
    Company company;
    Agent admin;
};

// What an admin changes of an agent (PATCH /api/cs/agents/:id); unset fields stay.
struct AgentChange {
    std::optional<QString> name;
    std::optional<QString> role;
    std::optional<QStringList> queues;
    std::optional<bool> active;
    std::optional<int> capacity; // Agent::kMinCapacity..kMaxCapacity
    std::optional<bool> weeklySummary; // turned on only for a supervisor or an admin
};

// The people who log in to the console, on the engine thread: creation,
// login lookups and presence. Writes go through the store's group-commit batch
// and are audited. Password hashing is the caller's (it is slow: see
// PasswordHasher), except in create(), made for the command line.
class AgentDirectory : public QObject, public AgentAvailability {
    Q_OBJECT

public:
    static constexpr int kMaxNameChars = 100;
    static constexpr int kMaxEmailChars = 254;
    static constexpr int kMaxQueues = 20;
    static constexpr int kMaxQueueChars = 64;

    explicit AgentDirectory(SessionEngine &engine, QObject *parent = nullptr);
    // The sign-ins that deactivation, a new password or another role end (none: nothing ends).
    void setSessions(LoginSessions *sessions) { m_sessions = sessions; }

    static QStringList defaultQueues();
    // Validates and normalises (trimmed name, lower-case e-mail, queues); the
    // company must exist and the e-mail be free (else Conflict).
    Result<NewAgent> check(const NewAgent &a);
    // The part of check() an existing agent's change needs: name, role and queues.
    Result<NewAgent> checkProfile(const NewAgent &a);
    // Stores an agent whose password the caller hashed. With onlyIfFirst the
    // agent is stored only while there is no agent at all (else Forbidden).
    Result<Agent> insert(const NewAgent &a, const QString &passwordHash, const Actor &actor, bool onlyIfFirst = false);
    // check(), hash on this thread, insert(): for the command line.
    Result<Agent> create(const NewAgent &a, const QString &password, const Actor &actor);

    bool empty();
    // Active agents only.
    std::optional<Agent> findByEmail(const QString &email);
    // An agent with this e-mail exists and is deactivated (for the audit of a refused login).
    bool isDeactivated(const QString &email);
    std::optional<Agent> find(const QString &companyId, const QString &id);
    Result<QList<Agent>> list(const QString &companyId, bool includeInactive = false);

    // A new company with its first admin (role admin), both stored or neither
    // (AgentDirectoryAdmin.cpp). Conflict for a name in use or kMaxCompanies reached.
    static constexpr int kMaxCompanies = 100;
    Result<FoundedCompany> foundCompany(const QString &name, const CsConfig &config, const NewAgent &admin,
        const QString &passwordHash, const Actor &actor);

    // An admin's change (AgentDirectoryAdmin.cpp). Conflict when it would deactivate the
    // caller or leave the company without an active admin. Deactivating or changing
    // the role ends the agent's login tokens at once (tokensValidAfter, LoginSessions).
    Result<Agent> change(const QString &companyId, const QString &id, const AgentChange &change, const Actor &actor);
    // A new password (hashed by the caller); the agent's login tokens stop working.
    Result<Agent> setPassword(
        const QString &companyId, const QString &id, const QString &passwordHash, const Actor &actor);
    // Whether a login token of agent `agentId` issued at `issuedAt` (unix seconds) still
    // holds: Unauthenticated, saying why, when the agent was deactivated or their password
    // or role changed after it was issued. Tokens naming no stored agent pass here.
    Status tokenRefusal(const QString &agentId, qint64 issuedAt);
    // The "iat" of a new login token: never before the agent's tokensValidAfter, so a
    // login in the same second as a password change is not refused.
    qint64 loginIssuedAt(const Agent &a) const;

    void recordLogin(const Agent &a, const QString &clientAddress, const QString &sessionId);
    // companyId is empty for an unknown e-mail.
    void recordLoginFailure(const QString &companyId, const QString &agentId, const QString &email,
        const QString &reason, const QString &clientAddress);

    Presence presence(const QString &agentId) const;
    // Someone present and not away answers this queue (the desk asks on hand-over).
    bool anyAvailable(const QString &companyId, const QString &queue) const override;
    bool isAvailable(const QString &agentId) const override { return presence(agentId) == Presence::Available; }
    Result<Agent> setPresence(const QString &companyId, const QString &agentId, Presence p, const Actor &actor);
    // A WebSocket of this agent opened or closed (WsHub).
    void socketOpened(const QString &companyId, const QString &agentId);
    void socketClosed(const QString &agentId);

signals:
    // The effective presence changed: presence is "available", "away" or "offline".
    void presenceChanged(const QString &companyId, const QString &agentId, const QString &presence);
    // An admin changed the agent (queues, capacity, role, active), once committed.
    void agentChanged(const QString &companyId, const QString &agentId, bool active);

private:
    struct Live {
        QString companyId;
        int sockets = 0;
        bool away = false;
    };
    void audit(const QString &companyId, const Actor &actor, const QString &action, const QString &resource,
        AuditOutcome outcome, const QJsonObject &details);
    void changed(const QString &agentId, Presence before);
    // Inside a write batch: ends the agent's sign-ins (false when that cannot be written).
    bool endSessions(const QString &agentId, const QString &reason);

    SessionEngine &m_engine;
    Store &m_store;
    LoginSessions *m_sessions = nullptr;
    QHash<QString, Live> m_live; // by agent id; in memory: presence starts over with the server
};

} // namespace tierdesk
