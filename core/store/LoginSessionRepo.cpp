#include "core/store/LoginSessionRepo.h"

#include "core/store/TeamEventRepo.h"

#include <climits>

namespace tierdesk {
namespace {

const QString kLoginSessionColumns = QStringLiteral(
    "id, company_id, agent_id, method, device, address, created_at, last_seen_at, expires_at, ended_at, ended_reason");

LoginSession readLoginSession(const QSqlQuery &q)
{
    LoginSession s;
    s.id = q.value(0).toString();
    s.companyId = q.value(1).toString();
    s.agentId = q.value(2).toString();
    s.method = q.value(3).toString();
    s.device = q.value(4).toString();
    s.address = q.value(5).toString();
    s.createdAt = q.value(6).toLongLong();
    s.lastSeenAt = q.value(7).toLongLong();
    s.expiresAt = q.value(8).toLongLong();
    s.endedAt = q.value(9).isNull() ? 0 : q.value(9).toLongLong();
    s.endedReason = q.value(10).toString();
    return s;
}

} // namespace

Status LoginSessionRepo::insert(const LoginSession &s)
{
    QSqlQuery &q
        = m_db.statement(QStringLiteral("INSERT INTO login_sessions(%1) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, NULL, '')")
                             .arg(kLoginSessionColumns));
    return m_db.status(m_db.exec(
        q, {s.id, s.companyId, s.agentId, s.method, s.device, s.address, s.createdAt, s.lastSeenAt, s.expiresAt}));
}

std::optional<LoginSession> LoginSessionRepo::find(const QString &id)
{
    QSqlQuery &q
        = m_db.statement(QStringLiteral("SELECT %1 FROM login_sessions WHERE id = ?").arg(kLoginSessionColumns));
    std::optional<LoginSession> out;
    if (m_db.exec(q, {id}) && q.next())
        out = readLoginSession(q);
    q.finish();
    return out;
}

QList<LoginSession> LoginSessionRepo::live(const QString &agentId, qint64 nowMs, int limit)
{
    QSqlQuery &q = m_db.statement(QStringLiteral("SELECT %1 FROM login_sessions WHERE agent_id = ? AND ended_at IS NULL"
                                                 " AND expires_at > ? ORDER BY created_at DESC, id LIMIT ?")
                                      .arg(kLoginSessionColumns));
    QList<LoginSession> out;
    if (m_db.exec(q, {agentId, nowMs, limit}))
        while (q.next())
            out.append(readLoginSession(q));
    return out;
}

Result<bool> LoginSessionRepo::end(const QString &id, qint64 atMs, const QString &reason)
{
    QSqlQuery &q = m_db.statement(
        QStringLiteral("UPDATE login_sessions SET ended_at = ?, ended_reason = ? WHERE id = ? AND ended_at IS NULL"));
    if (!m_db.exec(q, {atMs, reason, id}))
        return m_db.lastFailure();
    if (q.numRowsAffected() == 0)
        return false;
    if (const Status told = TeamEventRepo::announceLoginsEnded(m_db); !told)
        return told.error();
    return true;
}

Result<QList<EndedLoginSession>> LoginSessionRepo::endAllOf(const QString &agentId, qint64 atMs, const QString &reason)
{
    QList<EndedLoginSession> ended;
    for (const LoginSession &s : live(agentId, atMs, INT_MAX)) {
        EndedLoginSession e;
        e.id = s.id;
        e.expiresAt = s.expiresAt;
        ended.append(e);
    }
    if (ended.isEmpty())
        return ended;
    QSqlQuery &q = m_db.statement(QStringLiteral("UPDATE login_sessions SET ended_at = ?, ended_reason = ?"
                                                 " WHERE agent_id = ? AND ended_at IS NULL AND expires_at > ?"));
    if (!m_db.exec(q, {atMs, reason, agentId, atMs}))
        return m_db.lastFailure();
    if (const Status told = TeamEventRepo::announceLoginsEnded(m_db); !told)
        return told.error();
    return ended;
}

QList<EndedLoginSession> LoginSessionRepo::endedSince(qint64 sinceMs, qint64 nowMs)
{
    QSqlQuery &q = m_db.statement(QStringLiteral(
        "SELECT id, expires_at FROM login_sessions WHERE ended_at IS NOT NULL AND ended_at >= ? AND expires_at > ?"));
    QList<EndedLoginSession> out;
    if (m_db.exec(q, {sinceMs, nowMs}))
        while (q.next()) {
            EndedLoginSession ended;
            ended.id = q.value(0).toString();
            ended.expiresAt = q.value(1).toLongLong();
            out.append(ended);
        }
    return out;
}

Status LoginSessionRepo::touch(const QString &id, qint64 lastSeenMs)
{
    return m_db.status(
        m_db.write(QStringLiteral("UPDATE login_sessions SET last_seen_at = ? WHERE id = ? AND last_seen_at < ?"),
            {lastSeenMs, id, lastSeenMs}));
}

int LoginSessionRepo::prune(qint64 beforeMs)
{
    QSqlQuery &q = m_db.statement(QStringLiteral("DELETE FROM login_sessions WHERE expires_at < ?"));
    if (!m_db.exec(q, {beforeMs}))
        return 0;
    return q.numRowsAffected();
}

} // namespace tierdesk
