#pragma once

#include "core/common/Result.h"
#include "core/store/Database.h"

#include <optional>

namespace tierdesk {

// A reply an agent inserts by its shortcut; content may hold {{placeholders}}.
struct CannedResponse {
    QString id; // cr_...
    QString companyId;
    QString shortcut; // unique per company
    QString title;
    QString content;
    qint64 createdAt = 0;
    qint64 updatedAt = 0;
};

// The canned_responses table (migration 5).
class CannedResponseRepo {
public:
    explicit CannedResponseRepo(Database &db) : m_db(db) { }
    Status insert(const CannedResponse &r);
    Status update(const CannedResponse &r);
    Status remove(const QString &companyId, const QString &id);
    std::optional<CannedResponse> find(const QString &companyId, const QString &id);
    std::optional<CannedResponse> findByShortcut(const QString &companyId, const QString &shortcut);
    QList<CannedResponse> list(const QString &companyId);
    int count(const QString &companyId);

private:
    Database &m_db;
};

} // namespace tierdesk
