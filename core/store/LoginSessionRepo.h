#pragma once

#include "core/common/Result.h"
#include "core/domain/LoginSession.h"
#include "core/store/Database.h"

#include <QList>
#include <QStringList>

#include <optional>

namespace tierdesk {

// An ended session: refused until its token would have expired anyway.
struct EndedLoginSession {
    QString id;
    qint64 expiresAt = 0; // ms
};

// The login_sessions table (migration 37). Ending a session announces it to the other instances
// of a team (TeamEventRepo::kLoginChannel) when its transaction commits.
class LoginSessionRepo {
public:
    explicit LoginSessionRepo(Database &db) : m_db(db) { }
    Status insert(const LoginSession &s);
    std::optional<LoginSession> find(const QString &id);
    // The agent's sessions that hold at `nowMs`, newest first, at most `limit`.
    QList<LoginSession> live(const QString &agentId, qint64 nowMs, int limit);
    // True when this call ended it (false: ended before, or unknown).
    Result<bool> end(const QString &id, qint64 atMs, const QString &reason);
    // Ends every session of the agent that holds at `atMs`; those it ended.
    Result<QList<EndedLoginSession>> endAllOf(const QString &agentId, qint64 atMs, const QString &reason);
    // Sessions ended at or after `sinceMs` whose tokens have not expired at `nowMs`.
    QList<EndedLoginSession> endedSince(qint64 sinceMs, qint64 nowMs);
    Status touch(const QString &id, qint64 lastSeenMs);
    // Forgets sessions that expired before `beforeMs`; how many went.
    int prune(qint64 beforeMs);

private:
    Database &m_db;
};

} // namespace tierdesk
