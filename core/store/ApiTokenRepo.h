#pragma once

#include "core/common/Result.h"
#include "core/domain/ApiTokenRecord.h"
#include "core/store/Database.h"

#include <optional>

namespace tierdesk {

// The api_tokens table.
class ApiTokenRepo {
public:
    explicit ApiTokenRepo(Database &db) : m_db(db) { }
    Status insert(const ApiTokenRecord &t);
    std::optional<ApiTokenRecord> find(const QString &companyId, const QString &id);
    // The key of `kind` a request presents (ApiTokenRecord::lookup), revoked or not.
    std::optional<ApiTokenRecord> findByLookup(const QString &kind, const QString &lookup);
    // Newest first, at most `limit`.
    QList<ApiTokenRecord> list(const QString &companyId, int limit);
    Status revoke(const QString &companyId, const QString &id, qint64 at);
    // The ids of revoked JWTs that have not yet expired at `nowMs`.
    QStringList revokedUnexpired(qint64 nowMs);

private:
    Database &m_db;
};

} // namespace tierdesk
