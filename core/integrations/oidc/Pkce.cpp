#include "core/integrations/oidc/Pkce.h"

#include "core/integrations/Sodium.h"

namespace tierdesk {

QByteArray base64Url(const QByteArray &bytes)
{
    return bytes.toBase64(QByteArray::Base64UrlEncoding | QByteArray::OmitTrailingEquals);
}

QByteArray fromBase64Url(const QByteArray &text, bool *ok)
{
    const auto decoded
        = QByteArray::fromBase64Encoding(text, QByteArray::Base64UrlEncoding | QByteArray::AbortOnBase64DecodingErrors);
    // Padding is not part of JWS's encoding: a '=' is refused as any other stray character.
    *ok = decoded.decodingStatus == QByteArray::Base64DecodingStatus::Ok && !text.contains('=');
    return *ok ? decoded.decoded : QByteArray();
}

QByteArray Pkce::newVerifier()
{
    // Without a working CSPRNG no sign-in may start: a guessable verifier would be worse than none.
    if (!sodiumReady())
        return {};
    QByteArray random(kRandomBytes, Qt::Uninitialized);
    randombytes_buf(random.data(), static_cast<size_t>(random.size()));
    return base64Url(random);
}

QByteArray Pkce::challengeOf(const QByteArray &verifier)
{
    QByteArray digest(crypto_hash_sha256_BYTES, Qt::Uninitialized);
    crypto_hash_sha256(reinterpret_cast<unsigned char *>(digest.data()),
        reinterpret_cast<const unsigned char *>(verifier.constData()),
        static_cast<unsigned long long>(verifier.size()));
    return base64Url(digest);
}

} // namespace tierdesk
