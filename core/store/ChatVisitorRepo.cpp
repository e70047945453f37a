#include "core/store/ChatVisitorRepo.h"

namespace tierdesk {

Status ChatVisitorRepo::insert(const ChatVisitor &v)
{
    QSqlQuery &q
        = m_db.statement(QStringLiteral("INSERT INTO chat_visitors(session_id, company_id, user_id, secret_hash,"
                                        " widget_key_id, created_at, customer_id) VALUES (?, ?, ?, ?, ?, ?, ?)"));
    return m_db.status(
        m_db.exec(q, {v.sessionId, v.companyId, v.userId, v.secretHash, v.widgetKeyId, v.createdAt, v.customerId}));
}

std::optional<ChatVisitor> ChatVisitorRepo::find(const QString &sessionId)
{
    QSqlQuery &q = m_db.statement(
        QStringLiteral("SELECT session_id, company_id, user_id, secret_hash, widget_key_id, created_at, customer_id"
                       " FROM chat_visitors WHERE session_id = ?"));
    if (!m_db.exec(q, {sessionId}))
        return std::nullopt;
    std::optional<ChatVisitor> out;
    if (q.next())
        out = ChatVisitor{q.value(0).toString(), q.value(1).toString(), q.value(2).toString(), q.value(3).toString(),
            q.value(4).toString(), q.value(5).toLongLong(), q.value(6).toString()};
    q.finish();
    return out;
}

} // namespace tierdesk
