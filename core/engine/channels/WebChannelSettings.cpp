#include "core/engine/channels/WebChannelSettings.h"

#include "core/common/Validation.h"

#include <QRegularExpression>
#include <QUrl>

namespace tierdesk {
namespace {

Error invalid(const char *field, const QString &message)
{
    return invalidField(QLatin1String(field), message);
}

// `value` is one of `allowed`, else InvalidArgument naming them.
Status oneOf(const char *field, const QString &value, const QStringList &allowed)
{
    if (allowed.contains(value))
        return Ok{};
    return invalidField(
        QLatin1String(field), QStringLiteral("one of: %1").arg(allowed.join(QStringLiteral(", "))), allowed);
}

} // namespace

QString WebChannelSettings::origin(const QString &text)
{
    const QUrl url(text.trimmed(), QUrl::StrictMode);
    const QString scheme = url.scheme().toLower();
    const bool bare = url.path().isEmpty() || url.path() == QLatin1String("/");
    if (!url.isValid() || (scheme != QLatin1String("https") && scheme != QLatin1String("http")) || url.host().isEmpty()
        || !bare || url.hasQuery() || url.hasFragment() || !url.userInfo().isEmpty())
        return {};
    constexpr int kTlsPort = 443;
    constexpr int kPlainPort = 80;
    const int defaultPort = scheme == QLatin1String("https") ? kTlsPort : kPlainPort;
    const int port = url.port(defaultPort);
    QString host = url.host(QUrl::FullyEncoded).toLower();
    if (host.contains(QLatin1Char(':')))
        host = QLatin1Char('[') + host + QLatin1Char(']'); // IPv6
    return scheme + QStringLiteral("://") + host + (port == defaultPort ? QString() : QStringLiteral(":%1").arg(port));
}

Status WebChannelSettings::check() const
{
    if (allowedOrigins.size() > kMaxOrigins)
        return invalid("allowedOrigins", QStringLiteral("at most %1 origins").arg(kMaxOrigins));
    for (const QString &o : allowedOrigins)
        if (origin(o) != o)
            return invalid("allowedOrigins",
                QStringLiteral("\"%1\" is no origin: scheme://host[:port], http or https, nothing after it")
                    .arg(o.left(100)));
    static const QRegularExpression hex(QStringLiteral("^#[0-9a-fA-F]{6}$"));
    if (!hex.match(color).hasMatch())
        return invalid("color", QStringLiteral("a colour as #RRGGBB"));
    for (const Status &st : {checkText(QStringLiteral("title"), title, kMaxTitle, TextLines::One),
             checkText(QStringLiteral("greeting"), greeting, kMaxGreeting),
             oneOf("position", position, {QStringLiteral("right"), QStringLiteral("left")}),
             oneOf("language", language, {QStringLiteral("auto"), QStringLiteral("en"), QStringLiteral("de")}),
             oneOf("identity", identity,
                 {QStringLiteral("off"), QStringLiteral("optional"), QStringLiteral("required")})})
        if (!st)
            return st;
    if (maxAttachmentMB < 1 || maxAttachmentMB > kMaxAttachmentMB)
        return invalid("attachments.maxMB", QStringLiteral("1 to %1").arg(kMaxAttachmentMB));
    return Ok{};
}

QVariantMap WebChannelSettings::toMap() const
{
    return {{QStringLiteral("allowedOrigins"), allowedOrigins}, {QStringLiteral("title"), title},
        {QStringLiteral("color"), color}, {QStringLiteral("greeting"), greeting},
        {QStringLiteral("position"), position}, {QStringLiteral("language"), language},
        {QStringLiteral("identity"), identity}, {QStringLiteral("askName"), askName},
        {QStringLiteral("askEmail"), askEmail}, {QStringLiteral("collectEmail"), collectEmail},
        {QStringLiteral("attachments"), attachments}, {QStringLiteral("maxAttachmentMB"), maxAttachmentMB}};
}

WebChannelSettings WebChannelSettings::fromMap(const QVariantMap &m, const QString &identitySecret)
{
    WebChannelSettings s;
    s.allowedOrigins = m.value(QStringLiteral("allowedOrigins")).toStringList();
    s.title = m.value(QStringLiteral("title")).toString();
    s.color = m.value(QStringLiteral("color"), s.color).toString();
    s.greeting = m.value(QStringLiteral("greeting")).toString();
    s.position = m.value(QStringLiteral("position"), s.position).toString();
    s.language = m.value(QStringLiteral("language"), s.language).toString();
    s.identity = m.value(QStringLiteral("identity"), s.identity).toString();
    s.askName = m.value(QStringLiteral("askName")).toBool();
    s.askEmail = m.value(QStringLiteral("askEmail")).toBool();
    s.collectEmail = m.value(QStringLiteral("collectEmail")).toBool();
    s.attachments = m.value(QStringLiteral("attachments")).toBool();
    s.maxAttachmentMB = m.value(QStringLiteral("maxAttachmentMB"), s.maxAttachmentMB).toInt();
    s.identitySecret = identitySecret;
    return s;
}

} // namespace tierdesk
