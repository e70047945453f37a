#pragma once

#include "core/common/Clock.h"
#include "core/common/Result.h"
#include "core/integrations/OutboundHttp.h"
#include "core/integrations/oidc/JwkSet.h"
#include "core/integrations/oidc/OidcDiscovery.h"

#include <QHash>
#include <QJsonObject>

#include <memory>
#include <mutex>
#include <optional>

namespace tierdesk {

// An authorization code to redeem at the provider's token endpoint, and what its ID token must match.
struct CodeGrant {
    QString issuer;
    QString clientId;
    QByteArray clientSecret;
    QString code;
    QString redirectUri; // exactly as the authorization request sent it
    QByteArray codeVerifier;
    QByteArray nonce;
};

// A relying party's calls to OpenID providers, over OutboundHttp: blocking, for worker threads,
// and thread-safe. Discovery documents and key sets are kept per issuer; the keys are fetched
// again when an ID token names a key the set lacks (the provider rotated its keys), at most once
// per kMinKeyRefetchSecs and issuer, so a flood of tokens with made-up key ids cannot hammer it.
class OidcProviderClient {
public:
    static constexpr qint64 kMetadataTtlSecs = 3600;
    static constexpr qint64 kKeysTtlSecs = 24 * 3600;
    static constexpr qint64 kMinKeyRefetchSecs = 30;
    static constexpr int kTimeoutMs = 10000;
    static constexpr int kMaxAnswerBytes = 256 * 1024;
    static constexpr int kMaxErrorChars = 200;

    OidcProviderClient(std::shared_ptr<OutboundHttp> http, const Clock &clock);

    // The issuer's discovery document (kept kMetadataTtlSecs).
    Result<ProviderMetadata> metadata(const QString &issuer);
    // The issuer's keys, fetched again when they lack `kid` (and the last refetch is old enough).
    Result<JwkSet> keysFor(const ProviderMetadata &provider, const QString &kid);
    // Redeems the code (grant_type=authorization_code with the PKCE verifier, the client
    // authenticated with client_secret_basic) and returns the checked ID token's claims.
    Result<QJsonObject> redeem(const CodeGrant &grant);

private:
    struct Cached {
        std::optional<ProviderMetadata> metadata;
        qint64 metadataAt = 0;
        std::optional<JwkSet> keys;
        qint64 keysAt = 0;
        qint64 refetchedAt = 0; // when an unknown kid last made us fetch the keys
    };
    Result<QByteArray> fetch(const QUrl &url, const QString &what);
    Result<QByteArray> idTokenOf(const ProviderMetadata &provider, const CodeGrant &grant);

    std::shared_ptr<OutboundHttp> m_http;
    const Clock &m_clock;
    std::mutex m_lock;
    QHash<QString, Cached> m_cache; // by issuer; guarded by m_lock
};

} // namespace tierdesk
