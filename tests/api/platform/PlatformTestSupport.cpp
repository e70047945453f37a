#include "tests/api/platform/PlatformTestSupport.h"

#include "core/integrations/SigV4Canonical.h"

#include <QDateTime>

namespace tierdesk::test {

SigV4Key issueSigV4Key(ServerFixture &server, const QString &company, const QString &region, const QString &role)
{
    auto admin = server.client(api::Role::Admin, company);
    QJsonObject body{{QStringLiteral("name"), QStringLiteral("Platform integration")},
        {QStringLiteral("kind"), QStringLiteral("sigv4")}};
    if (!region.isEmpty())
        body.insert(QStringLiteral("region"), region);
    if (!role.isEmpty())
        body.insert(QStringLiteral("role"), role);
    const HttpResult r = admin->post(QStringLiteral("/api/cs/tokens"), body);
    if (r.status != 201)
        return {};
    const QJsonObject o = r.json();
    return {o.value(QLatin1String("accessKeyId")).toString().toLatin1(),
        o.value(QLatin1String("secretAccessKey")).toString().toLatin1(),
        o.value(QLatin1String("region")).toString().toLatin1()};
}

HeaderList PlatformClient::signedHeaders(
    const QByteArray &method, const QString &pathAndQuery, const QByteArray &body) const
{
    const QByteArray target = pathAndQuery.toUtf8();
    const qsizetype q = target.indexOf('?');
    const QByteArray rawPath = q < 0 ? target : target.left(q);
    const QByteArray rawQuery = q < 0 ? QByteArray() : target.mid(q + 1);
    const QDateTime at = QDateTime::currentDateTimeUtc().addSecs(m_offsetSecs);
    const QByteArray amzDate = at.toString(QStringLiteral("yyyyMMdd'T'HHmmss'Z'")).toLatin1();
    const QByteArray payloadHash = sigv4::sha256Hex(body);
    const sigv4::HeaderList headers{{"host", "127.0.0.1:" + QByteArray::number(m_http.port())},
        {"x-amz-content-sha256", payloadHash}, {"x-amz-date", amzDate}};
    const QByteArrayList names{"host", "x-amz-content-sha256", "x-amz-date"};
    QByteArray missing;
    const QByteArray canonical
        = sigv4::canonicalRequest(method, sigv4::canonicalUri(rawPath), sigv4::canonicalQuery(rawQuery),
            sigv4::canonicalHeaders(names, headers, &missing), names.join(';'), payloadHash);
    const QByteArray scope = amzDate.left(8) + '/' + m_key.region + "/execute-api/aws4_request";
    const QByteArray signature
        = sigv4::signature(sigv4::signingKey(m_key.secretAccessKey, amzDate.left(8), m_key.region, "execute-api"),
            sigv4::stringToSign(amzDate, scope, canonical));
    return {{"X-Amz-Date", amzDate}, {"X-Amz-Content-Sha256", payloadHash},
        {"Authorization",
            "AWS4-HMAC-SHA256 Credential=" + m_key.accessKeyId + '/' + scope + ", SignedHeaders=" + names.join(';')
                + ", Signature=" + signature}};
}

HttpResult PlatformClient::send(const QByteArray &method, const QString &pathAndQuery, const QByteArray &body)
{
    return m_http.send(method, pathAndQuery, body, signedHeaders(method, pathAndQuery, body), false);
}

HttpResult PlatformClient::sendTampered(
    const QByteArray &method, const QString &path, const QByteArray &signedBody, const QByteArray &sentBody)
{
    return m_http.send(method, path, sentBody, signedHeaders(method, path, signedBody), false);
}

HttpResult PlatformClient::sendUnsigned(const QByteArray &method, const QString &path, const QByteArray &body)
{
    return m_http.send(method, path, body, {}, false);
}

QString checkPlatformError(const HttpResult &r, int status, const QString &type)
{
    if (r.status != status)
        return QStringLiteral("status %1, expected %2: %3").arg(r.status).arg(status).arg(QString::fromUtf8(r.body));
    const QJsonObject o = r.json();
    if (o.keys() != QStringList{QStringLiteral("message")})
        return QStringLiteral("the body is not {\"message\"}: ") + QString::fromUtf8(r.body);
    if (o.value(QLatin1String("message")).toString().isEmpty())
        return QStringLiteral("empty message");
    if (QString::fromLatin1(r.header("x-amzn-errortype")) != type)
        return QStringLiteral("x-amzn-ErrorType is %1, expected %2")
            .arg(QString::fromLatin1(r.header("x-amzn-errortype")), type);
    return {};
}

} // namespace tierdesk::test
