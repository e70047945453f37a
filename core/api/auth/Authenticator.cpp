#include "core/api/auth/Authenticator.h"

#include "core/common/Ids.h"

#include <QMessageAuthenticationCode>

namespace tierdesk::api {

QByteArray Authenticator::bearerToken(const http::HttpRequest &req, bool allowQueryToken)
{
    const QByteArray header = req.header("authorization");
    if (header.startsWith("Bearer ") || header.startsWith("bearer "))
        return header.mid(7).trimmed();
    if (allowQueryToken && req.query.hasQueryItem(QStringLiteral("token")))
        return req.query.queryItemValue(QStringLiteral("token"), QUrl::FullyDecoded).toUtf8();
    return {};
}

Result<Principal> Authenticator::authenticate(const http::HttpRequest &req, bool allowQueryToken) const
{
    const QByteArray token = bearerToken(req, allowQueryToken);
    if (token.isEmpty())
        return makeError(ErrorKind::Unauthenticated, QStringLiteral("missing bearer token"));
    const auto claims = verify(token);
    if (!claims)
        return claims.error();
    const auto role = parseRole(claims->role);
    if (!role)
        return makeError(ErrorKind::Unauthenticated, QStringLiteral("unknown role"));
    if (*role == Role::Client && claims->customer.isEmpty())
        return makeError(ErrorKind::Unauthenticated, QStringLiteral("client token bound to no customer"));
    if (m_refusal) {
        if (const Status allowed = m_refusal(*claims); !allowed)
            return allowed.error();
    }
    Principal who;
    who.company = claims->company;
    who.role = *role;
    who.subject = claims->subject;
    who.tokenId = claims->tokenId;
    who.customer = *role == Role::Client ? claims->customer : QString();
    who.displayName = claims->name.left(100);
    who.sessionId = claims->sessionId;
    who.mfaSetupOnly = claims->scope == QLatin1String(kMfaSetupScope);
    return who;
}

Result<JwtClaims> Authenticator::verify(const QByteArray &token) const
{
    const qint64 now = m_clock.nowSecs();
    if (const JwtClaims *known = m_verified.object(token);
        known && known->expiresAt > now && qMax(known->issuedAt, known->notBefore) <= now + kJwtLeewaySecs)
        return *known;
    // Not seen, or its times no longer hold: the full check, which says why it fails.
    auto claims = verifyJwt(token, m_key, now);
    if (!claims)
        return claims.error();
    m_verified.insert(token, new JwtClaims(claims.value()));
    return claims.value();
}

QByteArray Authenticator::issue(
    const QString &company, Role role, const QString &subject, qint64 ttlSecs, const QString &customer) const
{
    JwtClaims c;
    c.customer = role == Role::Client ? customer : QString();
    c.company = company;
    c.role = roleName(role);
    c.subject = subject;
    c.tokenId = ids::random(QStringLiteral("tok_"));
    c.issuedAt = m_clock.nowSecs();
    c.expiresAt = c.issuedAt + ttlSecs;
    return signJwt(c, m_key);
}

QByteArray Authenticator::issueForAgent(const QString &company, Role role, const QString &agentId, const QString &name,
    qint64 ttlSecs, qint64 *expiresAt) const
{
    return issueForAgentAt(company, role, agentId, name, m_clock.nowSecs(), ttlSecs, expiresAt);
}

QByteArray Authenticator::issueWithId(const QString &company, Role role, const QString &subject, const QString &tokenId,
    qint64 issuedAt, qint64 expiresAt, const QString &customer) const
{
    JwtClaims c;
    c.customer = role == Role::Client ? customer : QString();
    c.company = company;
    c.role = roleName(role);
    c.subject = subject;
    c.tokenId = tokenId;
    c.issuedAt = issuedAt;
    c.expiresAt = expiresAt;
    return signJwt(c, m_key);
}

QByteArray Authenticator::issueMfaChallenge(const QString &company, const QString &agentId, const QString &device) const
{
    JwtClaims c;
    c.company = company;
    c.role = QStringLiteral("mfa");
    c.subject = agentId;
    c.name = device; // the device the login named, for the session the second step opens
    c.tokenId = ids::random(QStringLiteral("chl_"));
    c.issuedAt = m_clock.nowSecs();
    c.expiresAt = c.issuedAt + kMfaChallengeTtlSecs;
    return signJwt(c, challengeKey());
}

Result<MfaChallenge> Authenticator::verifyMfaChallenge(const QByteArray &challenge) const
{
    if (challenge.isEmpty() || challenge.size() > kMaxJwtSize)
        return makeError(ErrorKind::Unauthenticated, QStringLiteral("missing or oversized challenge"));
    const auto claims = verifyJwt(challenge, challengeKey(), m_clock.nowSecs());
    if (!claims || claims->role != QLatin1String("mfa") || claims->subject.isEmpty())
        return makeError(ErrorKind::Unauthenticated, QStringLiteral("the challenge is unknown or expired"));
    return MfaChallenge{claims->company, claims->subject, claims->name};
}

QByteArray Authenticator::challengeKey() const
{
    return QMessageAuthenticationCode::hash(
        QByteArrayLiteral("tierdesk login challenge"), m_key, QCryptographicHash::Sha256);
}

QByteArray Authenticator::issueForAgentAt(const QString &company, Role role, const QString &agentId,
    const QString &name, qint64 issuedAt, qint64 ttlSecs, qint64 *expiresAt, const QString &sessionId,
    bool mfaSetupOnly) const
{
    JwtClaims c;
    c.sessionId = sessionId;
    if (mfaSetupOnly)
        c.scope = QLatin1String(kMfaSetupScope);
    c.company = company;
    c.role = roleName(role);
    c.subject = agentId;
    c.name = name;
    c.tokenId = ids::random(QStringLiteral("tok_"));
    c.issuedAt = issuedAt;
    c.expiresAt = c.issuedAt + ttlSecs;
    if (expiresAt)
        *expiresAt = c.expiresAt;
    return signJwt(c, m_key);
}

} // namespace tierdesk::api
