#pragma once

#include <QString>
#include <QVariantMap>

namespace tierdesk {

// One row of the audit log: who did what to which resource, and how it was answered.
struct AuditEntry {
    qint64 at = 0;
    QString companyId;
    QString actor; // token subject, or "cli", "system"
    QString role;
    QString action; // e.g. "session.create"
    QString resource; // e.g. "session:sess_..."
    QString clientAddress;
    int status = 0; // the HTTP status answered (0 outside HTTP)
    // Free-form facts about the action (a slug, the fields changed, the kinds of
    // personal data a text held). A Qt value map rather than JSON: the store keeps
    // it as a JSON text, and each API family writes it in its own body.
    QVariantMap details;
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
