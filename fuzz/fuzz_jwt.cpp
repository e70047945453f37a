// Fuzzes verifyJwt with a fixed key and clock. The first byte picks how the rest is used:
//   even: the rest is a token, verified as it comes;
//   odd:  the rest is "<header JSON>\n<payload JSON>" (no newline: the payload, under the
//         standard header), encoded and signed with the key, so the claims checks behind the
//         signature are reached too.
// Properties: a verified token's claims stay within the rules (exp after now, iat and nbf at
// most the leeway ahead, company and role set, the numbers the payload really holds), signJwt
// of the parsed claims verifies to the same claims, and no token verifies under another key.
#include "core/api/auth/Jwt.h"
#include "fuzz/FuzzCheck.h"

#include <QJsonDocument>
#include <QJsonObject>
#include <QMessageAuthenticationCode>

#include <cmath>
#include <cstddef>
#include <cstdint>

using namespace tierdesk;

namespace {

const QByteArray kKey = QByteArrayLiteral("tierdesk-fuzz-key-0123456789abcdef");
const QByteArray kOtherKey = QByteArrayLiteral("tierdesk-fuzz-key-0123456789abcdeF");
constexpr qint64 kNow = 1766145600; // 2025-12-19T12:00:00Z

QByteArray b64(const QByteArray &raw)
{
    return raw.toBase64(QByteArray::Base64UrlEncoding | QByteArray::OmitTrailingEquals);
}

QByteArray signedToken(const QByteArray &input)
{
    const qsizetype nl = input.indexOf('\n');
    const QByteArray header = nl < 0 ? QByteArrayLiteral(R"({"alg":"HS256","typ":"JWT"})") : input.left(nl);
    const QByteArray payload = nl < 0 ? input : input.mid(nl + 1);
    const QByteArray signingInput = b64(header) + '.' + b64(payload);
    return signingInput + '.' + b64(QMessageAuthenticationCode::hash(signingInput, kKey, QCryptographicHash::Sha256));
}

QByteArray describe(const JwtClaims &c)
{
    return QStringLiteral("company=%1 role=%2 sub=%3 jti=%4 customer=%5 iat=%6 exp=%7 nbf=%8")
        .arg(c.company, c.role, c.subject, c.tokenId, c.customer)
        .arg(c.issuedAt)
        .arg(c.expiresAt)
        .arg(c.notBefore)
        .toUtf8();
}

bool sameClaims(const JwtClaims &a, const JwtClaims &b)
{
    return a.company == b.company && a.role == b.role && a.subject == b.subject && a.tokenId == b.tokenId
        && a.customer == b.customer && a.issuedAt == b.issuedAt && a.expiresAt == b.expiresAt
        && a.notBefore == b.notBefore;
}

// The time claims as the payload itself states them (numbers only), independent of verifyJwt.
void checkTimes(const QByteArray &token, const JwtClaims &c)
{
    const QList<QByteArray> parts = token.split('.');
    const auto raw = QByteArray::fromBase64Encoding(parts.value(1), QByteArray::Base64UrlEncoding);
    const QJsonObject payload = QJsonDocument::fromJson(*raw).object();
    const QJsonValue exp = payload.value(QLatin1String("exp"));
    fuzz::check(exp.isDouble() && exp.toDouble() > double(kNow), "accepted a token whose exp is not after now",
        token + '\n' + describe(c));
    for (const char *name : {"iat", "nbf"}) {
        const QJsonValue v = payload.value(QLatin1String(name));
        fuzz::check(v.isUndefined() || (v.isDouble() && v.toDouble() <= double(kNow + kJwtLeewaySecs)),
            "accepted a token whose iat or nbf lies beyond the leeway", token + '\n' + describe(c));
    }
    fuzz::check(c.expiresAt > kNow && c.issuedAt <= kNow + kJwtLeewaySecs && c.notBefore <= kNow + kJwtLeewaySecs,
        "parsed time claims break the rules", token + '\n' + describe(c));
    fuzz::check(!c.company.isEmpty() && !c.role.isEmpty(), "accepted a token without company or role", token);
}

} // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    if (size == 0)
        return 0;
    const QByteArray rest(reinterpret_cast<const char *>(data) + 1, qsizetype(size - 1));
    const QByteArray token = (data[0] & 1) ? signedToken(rest) : rest;

    const auto claims = verifyJwt(token, kKey, kNow);
    if (!claims) {
        fuzz::check(!claims.error().message.isEmpty(), "a rejection without a reason", token);
        return 0;
    }
    checkTimes(token, *claims);
    fuzz::check(!verifyJwt(token, kOtherKey, kNow).ok(), "a token verified under another key", token);

    // Round trip: what was accepted, signed again, is accepted as the same claims.
    const QByteArray again = signJwt(*claims, kKey);
    const auto back = verifyJwt(again, kKey, kNow);
    fuzz::check(back.ok(), "signJwt of accepted claims does not verify",
        token + '\n' + again + '\n' + (back ? QByteArray() : back.error().message.toUtf8()) + '\n' + describe(*claims));
    fuzz::check(sameClaims(*claims, *back), "signJwt round trip changed the claims",
        describe(*claims) + '\n' + describe(*back));
    return 0;
}
