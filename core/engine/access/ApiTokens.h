#pragma once

#include "core/engine/SessionEngine.h"
#include "core/engine/access/ApiKeyMaker.h"
#include "core/store/ApiTokenRepo.h"

#include <QSet>

namespace tierdesk {

// API tokens and keys an admin makes for other systems (POST /api/cs/tokens):
// their records, the set of revoked JWTs the authenticator refuses, and the
// look-ups the key verifiers of the other API families ask (core/api/auth). On the engine
// thread; every change is audited in the transaction that makes it. The set of
// revoked ids is kept in memory (loaded at start, grown at each revocation), so
// refusing a revoked token costs one hash lookup per request.
class ApiTokens {
public:
    static constexpr int kMaxNameChars = 100;
    static constexpr int kMaxCustomerIdChars = 128;
    static constexpr qint64 kMinTtlSecs = 60;
    static constexpr qint64 kMaxTtlSecs = 366LL * 86400;
    static constexpr qint64 kDefaultTtlSecs = 30LL * 86400;
    static constexpr int kMaxListed = 500;

    explicit ApiTokens(SessionEngine &engine);

    // Checks name, role, customer and ttl (InvalidArgument naming the field) and
    // that the company exists; returns the record to sign (no id yet).
    Result<ApiTokenRecord> check(const QString &companyId, const QString &name, const QString &role,
        const QString &customerId, qint64 ttlSecs, const Actor &actor);
    // Stores a checked record whose id is the signed token's jti.
    Result<ApiTokenRecord> store(const ApiTokenRecord &t, const Actor &actor);
    // Makes and stores a sigv4, apikey or widget key of the company (InvalidArgument
    // naming the field, NotFound for an unknown company); its credential is in the
    // answer only. SigV4 secrets are sealed with the store's data key.
    Result<IssuedApiKey> createKey(const QString &companyId, const ApiKeyRequest &request, const Actor &actor);
    // The key a request presents, revoked and expired ones included (the
    // verifiers tell why they refuse); nullopt when there is none.
    // sigv4Key() opens the secret (ApiTokenRecord::secret): empty if the data key cannot.
    std::optional<ApiTokenRecord> sigv4Key(const QString &accessKeyId);
    std::optional<ApiTokenRecord> apiKey(const QByteArray &keyHashHex); // apiKeyHash() of the key
    std::optional<ApiTokenRecord> widgetKey(const QString &key);
    Result<QList<ApiTokenRecord>> list(const QString &companyId);
    // NotFound for another company's or an unknown id; revoking twice is fine.
    Result<ApiTokenRecord> revoke(const QString &companyId, const QString &id, const Actor &actor);
    bool revoked(const QString &tokenId) const { return m_revoked.contains(tokenId); }

private:
    Status auditRow(const QString &companyId, const Actor &actor, const QString &action, const ApiTokenRecord &t,
        AuditOutcome outcome);

    SessionEngine &m_engine;
    ApiTokenRepo m_repo;
    QSet<QString> m_revoked;
};

} // namespace tierdesk
