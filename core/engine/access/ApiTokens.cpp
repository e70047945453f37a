#include "core/engine/access/ApiTokens.h"

#include "core/common/Validation.h"

namespace tierdesk {

Status ApiTokens::auditRow(
    const QString &companyId, const Actor &actor, const QString &action, const ApiTokenRecord &t, AuditOutcome outcome)
{
    return m_engine.core().store().audit().append({m_engine.clock().nowMs(), companyId, actor.subject, actor.role,
        action, QStringLiteral("token:") + t.id, actor.clientAddress, outcome, ApiKeyMaker::auditDetails(t)});
}

ApiTokens::ApiTokens(SessionEngine &engine) : m_engine(engine), m_repo(engine.core().store().db())
{
    for (const QString &id : m_repo.revokedUnexpired(engine.clock().nowMs()))
        m_revoked.insert(id);
}

Result<ApiTokenRecord> ApiTokens::check(const QString &companyId, const QString &name, const QString &role,
    const QString &customerId, qint64 ttlSecs, const Actor &actor)
{
    ApiTokenRecord t;
    t.name = name.trimmed();
    if (t.name.isEmpty() || t.name.size() > kMaxNameChars || hasControlCharacters(t.name))
        return invalidField(
            QStringLiteral("name"), QStringLiteral("name must be 1 to 100 characters (no control characters)"));
    static const QStringList roles{
        QStringLiteral("client"), QStringLiteral("agent"), QStringLiteral("supervisor"), QStringLiteral("admin")};
    if (!roles.contains(role))
        return invalidField(QStringLiteral("role"), QStringLiteral("role must be client, agent, supervisor or admin"));
    t.role = role;
    if (role == QLatin1String("client")) {
        if (customerId.isEmpty() || customerId.size() > kMaxCustomerIdChars)
            return invalidField(QStringLiteral("customerId"),
                QStringLiteral("a client token needs a customerId (1 to 128 characters)"));
        t.customerId = customerId;
    } else if (!customerId.isEmpty()) {
        return invalidField(QStringLiteral("customerId"), QStringLiteral("only a client token names a customer"));
    }
    if (ttlSecs < kMinTtlSecs || ttlSecs > kMaxTtlSecs)
        return invalidField(
            QStringLiteral("ttlSeconds"), QStringLiteral("ttlSeconds must be 60 to 31622400 (366 days)"));
    if (auto company = m_engine.company(companyId); !company)
        return company.error();
    t.companyId = companyId;
    t.createdBy = actor.subject;
    t.createdAt = m_engine.clock().nowMs();
    t.expiresAt = t.createdAt + ttlSecs * 1000;
    return t;
}

Result<ApiTokenRecord> ApiTokens::store(const ApiTokenRecord &t, const Actor &actor)
{
    const bool ok = m_engine.core().store().batch().run([&] {
        return m_repo.insert(t)
            && auditRow(t.companyId, actor, QStringLiteral("token.create"), t, AuditOutcome::Created);
    });
    if (!ok)
        return m_engine.core().store().batch().failure(QStringLiteral("could not store the token"));
    return t;
}

Result<IssuedApiKey> ApiTokens::createKey(const QString &companyId, const ApiKeyRequest &request, const Actor &actor)
{
    if (const Status checked = ApiKeyMaker::check(request); !checked)
        return checked.error();
    if (auto company = m_engine.company(companyId); !company)
        return company.error();
    IssuedApiKey key = ApiKeyMaker::make(
        companyId, request, actor.subject, m_engine.clock().nowMs(), m_engine.core().store().webhooks().sealer());
    const auto stored = store(key.record, actor);
    if (!stored)
        return stored.error();
    return key;
}

std::optional<ApiTokenRecord> ApiTokens::sigv4Key(const QString &accessKeyId)
{
    auto found = accessKeyId.size() <= 128 ? m_repo.findByLookup(tokenkind::SigV4, accessKeyId) : std::nullopt;
    if (found) {
        const Result<QByteArray> opened = m_engine.core().store().webhooks().sealer().open(found->sealedSecret);
        found->secret = opened ? *opened : QByteArray();
    }
    return found;
}

std::optional<ApiTokenRecord> ApiTokens::apiKey(const QByteArray &keyHashHex)
{
    return m_repo.findByLookup(tokenkind::ApiKey, QString::fromLatin1(keyHashHex));
}

std::optional<ApiTokenRecord> ApiTokens::widgetKey(const QString &key)
{
    return key.size() <= 128 ? m_repo.findByLookup(tokenkind::Widget, key) : std::nullopt;
}

Result<QList<ApiTokenRecord>> ApiTokens::list(const QString &companyId)
{
    if (auto company = m_engine.company(companyId); !company)
        return company.error();
    return m_repo.list(companyId, kMaxListed);
}

Result<ApiTokenRecord> ApiTokens::revoke(const QString &companyId, const QString &id, const Actor &actor)
{
    auto found = id.size() <= 128 ? m_repo.find(companyId, id) : std::nullopt;
    if (!found)
        return makeError(
            ErrorKind::NotFound, QStringLiteral("Token not found"), {{QStringLiteral("tokenId"), id.left(128)}});
    if (found->revokedAt != 0)
        return *found;
    const qint64 now = m_engine.clock().nowMs();
    const bool ok = m_engine.core().store().batch().run([&] {
        return m_repo.revoke(companyId, id, now)
            && auditRow(companyId, actor, QStringLiteral("token.revoke"), *found, AuditOutcome::Done);
    });
    if (!ok)
        return makeError(ErrorKind::Internal, QStringLiteral("could not revoke the token"));
    m_revoked.insert(id);
    found->revokedAt = now;
    return *found;
}

} // namespace tierdesk
