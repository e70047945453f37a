#pragma once

#include "core/common/Result.h"
#include "core/domain/CrmTicket.h"
#include "core/store/Database.h"

#include <QList>

#include <optional>

namespace tierdesk {

// The crm_tickets table (migration 25): the tickets a company's CRM opened for escalations.
class CrmTicketRepo {
public:
    explicit CrmTicketRepo(Database &db) : m_db(db) { }

    // Inserts or replaces the row of (company, session, escalation).
    Status put(const CrmTicket &t);
    std::optional<CrmTicket> find(const QString &companyId, const QString &sessionId, int escalation);
    // The session's rows, by escalation number.
    QList<CrmTicket> ofSession(const QString &companyId, const QString &sessionId);
    // The escalation the CRM's id names.
    std::optional<CrmTicket> byTicketId(const QString &companyId, const QString &ticketId);
    // Rows still without a ticket that have had fewer than maxAttempts attempts, oldest first.
    QList<CrmTicket> pending(int maxAttempts, int limit);

private:
    Database &m_db;
};

} // namespace tierdesk
