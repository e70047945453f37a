#include "core/store/RatingRepo.h"

namespace tierdesk {
namespace {

const QString kRatingColumns = QStringLiteral(
    "session_id, company_id, rating, comment, rated_at, agent_id, agent_name, tier, channel, rated_by");

SessionRating readRating(const QSqlQuery &q)
{
    SessionRating r;
    r.sessionId = q.value(0).toString();
    r.companyId = q.value(1).toString();
    r.rating = q.value(2).toInt();
    r.comment = q.value(3).toString();
    r.ratedAt = q.value(4).toLongLong();
    r.agentId = q.value(5).toString();
    r.agentName = q.value(6).toString();
    r.tier = q.value(7).toString();
    r.channel = q.value(8).toString();
    r.ratedBy = q.value(9).toString();
    return r;
}

} // namespace

Status RatingRepo::insert(const SessionRating &r)
{
    QSqlQuery &q = m_db.statement(
        QStringLiteral("INSERT INTO session_ratings(%1) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)").arg(kRatingColumns));
    return m_db.status(m_db.exec(q,
        {r.sessionId, r.companyId, r.rating, r.comment, r.ratedAt, r.agentId, r.agentName, r.tier, r.channel,
            r.ratedBy}));
}

Result<bool> RatingRepo::addComment(const QString &sessionId, const QString &comment)
{
    QSqlQuery &q = m_db.statement(
        QStringLiteral("UPDATE session_ratings SET comment = ? WHERE session_id = ? AND comment = ''"));
    if (!m_db.exec(q, {comment, sessionId}))
        return m_db.lastFailure();
    return q.numRowsAffected() == 1;
}

std::optional<SessionRating> RatingRepo::find(const QString &sessionId)
{
    QSqlQuery &q
        = m_db.statement(QStringLiteral("SELECT %1 FROM session_ratings WHERE session_id = ?").arg(kRatingColumns));
    if (!m_db.exec(q, {sessionId}))
        return std::nullopt;
    std::optional<SessionRating> out;
    if (q.next())
        out = readRating(q);
    q.finish();
    return out;
}

QHash<QString, SessionRating> RatingRepo::forSessions(const QStringList &sessionIds)
{
    QHash<QString, SessionRating> out;
    for (const QString &id : sessionIds)
        if (auto r = find(id))
            out.insert(id, *r);
    return out;
}

QList<AgentSatisfaction> RatingRepo::byAgent(const QString &companyId, qint64 startMs, qint64 endMs)
{
    QSqlQuery &q
        = m_db.statement(QStringLiteral("SELECT agent_id, MAX(agent_name), COUNT(*), AVG(rating) FROM session_ratings"
                                        " WHERE company_id = ? AND rated_at >= ? AND rated_at <= ? AND agent_id <> ''"
                                        " GROUP BY agent_id ORDER BY 2, 1"));
    QList<AgentSatisfaction> out;
    if (!m_db.exec(q, {companyId, startMs, endMs}))
        return out;
    while (q.next())
        out << AgentSatisfaction{q.value(0).toString(), q.value(1).toString(), q.value(2).toLongLong(),
            qRound(q.value(3).toDouble() * 10.0) / 10.0};
    q.finish();
    return out;
}

} // namespace tierdesk
