#include "core/store/CrmTicketRepo.h"

namespace tierdesk {
namespace {

const QString kCrmColumns = QStringLiteral(
    "company_id, session_id, escalation, connector, ticket_id, attempts, last_error, created_at, updated_at");

CrmTicket readCrmTicket(const QSqlQuery &q)
{
    CrmTicket t;
    t.companyId = q.value(0).toString();
    t.sessionId = q.value(1).toString();
    t.escalation = q.value(2).toInt();
    t.connector = q.value(3).toString();
    t.ticketId = q.value(4).toString();
    t.attempts = q.value(5).toInt();
    t.lastError = q.value(6).toString();
    t.createdAt = q.value(7).toLongLong();
    t.updatedAt = q.value(8).toLongLong();
    return t;
}

} // namespace

Status CrmTicketRepo::put(const CrmTicket &t)
{
    QSqlQuery &gone = m_db.statement(
        QStringLiteral("DELETE FROM crm_tickets WHERE company_id = ? AND session_id = ? AND escalation = ?"));
    if (!m_db.exec(gone, {t.companyId, t.sessionId, t.escalation}))
        return m_db.status(false);
    QSqlQuery &q = m_db.statement(
        QStringLiteral("INSERT INTO crm_tickets(%1) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)").arg(kCrmColumns));
    return m_db.status(m_db.exec(q,
        {t.companyId, t.sessionId, t.escalation, t.connector, t.ticketId, t.attempts, t.lastError, t.createdAt,
            t.updatedAt}));
}

std::optional<CrmTicket> CrmTicketRepo::find(const QString &companyId, const QString &sessionId, int escalation)
{
    QSqlQuery &q = m_db.statement(
        QStringLiteral("SELECT %1 FROM crm_tickets WHERE company_id = ? AND session_id = ? AND escalation = ?")
            .arg(kCrmColumns));
    if (!m_db.exec(q, {companyId, sessionId, escalation}))
        return std::nullopt;
    std::optional<CrmTicket> out;
    if (q.next())
        out = readCrmTicket(q);
    q.finish();
    return out;
}

QList<CrmTicket> CrmTicketRepo::ofSession(const QString &companyId, const QString &sessionId)
{
    QSqlQuery &q = m_db.statement(
        QStringLiteral("SELECT %1 FROM crm_tickets WHERE company_id = ? AND session_id = ? ORDER BY escalation")
            .arg(kCrmColumns));
    QList<CrmTicket> out;
    if (!m_db.exec(q, {companyId, sessionId}))
        return out;
    while (q.next())
        out << readCrmTicket(q);
    q.finish();
    return out;
}

std::optional<CrmTicket> CrmTicketRepo::byTicketId(const QString &companyId, const QString &ticketId)
{
    if (ticketId.isEmpty())
        return std::nullopt;
    QSqlQuery &q = m_db.statement(
        QStringLiteral("SELECT %1 FROM crm_tickets WHERE company_id = ? AND ticket_id = ? ORDER BY created_at LIMIT 1")
            .arg(kCrmColumns));
    if (!m_db.exec(q, {companyId, ticketId}))
        return std::nullopt;
    std::optional<CrmTicket> out;
    if (q.next())
        out = readCrmTicket(q);
    q.finish();
    return out;
}

QList<CrmTicket> CrmTicketRepo::pending(int maxAttempts, int limit)
{
    QSqlQuery &q = m_db.statement(
        QStringLiteral("SELECT %1 FROM crm_tickets WHERE ticket_id = '' AND attempts < ? ORDER BY created_at LIMIT ?")
            .arg(kCrmColumns));
    QList<CrmTicket> out;
    if (!m_db.exec(q, {maxAttempts, limit}))
        return out;
    while (q.next())
        out << readCrmTicket(q);
    q.finish();
    return out;
}

} // namespace tierdesk
