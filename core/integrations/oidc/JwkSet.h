#pragma once

#include "core/common/Result.h"

#include <QByteArray>
#include <QList>
#include <QString>

#include <memory>

struct evp_pkey_st; // OpenSSL's EVP_PKEY

namespace tierdesk {

// One public key of a provider's JWK set, ready for EVP_DigestVerify.
struct Jwk {
    QString kid;
    QString kty; // "RSA" or "EC" (P-256)
    QString alg; // as the set gives it; may be empty
    std::shared_ptr<evp_pkey_st> key;
};

// A provider's signing keys (RFC 7517) as OpenSSL 3 keys, built from their parameters with
// EVP_PKEY_fromdata: RSA (n, e; 2048 bits or more) and EC P-256 (x, y). Keys of other types,
// curves or uses ("enc") are skipped. Copies share the keys; they are safe to use from any thread.
class JwkSet {
public:
    static constexpr int kMaxSetBytes = 256 * 1024;
    static constexpr int kMaxKeys = 100;
    static constexpr int kMinRsaBytes = 256; // 2048-bit modulus

    // Invalid (Unavailable) when the document is no JWK set or holds no usable signing key.
    static Result<JwkSet> parse(const QByteArray &json);

    // The key for a JWS of `alg` ("RS256" or "ES256") with header `kid`; with no kid, the set's
    // only key of that type. Null when there is none.
    const Jwk *find(const QString &kid, const QString &alg) const;
    bool contains(const QString &kid) const;
    int size() const { return int(m_keys.size()); }

private:
    QList<Jwk> m_keys;
};

} // namespace tierdesk
