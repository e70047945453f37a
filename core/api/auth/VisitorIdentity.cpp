#include "core/api/auth/VisitorIdentity.h"

#include "core/api/auth/Jwt.h"
#include "core/integrations/WebhookSigner.h"

#include <QCryptographicHash>
#include <QMessageAuthenticationCode>

namespace tierdesk {
namespace {

Error refuse(const QString &why)
{
    return makeError(ErrorKind::Unauthenticated, why);
}

Result<VerifiedVisitor> fromToken(const VisitorIdentityClaim &claim, const QByteArray &secret, qint64 nowSecs)
{
    const Result<VerifiedJwt> jwt = verifyHs256(claim.token, secret, nowSecs);
    if (!jwt)
        return jwt.error();
    if (jwt->issuedAt == 0)
        return refuse(QStringLiteral("the token has no iat"));
    if (jwt->expiresAt - jwt->issuedAt > VisitorIdentity::kMaxTokenLifeSecs
        || jwt->expiresAt > nowSecs + VisitorIdentity::kMaxTokenLifeSecs)
        return refuse(QStringLiteral("the token lives longer than 24 hours"));
    VerifiedVisitor v{jwt->payload.value(QLatin1String("sub")).toString(),
        jwt->payload.value(QLatin1String("email")).toString(), jwt->payload.value(QLatin1String("name")).toString()};
    if (v.id.isEmpty())
        return refuse(QStringLiteral("the token has no sub"));
    if (!claim.id.isEmpty() && claim.id != v.id)
        return refuse(QStringLiteral("the token's sub is not the id given"));
    return v;
}

} // namespace

QString VisitorIdentity::userHash(const QString &id, const QByteArray &secret)
{
    return QString::fromLatin1(
        QMessageAuthenticationCode::hash(id.toUtf8(), secret, QCryptographicHash::Sha256).toHex());
}

Result<VerifiedVisitor> VisitorIdentity::verify(
    const VisitorIdentityClaim &claim, const QByteArray &secret, qint64 nowSecs)
{
    if (secret.isEmpty())
        return refuse(QStringLiteral("the company has no identity secret"));
    if (!claim.token.isEmpty())
        return fromToken(claim, secret, nowSecs);
    if (claim.id.isEmpty() || claim.id.size() > kMaxIdChars)
        return refuse(QStringLiteral("no id, or one too long"));
    if (claim.userHash.isEmpty())
        return refuse(QStringLiteral("no userHash or token"));
    if (!constantTimeEquals(userHash(claim.id, secret).toLatin1(), claim.userHash.toLatin1()))
        return refuse(QStringLiteral("wrong userHash"));
    return VerifiedVisitor{claim.id, claim.email, claim.name};
}

} // namespace tierdesk
