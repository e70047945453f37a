#pragma once

#include "core/api/auth/Jwt.h"
#include "core/api/common/Principal.h"
#include "core/api/http/HttpTypes.h"
#include "core/common/Clock.h"

#include <QCache>

#include <functional>

#include <optional>

namespace tierdesk::api {

// The "scope" of a login token that may only set up a second factor.
inline constexpr char kMfaSetupScope[] = "mfa-setup";

// Whose password a login's first step proved, and the device it named.
struct MfaChallenge {
    QString company;
    QString agentId;
    QString device;
};

// Verifies "Authorization: Bearer <JWT>" (or ?token= for WebSocket clients,
// which cannot set headers) against the signing key. Used on the engine thread only.
class Authenticator {
public:
    Authenticator(QByteArray signingKey, const Clock &clock) : m_key(std::move(signingKey)), m_clock(clock) { }
    // Who the request's token names; Unauthenticated, its message why ("token expired",
    // "missing bearer token", the refusal's words), when it names nobody.
    Result<Principal> authenticate(const http::HttpRequest &req, bool allowQueryToken) const;
    // The bearer token of a request (header, or ?token= when allowed); empty when none.
    static QByteArray bearerToken(const http::HttpRequest &req, bool allowQueryToken);
    // A client token must name its customer; other roles must not.
    QByteArray issue(
        const QString &company, Role role, const QString &subject, qint64 ttlSecs, const QString &customer = {}) const;
    // An agent's login token: sub = the agent id, plus the display name.
    QByteArray issueForAgent(const QString &company, Role role, const QString &agentId, const QString &name,
        qint64 ttlSecs, qint64 *expiresAt = nullptr) const;
    // Asked at every use of a token whose signature and times hold, cached or not:
    // Ok, or Unauthenticated saying why it is refused (revoked, its agent deactivated).
    // So a revocation takes effect on the next request, whatever was verified before.
    using Refusal = std::function<Status(const JwtClaims &)>;
    void setRefusal(Refusal refusal) { m_refusal = std::move(refusal); }
    // issueForAgent() with a given "iat" (see AgentDirectory::loginIssuedAt) and the login session
    // it belongs to ("sid", LoginSessions).
    // With mfaSetupOnly the token may only set up a second factor (Principal::mfaSetupOnly).
    QByteArray issueForAgentAt(const QString &company, Role role, const QString &agentId, const QString &name,
        qint64 issuedAt, qint64 ttlSecs, qint64 *expiresAt = nullptr, const QString &sessionId = {},
        bool mfaSetupOnly = false) const;
    // A login's second step (POST /api/cs/auth/login/mfa): names the agent whose password was
    // right, for kMfaChallengeTtlSecs. Signed with a key of its own, so it is never a bearer token
    // and no bearer token is a challenge.
    static constexpr qint64 kMfaChallengeTtlSecs = 300;
    QByteArray issueMfaChallenge(const QString &company, const QString &agentId, const QString &device) const;
    Result<MfaChallenge> verifyMfaChallenge(const QByteArray &challenge) const;
    // An API token with a known jti (POST /api/cs/tokens).
    QByteArray issueWithId(const QString &company, Role role, const QString &subject, const QString &tokenId,
        qint64 issuedAt, qint64 expiresAt, const QString &customer = {}) const;
    // Signs the claims as given (no checks): for tokens issue() does not make.
    QByteArray sign(const JwtClaims &claims) const { return signJwt(claims, m_key); }

private:
    Result<JwtClaims> verify(const QByteArray &token) const;
    QByteArray challengeKey() const;

    QByteArray m_key;
    const Clock &m_clock;
    Refusal m_refusal;
    // Tokens whose signature was checked already, by their exact bytes: a client sends the
    // same token with every request, and the HMAC need not be computed again. The times
    // (exp, nbf) are checked again at each use.
    static constexpr int kVerifiedTokens = 1024;
    mutable QCache<QByteArray, JwtClaims> m_verified{kVerifiedTokens};
};

} // namespace tierdesk::api
