#include "core/integrations/oidc/JwkSet.h"

#include "core/integrations/oidc/Pkce.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>

#include <optional>

#include <openssl/bn.h>
#include <openssl/core_names.h>
#include <openssl/evp.h>
#include <openssl/param_build.h>

namespace tierdesk {

namespace {

struct FreeBn {
    void operator()(BIGNUM *b) const { BN_free(b); }
};
struct FreeBld {
    void operator()(OSSL_PARAM_BLD *b) const { OSSL_PARAM_BLD_free(b); }
};
struct FreeParams {
    void operator()(OSSL_PARAM *p) const { OSSL_PARAM_free(p); }
};
struct FreeCtx {
    void operator()(EVP_PKEY_CTX *c) const { EVP_PKEY_CTX_free(c); }
};

std::shared_ptr<evp_pkey_st> fromData(const char *type, OSSL_PARAM_BLD *bld)
{
    const std::unique_ptr<OSSL_PARAM, FreeParams> params(OSSL_PARAM_BLD_to_param(bld));
    const std::unique_ptr<EVP_PKEY_CTX, FreeCtx> ctx(EVP_PKEY_CTX_new_from_name(nullptr, type, nullptr));
    EVP_PKEY *key = nullptr;
    if (!params || !ctx || EVP_PKEY_fromdata_init(ctx.get()) != 1
        || EVP_PKEY_fromdata(ctx.get(), &key, EVP_PKEY_PUBLIC_KEY, params.get()) != 1)
        return nullptr;
    return std::shared_ptr<evp_pkey_st>(key, EVP_PKEY_free);
}

std::unique_ptr<BIGNUM, FreeBn> bigNumber(const QByteArray &bytes)
{
    return std::unique_ptr<BIGNUM, FreeBn>(
        BN_bin2bn(reinterpret_cast<const unsigned char *>(bytes.constData()), int(bytes.size()), nullptr));
}

std::shared_ptr<evp_pkey_st> rsaKey(const QByteArray &n, const QByteArray &e)
{
    if (n.size() < JwkSet::kMinRsaBytes || e.isEmpty() || e.size() > 8)
        return nullptr;
    const auto bn = bigNumber(n);
    const auto be = bigNumber(e);
    const std::unique_ptr<OSSL_PARAM_BLD, FreeBld> bld(OSSL_PARAM_BLD_new());
    if (!bn || !be || !bld || OSSL_PARAM_BLD_push_BN(bld.get(), OSSL_PKEY_PARAM_RSA_N, bn.get()) != 1
        || OSSL_PARAM_BLD_push_BN(bld.get(), OSSL_PKEY_PARAM_RSA_E, be.get()) != 1)
        return nullptr;
    return fromData("RSA", bld.get());
}

// An uncompressed point (0x04 || x || y) on P-256; EVP_PKEY_fromdata refuses one off the curve.
std::shared_ptr<evp_pkey_st> p256Key(const QByteArray &x, const QByteArray &y)
{
    constexpr int kCoordinateBytes = 32;
    if (x.size() != kCoordinateBytes || y.size() != kCoordinateBytes)
        return nullptr;
    QByteArray point = QByteArray(1, '\x04') + x + y;
    char group[] = "prime256v1";
    const std::unique_ptr<OSSL_PARAM_BLD, FreeBld> bld(OSSL_PARAM_BLD_new());
    if (!bld || OSSL_PARAM_BLD_push_utf8_string(bld.get(), OSSL_PKEY_PARAM_GROUP_NAME, group, 0) != 1
        || OSSL_PARAM_BLD_push_octet_string(bld.get(), OSSL_PKEY_PARAM_PUB_KEY, point.data(), size_t(point.size()))
            != 1)
        return nullptr;
    return fromData("EC", bld.get());
}

QByteArray member(const QJsonObject &o, const char *name, bool *ok)
{
    const QJsonValue v = o.value(QLatin1String(name));
    if (!v.isString()) {
        *ok = false;
        return {};
    }
    return fromBase64Url(v.toString().toLatin1(), ok);
}

// The key `o` describes, or none when it is not a signing key of a type read here.
std::optional<Jwk> readKey(const QJsonObject &o)
{
    Jwk out;
    out.kid = o.value(QLatin1String("kid")).toString().left(256);
    out.kty = o.value(QLatin1String("kty")).toString();
    out.alg = o.value(QLatin1String("alg")).toString();
    const QString use = o.value(QLatin1String("use")).toString();
    if (!use.isEmpty() && use != QLatin1String("sig"))
        return std::nullopt;
    bool ok = true;
    if (out.kty == QLatin1String("RSA")) {
        const QByteArray n = member(o, "n", &ok);
        const QByteArray e = ok ? member(o, "e", &ok) : QByteArray();
        out.key = ok ? rsaKey(n, e) : nullptr;
    } else if (out.kty == QLatin1String("EC") && o.value(QLatin1String("crv")).toString() == QLatin1String("P-256")) {
        const QByteArray x = member(o, "x", &ok);
        const QByteArray y = ok ? member(o, "y", &ok) : QByteArray();
        out.key = ok ? p256Key(x, y) : nullptr;
    }
    if (!out.key)
        return std::nullopt;
    return out;
}

const char *ktyOf(const QString &alg)
{
    if (alg == QLatin1String("RS256"))
        return "RSA";
    if (alg == QLatin1String("ES256"))
        return "EC";
    return nullptr;
}

} // namespace

Result<JwkSet> JwkSet::parse(const QByteArray &json)
{
    const auto unusable = [](const QString &why) {
        return makeError(ErrorKind::Unavailable, QStringLiteral("The identity provider's keys are unusable: ") + why);
    };
    if (json.size() > kMaxSetBytes)
        return unusable(QStringLiteral("the key set is too large"));
    const QJsonDocument doc = QJsonDocument::fromJson(json);
    const QJsonValue keys = doc.object().value(QLatin1String("keys"));
    if (!doc.isObject() || !keys.isArray())
        return unusable(QStringLiteral("it is no JWK set"));
    JwkSet out;
    for (const QJsonValue &k : keys.toArray()) {
        if (out.m_keys.size() >= kMaxKeys)
            break;
        if (auto key = readKey(k.toObject()))
            out.m_keys.append(std::move(*key));
    }
    if (out.m_keys.isEmpty())
        return unusable(QStringLiteral("it holds no RSA or P-256 signing key"));
    return out;
}

const Jwk *JwkSet::find(const QString &kid, const QString &alg) const
{
    const char *kty = ktyOf(alg);
    if (!kty)
        return nullptr;
    const Jwk *only = nullptr;
    int ofType = 0;
    for (const Jwk &k : m_keys) {
        if (k.kty != QLatin1String(kty) || (!k.alg.isEmpty() && k.alg != alg))
            continue;
        if (!kid.isEmpty() && k.kid == kid)
            return &k;
        ++ofType;
        only = &k;
    }
    return kid.isEmpty() && ofType == 1 ? only : nullptr;
}

bool JwkSet::contains(const QString &kid) const
{
    for (const Jwk &k : m_keys)
        if (k.kid == kid)
            return true;
    return false;
}

} // namespace tierdesk
