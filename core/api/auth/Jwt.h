#pragma once

#include "core/common/Result.h"

#include <QByteArray>
#include <QJsonObject>
#include <QString>

namespace tierdesk {

struct JwtClaims {
    QString company;
    QString role;
    QString subject; // "sub"
    QString tokenId; // "jti"
    QString customer; // "customer": a client token acts for this customer only
    QString name; // "name": the agent's display name (agent login tokens)
    QString sessionId; // "sid": the login session of an agent's login token (LoginSessions)
    // "scope": "mfa-setup" for a login token that may only set up a second factor (auth.requireMfa).
    QString scope;
    qint64 issuedAt = 0; // "iat", unix seconds
    qint64 expiresAt = 0; // "exp", unix seconds
    qint64 notBefore = 0; // "nbf", unix seconds; 0 = not set
};

// Clock skew tolerated between issuer and verifier for "iat" and "nbf".
constexpr qint64 kJwtLeewaySecs = 60;

// Tokens larger than this are rejected before any parsing.
constexpr qsizetype kMaxJwtSize = 8 * 1024;

// HS256 JWT: header {"alg":"HS256","typ":"JWT"}, claims company, role, sub, jti,
// customer, name, sid, scope, iat, nbf, exp; base64url segments without padding.
QByteArray signJwt(const JwtClaims &claims, const QByteArray &key);

// The "company" claim of a token WITHOUT checking its signature: only for
// deciding whose audit log shows a failed attempt. Empty when unreadable.
QString unverifiedJwtCompany(const QByteArray &token);

// An HS256 token whose signature and times hold (below), whatever its claims say.
struct VerifiedJwt {
    QJsonObject payload;
    qint64 expiresAt = 0; // "exp", unix seconds
    qint64 issuedAt = 0; // "iat"; 0 = not set
    qint64 notBefore = 0; // "nbf"; 0 = not set
};
Result<VerifiedJwt> verifyHs256(const QByteArray &token, const QByteArray &key, qint64 nowSecs);

// Accepts only HS256 tokens signed with key, not yet expired (exp > now), already
// valid (iat and nbf, when present, at most kJwtLeewaySecs ahead of now), that
// name a company and a role; iat, nbf and exp must be whole seconds in qint64.
// On failure returns ErrorKind::Unauthenticated whose message is a short explanation
// for the log ("token expired"; callers should not show it to clients).
Result<JwtClaims> verifyJwt(const QByteArray &token, const QByteArray &key, qint64 nowSecs);

} // namespace tierdesk
