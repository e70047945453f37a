#include "core/engine/access/ApiKeyMaker.h"

#include "core/common/Validation.h"

#include "core/common/Ids.h"
#include "core/common/SecretSealer.h"

#include <QList>
#include <QRandomGenerator>
#include <QRegularExpression>

#include <algorithm>

namespace tierdesk {
namespace {

QByteArray randomBytes(int n)
{
    QList<quint32> words((n + 3) / 4);
    QRandomGenerator::system()->fillRange(words.data(), words.size());
    return QByteArray(reinterpret_cast<const char *>(words.constData()), n);
}

QByteArray base64Url(const QByteArray &bytes)
{
    return bytes.toBase64(QByteArray::Base64UrlEncoding | QByteArray::OmitTrailingEquals);
}

// AWS-shaped: 20 upper-case letters and digits (80 random bits in base32).
QByteArray newAccessKeyId()
{
    static const char alphabet[] = "ABCDEFGHIJKLMNOPQRSTUVWXYZ234567";
    const QByteArray bytes = randomBytes(16);
    QByteArray out("TDAK");
    for (const char b : bytes)
        out += alphabet[static_cast<unsigned char>(b) % 32];
    return out;
}

} // namespace

bool ApiKeyMaker::isKeyKind(const QString &kind)
{
    return kind == tokenkind::SigV4 || kind == tokenkind::ApiKey || kind == tokenkind::Widget;
}

Status ApiKeyMaker::check(const ApiKeyRequest &r)
{
    if (!isKeyKind(r.kind))
        return invalidField(QStringLiteral("kind"), QStringLiteral("kind must be jwt, sigv4, apikey or widget"));
    const QString name = r.name.trimmed();
    if (name.isEmpty() || name.size() > kMaxNameChars || hasControlCharacters(name))
        return invalidField(
            QStringLiteral("name"), QStringLiteral("name must be 1 to 100 characters (no control characters)"));
    if (r.kind == tokenkind::Widget) {
        if (!r.role.isEmpty())
            return invalidField(QStringLiteral("role"),
                QStringLiteral("a widget key has no role: it lets an anonymous visitor start a session"));
    } else {
        static const QStringList roles{QStringLiteral("agent"), QStringLiteral("supervisor"), QStringLiteral("admin")};
        if (!r.role.isEmpty() && !roles.contains(r.role))
            return invalidField(
                QStringLiteral("role"), QStringLiteral("a key's role is agent, supervisor or admin (default admin)"));
    }
    static const QRegularExpression region(QStringLiteral("^[a-z0-9]+(-[a-z0-9]+)*$"));
    if (r.kind != tokenkind::SigV4 && !r.region.isEmpty())
        return invalidField(QStringLiteral("region"), QStringLiteral("only a sigv4 key has a region"));
    if (!r.region.isEmpty() && (r.region.size() > kMaxRegionChars || !region.match(r.region).hasMatch()))
        return invalidField(QStringLiteral("region"),
            QStringLiteral("region must be 1 to 32 lower-case letters, digits and inner dashes (e.g. eu-west-1)"));
    if (r.ttlSecs != 0 && (r.ttlSecs < kMinTtlSecs || r.ttlSecs > kMaxTtlSecs))
        return invalidField(
            QStringLiteral("ttlSeconds"), QStringLiteral("ttlSeconds must be 60 to 31622400 (366 days), or left out"));
    return Ok{};
}

QVariantMap ApiKeyMaker::auditDetails(const ApiTokenRecord &t)
{
    return {{QStringLiteral("name"), t.name}, {QStringLiteral("kind"), t.kind}, {QStringLiteral("role"), t.role},
        {QStringLiteral("expiresAt"), t.expiresAt}};
}

IssuedApiKey ApiKeyMaker::make(
    const QString &companyId, const ApiKeyRequest &r, const QString &createdBy, qint64 nowMs, const SecretSealer &box)
{
    IssuedApiKey out;
    ApiTokenRecord &t = out.record;
    t.id = ids::random(QStringLiteral("tok_"));
    t.companyId = companyId;
    t.name = r.name.trimmed();
    t.kind = r.kind;
    t.createdBy = createdBy;
    t.createdAt = nowMs;
    t.expiresAt = r.ttlSecs == 0 ? 0 : nowMs + r.ttlSecs * 1000;
    if (r.kind == tokenkind::Widget) {
        t.role = kVisitorRole;
        const QString key = QStringLiteral("tdw_") + QString::fromLatin1(base64Url(randomBytes(18)));
        t.lookup = key;
        out.credential = {{QStringLiteral("key"), key}};
        return out;
    }
    t.role = r.role.isEmpty() ? QStringLiteral("admin") : r.role;
    if (r.kind == tokenkind::ApiKey) {
        const QByteArray key = "tdk_" + base64Url(randomBytes(32));
        t.lookup = QString::fromLatin1(apiKeyHash(key));
        t.keyPrefix = QString::fromLatin1(key.left(kApiKeyPrefixChars));
        out.credential = {{QStringLiteral("key"), QString::fromLatin1(key)}};
        return out;
    }
    const QByteArray accessKeyId = newAccessKeyId();
    const QByteArray secret = base64Url(randomBytes(30)); // 40 characters, like AWS's
    t.lookup = QString::fromLatin1(accessKeyId);
    t.region = r.region.isEmpty() ? kDefaultRegion : r.region;
    t.sealedSecret = box.seal(secret);
    out.credential = {{QStringLiteral("accessKeyId"), t.lookup},
        {QStringLiteral("secretAccessKey"), QString::fromLatin1(secret)}, {QStringLiteral("region"), t.region}};
    return out;
}

} // namespace tierdesk
