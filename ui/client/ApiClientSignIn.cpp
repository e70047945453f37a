// ApiClient's staff sign-in: the login and its second step, the second factor, the sign-in
// sessions and the company's single sign-on (ApiClient.cpp holds the rest of the client).
#include "ui/client/ApiClient.h"

#include <QSysInfo>

namespace tierdesk::ui {
namespace {

QString percentEncoded(const QString &id)
{
    return QString::fromLatin1(QUrl::toPercentEncoding(id));
}

} // namespace

QString ApiClient::deviceName()
{
    const QString host = QSysInfo::machineHostName().trimmed();
    // The server takes at most 200 characters; a host name is far shorter.
    return (host.isEmpty() ? QSysInfo::prettyProductName() : host).left(200);
}

ApiReply *ApiClient::login(const QString &email, const QString &password)
{
    ApiReply *r = request("POST", QStringLiteral("/api/cs/auth/login"),
        {{QStringLiteral("email"), email}, {QStringLiteral("password"), password},
            {QStringLiteral("device"), deviceName()}},
        {}, true, {}, false);
    // A challenge carries no token and no agent: nothing is kept until the second step.
    connect(r, &ApiReply::succeeded, this, [this](const QJsonObject &body) { keepAgent(body, true); });
    return r;
}

ApiReply *ApiClient::loginMfa(const QString &challenge, const QString &code)
{
    ApiReply *r = request("POST", QStringLiteral("/api/cs/auth/login/mfa"),
        {{QStringLiteral("challenge"), challenge}, {QStringLiteral("code"), code.trimmed()}}, {}, true, {}, false);
    connect(r, &ApiReply::succeeded, this, [this](const QJsonObject &body) { keepAgent(body, true); });
    return r;
}

ApiReply *ApiClient::enrolMfa()
{
    return send("POST", QStringLiteral("/api/cs/agents/me/mfa"), QJsonObject{}, {}, true);
}

ApiReply *ApiClient::confirmMfa(const QString &code)
{
    ApiReply *r = send(
        "POST", QStringLiteral("/api/cs/agents/me/mfa/confirm"), {{QStringLiteral("code"), code.trimmed()}}, {}, true);
    connect(r, &ApiReply::succeeded, this, [this](const QJsonObject &body) {
        if (body.contains(QLatin1String("token")))
            keepAgent(body, true); // the full login in place of the setup-only one
        // agent().mfa.enabled follows (the login in the answer shows the agent as before).
        me();
    });
    return r;
}

ApiReply *ApiClient::removeMfa(const QString &code)
{
    ApiReply *r
        = send("DELETE", QStringLiteral("/api/cs/agents/me/mfa"), {{QStringLiteral("code"), code.trimmed()}}, {}, true);
    connect(r, &ApiReply::succeeded, this, [this] { me(); });
    return r;
}

ApiReply *ApiClient::removeAgentMfa(const QString &agentId)
{
    return send("DELETE", QStringLiteral("/api/cs/agents/%1/mfa").arg(percentEncoded(agentId)));
}

ApiReply *ApiClient::signInSessions()
{
    return send("GET", QStringLiteral("/api/cs/auth/sessions"));
}

ApiReply *ApiClient::endSignInSession(const QString &sessionId)
{
    return send("DELETE", QStringLiteral("/api/cs/auth/sessions/%1").arg(percentEncoded(sessionId)));
}

ApiReply *ApiClient::logout(const QByteArray &token)
{
    return request("POST", QStringLiteral("/api/cs/auth/logout"), QJsonObject{}, {}, true,
        {{QByteArrayLiteral("Authorization"), QByteArrayLiteral("Bearer ") + token}}, false);
}

ApiReply *ApiClient::agentSignInSessions(const QString &agentId)
{
    return send("GET", QStringLiteral("/api/cs/agents/%1/sessions").arg(percentEncoded(agentId)));
}

ApiReply *ApiClient::endAgentSignInSessions(const QString &agentId)
{
    return send("DELETE", QStringLiteral("/api/cs/agents/%1/sessions").arg(percentEncoded(agentId)));
}

ApiReply *ApiClient::oidcSettings()
{
    return send("GET", QStringLiteral("/api/cs/auth/oidc"), {}, companyQuery());
}

ApiReply *ApiClient::putOidcSettings(const QJsonObject &settings)
{
    return send("PUT", QStringLiteral("/api/cs/auth/oidc"), settings, companyQuery(), true);
}

QUrl ApiClient::oidcStartUrl(const QString &companyId, const QUrl &redirect, const QString &loginHint) const
{
    QUrl url = m_base;
    QString basePath = m_base.path();
    while (basePath.endsWith(QLatin1Char('/')))
        basePath.chop(1);
    url.setPath(basePath + QStringLiteral("/api/cs/auth/oidc/start"));
    QUrlQuery q;
    q.addQueryItem(QStringLiteral("companyId"), percentEncoded(companyId));
    q.addQueryItem(QStringLiteral("redirect"), percentEncoded(redirect.toString(QUrl::FullyEncoded)));
    q.addQueryItem(QStringLiteral("device"), percentEncoded(deviceName()));
    if (!loginHint.trimmed().isEmpty())
        q.addQueryItem(QStringLiteral("loginHint"), percentEncoded(loginHint.trimmed()));
    url.setQuery(q.query(QUrl::FullyEncoded), QUrl::StrictMode);
    return url;
}

} // namespace tierdesk::ui
