#pragma once

#include "core/common/Result.h"
#include "core/domain/ApiTokenRecord.h"

#include <QJsonObject>
#include <QVariantMap>

namespace tierdesk {

class SecretSealer;

// What an admin (POST /api/cs/tokens) or `tierdesk token create --kind` asks for.
struct ApiKeyRequest {
    QString kind; // tokenkind::SigV4, ApiKey or Widget
    QString name;
    QString role; // sigv4 and apikey: agent, supervisor or admin (empty: admin); widget: empty
    QString region; // sigv4 only (empty: kDefaultRegion)
    qint64 ttlSecs = 0; // 0: the key does not expire
};

// A key just made: its record to store (secrets sealed or hashed) and the
// credential to show once (sigv4: accessKeyId, secretAccessKey, region;
// apikey and widget: key).
struct IssuedApiKey {
    ApiTokenRecord record;
    QJsonObject credential;
};

// Checks a key request and makes the key material. Pure: no store, so the
// server (ApiTokens) and the command line beside a running server share it.
class ApiKeyMaker {
public:
    static constexpr int kMaxNameChars = 100;
    static constexpr int kMaxRegionChars = 32;
    static constexpr qint64 kMinTtlSecs = 60;
    static constexpr qint64 kMaxTtlSecs = 366LL * 86400;
    static constexpr int kApiKeyPrefixChars = 12; // "tdk_" and 8 more
    static inline const QString kDefaultRegion = QStringLiteral("us-east-1");
    static inline const QString kVisitorRole = QStringLiteral("visitor");

    static bool isKeyKind(const QString &kind);
    // InvalidArgument naming the field (kind, name, role, region, ttlSeconds).
    static Status check(const ApiKeyRequest &request);
    // A checked request's key for `companyId`, made at `nowMs`.
    // What the audit log keeps of a token or key made or revoked (never a secret).
    static QVariantMap auditDetails(const ApiTokenRecord &t);
    static IssuedApiKey make(const QString &companyId, const ApiKeyRequest &request, const QString &createdBy,
        qint64 nowMs, const SecretSealer &box);
};

} // namespace tierdesk
