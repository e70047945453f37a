#include "core/integrations/connectors/SigV4Signer.h"

#include "core/integrations/SigV4Canonical.h"

#include <algorithm>

namespace tierdesk::connectors {

namespace {

// The Host header libcurl sends: the port only when it is not the scheme's own.
QByteArray hostHeader(const QUrl &url)
{
    QByteArray host = url.host(QUrl::FullyEncoded).toLatin1();
    if (host.contains(':'))
        host = '[' + host + ']';
    const int port = url.port();
    const int standard = url.scheme() == QLatin1String("https") ? 443 : 80;
    if (port > 0 && port != standard)
        host += ':' + QByteArray::number(port);
    return host;
}

} // namespace

void SigV4Signer::sign(OutboundRequest &r, const SigV4Credentials &c, const QDateTime &nowUtc)
{
    const QByteArray amzDate = nowUtc.toUTC().toString(QStringLiteral("yyyyMMddTHHmmssZ")).toLatin1();
    const QByteArray date = amzDate.left(8);
    r.headers.append({QByteArrayLiteral("X-Amz-Date"), amzDate});
    sigv4::HeaderList all = r.headers;
    all.append({QByteArrayLiteral("host"), hostHeader(r.url)});
    QByteArrayList names;
    for (const auto &h : all) {
        const QByteArray name = h.first.toLower();
        if (!names.contains(name))
            names << name;
    }
    std::sort(names.begin(), names.end());
    QByteArray missing;
    const QByteArray canonicalHeaders = sigv4::canonicalHeaders(names, all, &missing);
    const QByteArray signedHeaders = names.join(';');
    const QByteArray canonical
        = sigv4::canonicalRequest(r.method, sigv4::canonicalUri(r.url.path(QUrl::FullyEncoded).toLatin1()),
            sigv4::canonicalQuery(r.url.query(QUrl::FullyEncoded).toLatin1()), canonicalHeaders, signedHeaders,
            sigv4::sha256Hex(r.body));
    const QByteArray scope = date + '/' + c.region + '/' + c.service + "/aws4_request";
    const QByteArray toSign = sigv4::stringToSign(amzDate, scope, canonical);
    const QByteArray signature
        = sigv4::signature(sigv4::signingKey(c.secretAccessKey, date, c.region, c.service), toSign);
    r.headers.append({QByteArrayLiteral("Authorization"),
        "AWS4-HMAC-SHA256 Credential=" + c.accessKeyId + '/' + scope + ", SignedHeaders=" + signedHeaders
            + ", Signature=" + signature});
}

} // namespace tierdesk::connectors
