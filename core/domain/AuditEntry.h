#pragma once

#include <QString>
#include <QVariantMap>

namespace tierdesk {

// How an audited action ended, in the domain's words. Each API family prints it as the
// status it answers such an action with (api/common/AuditStatus.h); the store keeps it in
// its integer column (AuditRepo).
enum class AuditOutcome {
    System, // done outside any request (a timer, the command line)
    Done,
    Created,
    Accepted, // taken on, finished later (a report being written)
    Removed,
    Unauthorized, // credentials refused
    Failed, // the work failed on our side
    NotDelivered, // a message to another system was not taken (an e-mail)
};

// One row of the audit log: who did what to which resource, and how it ended.
struct AuditEntry {
    qint64 at = 0;
    QString companyId;
    QString actor; // token subject, or "cli", "system"
    QString role;
    QString action; // e.g. "session.create"
    QString resource; // e.g. "session:sess_..."
    QString clientAddress;
    AuditOutcome outcome = AuditOutcome::System;
    // Free-form facts about the action (a slug, the fields changed, the kinds of
    // personal data a text held). A Qt value map rather than JSON: the store keeps
    // it as a JSON text, and each API family writes it in its own body.
    QVariantMap details;
    // A request an API family audits itself: the status it answered, which api/ alone
    // knows; 0 when `outcome` tells how it ended.
    int answeredStatus = 0;
};

// Which audit entries of one company a query wants; empty strings and zero
// times mean "any".
struct AuditQuery {
    QString companyId;
    qint64 startMs = 0; // at >= startMs
    qint64 endMs = 0; // at <= endMs
    QString actor; // exact
    QString resourcePart; // the resource names it (e.g. a session id inside "session:sess_…")
    QString action; // exact
    int limit = 100;
    int offset = 0;
};

struct AuditRow {
    qint64 id = 0;
    AuditEntry entry;
};

} // namespace tierdesk
