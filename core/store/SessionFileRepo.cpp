#include "core/store/SessionFileRepo.h"

namespace tierdesk {

Status SessionFileRepo::insert(const SessionFile &f)
{
    QSqlQuery &q = m_db.statement(
        QStringLiteral("INSERT INTO session_files(id, company_id, session_id, sender, name, content_type, bytes,"
                       " content, created_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)"));
    return m_db.status(m_db.exec(
        q, {f.id, f.companyId, f.sessionId, f.sender, f.name, f.contentType, f.bytes, f.content, f.createdAt}));
}

std::optional<SessionFile> SessionFileRepo::find(const QString &companyId, const QString &sessionId, const QString &id)
{
    QSqlQuery &q = m_db.statement(
        QStringLiteral("SELECT id, company_id, session_id, sender, name, content_type, bytes, content, created_at"
                       " FROM session_files WHERE id = ? AND company_id = ? AND session_id = ?"));
    if (!m_db.exec(q, {id, companyId, sessionId}) || !q.next())
        return std::nullopt;
    SessionFile f{q.value(0).toString(), q.value(1).toString(), q.value(2).toString(), q.value(3).toString(),
        q.value(4).toString(), q.value(5).toString(), q.value(6).toLongLong(), q.value(7).toByteArray(),
        q.value(8).toLongLong()};
    q.finish();
    return f;
}

Status SessionFileRepo::eraseOfCustomer(const QString &companyId, const QString &customerId)
{
    QSqlQuery &sent = m_db.statement(QStringLiteral(
        "DELETE FROM session_files WHERE company_id = ? AND session_id IN (SELECT id FROM sessions WHERE company_id = ?"
        " AND customer_id = ?)"));
    if (!m_db.exec(sent, {companyId, companyId, customerId}))
        return m_db.status(false);
    QSqlQuery &mailed = m_db.statement(QStringLiteral(
        "DELETE FROM channel_files WHERE company_id = ? AND channel_message_id IN (SELECT m.id FROM channel_messages m"
        " JOIN sessions s ON s.id = m.session_id WHERE s.company_id = ? AND s.customer_id = ?)"));
    return m_db.status(m_db.exec(mailed, {companyId, companyId, customerId}));
}

} // namespace tierdesk
