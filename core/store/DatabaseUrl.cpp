#include "core/store/DatabaseUrl.h"

#include <QStringList>
#include <QUrl>
#include <QUrlQuery>

namespace tierdesk {
namespace {

// The libpq options a URL may carry (QPSQL passes them on as "key=value" pairs).
const QStringList &allowedOptions()
{
    static const QStringList options{QStringLiteral("sslmode"), QStringLiteral("sslrootcert"),
        QStringLiteral("sslcert"), QStringLiteral("sslkey"), QStringLiteral("connect_timeout"),
        QStringLiteral("application_name"), QStringLiteral("target_session_attrs")};
    return options;
}

Error invalid(const QString &why)
{
    return makeError(ErrorKind::InvalidArgument,
        QStringLiteral("invalid database URL: %1 (expected postgresql://user[:password]@host[:port]/database)")
            .arg(why));
}

} // namespace

bool DatabaseUrl::isPostgres(const QString &text)
{
    return text.startsWith(QLatin1String("postgresql://")) || text.startsWith(QLatin1String("postgres://"));
}

Result<DatabaseUrl> DatabaseUrl::parse(const QString &text)
{
    if (!isPostgres(text))
        return invalid(QStringLiteral("it must start with postgresql://"));
    const QUrl url(text, QUrl::StrictMode);
    if (!url.isValid())
        return invalid(url.errorString());
    DatabaseUrl parsed;
    parsed.host = url.host();
    parsed.port = url.port(5432);
    parsed.user = url.userName(QUrl::FullyDecoded);
    parsed.password = url.password(QUrl::FullyDecoded);
    parsed.name = url.path(QUrl::FullyDecoded).mid(1);
    if (parsed.host.isEmpty())
        return invalid(QStringLiteral("no host"));
    if (parsed.user.isEmpty())
        return invalid(QStringLiteral("no user"));
    if (parsed.name.isEmpty() || parsed.name.contains(QLatin1Char('/')))
        return invalid(QStringLiteral("no database name"));
    if (parsed.port <= 0 || parsed.port > 65535)
        return invalid(QStringLiteral("port out of range"));
    QStringList options;
    const QUrlQuery query(url);
    for (const auto &[key, value] : query.queryItems(QUrl::FullyDecoded)) {
        if (!allowedOptions().contains(key))
            return invalid(
                QStringLiteral("unknown option %1 (known: %2)").arg(key, allowedOptions().join(QLatin1String(", "))));
        if (value.contains(QLatin1Char(';')) || value.contains(QLatin1Char(' ')))
            return invalid(QStringLiteral("option %1 has a space or ';'").arg(key));
        options << key + QLatin1Char('=') + value;
    }
    parsed.options = options.join(QLatin1Char(';'));
    return parsed;
}

QString DatabaseUrl::redacted() const
{
    QUrl url;
    url.setScheme(QStringLiteral("postgresql"));
    url.setHost(host);
    url.setPort(port);
    url.setUserName(user);
    url.setPath(QLatin1Char('/') + name);
    QString text = url.toString();
    if (!options.isEmpty())
        text += QLatin1Char('?') + QString(options).replace(QLatin1Char(';'), QLatin1Char('&'));
    return text;
}

} // namespace tierdesk
