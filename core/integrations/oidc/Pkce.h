#pragma once

#include <QByteArray>

namespace tierdesk {

// Proof Key for Code Exchange (RFC 7636) with the S256 method, and the random state and nonce of
// an OpenID Connect sign-in. Every random value comes from libsodium's CSPRNG.
class Pkce {
public:
    static constexpr int kRandomBytes = 32; // 43 characters in base64url: RFC 7636's minimum length

    // A new code_verifier: 32 random bytes, base64url without padding (43 characters); empty when
    // libsodium cannot be used (no sign-in may start then).
    static QByteArray newVerifier();
    // The code_challenge of a verifier: base64url(SHA-256(verifier)) without padding.
    static QByteArray challengeOf(const QByteArray &verifier);
    // A new state or nonce: as unguessable as a verifier.
    static QByteArray newToken() { return newVerifier(); }
};

// base64url without padding (JWS, PKCE), and its strict reverse (empty on any other character).
QByteArray base64Url(const QByteArray &bytes);
QByteArray fromBase64Url(const QByteArray &text, bool *ok);

} // namespace tierdesk
