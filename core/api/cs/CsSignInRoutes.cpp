// /api/cs/auth/oidc: a company's single sign-on with its OpenID provider. An admin sets the
// provider (GET/PUT/DELETE); a person signs in through it: /start sends the browser to the provider,
// which sends it back to /callback, which hands the login token to the sign-in's loopback
// redirect (the console's, or a script's) in the URL's query.
#include "core/api/cs/CsApi.h"

#include "core/api/cs/CsErrors.h"
#include "core/common/Settings.h"
#include "core/common/Time.h"

#include <QUrlQuery>

#include <memory>

namespace tierdesk::api {
namespace {

constexpr int kMaxStartsPerWindow = 30; // per client address: each start stores a sign-in under way

QJsonObject oidcJson(const OidcSettings &s)
{
    QJsonObject roleMap;
    for (auto it = s.roleMap.cbegin(); it != s.roleMap.cend(); ++it)
        roleMap.insert(it.key(), it.value());
    return {{QStringLiteral("companyId"), s.companyId}, {QStringLiteral("issuer"), s.issuer},
        {QStringLiteral("clientId"), s.clientId}, {QStringLiteral("clientSecretSet"), !s.clientSecret.isEmpty()},
        {QStringLiteral("allowedDomains"), QJsonArray::fromStringList(s.allowedDomains)},
        {QStringLiteral("roleClaim"), s.roleClaim}, {QStringLiteral("roleMap"), roleMap},
        {QStringLiteral("defaultRole"), s.defaultRole}, {QStringLiteral("createAgents"), s.createAgents},
        {QStringLiteral("passwordLogin"), s.passwordLogin},
        {QStringLiteral("breakGlassAgentId"),
            s.breakGlassAgentId.isEmpty() ? QJsonValue(QJsonValue::Null) : QJsonValue(s.breakGlassAgentId)},
        {QStringLiteral("updatedAt"), timefmt::iso(s.updatedAt)}};
}

// The PUT body's types (the engine checks the values); the field at fault when one is wrong.
std::optional<QString> readChange(const QJsonObject &body, OidcSettingsChange *out)
{
    for (const char *name : {"issuer", "clientId"})
        if (!body.value(QLatin1String(name)).isString())
            return QString::fromLatin1(name);
    out->issuer = body.value(QLatin1String("issuer")).toString();
    out->clientId = body.value(QLatin1String("clientId")).toString();
    for (const char *name : {"clientSecret", "roleClaim", "defaultRole"}) {
        const QJsonValue v = body.value(QLatin1String(name));
        if (!v.isUndefined() && !v.isString())
            return QString::fromLatin1(name);
    }
    if (const QJsonValue v = body.value(QLatin1String("clientSecret")); v.isString())
        out->clientSecret = v.toString().toUtf8();
    out->roleClaim = body.value(QLatin1String("roleClaim")).toString();
    out->defaultRole = body.value(QLatin1String("defaultRole")).toString(QStringLiteral("agent"));
    const QJsonValue domains = body.value(QLatin1String("allowedDomains"));
    if (!domains.isArray())
        return QStringLiteral("allowedDomains");
    for (const QJsonValue &d : domains.toArray()) {
        if (!d.isString())
            return QStringLiteral("allowedDomains");
        out->allowedDomains << d.toString();
    }
    const QJsonValue roleMap = body.value(QLatin1String("roleMap"));
    if (!roleMap.isUndefined() && !roleMap.isObject())
        return QStringLiteral("roleMap");
    const QJsonObject map = roleMap.toObject();
    for (auto it = map.constBegin(); it != map.constEnd(); ++it) {
        if (!it.value().isString())
            return QStringLiteral("roleMap");
        out->roleMap.insert(it.key(), it.value().toString());
    }
    for (const auto &[name, into] : {std::pair<const char *, bool *>{"createAgents", &out->createAgents},
             std::pair<const char *, bool *>{"passwordLogin", &out->passwordLogin}}) {
        const QJsonValue v = body.value(QLatin1String(name));
        if (!v.isUndefined() && !v.isBool())
            return QString::fromLatin1(name);
        *into = v.toBool(*into);
    }
    const QJsonValue breakGlass = body.value(QLatin1String("breakGlassAgentId"));
    if (!breakGlass.isUndefined() && !breakGlass.isNull() && !breakGlass.isString())
        return QStringLiteral("breakGlassAgentId");
    if (!breakGlass.isUndefined())
        out->breakGlassAgentId = breakGlass.toString();
    return std::nullopt;
}

// `redirect` with `values` added to its query. Not the fragment: a browser never sends a fragment, and
// the console's loopback listener (RFC 8252, 7.3) reads what the request brings; the redirect is on the
// person's own machine, so the token passes no other server.
QByteArray withAnswer(const QString &redirect, const QList<QPair<QString, QString>> &values)
{
    QByteArray target = QUrl(redirect).toEncoded();
    char separator = target.contains('?') ? '&' : '?';
    for (const auto &v : values) {
        target += separator + QUrl::toPercentEncoding(v.first) + '=' + QUrl::toPercentEncoding(v.second);
        separator = '&';
    }
    return target;
}

http::HttpResponse redirectTo(const QByteArray &location)
{
    http::HttpResponse r;
    r.status = 302;
    r.contentType.clear();
    return r.withHeader("Location", location).withHeader("Cache-Control", "no-store");
}

} // namespace

void CsApi::installSignInRoutes(http::Router &r, const QString &base)
{
    r.route("GET", base + QStringLiteral("/auth/oidc"), guarded(Role::Admin, &CsApi::getOidcSettings));
    r.route("PUT", base + QStringLiteral("/auth/oidc"), guarded(Role::Admin, &CsApi::putOidcSettings));
    r.route("DELETE", base + QStringLiteral("/auth/oidc"), guarded(Role::Admin, &CsApi::deleteOidcSettings));
    r.route("GET", base + QStringLiteral("/auth/oidc/start"), anonymous(&CsApi::startOidc));
    r.route("GET", base + QStringLiteral("/auth/oidc/callback"), anonymous(&CsApi::oidcCallback));
}

// server/publicUrl when it is set (behind a proxy), else how the client addressed this server.
QString CsApi::oidcCallbackUrl(const http::HttpRequest &req) const
{
    QString base = m_serverSettings.settings
        ? m_serverSettings.settings->value(settings::ServerPublicUrl).toString().trimmed()
        : QString();
    while (base.endsWith(QLatin1Char('/')))
        base.chop(1);
    if (base.isEmpty())
        base = req.baseUrl();
    return base.isEmpty() ? QString() : base + QStringLiteral("/api/cs/auth/oidc/callback");
}

void CsApi::getOidcSettings(Call &c)
{
    const auto company = companyParam(c, queryParam(c.req, "companyId"));
    if (!company)
        return;
    const auto s = m_people.signOn->settings().get(*company);
    if (!s)
        return fail(c, s.error());
    reply(c, http::HttpResponse::json(200, oidcJson(*s)));
}

void CsApi::putOidcSettings(Call &c)
{
    const auto company = companyParam(c, queryParam(c.req, "companyId"));
    if (!company)
        return;
    const auto body = jsonBody(c);
    if (!body)
        return;
    OidcSettingsChange change;
    if (const auto wrong = readChange(*body, &change))
        return fail(c, cs::invalid(*wrong, QStringLiteral("%1 is missing or of the wrong type").arg(*wrong)));
    const auto stored = m_people.signOn->settings().put(*company, change, c.actor);
    if (!stored)
        return fail(c, stored.error());
    reply(c, http::HttpResponse::json(200, oidcJson(*stored)));
}

void CsApi::deleteOidcSettings(Call &c)
{
    const auto company = companyParam(c, queryParam(c.req, "companyId"));
    if (!company)
        return;
    if (const Status removed = m_people.signOn->settings().remove(*company, c.actor); !removed)
        return fail(c, removed.error());
    reply(c, http::HttpResponse::noContent());
}

void CsApi::startOidc(Call &c)
{
    SsoStart start;
    start.companyId = queryParam(c.req, "companyId");
    if (start.companyId.isEmpty())
        return fail(c,
            cs::error(ErrorKind::InvalidArgument, ErrorDetail::MissingCompany, QStringLiteral("Missing company ID")));
    start.clientAddress = c.req.peerAddress.toString();
    if (!rateLimit(c, QStringLiteral("oidc.start"), start.clientAddress, kMaxStartsPerWindow))
        return;
    start.redirect = queryParam(c.req, "redirect");
    start.loginHint = queryParam(c.req, "loginHint");
    start.device = queryParam(c.req, "device");
    start.callbackUrl = oidcCallbackUrl(c.req);
    if (start.callbackUrl.isEmpty())
        return fail(c, cs::error(ErrorKind::InvalidArgument, QStringLiteral("The request names no Host")));
    const auto req = std::make_shared<const http::HttpRequest>(c.req);
    m_people.signOn->start(start, this, [this, req, res = c.res, actor = c.actor](const Result<QUrl> &url) {
        Call later{*req, res, Principal{}, actor, {}};
        if (!url)
            return fail(later, url.error());
        reply(later, redirectTo(url->toEncoded()));
    });
}

void CsApi::oidcCallback(Call &c)
{
    SsoCallback cb;
    cb.state = queryParam(c.req, "state");
    cb.code = queryParam(c.req, "code");
    cb.providerError = queryParam(c.req, "error");
    cb.issuer = queryParam(c.req, "iss");
    cb.callbackUrl = oidcCallbackUrl(c.req);
    cb.clientAddress = c.req.peerAddress.toString();
    const auto req = std::make_shared<const http::HttpRequest>(c.req);
    m_people.signOn->finish(cb, this, [this, req, res = c.res, actor = c.actor](const SsoOutcome &out) {
        Call later{*req, res, Principal{}, actor, {}};
        if (out.redirect.isEmpty()) // no sign-in under way: nowhere to send the answer
            return fail(later, out.agent.error());
        if (!out.agent) {
            const Error &e = out.agent.error();
            return reply(later,
                redirectTo(withAnswer(out.redirect,
                    {{QStringLiteral("error"), QString::fromLatin1(cs::errorCode(e))},
                        {QStringLiteral("message"),
                            e.kind == ErrorKind::Internal ? QStringLiteral("Internal error") : e.message}})));
        }
        // The answer of POST /auth/login (a login session of method oidc), as the redirect's query. The
        // provider's own policy stood for a second factor.
        const auto login = loginBody(*out.agent, signInFrom(*req, QStringLiteral("oidc"), out.device));
        if (!login)
            return reply(later,
                redirectTo(withAnswer(out.redirect,
                    {{QStringLiteral("error"), QString::fromLatin1(cs::errorCode(login.error()))},
                        {QStringLiteral("message"), QStringLiteral("The sign-in could not be recorded")}})));
        m_people.signOn->recordLogin(
            out, req->peerAddress.toString(), login->value(QLatin1String("sessionId")).toString());
        QList<QPair<QString, QString>> values;
        for (const char *name : {"token", "expiresAt", "sessionId"})
            values.append({QLatin1String(name), login->value(QLatin1String(name)).toString()});
        reply(later, redirectTo(withAnswer(out.redirect, values)));
    });
}

} // namespace tierdesk::api
