#include "core/api/auth/SigV4Verifier.h"

#include "core/integrations/WebhookSigner.h"

#include <QDateTime>
#include <QRegularExpression>

namespace tierdesk {
namespace {

// The parts of "AWS4-HMAC-SHA256 Credential=AKID/20240101/eu-west-1/execute-api/aws4_request,
// SignedHeaders=host;x-amz-date, Signature=<64 hex>".
struct Authorization {
    QByteArray accessKeyId;
    QByteArray date; // yyyyMMdd
    QByteArray region;
    QByteArray service;
    QByteArrayList signedHeaders;
    QByteArray signedHeadersText;
    QByteArray signature;
};

QByteArray headerValue(const sigv4::HeaderList &headers, const QByteArray &lowerName)
{
    for (const auto &h : headers)
        if (h.first.compare(lowerName, Qt::CaseInsensitive) == 0)
            return h.second.trimmed();
    return {};
}

// Empty string when it parses, else what is wrong with it.
QString parseAuthorization(const QByteArray &header, Authorization *out)
{
    static const QByteArray scheme("AWS4-HMAC-SHA256 ");
    if (!header.startsWith(scheme))
        return QStringLiteral("Authorization is not AWS4-HMAC-SHA256");
    for (const QByteArray &rawPart : header.mid(scheme.size()).split(',')) {
        const QByteArray part = rawPart.trimmed();
        const qsizetype eq = part.indexOf('=');
        const QByteArray name = part.left(eq), value = part.mid(eq + 1);
        if (eq <= 0)
            return QStringLiteral("Authorization has a part without a value");
        if (name == "Credential") {
            const QByteArrayList scope = value.split('/');
            if (scope.size() != 5 || scope.at(4) != "aws4_request" || scope.at(0).isEmpty())
                return QStringLiteral("Credential is not ACCESS_KEY/DATE/REGION/SERVICE/aws4_request");
            out->accessKeyId = scope.at(0);
            out->date = scope.at(1);
            out->region = scope.at(2);
            out->service = scope.at(3);
        } else if (name == "SignedHeaders") {
            out->signedHeadersText = value;
            out->signedHeaders = value.split(';');
        } else if (name == "Signature") {
            out->signature = value;
        }
    }
    static const QRegularExpression hex64(QStringLiteral("^[0-9a-f]{64}$"));
    static const QRegularExpression headerName(QStringLiteral("^[a-z0-9!#$%&'*+.^_`|~-]+$"));
    if (out->accessKeyId.isEmpty() || out->signedHeaders.isEmpty() || out->signature.isEmpty())
        return QStringLiteral("Authorization needs Credential, SignedHeaders and Signature");
    if (!hex64.match(QString::fromLatin1(out->signature)).hasMatch())
        return QStringLiteral("Signature is not 64 lower-case hex digits");
    if (out->signedHeaders.size() > SigV4Verifier::kMaxSignedHeaders)
        return QStringLiteral("too many SignedHeaders");
    for (const QByteArray &name : std::as_const(out->signedHeaders))
        if (!headerName.match(QString::fromLatin1(name)).hasMatch() || out->signedHeaders.count(name) > 1)
            return QStringLiteral("SignedHeaders must be distinct lower-case header names");
    if (!out->signedHeaders.contains("host"))
        return QStringLiteral("the host header must be signed");
    return {};
}

// yyyyMMddTHHmmssZ in UTC; invalid otherwise.
QDateTime parseAmzDate(const QByteArray &text)
{
    static const QRegularExpression form(QStringLiteral("^\\d{8}T\\d{6}Z$"));
    if (!form.match(QString::fromLatin1(text)).hasMatch())
        return {};
    const QDate day = QDate::fromString(QString::fromLatin1(text.left(8)), QStringLiteral("yyyyMMdd"));
    const QTime time = QTime::fromString(QString::fromLatin1(text.mid(9, 6)), QStringLiteral("HHmmss"));
    return day.isValid() && time.isValid() ? QDateTime(day, time, Qt::UTC) : QDateTime();
}

// An HTTP date, IMF-fixdate ("Fri, 19 Dec 2025 12:00:00 GMT", RFC 9110), or RFC 2822
// with a numeric zone; invalid otherwise.
QDateTime parseHttpDate(const QByteArray &text)
{
    static const QRegularExpression form(
        QStringLiteral("^[A-Z][a-z]{2}, (\\d{2}) ([A-Z][a-z]{2}) (\\d{4}) (\\d{2}):(\\d{2}):(\\d{2}) GMT$"));
    static const QStringList months{QStringLiteral("Jan"), QStringLiteral("Feb"), QStringLiteral("Mar"),
        QStringLiteral("Apr"), QStringLiteral("May"), QStringLiteral("Jun"), QStringLiteral("Jul"),
        QStringLiteral("Aug"), QStringLiteral("Sep"), QStringLiteral("Oct"), QStringLiteral("Nov"),
        QStringLiteral("Dec")};
    const QRegularExpressionMatch m = form.match(QString::fromLatin1(text));
    if (!m.hasMatch())
        return QDateTime::fromString(QString::fromLatin1(text), Qt::RFC2822Date).toUTC();
    const QDate day(m.captured(3).toInt(), int(months.indexOf(m.captured(2))) + 1, m.captured(1).toInt());
    const QTime time(m.captured(4).toInt(), m.captured(5).toInt(), m.captured(6).toInt());
    return day.isValid() && time.isValid() ? QDateTime(day, time, Qt::UTC) : QDateTime();
}

// The request's signing time from X-Amz-Date or else Date (an HTTP date), which
// must be signed; an invalid QDateTime and *problem when there is none.
QDateTime requestTime(const SignedRequest &r, const Authorization &auth, QString *problem)
{
    const QByteArray amz = headerValue(r.headers, "x-amz-date");
    const QByteArray date = headerValue(r.headers, "date");
    QDateTime t;
    if (!amz.isEmpty()) {
        t = parseAmzDate(amz);
        if (!auth.signedHeaders.contains("x-amz-date"))
            *problem = QStringLiteral("X-Amz-Date is not signed");
        else if (!t.isValid())
            *problem = QStringLiteral("X-Amz-Date is not yyyyMMddTHHmmssZ");
    } else if (!date.isEmpty()) {
        t = parseHttpDate(date);
        if (!auth.signedHeaders.contains("date"))
            *problem = QStringLiteral("Date is not signed");
        else if (!t.isValid())
            *problem = QStringLiteral("Date is not an HTTP date");
    } else {
        *problem = QStringLiteral("neither X-Amz-Date nor Date is sent");
    }
    return problem->isEmpty() ? t : QDateTime();
}

} // namespace

KeyVerdict SigV4Verifier::verify(const SignedRequest &r, qint64 nowMs) const
{
    const QByteArray header = headerValue(r.headers, "authorization");
    if (header.isEmpty())
        return KeyVerdict::refuse(KeyRefusal::NoCredential, QStringLiteral("no Authorization header"));
    Authorization auth;
    QString problem = header.size() > kMaxAuthorizationBytes ? QStringLiteral("Authorization is too long")
                                                             : parseAuthorization(header, &auth);
    if (!problem.isEmpty())
        return KeyVerdict::refuse(KeyRefusal::Malformed, problem);
    if (auth.service != m_service)
        return KeyVerdict::refuse(
            KeyRefusal::WrongService, QStringLiteral("the service must be ") + QString::fromLatin1(m_service));
    const std::optional<ApiTokenRecord> key
        = auth.accessKeyId.size() <= 128 ? m_lookup(QString::fromLatin1(auth.accessKeyId)) : std::nullopt;
    if (!key || key->kind != tokenkind::SigV4)
        return KeyVerdict::refuse(KeyRefusal::UnknownKey, QStringLiteral("no such access key"));
    if (const KeyVerdict standing = checkKeyStanding(*key, nowMs); !standing.accepted())
        return standing;
    if (key->secret.isEmpty())
        return KeyVerdict::refuse(
            KeyRefusal::UnknownKey, QStringLiteral("the key's secret cannot be read (data key lost?)"));
    if (QString::fromLatin1(auth.region) != key->region)
        return KeyVerdict::refuse(KeyRefusal::WrongRegion, QStringLiteral("the key signs for region ") + key->region);

    const QDateTime signedAt = requestTime(r, auth, &problem);
    if (!signedAt.isValid())
        return KeyVerdict::refuse(KeyRefusal::Malformed, problem);
    if (qAbs(signedAt.toMSecsSinceEpoch() - nowMs) > kMaxSkewSecs * 1000)
        return KeyVerdict::refuse(KeyRefusal::DateSkew, QStringLiteral("the request time is more than 5 minutes off"));
    const QByteArray amzDate = signedAt.toString(QStringLiteral("yyyyMMdd'T'HHmmss'Z'")).toLatin1();
    if (auth.date != amzDate.left(8))
        return KeyVerdict::refuse(KeyRefusal::Malformed, QStringLiteral("the credential's date is not the request's"));

    const QByteArray claimedHash = headerValue(r.headers, "x-amz-content-sha256");
    const bool unsignedPayload = m_payload == Payload::MayBeUnsigned && claimedHash == kUnsignedPayload;
    const QByteArray payloadHash = unsignedPayload ? claimedHash : sigv4::sha256Hex(r.body);
    if (!claimedHash.isEmpty() && claimedHash.toLower() != payloadHash.toLower())
        return KeyVerdict::refuse(
            KeyRefusal::BodyChanged, QStringLiteral("x-amz-content-sha256 does not match the body"));

    QByteArray missing;
    const QByteArray headers = sigv4::canonicalHeaders(auth.signedHeaders, r.headers, &missing);
    if (!missing.isEmpty())
        return KeyVerdict::refuse(
            KeyRefusal::Malformed, QStringLiteral("signed header %1 is not sent").arg(QLatin1String(missing)));
    const QByteArray canonical
        = sigv4::canonicalRequest(r.method.toUpper(), sigv4::canonicalUri(r.rawPath), sigv4::canonicalQuery(r.rawQuery),
            headers, auth.signedHeadersText, claimedHash.isEmpty() ? payloadHash : claimedHash);
    const QByteArray scope = auth.date + '/' + auth.region + '/' + auth.service + "/aws4_request";
    const QByteArray expected = sigv4::signature(sigv4::signingKey(key->secret, auth.date, auth.region, auth.service),
        sigv4::stringToSign(amzDate, scope, canonical));
    if (!constantTimeEquals(expected, auth.signature))
        return KeyVerdict::refuse(
            KeyRefusal::WrongSignature, QStringLiteral("the signature does not match the request"));
    return KeyVerdict::accept(*key);
}

SignedRequest SigV4Verifier::requestOf(const http::HttpRequest &req)
{
    SignedRequest s;
    s.method = req.method;
    s.rawPath = req.rawPath;
    s.rawQuery = req.rawQuery;
    for (auto it = req.headers.constBegin(); it != req.headers.constEnd(); ++it)
        s.headers.append({it.key(), it.value()});
    s.body = req.body;
    return s;
}

QString SigV4Verifier::refusedKeyCompany(const QByteArray &authorization, KeyRefusal refusal) const
{
    if (refusal == KeyRefusal::NoCredential || refusal == KeyRefusal::UnknownKey || refusal == KeyRefusal::Malformed)
        return {};
    static const QRegularExpression credential(QStringLiteral("Credential=([A-Za-z0-9]{1,128})/"));
    const QRegularExpressionMatch m = credential.match(QString::fromLatin1(authorization.left(kMaxAuthorizationBytes)));
    if (!m.hasMatch())
        return {};
    const std::optional<ApiTokenRecord> key = m_lookup(m.captured(1));
    return key ? key->companyId : QString();
}

} // namespace tierdesk
