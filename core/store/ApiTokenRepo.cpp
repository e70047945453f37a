#include "core/store/ApiTokenRepo.h"

namespace tierdesk {
namespace {

const QString kApiTokenColumns
    = QStringLiteral("id, company_id, name, role, customer_id, created_by, created_at, expires_at,"
                     " revoked_at, kind, lookup, key_prefix, region, sealed_secret");

ApiTokenRecord readToken(const QSqlQuery &q)
{
    ApiTokenRecord t;
    t.id = q.value(0).toString();
    t.companyId = q.value(1).toString();
    t.name = q.value(2).toString();
    t.role = q.value(3).toString();
    t.customerId = q.value(4).toString();
    t.createdBy = q.value(5).toString();
    t.createdAt = q.value(6).toLongLong();
    t.expiresAt = q.value(7).toLongLong();
    t.revokedAt = q.value(8).toLongLong();
    t.kind = q.value(9).toString();
    t.lookup = q.value(10).toString();
    t.keyPrefix = q.value(11).toString();
    t.region = q.value(12).toString();
    t.sealedSecret = q.value(13).toString().toLatin1();
    return t;
}

} // namespace

Status ApiTokenRepo::insert(const ApiTokenRecord &t)
{
    QSqlQuery &q
        = m_db.statement(QStringLiteral("INSERT INTO api_tokens(%1) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")
                             .arg(kApiTokenColumns));
    // A JWT has no lookup: NULL (an invalid QVariant) keeps it out of the unique index.
    const QVariant lookup = t.lookup.isEmpty() ? QVariant() : QVariant(t.lookup);
    return m_db.status(m_db.exec(q,
        {t.id, t.companyId, t.name, t.role, t.customerId, t.createdBy, t.createdAt, t.expiresAt, t.revokedAt, t.kind,
            lookup, t.keyPrefix, t.region, QString::fromLatin1(t.sealedSecret)}));
}

namespace {

// The first row of an executed query, if any; the statement is reset for its next use.
std::optional<ApiTokenRecord> firstToken(QSqlQuery &q)
{
    std::optional<ApiTokenRecord> out;
    if (q.next())
        out = readToken(q);
    q.finish();
    return out;
}

} // namespace

std::optional<ApiTokenRecord> ApiTokenRepo::find(const QString &companyId, const QString &id)
{
    QSqlQuery &q = m_db.statement(
        QStringLiteral("SELECT %1 FROM api_tokens WHERE company_id = ? AND id = ?").arg(kApiTokenColumns));
    if (!m_db.exec(q, {companyId, id}))
        return std::nullopt;
    return firstToken(q);
}

std::optional<ApiTokenRecord> ApiTokenRepo::findByLookup(const QString &kind, const QString &lookup)
{
    QSqlQuery &q = m_db.statement(
        QStringLiteral("SELECT %1 FROM api_tokens WHERE kind = ? AND lookup = ?").arg(kApiTokenColumns));
    if (!m_db.exec(q, {kind, lookup}))
        return std::nullopt;
    return firstToken(q);
}

QList<ApiTokenRecord> ApiTokenRepo::list(const QString &companyId, int limit)
{
    QList<ApiTokenRecord> out;
    QSqlQuery &q = m_db.statement(
        QStringLiteral("SELECT %1 FROM api_tokens WHERE company_id = ? ORDER BY created_at DESC, id LIMIT ?")
            .arg(kApiTokenColumns));
    if (!m_db.exec(q, {companyId, limit}))
        return out;
    while (q.next())
        out << readToken(q);
    q.finish();
    return out;
}

Status ApiTokenRepo::revoke(const QString &companyId, const QString &id, qint64 at)
{
    QSqlQuery &q = m_db.statement(
        QStringLiteral("UPDATE api_tokens SET revoked_at = ? WHERE company_id = ? AND id = ? AND revoked_at = 0"));
    return m_db.oneRow(m_db.exec(q, {at, companyId, id}), q);
}

QStringList ApiTokenRepo::revokedUnexpired(qint64 nowMs)
{
    QStringList out;
    QSqlQuery &q = m_db.statement(
        QStringLiteral("SELECT id FROM api_tokens WHERE kind = 'jwt' AND revoked_at > 0 AND expires_at > ?"));
    if (!m_db.exec(q, {nowMs}))
        return out;
    while (q.next())
        out << q.value(0).toString();
    q.finish();
    return out;
}

} // namespace tierdesk
