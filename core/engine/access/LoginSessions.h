#pragma once

#include "core/domain/LoginSession.h"
#include "core/engine/SessionEngine.h"
#include "core/store/LoginSessionRepo.h"

#include <QHash>
#include <QObject>
#include <QTimer>

namespace tierdesk {

// The sign-ins of the people at the desk (docs/api.md, "Sign-in"), on the engine thread. Every
// login opens one; its token carries the id ("sid"). A token is refused from the moment its
// session ends: the ended ids are kept in memory (loaded at start, grown at each end here,
// read again when another instance of a team says it ended some), so the check on every
// request is one hash look-up. When a session was last seen is kept in memory too and written
// about once a minute.
class LoginSessions : public QObject {
    Q_OBJECT

public:
    static constexpr int kMaxDeviceChars = 100;
    static constexpr int kMaxListed = 100;
    static constexpr int kFlushMs = 60 * 1000;
    // Ended sessions are read again this far back (clocks of a team's servers differ a little).
    static constexpr qint64 kRefreshOverlapMs = 10 * 60 * 1000;
    // A session's record is kept this long after its token expired, then forgotten.
    static constexpr qint64 kKeptAfterExpiryMs = 30LL * 24 * 3600 * 1000;

    explicit LoginSessions(SessionEngine &engine, QObject *parent = nullptr);
    ~LoginSessions() override;

    // A new session for a login of `agent` whose token expires at `expiresAtMs`; the device name
    // is trimmed to kMaxDeviceChars. Stored in the open write batch (the login answers after commit).
    Result<LoginSession> open(
        const Agent &agent, const QString &method, const QString &device, const QString &address, qint64 expiresAtMs);
    // Whether a token of session `sessionId` still holds: Unauthenticated once it ended. Notes
    // that the session was seen. Memory only: asked on every request.
    Status refusal(const QString &sessionId);
    std::optional<LoginSession> find(const QString &sessionId);
    // The agent's sessions that hold, newest first, with when they were last seen.
    QList<LoginSession> live(const QString &agentId);
    // Ends session `sessionId` of the agent (audited): NotFound when it is not theirs; ending an
    // ended one is fine.
    Status end(const QString &agentId, const QString &sessionId, const QString &reason, const Actor &actor);
    // Ends every session of the agent (audited); how many it ended.
    Result<int> endAll(const Agent &agent, const QString &reason, const Actor &actor);
    // endAll() inside a write batch the caller runs (a change of the agent), without its own audit row.
    Result<QStringList> endAllInBatch(const QString &agentId, const QString &reason);
    // Reads what other instances ended since the last read (their announcement, the team's poll).
    void refreshEnded();
    // Writes when the sessions seen since the last flush were last seen (also at shutdown).
    void flushSeen();

signals:
    // These sessions ended (here or on another instance): their WebSockets close.
    void ended(const QStringList &sessionIds);

private:
    // Refused from now on; says so to the WebSockets (ended()).
    void markEnded(const QList<EndedLoginSession> &sessions);
    void pruneEnded(qint64 nowMs);
    void writeSeen();

    SessionEngine &m_engine;
    LoginSessionRepo m_repo;
    QHash<QString, qint64> m_ended; // id -> when its token expires (ms): refused until then
    QHash<QString, qint64> m_seen; // id -> last seen (ms), not yet written
    QTimer m_flush;
    qint64 m_lastRefresh = 0;
    qint64 m_lastPrune = 0;
};

} // namespace tierdesk
