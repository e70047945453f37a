// Fuzzes SigV4Verifier with one fixed key and clock. The rest of the input after the first byte
// is a request: "METHOD TARGET\n", header lines "Name: value\n", an empty line, the body.
// The first byte picks how it is used:
//   even: verified as it comes (its own Authorization, if any);
//   odd:  signed first with the fixed key (X-Amz-Date = now, Host added if missing, every header
//         signed) so the canonicalisation and signature checks behind the parsing are reached.
// Properties: a refusal has a reason; an accepted request names the fixed key's company and
// carries no secret, and is refused under another secret or with its body changed; a request
// this target signed is accepted unless it breaks a documented rule.
#include "core/api/auth/SigV4Verifier.h"
#include "fuzz/FuzzCheck.h"

#include <QDateTime>
#include <QRegularExpression>

#include <cstddef>
#include <cstdint>

using namespace tierdesk;

namespace {

const QString kAccessKey = QStringLiteral("TDAKFUZZKEY234567ABC");
const QByteArray kSecret = QByteArrayLiteral("fuzz-secret-access-key-0123456789abcdefg");
const QByteArray kRegion = QByteArrayLiteral("eu-west-1");
constexpr qint64 kNowMs = 1766145600000; // 2025-12-19T12:00:00Z
const QByteArray kAmzDate = QByteArrayLiteral("20251219T120000Z");

SignedRequest parse(const QByteArray &input)
{
    SignedRequest r;
    const qsizetype end = input.indexOf("\n\n");
    const QByteArray head = end < 0 ? input : input.left(end);
    r.body = end < 0 ? QByteArray() : input.mid(end + 2);
    const QList<QByteArray> lines = head.split('\n');
    const QByteArray requestLine = lines.value(0);
    const qsizetype space = requestLine.indexOf(' ');
    r.method = requestLine.left(space < 0 ? requestLine.size() : space);
    const QByteArray target = space < 0 ? QByteArray("/") : requestLine.mid(space + 1);
    const qsizetype question = target.indexOf('?');
    r.rawPath = question < 0 ? target : target.left(question);
    r.rawQuery = question < 0 ? QByteArray() : target.mid(question + 1);
    for (qsizetype i = 1; i < lines.size(); ++i) {
        const qsizetype colon = lines.at(i).indexOf(':');
        if (colon > 0)
            r.headers.append({lines.at(i).left(colon), lines.at(i).mid(colon + 1)});
    }
    return r;
}

bool hasHeader(const SignedRequest &r, const QByteArray &lowerName)
{
    for (const auto &h : r.headers)
        if (h.first.toLower() == lowerName)
            return true;
    return false;
}

// Signs r with `secret` over every header it has; whether the result keeps the verifier's rules.
bool sign(SignedRequest &r, const QByteArray &secret)
{
    sigv4::HeaderList kept;
    for (const auto &h : std::as_const(r.headers))
        if (h.first.toLower() != "authorization" && h.first.toLower() != "x-amz-date")
            kept.append(h);
    r.headers = kept;
    if (!hasHeader(r, "host"))
        r.headers.append({QByteArray("Host"), QByteArray("127.0.0.1:8080")});
    r.headers.append({QByteArray("X-Amz-Date"), kAmzDate});
    QByteArrayList names;
    for (const auto &h : std::as_const(r.headers))
        if (!names.contains(h.first.toLower()))
            names << h.first.toLower();
    std::sort(names.begin(), names.end());
    const QByteArray signedHeaders = names.join(';');
    QByteArray missing;
    const QByteArray creq
        = sigv4::canonicalRequest(r.method.toUpper(), sigv4::canonicalUri(r.rawPath), sigv4::canonicalQuery(r.rawQuery),
            sigv4::canonicalHeaders(names, r.headers, &missing), signedHeaders, sigv4::sha256Hex(r.body));
    const QByteArray scope = kAmzDate.left(8) + '/' + kRegion + "/execute-api/aws4_request";
    const QByteArray signature = sigv4::signature(sigv4::signingKey(secret, kAmzDate.left(8), kRegion, "execute-api"),
        sigv4::stringToSign(kAmzDate, scope, creq));
    const QByteArray authorization = "AWS4-HMAC-SHA256 Credential=" + kAccessKey.toLatin1() + '/' + scope
        + ", SignedHeaders=" + signedHeaders + ", Signature=" + signature;
    r.headers.append({QByteArray("Authorization"), authorization});
    static const QRegularExpression token(QStringLiteral("^[a-z0-9!#$%&'*+.^_`|~-]+$"));
    bool keepsRules = names.size() <= SigV4Verifier::kMaxSignedHeaders
        && authorization.size() <= SigV4Verifier::kMaxAuthorizationBytes && !hasHeader(r, "x-amz-content-sha256");
    for (const QByteArray &name : std::as_const(names))
        keepsRules = keepsRules && token.match(QString::fromLatin1(name)).hasMatch();
    return keepsRules;
}

KeyVerdict verify(const SignedRequest &r, const QByteArray &secret)
{
    const SigV4Verifier verifier([&secret](const QString &id) -> std::optional<ApiTokenRecord> {
        if (id != kAccessKey)
            return std::nullopt;
        ApiTokenRecord key;
        key.id = QStringLiteral("tok_fuzz");
        key.companyId = QStringLiteral("co_fuzz");
        key.role = QStringLiteral("admin");
        key.kind = tokenkind::SigV4;
        key.lookup = kAccessKey;
        key.region = QString::fromLatin1(kRegion);
        key.secret = secret;
        return key;
    });
    return verifier.verify(r, kNowMs);
}

QByteArray describe(const SignedRequest &r, const KeyVerdict &v)
{
    QByteArray out = r.method + ' ' + r.rawPath + '?' + r.rawQuery + '\n';
    for (const auto &h : r.headers)
        out += h.first + ": " + h.second + '\n';
    return out + "-> " + refusalName(v.refusal).toUtf8() + ' ' + v.reason.toUtf8();
}

} // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    if (size == 0)
        return 0;
    SignedRequest r = parse(QByteArray(reinterpret_cast<const char *>(data) + 1, qsizetype(size - 1)));
    const bool signedHere = (data[0] & 1) != 0;
    const bool keepsRules = signedHere && sign(r, kSecret);

    const KeyVerdict v = verify(r, kSecret);
    fuzz::check(v.accepted() || !v.reason.isEmpty(), "a refusal without a reason", describe(r, v));
    fuzz::check(!keepsRules || v.accepted(), "a request signed with the key by the rules was refused", describe(r, v));
    if (!v.accepted())
        return 0;
    fuzz::check(v.key->companyId == QLatin1String("co_fuzz") && v.key->secret.isEmpty(), "the verdict is not the key's",
        describe(r, v));
    fuzz::check(!verify(r, kSecret + 'x').accepted(), "accepted under another secret", describe(r, v));
    SignedRequest changed = r;
    changed.body += 'x';
    fuzz::check(!verify(changed, kSecret).accepted(), "accepted with the body changed", describe(changed, v));
    return 0;
}
