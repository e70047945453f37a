#include "core/engine/channels/MailboxSettings.h"

#include "core/integrations/MailMessage.h"

#include <QUrl>

namespace tierdesk {
namespace {

Error invalidSetting(const QString &field, const QString &message)
{
    return makeError(ErrorKind::InvalidArgument, message, {{QStringLiteral("field"), field}});
}

// A server URL of one of `schemes`, with a host and nothing that belongs elsewhere.
Status checkServerUrl(const QString &field, const QString &text, const QStringList &schemes, bool pathAllowed)
{
    if (text.size() > MailboxSettings::kMaxUrlChars)
        return invalidSetting(
            field, QStringLiteral("%1 is longer than %2 characters").arg(field).arg(MailboxSettings::kMaxUrlChars));
    const QUrl url(text, QUrl::StrictMode);
    if (!url.isValid() || !schemes.contains(url.scheme()) || url.host().isEmpty())
        return invalidSetting(
            field, QStringLiteral("%1 must be a %2 URL with a host").arg(field, schemes.join(QLatin1String("/"))));
    if (!url.userInfo().isEmpty())
        return invalidSetting(
            field, QStringLiteral("%1 must not hold credentials: give username and password").arg(field));
    if (url.hasQuery() || url.hasFragment() || (!pathAllowed && url.path().size() > 1))
        return invalidSetting(field, QStringLiteral("%1 must not have a path, a query or a fragment").arg(field));
    return Ok{};
}

Status checkLength(const QString &field, const QString &value, int max)
{
    if (value.size() > max)
        return invalidSetting(field, QStringLiteral("%1 is longer than %2 characters").arg(field).arg(max));
    return Ok{};
}

Status checkImap(const MailboxSettings::Imap &imap)
{
    if (imap.url.isEmpty())
        return Ok{};
    if (Status s
        = checkServerUrl(QStringLiteral("imap.url"), imap.url, {QStringLiteral("imap"), QStringLiteral("imaps")}, true);
        !s)
        return s;
    if (imap.username.isEmpty())
        return invalidSetting(QStringLiteral("imap.username"), QStringLiteral("imap.username is required"));
    if (imap.password.isEmpty() && imap.oauth2.isEmpty())
        return invalidSetting(
            QStringLiteral("imap.password"), QStringLiteral("imap.password or imap.oauth2 is required"));
    if (imap.pollSeconds < MailboxSettings::kMinPollSeconds || imap.pollSeconds > MailboxSettings::kMaxPollSeconds)
        return invalidSetting(QStringLiteral("imap.pollSeconds"),
            QStringLiteral("imap.pollSeconds must be %1 to %2")
                .arg(MailboxSettings::kMinPollSeconds)
                .arg(MailboxSettings::kMaxPollSeconds));
    for (const auto &[field, value] : {std::pair{QStringLiteral("imap.username"), imap.username},
             {QStringLiteral("imap.password"), imap.password}, {QStringLiteral("imap.oauth2"), imap.oauth2}}) {
        if (Status s = checkLength(field, value, MailboxSettings::kMaxSecretChars); !s)
            return s;
    }
    return Ok{};
}

Status checkSmtp(const MailboxSettings::Smtp &smtp)
{
    if (smtp.url.isEmpty())
        return invalidSetting(
            QStringLiteral("smtp.url"), QStringLiteral("smtp.url is required: replies go out through it"));
    if (Status s = checkServerUrl(
            QStringLiteral("smtp.url"), smtp.url, {QStringLiteral("smtp"), QStringLiteral("smtps")}, false);
        !s)
        return s;
    if (!smtp.password.isEmpty() && smtp.username.isEmpty())
        return invalidSetting(
            QStringLiteral("smtp.username"), QStringLiteral("smtp.username is required with a password"));
    if (Status s = checkLength(QStringLiteral("smtp.username"), smtp.username, MailboxSettings::kMaxSecretChars); !s)
        return s;
    return checkLength(QStringLiteral("smtp.password"), smtp.password, MailboxSettings::kMaxSecretChars);
}

} // namespace

Status MailboxSettings::validate() const
{
    const Result<MailAddress> parsed = MailAddress::parse(address);
    if (!parsed || !parsed->name.isEmpty())
        return invalidSetting(
            QStringLiteral("address"), QStringLiteral("address must be one e-mail address, like support@example.com"));
    if (Status s = checkLength(QStringLiteral("name"), name, kMaxNameChars); !s)
        return s;
    if (name.contains(QLatin1Char('\n')) || name.contains(QLatin1Char('\r')))
        return invalidSetting(QStringLiteral("name"), QStringLiteral("name must be one line"));
    if (maxBytes < 64 * 1024 || maxBytes > kMaxMaxBytes)
        return invalidSetting(
            QStringLiteral("maxBytes"), QStringLiteral("maxBytes must be 65536 to %1").arg(kMaxMaxBytes));
    if (Status s = checkImap(imap); !s)
        return s;
    return checkSmtp(smtp);
}

} // namespace tierdesk
