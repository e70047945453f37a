#include "core/integrations/oidc/OidcDiscovery.h"

#include <QHostAddress>
#include <QJsonDocument>
#include <QJsonObject>

namespace tierdesk {

namespace {

Error discoveryError(const QString &why)
{
    return makeError(
        ErrorKind::Unavailable, QStringLiteral("The identity provider's discovery document is unusable: ") + why);
}

} // namespace

bool OidcDiscovery::isLoopbackHost(const QString &host)
{
    if (host.compare(QLatin1String("localhost"), Qt::CaseInsensitive) == 0)
        return true;
    const QHostAddress address(host);
    return !address.isNull() && address.isLoopback();
}

bool OidcDiscovery::secureOrLoopback(const QUrl &url)
{
    if (!url.isValid() || url.host().isEmpty() || !url.userInfo().isEmpty() || url.hasFragment()
        || url.toString().size() > kMaxUrlChars)
        return false;
    if (url.scheme() == QLatin1String("https"))
        return true;
    return url.scheme() == QLatin1String("http") && isLoopbackHost(url.host());
}

QUrl OidcDiscovery::documentUrl(const QString &issuer)
{
    QString base = issuer;
    while (base.endsWith(QLatin1Char('/')))
        base.chop(1);
    return QUrl(base + QStringLiteral("/.well-known/openid-configuration"));
}

Result<ProviderMetadata> OidcDiscovery::parse(const QByteArray &json, const QString &expectedIssuer)
{
    if (json.size() > kMaxDocumentBytes)
        return discoveryError(QStringLiteral("it is too large"));
    QJsonParseError parseError{};
    const QJsonDocument doc = QJsonDocument::fromJson(json, &parseError);
    if (parseError.error != QJsonParseError::NoError || !doc.isObject())
        return discoveryError(QStringLiteral("it is not a JSON object"));
    const QJsonObject o = doc.object();
    ProviderMetadata out;
    out.issuer = o.value(QLatin1String("issuer")).toString();
    if (out.issuer != expectedIssuer)
        return discoveryError(
            QStringLiteral("its issuer '%1' is not the configured '%2'").arg(out.issuer.left(200), expectedIssuer));
    const struct {
        const char *name;
        QUrl *into;
    } endpoints[] = {{"authorization_endpoint", &out.authorizationEndpoint}, {"token_endpoint", &out.tokenEndpoint},
        {"jwks_uri", &out.jwksUri}};
    for (const auto &e : endpoints) {
        const QJsonValue v = o.value(QLatin1String(e.name));
        *e.into = QUrl(v.toString(), QUrl::StrictMode);
        if (!v.isString() || !secureOrLoopback(*e.into))
            return discoveryError(QStringLiteral("%1 is missing or not an https URL").arg(QLatin1String(e.name)));
    }
    return out;
}

} // namespace tierdesk
