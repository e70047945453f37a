#include "tests/api/agent/AgentTestSupport.h"

#include <QDateTime>
#include <QSet>

namespace tierdesk::test {

QByteArray issueApiKey(ServerFixture &server, const QString &company, QString *keyId)
{
    auto admin = server.client(api::Role::Admin, company);
    const HttpResult r = admin->post(QStringLiteral("/api/cs/tokens"),
        {{QStringLiteral("name"), QStringLiteral("Support integration")},
            {QStringLiteral("kind"), QStringLiteral("apikey")}});
    if (r.status != 201)
        return {};
    if (keyId)
        *keyId = r.json().value(QLatin1String("id")).toString();
    return r.json().value(QLatin1String("key")).toString().toLatin1();
}

HttpResult AgentClient::send(const QByteArray &method, const QString &path, const QByteArray &body)
{
    HeaderList headers;
    if (!body.isEmpty())
        headers.append(qMakePair(QByteArray("Content-Type"), QByteArray("application/json")));
    if (!m_key.isEmpty())
        headers.append(qMakePair(QByteArray("X-API-Key"), m_key));
    return m_http.send(method, path, body, headers, false);
}

QString checkAgentError(const HttpResult &r, int status, const QString &type)
{
    if (r.status != status)
        return QStringLiteral("status %1, expected %2: %3").arg(r.status).arg(status).arg(QString::fromUtf8(r.body));
    const QJsonObject o = r.json();
    static const QSet<QString> allowed{QStringLiteral("error"), QStringLiteral("error_type"), QStringLiteral("message"),
        QStringLiteral("details"), QStringLiteral("timestamp"), QStringLiteral("request_id")};
    for (const QString &k : o.keys())
        if (!allowed.contains(k))
            return QStringLiteral("unexpected field %1").arg(k);
    if (o.value(QLatin1String("error")) != QJsonValue(true))
        return QStringLiteral("\"error\" is not true: ") + QString::fromUtf8(r.body);
    if (o.value(QLatin1String("error_type")).toString() != type)
        return QStringLiteral("error_type is not %1: %2").arg(type, QString::fromUtf8(r.body));
    if (o.value(QLatin1String("message")).toString().isEmpty())
        return QStringLiteral("no message");
    if (!QDateTime::fromString(o.value(QLatin1String("timestamp")).toString(), Qt::ISODateWithMs).isValid())
        return QStringLiteral("timestamp is not ISO 8601");
    if (!o.value(QLatin1String("request_id")).toString().startsWith(QLatin1String("req_")))
        return QStringLiteral("request_id does not start with req_");
    if (o.contains(QLatin1String("details")) && !o.value(QLatin1String("details")).isString())
        return QStringLiteral("details is not a string");
    return {};
}

bool startAgentServer(std::unique_ptr<ServerFixture> &fixture, std::unique_ptr<AgentClient> &client, bool rateLimits,
    QString *error, const Clock *clock)
{
    fixture = std::make_unique<ServerFixture>();
    fixture->setClock(clock);
    if (!fixture->start({}, rateLimits, error))
        return false;
    const QByteArray key = issueApiKey(*fixture);
    if (key.isEmpty()) {
        *error = QStringLiteral("no API key was issued");
        return false;
    }
    client = std::make_unique<AgentClient>(fixture->port(), key);
    return true;
}

} // namespace tierdesk::test
