#include "core/store/SurveyRepo.h"

namespace tierdesk {
namespace {

const QString kColumns = QStringLiteral("id, company_id, session_id, kind, peer, secret, sent_at, expires_at, "
                                        "COALESCE(answered_at, 0), COALESCE(rating, 0)");

Survey read(const QSqlQuery &q)
{
    return {q.value(0).toString(), q.value(1).toString(), q.value(2).toString(), q.value(3).toString(),
        q.value(4).toString(), q.value(5).toString().toLatin1(), q.value(6).toLongLong(), q.value(7).toLongLong(),
        q.value(8).toLongLong(), q.value(9).toInt()};
}

} // namespace

Status SurveyRepo::insert(const Survey &s)
{
    QSqlQuery &q = m_db.statement(
        QStringLiteral("INSERT INTO surveys(id, company_id, session_id, kind, peer, secret, sent_at, expires_at)"
                       " VALUES (?, ?, ?, ?, ?, ?, ?, ?)"));
    return m_db.status(m_db.exec(
        q, {s.id, s.companyId, s.sessionId, s.kind, s.peer, QString::fromLatin1(s.secret), s.sentAt, s.expiresAt}));
}

std::optional<Survey> SurveyRepo::first(QSqlQuery &q, std::initializer_list<QVariant> binds)
{
    if (!m_db.exec(q, binds))
        return std::nullopt;
    std::optional<Survey> out;
    if (q.next())
        out = read(q);
    q.finish();
    return out;
}

std::optional<Survey> SurveyRepo::find(const QString &id)
{
    return first(
        m_db.statement(QStringLiteral("SELECT ") + kColumns + QStringLiteral(" FROM surveys WHERE id = ?")), {id});
}

bool SurveyRepo::existsFor(const QString &sessionId)
{
    QSqlQuery &q = m_db.statement(QStringLiteral("SELECT 1 FROM surveys WHERE session_id = ?"));
    if (!m_db.exec(q, {sessionId}))
        return false;
    const bool found = q.next();
    q.finish();
    return found;
}

std::optional<Survey> SurveyRepo::openFor(
    const QString &companyId, const QString &kind, const QString &peer, qint64 sinceMs, qint64 nowMs)
{
    return first(m_db.statement(QStringLiteral("SELECT ") + kColumns
                     + QStringLiteral(" FROM surveys WHERE company_id = ? AND kind = ? AND peer = ? AND sent_at >= ?"
                                      " AND expires_at >= ? AND answered_at IS NULL ORDER BY sent_at DESC LIMIT 1")),
        {companyId, kind, peer, sinceMs, nowMs});
}

Result<bool> SurveyRepo::answer(const QString &id, int rating, qint64 at)
{
    QSqlQuery &q = m_db.statement(
        QStringLiteral("UPDATE surveys SET answered_at = ?, rating = ? WHERE id = ? AND answered_at IS NULL"));
    if (!m_db.exec(q, {at, rating, id}))
        return m_db.lastFailure();
    return q.numRowsAffected() == 1;
}

} // namespace tierdesk
