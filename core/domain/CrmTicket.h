#pragma once

#include <QString>

namespace tierdesk {

// A ticket in a company's CRM for one escalation of a session to a person (seed 002's
// ticket_id; the `ticket` connector). Pending while ticketId is empty: the escalation keeps
// its generated id meanwhile, and the call is tried again a bounded number of times.
struct CrmTicket {
    QString companyId;
    QString sessionId;
    int escalation = 0; // its number among the session's escalations (1 = the first)
    QString connector;
    QString ticketId; // the CRM's id; empty while pending or after the last attempt failed
    int attempts = 0;
    QString lastError;
    qint64 createdAt = 0;
    qint64 updatedAt = 0;

    bool opened() const { return !ticketId.isEmpty(); }
};

} // namespace tierdesk
