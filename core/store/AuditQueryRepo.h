#pragma once

#include "core/store/AuditRepo.h"

namespace tierdesk {

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

// Filtered, paged reads of the audit log, newest first (the platform services'
// GET /audit/logs); AuditRepo writes it.
class AuditQueryRepo {
public:
    explicit AuditQueryRepo(Database &db) : m_db(db) { }
    // The page and, in *total, how many entries match in all; nullopt on a storage error.
    std::optional<QList<AuditRow>> find(const AuditQuery &query, int *total);

private:
    Database &m_db;
};

} // namespace tierdesk
