#include "core/api/chat/ChatIdentity.h"

namespace tierdesk::api {
namespace {

Error invalid(const QString &field, const QString &rule)
{
    return makeError(ErrorKind::InvalidArgument, QStringLiteral("identity.%1 %2").arg(field, rule));
}

// A string member of at most `maxChars`, or none; false when it is something else.
bool readString(const QJsonObject &o, const char *name, int maxChars, QString *out)
{
    const QJsonValue v = o.value(QLatin1String(name));
    if (v.isUndefined() || v.isNull())
        return true;
    if (!v.isString() || v.toString().size() > maxChars)
        return false;
    *out = v.toString();
    return true;
}

} // namespace

Result<std::optional<VisitorIdentityClaim>> ChatIdentity::claimOf(const QJsonObject &body)
{
    const QJsonValue v = body.value(QLatin1String("identity"));
    if (v.isUndefined() || v.isNull())
        return std::optional<VisitorIdentityClaim>();
    if (!v.isObject())
        return makeError(ErrorKind::InvalidArgument,
            QStringLiteral("identity must be an object: {\"id\", \"email\"?, \"name\"?, \"userHash\"? | \"token\"?}"));
    const QJsonObject o = v.toObject();
    VisitorIdentityClaim claim;
    QString token;
    const int maxId = VisitorIdentity::kMaxIdChars;
    if (!readString(o, "id", maxId, &claim.id))
        return invalid(QStringLiteral("id"), QStringLiteral("must be a string of at most %1 characters").arg(maxId));
    if (!readString(o, "email", kMaxEmailChars, &claim.email))
        return invalid(
            QStringLiteral("email"), QStringLiteral("must be a string of at most %1 characters").arg(kMaxEmailChars));
    if (!readString(o, "name", kMaxNameChars, &claim.name))
        return invalid(
            QStringLiteral("name"), QStringLiteral("must be a string of at most %1 characters").arg(kMaxNameChars));
    if (!readString(o, "userHash", 128, &claim.userHash))
        return invalid(QStringLiteral("userHash"), QStringLiteral("must be the hex HMAC-SHA256 of the id"));
    if (!readString(o, "token", kMaxTokenChars, &token))
        return invalid(
            QStringLiteral("token"), QStringLiteral("must be a JWT of at most %1 characters").arg(kMaxTokenChars));
    claim.token = token.toLatin1();
    if (claim.id.isEmpty() && claim.token.isEmpty())
        return invalid(QStringLiteral("id"), QStringLiteral("is required (or a token whose sub is the id)"));
    return std::optional<VisitorIdentityClaim>(claim);
}

Result<std::optional<VerifiedVisitor>> ChatIdentity::decide(
    const std::optional<VisitorIdentityClaim> &claim, const WebChannelSettings &web, qint64 nowSecs)
{
    if (!claim) {
        if (web.identity == QLatin1String("required"))
            return makeError(ErrorKind::Unauthenticated, QStringLiteral("the web channel requires an identity"));
        return std::optional<VerifiedVisitor>();
    }
    if (web.identity == QLatin1String("off"))
        return makeError(ErrorKind::Unauthenticated, QStringLiteral("the web channel takes no identity"));
    const Result<VerifiedVisitor> verified = VisitorIdentity::verify(*claim, web.identitySecret.toUtf8(), nowSecs);
    if (!verified)
        return verified.error();
    return std::optional<VerifiedVisitor>(*verified);
}

} // namespace tierdesk::api
