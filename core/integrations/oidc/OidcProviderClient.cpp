#include "core/integrations/oidc/OidcProviderClient.h"

#include "core/integrations/oidc/IdTokenVerifier.h"

#include <QJsonDocument>

namespace tierdesk {

namespace {

Error unreachable(const QString &what, const OutboundResult &r)
{
    const QString why = r.status > 0 ? QStringLiteral("it answered HTTP %1").arg(r.status) : r.error;
    return makeError(ErrorKind::Unavailable,
        QStringLiteral("The identity provider's %1 could not be read: %2").arg(what, why.left(200)));
}

// application/x-www-form-urlencoded, as RFC 6749 (section 2.3.1) wants client_secret_basic's parts.
QByteArray formEncoded(const QString &value)
{
    return QUrl::toPercentEncoding(value);
}

} // namespace

OidcProviderClient::OidcProviderClient(std::shared_ptr<OutboundHttp> http, const Clock &clock)
    : m_http(std::move(http)), m_clock(clock)
{
}

Result<QByteArray> OidcProviderClient::fetch(const QUrl &url, const QString &what)
{
    OutboundRequest r;
    r.method = QByteArrayLiteral("GET");
    r.url = url;
    r.timeoutMs = kTimeoutMs;
    r.keepResponseBytes = kMaxAnswerBytes;
    r.headers.append({QByteArrayLiteral("Accept"), QByteArrayLiteral("application/json")});
    const OutboundResult answer = m_http->post(r);
    if (!answer.ok())
        return unreachable(what, answer);
    return answer.body;
}

Result<ProviderMetadata> OidcProviderClient::metadata(const QString &issuer)
{
    const qint64 now = m_clock.nowSecs();
    {
        const std::lock_guard<std::mutex> hold(m_lock);
        const Cached &c = m_cache[issuer];
        if (c.metadata && now - c.metadataAt < kMetadataTtlSecs)
            return *c.metadata;
    }
    const auto document = fetch(OidcDiscovery::documentUrl(issuer), QStringLiteral("discovery document"));
    if (!document)
        return document.error();
    auto parsed = OidcDiscovery::parse(*document, issuer);
    if (!parsed)
        return parsed.error();
    const std::lock_guard<std::mutex> hold(m_lock);
    Cached &c = m_cache[issuer];
    c.metadata = *parsed;
    c.metadataAt = now;
    return parsed;
}

Result<JwkSet> OidcProviderClient::keysFor(const ProviderMetadata &provider, const QString &kid)
{
    const qint64 now = m_clock.nowSecs();
    {
        const std::lock_guard<std::mutex> hold(m_lock);
        Cached &c = m_cache[provider.issuer];
        const bool fresh = c.keys && now - c.keysAt < kKeysTtlSecs;
        if (fresh && (kid.isEmpty() || c.keys->contains(kid)))
            return *c.keys;
        // A kid the set lacks: perhaps a rotation. Fetched again only now and then.
        if (fresh) {
            if (c.refetchedAt != 0 && now - c.refetchedAt < kMinKeyRefetchSecs)
                return *c.keys;
            c.refetchedAt = now;
        }
    }
    const auto document = fetch(provider.jwksUri, QStringLiteral("keys"));
    if (!document)
        return document.error();
    auto keys = JwkSet::parse(*document);
    if (!keys)
        return keys.error();
    const std::lock_guard<std::mutex> hold(m_lock);
    Cached &c = m_cache[provider.issuer];
    c.keys = *keys;
    c.keysAt = now;
    return keys;
}

Result<QByteArray> OidcProviderClient::idTokenOf(const ProviderMetadata &provider, const CodeGrant &grant)
{
    OutboundRequest r;
    r.url = provider.tokenEndpoint;
    r.timeoutMs = kTimeoutMs;
    r.keepResponseBytes = kMaxAnswerBytes;
    const QPair<const char *, QString> fields[]
        = {{"grant_type", QStringLiteral("authorization_code")}, {"code", grant.code},
            {"redirect_uri", grant.redirectUri}, {"code_verifier", QString::fromLatin1(grant.codeVerifier)}};
    QByteArray body;
    for (const auto &field : fields)
        body
            += (body.isEmpty() ? QByteArray() : QByteArrayLiteral("&")) + field.first + '=' + formEncoded(field.second);
    r.body = body;
    const QByteArray credentials
        = formEncoded(grant.clientId) + ':' + formEncoded(QString::fromUtf8(grant.clientSecret));
    const QByteArray basic = credentials.toBase64();
    r.headers = {{QByteArrayLiteral("Content-Type"), QByteArrayLiteral("application/x-www-form-urlencoded")},
        {QByteArrayLiteral("Accept"), QByteArrayLiteral("application/json")},
        {QByteArrayLiteral("Authorization"), QByteArrayLiteral("Basic ") + basic}};
    const OutboundResult answer = m_http->post(r);
    const QJsonObject o = QJsonDocument::fromJson(answer.body).object();
    if (answer.clientError() && o.contains(QLatin1String("error"))) {
        QString why = o.value(QLatin1String("error")).toString().left(kMaxErrorChars);
        if (const QString d = o.value(QLatin1String("error_description")).toString(); !d.isEmpty())
            why += QStringLiteral(" (%1)").arg(d.left(kMaxErrorChars));
        return makeError(ErrorKind::Unauthenticated, QStringLiteral("The identity provider refused the code: ") + why,
            {{QStringLiteral("reason"), QStringLiteral("the identity provider refused the code")}});
    }
    if (!answer.ok())
        return unreachable(QStringLiteral("token endpoint"), answer);
    const QJsonValue idToken = o.value(QLatin1String("id_token"));
    if (!idToken.isString())
        return makeError(ErrorKind::Unauthenticated, QStringLiteral("The identity provider gave no ID token"),
            {{QStringLiteral("reason"), QStringLiteral("no ID token")}});
    return idToken.toString().toLatin1();
}

Result<QJsonObject> OidcProviderClient::redeem(const CodeGrant &grant)
{
    const auto provider = metadata(grant.issuer);
    if (!provider)
        return provider.error();
    const auto token = idTokenOf(*provider, grant);
    if (!token)
        return token.error();
    const auto jws = IdTokenVerifier::decode(*token);
    if (!jws)
        return jws.error();
    const auto keys = keysFor(*provider, jws->kid);
    if (!keys)
        return keys.error();
    IdTokenCheck check;
    check.issuer = grant.issuer;
    check.clientId = grant.clientId;
    check.nonce = grant.nonce;
    check.nowSecs = m_clock.nowSecs();
    return IdTokenVerifier::verify(*token, *keys, check);
}

} // namespace tierdesk
