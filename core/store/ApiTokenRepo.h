#pragma once

#include "core/store/Database.h"

#include <optional>

namespace tierdesk {

// An API token made through POST /api/cs/tokens: what it is, never the token.
struct ApiTokenRecord
{
    QString id; // the token's "jti"
    QString companyId;
    QString name;
    QString role;
    QString customerId; // client tokens only
    QString createdBy;  // the admin's subject
    qint64 createdAt = 0; // ms
    qint64 expiresAt = 0; // ms
    qint64 revokedAt = 0; // ms; 0 while valid
};

// The api_tokens table.
class ApiTokenRepo
{
public:
    explicit ApiTokenRepo(Database &db) : m_db(db) {}
    bool insert(const ApiTokenRecord &t);
    std::optional<ApiTokenRecord> find(const QString &companyId, const QString &id);
    // Newest first, at most `limit`.
    QList<ApiTokenRecord> list(const QString &companyId, int limit);
    bool revoke(const QString &companyId, const QString &id, qint64 at);
    // The ids of revoked tokens that have not yet expired at `nowMs`.
    QStringList revokedUnexpired(qint64 nowMs);

private:
    Database &m_db;
};

} // namespace tierdesk
