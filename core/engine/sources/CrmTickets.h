#pragma once

#include "core/domain/CrmTicket.h"
#include "core/engine/pipeline/EngineCore.h"

#include <QHash>
#include <QObject>

#include <optional>

namespace tierdesk {

class Connectors;

// Seed 002's CRM: when a session escalates to a person and the company's configuration names
// a `ticket` connector (connectors.ticket), a ticket is opened there off the engine thread
// (placeholders sessionId, customerId, email, phone, reason; the answer's `id` field is the
// ticket's id) and stored (crm_tickets). A failing call is logged and tried again, at most
// kMaxAttempts times in all; the escalation is never held up and keeps its generated ticket
// id until the CRM's id is there. health() is /health's services.crm_system.
class CrmTickets : public QObject {
    Q_OBJECT

public:
    static constexpr int kMaxAttempts = 4;
    static constexpr int kUnhealthyAfter = 3; // failed calls in a row

    CrmTickets(EngineCore &core, Connectors &connectors, QObject *parent = nullptr);

    // The wait before attempt n+1 is delayMs * 4^(n-1) (2 s, 8 s, 32 s by default).
    void setRetryDelayMs(int delayMs) { m_retryDelayMs = qMax(0, delayMs); }
    // The session's latest escalation went to a person (after its commit).
    void escalated(const QString &companyId, const QString &sessionId);
    // Tickets still pending from before a restart are tried again.
    void resume();

    // The CRM's ids of the session's escalations, by their number.
    QHash<int, QString> ticketIds(const QString &companyId, const QString &sessionId);
    // The session and escalation number the CRM's ticket id names.
    std::optional<std::pair<QString, int>> escalationOf(const QString &companyId, const QString &ticketId);
    // "healthy" when no ticket connector is named or the last call of each named one succeeded;
    // "degraded" after a failed call; "unhealthy" after kUnhealthyAfter failed calls in a row.
    QString health();

signals:
    // A ticket was opened in the CRM (ticketId) or its last attempt failed (ticketId empty).
    void settled(const QString &companyId, const QString &sessionId, int escalation, const QString &ticketId);

private:
    void attempt(const CrmTicket &ticket);
    void answered(CrmTicket ticket, bool ok, const QString &ticketId, const QString &error);

    EngineCore &m_core;
    Connectors &m_connectors;
    int m_retryDelayMs = 2000;
    QHash<QString, int> m_failuresInRow; // "<company>\n<connector>" -> failed calls in a row
};

} // namespace tierdesk
