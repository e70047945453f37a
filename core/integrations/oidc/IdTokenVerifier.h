#pragma once

#include "core/common/Result.h"
#include "core/integrations/oidc/JwkSet.h"

#include <QByteArray>
#include <QJsonObject>
#include <QString>

namespace tierdesk {

// What an ID token must match: the sign-in's provider, client and nonce, at `nowSecs`.
struct IdTokenCheck {
    QString issuer;
    QString clientId;
    QByteArray nonce;
    qint64 nowSecs = 0;
};

// An ID token (a compact JWS, RFC 7515) read and checked in a fixed order, each step its own
// function with its own refusal (OpenID Connect Core 3.1.3.7): the signature (RS256 or ES256 only,
// with a key of the provider's set), iss, aud (and azp), exp and iat, nonce. Every refusal is
// Unauthenticated with a reason for people ("the ID token expired").
class IdTokenVerifier {
public:
    static constexpr qint64 kLeewaySecs = 60; // clocks of two machines differ
    static constexpr int kMaxTokenBytes = 16 * 1024;

    struct Jws {
        QJsonObject header;
        QJsonObject payload;
        QByteArray signingInput; // base64url(header) "." base64url(payload)
        QByteArray signature;
        QString alg;
        QString kid;
    };

    // Its parts, once it is three base64url parts of JSON objects signed with RS256 or ES256.
    static Result<Jws> decode(const QByteArray &token);
    // The payload's claims when every check holds.
    static Result<QJsonObject> verify(const QByteArray &token, const JwkSet &keys, const IdTokenCheck &check);

    static Status checkSignature(const Jws &jws, const JwkSet &keys);
    static Status checkIssuer(const QJsonObject &claims, const IdTokenCheck &check);
    static Status checkAudience(const QJsonObject &claims, const IdTokenCheck &check);
    static Status checkTimes(const QJsonObject &claims, const IdTokenCheck &check);
    static Status checkNonce(const QJsonObject &claims, const IdTokenCheck &check);
};

} // namespace tierdesk
