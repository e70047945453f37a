#include "core/integrations/imap/ImapAccount.h"

#include <QFileInfo>
#include <QJsonObject>

#include <algorithm>

namespace tierdesk {

namespace {

constexpr int kImapPort = 143;
constexpr int kImapsPort = 993;

Error invalid(const QString &field, const QString &message)
{
    return makeError(ErrorKind::InvalidArgument, message, QJsonObject{{QStringLiteral("field"), field}});
}

bool isHostChar(QChar c)
{
    return (c >= QLatin1Char('a') && c <= QLatin1Char('z')) || (c >= QLatin1Char('A') && c <= QLatin1Char('Z'))
        || (c >= QLatin1Char('0') && c <= QLatin1Char('9')) || c == QLatin1Char('.') || c == QLatin1Char('-')
        || c == QLatin1Char('_') || c == QLatin1Char(':');
}

// Printable ASCII without what would change a quoted IMAP string (" \), what libcurl decodes in a
// command (%) or reads as a URL's parameters (; ? #), and IMAP's wildcards (* %).
bool isMailboxChar(QChar c)
{
    if (c.unicode() < 0x20 || c.unicode() > 0x7e)
        return false;
    return !QStringLiteral("\"\\%;?#*").contains(c);
}

bool hasControl(const QByteArray &bytes)
{
    for (const char c : bytes) {
        const auto u = static_cast<unsigned char>(c);
        if (u < 0x20 || u == 0x7f)
            return true;
    }
    return false;
}

Status validateCredentials(const ImapAccount &a)
{
    if (a.username.isEmpty())
        return invalid(QStringLiteral("username"), QStringLiteral("the IMAP user name is empty"));
    if (a.username.size() > ImapAccount::kMaxUsernameChars || hasControl(a.username.toUtf8()))
        return invalid(QStringLiteral("username"),
            QStringLiteral("the IMAP user name must be at most %1 characters without control characters")
                .arg(ImapAccount::kMaxUsernameChars));
    if (!a.oauth2Token.isEmpty()) {
        bool printable = a.oauth2Token.size() <= ImapAccount::kMaxOAuth2TokenBytes;
        for (const char c : a.oauth2Token)
            printable = printable && c > 0x20 && c < 0x7f;
        if (!printable)
            return invalid(QStringLiteral("oauth2Token"),
                QStringLiteral("the OAuth 2.0 token must be at most %1 printable ASCII characters")
                    .arg(ImapAccount::kMaxOAuth2TokenBytes));
        return Ok{};
    }
    if (a.password.isEmpty())
        return invalid(QStringLiteral("password"), QStringLiteral("neither a password nor an OAuth 2.0 token is set"));
    if (a.password.size() > ImapAccount::kMaxPasswordBytes || a.password.contains('\0') || a.password.contains('\r')
        || a.password.contains('\n'))
        return invalid(QStringLiteral("password"),
            QStringLiteral("the password must be at most %1 bytes without line breaks or NUL")
                .arg(ImapAccount::kMaxPasswordBytes));
    return Ok{};
}

} // namespace

Status ImapAccount::validate() const
{
    const QString field = QStringLiteral("url");
    if (!url.isValid() || (url.scheme() != QLatin1String("imap") && url.scheme() != QLatin1String("imaps")))
        return invalid(field, QStringLiteral("the mailbox URL must be imap://host[:port][/mailbox] or imaps://..."));
    if (!url.userInfo().isEmpty())
        return invalid(field, QStringLiteral("the mailbox URL may not hold a user or password (set them apart)"));
    if (url.hasQuery() || url.hasFragment())
        return invalid(field, QStringLiteral("the mailbox URL may not have a query or a fragment"));
    const QString host = url.host();
    if (host.isEmpty() || host.size() > kMaxHostChars || !std::all_of(host.begin(), host.end(), isHostChar))
        return invalid(field, QStringLiteral("the mailbox URL's host is missing or not a host name"));
    const QString box = mailbox();
    if (box.size() > kMaxMailboxChars || !std::all_of(box.begin(), box.end(), isMailboxChar))
        return invalid(field,
            QStringLiteral("the mailbox name must be at most %1 printable ASCII characters without \" \\ %% ; ? # *")
                .arg(kMaxMailboxChars));
    if (!caCertificates.isEmpty()
        && (caCertificates.size() > kMaxPathChars || !QFileInfo(caCertificates).isFile()
            || !QFileInfo(caCertificates).isReadable()))
        return invalid(QStringLiteral("caCertificates"),
            QStringLiteral("the certificate authorities' file %1 cannot be read").arg(caCertificates));
    if (timeoutMs < kMinTimeoutMs || timeoutMs > kMaxTimeoutMs)
        return invalid(QStringLiteral("timeoutMs"),
            QStringLiteral("the IMAP timeout must be %1-%2 ms").arg(kMinTimeoutMs).arg(kMaxTimeoutMs));
    return validateCredentials(*this);
}

QString ImapAccount::mailbox() const
{
    QString path = url.path(QUrl::FullyDecoded);
    while (path.startsWith(QLatin1Char('/')))
        path.remove(0, 1);
    while (path.endsWith(QLatin1Char('/')))
        path.chop(1);
    return path.isEmpty() ? QStringLiteral("INBOX") : path;
}

int ImapAccount::port() const
{
    return url.port(url.scheme() == QLatin1String("imaps") ? kImapsPort : kImapPort);
}

QString ImapAccount::server() const
{
    const QString host = url.host();
    // An IPv6 literal needs brackets in a URL.
    const QString h = host.contains(QLatin1Char(':')) ? QLatin1Char('[') + host + QLatin1Char(']') : host;
    return QStringLiteral("%1://%2:%3").arg(url.scheme(), h).arg(port());
}

QByteArray ImapAccount::mailboxUrl() const
{
    return server().toUtf8() + '/' + QUrl::toPercentEncoding(mailbox(), "/");
}

} // namespace tierdesk
