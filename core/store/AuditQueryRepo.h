#pragma once

#include "core/store/AuditRepo.h"

namespace tierdesk {

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
