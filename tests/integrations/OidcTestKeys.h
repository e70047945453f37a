#pragma once

// Signing keys made here with OpenSSL 3, their public JWKs, and compact JWS signed with them: what
// an OpenID provider publishes and issues, for the ID token checks' tests.
#include "core/integrations/oidc/Pkce.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>

#include <openssl/bn.h>
#include <openssl/core_names.h>
#include <openssl/ecdsa.h>
#include <openssl/evp.h>

#include <memory>

namespace tierdesk::test {

class OidcTestKey {
public:
    // "RS256" (RSA 2048) or "ES256" (P-256).
    OidcTestKey(const QString &alg, const QString &kid) : m_alg(alg), m_kid(kid)
    {
        m_key.reset(alg == QLatin1String("RS256") ? EVP_PKEY_Q_keygen(nullptr, nullptr, "RSA", size_t(2048))
                                                  : EVP_PKEY_Q_keygen(nullptr, nullptr, "EC", "P-256"));
    }

    QString kid() const { return m_kid; }

    QJsonObject publicJwk() const
    {
        QJsonObject o{{QStringLiteral("kid"), m_kid}, {QStringLiteral("use"), QStringLiteral("sig")},
            {QStringLiteral("alg"), m_alg}};
        if (m_alg == QLatin1String("RS256")) {
            o.insert(QStringLiteral("kty"), QStringLiteral("RSA"));
            o.insert(QStringLiteral("n"), QString::fromLatin1(base64Url(bnParam(OSSL_PKEY_PARAM_RSA_N))));
            o.insert(QStringLiteral("e"), QString::fromLatin1(base64Url(bnParam(OSSL_PKEY_PARAM_RSA_E))));
        } else {
            unsigned char point[65];
            size_t length = 0;
            EVP_PKEY_get_octet_string_param(m_key.get(), OSSL_PKEY_PARAM_PUB_KEY, point, sizeof point, &length);
            const QByteArray raw(reinterpret_cast<const char *>(point), int(length));
            o.insert(QStringLiteral("kty"), QStringLiteral("EC"));
            o.insert(QStringLiteral("crv"), QStringLiteral("P-256"));
            o.insert(QStringLiteral("x"), QString::fromLatin1(base64Url(raw.mid(1, 32))));
            o.insert(QStringLiteral("y"), QString::fromLatin1(base64Url(raw.mid(33, 32))));
        }
        return o;
    }

    // A compact JWS of `payload` with this key (header alg and kid as given, the key's by default).
    QByteArray sign(const QJsonObject &payload, const QString &alg = {}, const QString &kid = {}) const
    {
        const QJsonObject header{{QStringLiteral("alg"), alg.isEmpty() ? m_alg : alg},
            {QStringLiteral("kid"), kid.isEmpty() ? m_kid : kid}, {QStringLiteral("typ"), QStringLiteral("JWT")}};
        const QByteArray input = base64Url(QJsonDocument(header).toJson(QJsonDocument::Compact)) + '.'
            + base64Url(QJsonDocument(payload).toJson(QJsonDocument::Compact));
        std::unique_ptr<EVP_MD_CTX, void (*)(EVP_MD_CTX *)> md(EVP_MD_CTX_new(), EVP_MD_CTX_free);
        size_t length = 0;
        EVP_DigestSignInit_ex(md.get(), nullptr, "SHA256", nullptr, nullptr, m_key.get(), nullptr);
        EVP_DigestSign(md.get(), nullptr, &length, reinterpret_cast<const unsigned char *>(input.constData()),
            size_t(input.size()));
        QByteArray signature(int(length), Qt::Uninitialized);
        EVP_DigestSign(md.get(), reinterpret_cast<unsigned char *>(signature.data()), &length,
            reinterpret_cast<const unsigned char *>(input.constData()), size_t(input.size()));
        signature.truncate(int(length));
        if (m_alg == QLatin1String("ES256"))
            signature = rawOfDer(signature);
        return input + '.' + base64Url(signature);
    }

    static QByteArray jwks(const QList<const OidcTestKey *> &keys)
    {
        QJsonArray all;
        for (const OidcTestKey *k : keys)
            all.append(k->publicJwk());
        return QJsonDocument(QJsonObject{{QStringLiteral("keys"), all}}).toJson(QJsonDocument::Compact);
    }

private:
    QByteArray bnParam(const char *name) const
    {
        BIGNUM *bn = nullptr;
        EVP_PKEY_get_bn_param(m_key.get(), name, &bn);
        QByteArray out(BN_num_bytes(bn), Qt::Uninitialized);
        BN_bn2bin(bn, reinterpret_cast<unsigned char *>(out.data()));
        BN_free(bn);
        return out;
    }

    // DER ECDSA-Sig-Value to JWS's r || s.
    static QByteArray rawOfDer(const QByteArray &der)
    {
        const auto *p = reinterpret_cast<const unsigned char *>(der.constData());
        ECDSA_SIG *sig = d2i_ECDSA_SIG(nullptr, &p, long(der.size()));
        QByteArray raw(64, '\0');
        BN_bn2binpad(ECDSA_SIG_get0_r(sig), reinterpret_cast<unsigned char *>(raw.data()), 32);
        BN_bn2binpad(ECDSA_SIG_get0_s(sig), reinterpret_cast<unsigned char *>(raw.data()) + 32, 32);
        ECDSA_SIG_free(sig);
        return raw;
    }

    QString m_alg;
    QString m_kid;
    std::unique_ptr<EVP_PKEY, void (*)(EVP_PKEY *)> m_key{nullptr, EVP_PKEY_free};
};

} // namespace tierdesk::test
