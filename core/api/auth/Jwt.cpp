#include "core/api/auth/Jwt.h"

#include "core/integrations/WebhookSigner.h"

#include <QCryptographicHash>
#include <QJsonDocument>
#include <QJsonObject>
#include <QList>
#include <QMessageAuthenticationCode>

#include <limits>
#include <optional>

namespace tierdesk {

namespace {

constexpr auto kB64 = QByteArray::Base64UrlEncoding | QByteArray::OmitTrailingEquals;

QByteArray b64(const QByteArray &raw)
{
    return raw.toBase64(kB64);
}

// Strict base64url: the alphabet only, no padding.
std::optional<QByteArray> unb64(const QByteArray &text)
{
    if (text.isEmpty() || text.contains('='))
        return std::nullopt;
    auto decoded = QByteArray::fromBase64Encoding(text, kB64 | QByteArray::AbortOnBase64DecodingErrors);
    if (!decoded)
        return std::nullopt;
    return *decoded;
}

std::optional<QJsonObject> jsonObject(const QByteArray &segment)
{
    const auto raw = unb64(segment);
    if (!raw)
        return std::nullopt;
    QJsonParseError err{};
    const QJsonDocument doc = QJsonDocument::fromJson(*raw, &err);
    if (err.error != QJsonParseError::NoError || !doc.isObject())
        return std::nullopt;
    return doc.object();
}

QByteArray mac(const QByteArray &signingInput, const QByteArray &key)
{
    return QMessageAuthenticationCode::hash(signingInput, key, QCryptographicHash::Sha256);
}

// A NumericDate claim in whole seconds. toInteger() reads a fraction or a value beyond qint64
// as 0, which for iat and nbf would let a time in the future through as "long ago".
std::optional<qint64> wholeSeconds(const QJsonValue &v)
{
    constexpr qint64 invalid = std::numeric_limits<qint64>::min();
    const qint64 secs = v.isDouble() ? v.toInteger(invalid) : invalid;
    if (secs == invalid)
        return std::nullopt;
    return secs;
}

// The reason is for the log and the audit row, never for the client's eyes.
Error reject(const QString &why)
{
    return makeError(ErrorKind::Unauthenticated, why);
}

} // namespace

QByteArray signJwt(const JwtClaims &claims, const QByteArray &key)
{
    const QJsonObject header{
        {QStringLiteral("alg"), QStringLiteral("HS256")}, {QStringLiteral("typ"), QStringLiteral("JWT")}};
    QJsonObject payload{
        {QStringLiteral("company"), claims.company},
        {QStringLiteral("role"), claims.role},
        {QStringLiteral("iat"), claims.issuedAt},
        {QStringLiteral("exp"), claims.expiresAt},
    };
    if (!claims.subject.isEmpty())
        payload.insert(QStringLiteral("sub"), claims.subject);
    if (!claims.tokenId.isEmpty())
        payload.insert(QStringLiteral("jti"), claims.tokenId);
    if (!claims.customer.isEmpty())
        payload.insert(QStringLiteral("customer"), claims.customer);
    if (!claims.name.isEmpty())
        payload.insert(QStringLiteral("name"), claims.name);
    if (!claims.sessionId.isEmpty())
        payload.insert(QStringLiteral("sid"), claims.sessionId);
    if (!claims.scope.isEmpty())
        payload.insert(QStringLiteral("scope"), claims.scope);
    if (claims.notBefore != 0)
        payload.insert(QStringLiteral("nbf"), claims.notBefore);
    const QByteArray input = b64(QJsonDocument(header).toJson(QJsonDocument::Compact)) + '.'
        + b64(QJsonDocument(payload).toJson(QJsonDocument::Compact));
    return input + '.' + b64(mac(input, key));
}

QString unverifiedJwtCompany(const QByteArray &token)
{
    if (token.isEmpty() || token.size() > kMaxJwtSize)
        return {};
    const QList<QByteArray> parts = token.split('.');
    if (parts.size() != 3)
        return {};
    const auto payload = jsonObject(parts[1]);
    return payload ? payload->value(QStringLiteral("company")).toString() : QString();
}

Result<VerifiedJwt> verifyHs256(const QByteArray &token, const QByteArray &key, qint64 nowSecs)
{
    if (key.isEmpty())
        return reject(QStringLiteral("no signing key"));
    if (token.isEmpty())
        return reject(QStringLiteral("empty token"));
    if (token.size() > kMaxJwtSize)
        return reject(QStringLiteral("token too large"));
    const QList<QByteArray> parts = token.split('.');
    if (parts.size() != 3)
        return reject(QStringLiteral("token must have three segments"));

    const auto header = jsonObject(parts[0]);
    if (!header)
        return reject(QStringLiteral("malformed header"));
    // Only the algorithm we issue: this closes "alg":"none" and algorithm confusion.
    if (header->value(QStringLiteral("alg")).toString() != QLatin1String("HS256"))
        return reject(QStringLiteral("unsupported algorithm"));

    const auto signature = unb64(parts[2]);
    if (!signature)
        return reject(QStringLiteral("malformed signature"));
    const QByteArray signingInput = parts[0] + '.' + parts[1];
    if (!constantTimeEquals(mac(signingInput, key), *signature))
        return reject(QStringLiteral("bad signature"));

    const auto payload = jsonObject(parts[1]);
    if (!payload)
        return reject(QStringLiteral("malformed payload"));
    const QJsonValue exp = payload->value(QStringLiteral("exp"));
    if (!exp.isDouble())
        return reject(QStringLiteral("missing exp"));
    const auto expiresAt = wholeSeconds(exp);
    if (!expiresAt)
        return reject(QStringLiteral("malformed exp"));
    VerifiedJwt out{*payload, *expiresAt, 0, 0};
    if (out.expiresAt <= nowSecs)
        return reject(QStringLiteral("token expired"));
    // A token from the future is either forged or from a badly wrong clock.
    for (const auto &[name, target] : {std::pair{"iat", &out.issuedAt}, std::pair{"nbf", &out.notBefore}}) {
        const QJsonValue v = payload->value(QLatin1String(name));
        if (v.isUndefined())
            continue;
        const auto secs = wholeSeconds(v);
        if (!secs)
            return reject(QStringLiteral("malformed %1").arg(QLatin1String(name)));
        *target = *secs;
        if (*target > nowSecs + kJwtLeewaySecs)
            return reject(QStringLiteral("token not yet valid (%1 in the future)").arg(QLatin1String(name)));
    }
    return out;
}

Result<JwtClaims> verifyJwt(const QByteArray &token, const QByteArray &key, qint64 nowSecs)
{
    const Result<VerifiedJwt> verified = verifyHs256(token, key, nowSecs);
    if (!verified)
        return verified.error();
    const QJsonObject &payload = verified->payload;
    JwtClaims claims;
    claims.company = payload.value(QStringLiteral("company")).toString();
    claims.role = payload.value(QStringLiteral("role")).toString();
    claims.subject = payload.value(QStringLiteral("sub")).toString();
    claims.tokenId = payload.value(QStringLiteral("jti")).toString();
    claims.customer = payload.value(QStringLiteral("customer")).toString();
    claims.name = payload.value(QStringLiteral("name")).toString();
    claims.sessionId = payload.value(QStringLiteral("sid")).toString();
    claims.scope = payload.value(QStringLiteral("scope")).toString();
    claims.expiresAt = verified->expiresAt;
    claims.issuedAt = verified->issuedAt;
    claims.notBefore = verified->notBefore;
    if (claims.company.isEmpty() || claims.role.isEmpty())
        return reject(QStringLiteral("missing company or role"));
    return claims;
}

} // namespace tierdesk
