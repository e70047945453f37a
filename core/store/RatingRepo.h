#pragma once

#include "core/common/Result.h"
#include "core/domain/SessionRating.h"
#include "core/store/Database.h"

#include <QHash>
#include <QStringList>

#include <optional>

namespace tierdesk {

// The session_ratings table (migration 16): one customer rating per session. Its
// triggers mark the session's analytics hour as changed in the writing transaction.
class RatingRepo {
public:
    explicit RatingRepo(Database &db) : m_db(db) { }
    Status insert(const SessionRating &r);
    std::optional<SessionRating> find(const QString &sessionId);
    // A comment given after the rating (a survey mail's form), kept only where there is none yet.
    Result<bool> addComment(const QString &sessionId, const QString &comment);
    // The ratings of these sessions, by session id (the sessions without one are left out).
    QHash<QString, SessionRating> forSessions(const QStringList &sessionIds);
    // Per agent, the ratings given in [startMs, endMs] to sessions a person held when they
    // were resolved; by name.
    QList<AgentSatisfaction> byAgent(const QString &companyId, qint64 startMs, qint64 endMs);

private:
    Database &m_db;
};

} // namespace tierdesk
