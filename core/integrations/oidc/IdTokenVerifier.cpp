#include "core/integrations/oidc/IdTokenVerifier.h"

#include "core/integrations/WebhookSigner.h"
#include "core/integrations/oidc/Pkce.h"

#include <QJsonArray>
#include <QJsonDocument>

#include <openssl/bn.h>
#include <openssl/ecdsa.h>
#include <openssl/evp.h>

#include <cmath>
#include <memory>

namespace tierdesk {

namespace {

Error refused(const QString &why)
{
    return makeError(ErrorKind::Unauthenticated, why, {{QStringLiteral("reason"), why}});
}

std::optional<QJsonObject> jsonPart(const QByteArray &part)
{
    bool ok = false;
    const QByteArray bytes = fromBase64Url(part, &ok);
    if (!ok)
        return std::nullopt;
    QJsonParseError error{};
    const QJsonDocument doc = QJsonDocument::fromJson(bytes, &error);
    if (error.error != QJsonParseError::NoError || !doc.isObject())
        return std::nullopt;
    return doc.object();
}

// JWS's ES256 signature is r || s (32 bytes each); OpenSSL verifies the DER of ECDSA-Sig-Value.
QByteArray derOfRawEcdsa(const QByteArray &raw)
{
    constexpr int kHalf = 32;
    if (raw.size() != 2 * kHalf)
        return {};
    const auto *bytes = reinterpret_cast<const unsigned char *>(raw.constData());
    std::unique_ptr<ECDSA_SIG, void (*)(ECDSA_SIG *)> sig(ECDSA_SIG_new(), ECDSA_SIG_free);
    BIGNUM *r = BN_bin2bn(bytes, kHalf, nullptr);
    BIGNUM *s = BN_bin2bn(bytes + kHalf, kHalf, nullptr);
    if (!sig || !r || !s || ECDSA_SIG_set0(sig.get(), r, s) != 1) {
        BN_free(r);
        BN_free(s);
        return {};
    }
    const int size = i2d_ECDSA_SIG(sig.get(), nullptr);
    if (size <= 0)
        return {};
    QByteArray der(size, Qt::Uninitialized);
    auto *out = reinterpret_cast<unsigned char *>(der.data());
    return i2d_ECDSA_SIG(sig.get(), &out) == size ? der : QByteArray();
}

bool digestVerifies(evp_pkey_st *key, const QByteArray &input, const QByteArray &signature)
{
    std::unique_ptr<EVP_MD_CTX, void (*)(EVP_MD_CTX *)> md(EVP_MD_CTX_new(), EVP_MD_CTX_free);
    return md && EVP_DigestVerifyInit_ex(md.get(), nullptr, "SHA256", nullptr, nullptr, key, nullptr) == 1
        && EVP_DigestVerify(md.get(), reinterpret_cast<const unsigned char *>(signature.constData()),
               size_t(signature.size()), reinterpret_cast<const unsigned char *>(input.constData()),
               size_t(input.size()))
        == 1;
}

// A NumericDate claim (seconds, perhaps with a fraction); nullopt when absent or not a number.
std::optional<qint64> numericDate(const QJsonObject &claims, const char *name)
{
    const QJsonValue v = claims.value(QLatin1String(name));
    if (!v.isDouble() || !std::isfinite(v.toDouble()))
        return std::nullopt;
    return qint64(std::floor(v.toDouble()));
}

} // namespace

Result<IdTokenVerifier::Jws> IdTokenVerifier::decode(const QByteArray &token)
{
    if (token.isEmpty() || token.size() > kMaxTokenBytes)
        return refused(QStringLiteral("the ID token is missing or too large"));
    const QList<QByteArray> parts = token.split('.');
    if (parts.size() != 3)
        return refused(QStringLiteral("the ID token is not a signed JWT"));
    Jws out;
    const auto header = jsonPart(parts[0]);
    const auto payload = jsonPart(parts[1]);
    bool ok = false;
    out.signature = fromBase64Url(parts[2], &ok);
    if (!header || !payload || !ok)
        return refused(QStringLiteral("the ID token is not a signed JWT"));
    out.header = *header;
    out.payload = *payload;
    out.signingInput = parts[0] + '.' + parts[1];
    out.alg = header->value(QLatin1String("alg")).toString();
    out.kid = header->value(QLatin1String("kid")).toString().left(256);
    // Never "none", never a MAC (the client secret would become a signing key), nothing unknown.
    if (out.alg != QLatin1String("RS256") && out.alg != QLatin1String("ES256"))
        return refused(QStringLiteral("the ID token is signed with '%1'; only RS256 and ES256 are accepted")
                           .arg(out.alg.left(16)));
    if (header->contains(QLatin1String("crit")))
        return refused(QStringLiteral("the ID token's header has critical extensions"));
    return out;
}

Result<QJsonObject> IdTokenVerifier::verify(const QByteArray &token, const JwkSet &keys, const IdTokenCheck &check)
{
    const auto jws = decode(token);
    if (!jws)
        return jws.error();
    // In this order: the first refusal is the one told.
    Status step = checkSignature(*jws, keys);
    if (step)
        step = checkIssuer(jws->payload, check);
    if (step)
        step = checkAudience(jws->payload, check);
    if (step)
        step = checkTimes(jws->payload, check);
    if (step)
        step = checkNonce(jws->payload, check);
    if (!step)
        return step.error();
    return jws->payload;
}

Status IdTokenVerifier::checkSignature(const Jws &jws, const JwkSet &keys)
{
    const Jwk *key = keys.find(jws.kid, jws.alg);
    if (!key)
        return refused(QStringLiteral("the ID token was signed with an unknown key"));
    const bool ec = jws.alg == QLatin1String("ES256");
    const QByteArray signature = ec ? derOfRawEcdsa(jws.signature) : jws.signature;
    if (signature.isEmpty() || !digestVerifies(key->key.get(), jws.signingInput, signature))
        return refused(QStringLiteral("the ID token's signature does not hold"));
    return Ok{};
}

Status IdTokenVerifier::checkIssuer(const QJsonObject &claims, const IdTokenCheck &check)
{
    if (claims.value(QLatin1String("iss")).toString() != check.issuer)
        return refused(QStringLiteral("the ID token is from another issuer"));
    if (claims.value(QLatin1String("sub")).toString().isEmpty())
        return refused(QStringLiteral("the ID token names no subject"));
    return Ok{};
}

Status IdTokenVerifier::checkAudience(const QJsonObject &claims, const IdTokenCheck &check)
{
    const QJsonValue aud = claims.value(QLatin1String("aud"));
    QStringList audiences;
    if (aud.isString())
        audiences << aud.toString();
    for (const QJsonValue &a : aud.toArray())
        audiences << a.toString();
    if (!audiences.contains(check.clientId))
        return refused(QStringLiteral("the ID token is for another client"));
    // Several audiences: the authorized party must be this client (Core 3.1.3.7, steps 4 and 5).
    const QJsonValue azp = claims.value(QLatin1String("azp"));
    if ((audiences.size() > 1 || !azp.isUndefined()) && azp.toString() != check.clientId)
        return refused(QStringLiteral("the ID token is for another client"));
    return Ok{};
}

Status IdTokenVerifier::checkTimes(const QJsonObject &claims, const IdTokenCheck &check)
{
    const auto exp = numericDate(claims, "exp");
    const auto iat = numericDate(claims, "iat");
    if (!exp || !iat)
        return refused(QStringLiteral("the ID token lacks exp or iat"));
    if (*exp + kLeewaySecs <= check.nowSecs)
        return refused(QStringLiteral("the ID token expired"));
    if (*iat > check.nowSecs + kLeewaySecs)
        return refused(QStringLiteral("the ID token was issued in the future"));
    return Ok{};
}

Status IdTokenVerifier::checkNonce(const QJsonObject &claims, const IdTokenCheck &check)
{
    const QByteArray nonce = claims.value(QLatin1String("nonce")).toString().toUtf8();
    if (check.nonce.isEmpty() || !constantTimeEquals(nonce, check.nonce))
        return refused(QStringLiteral("the ID token's nonce is not this sign-in's"));
    return Ok{};
}

} // namespace tierdesk
