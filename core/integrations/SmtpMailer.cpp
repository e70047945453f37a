#include "core/integrations/SmtpMailer.h"

#include "core/common/Ids.h"
#include "core/integrations/CurlConnectGuard.h"
#include "core/integrations/CurlHandles.h"

#include <curl/curl.h>

#include <QtConcurrent/QtConcurrentRun>

#include <cstring>
#include <memory>
#include <mutex>

namespace tierdesk {

namespace {

// The rendered message, handed to libcurl piece by piece.
struct Upload {
    QByteArray data;
    qsizetype pos = 0;
};

size_t readUpload(char *buffer, size_t size, size_t nitems, void *userdata)
{
    auto *u = static_cast<Upload *>(userdata);
    const size_t room = size * nitems;
    const size_t left = static_cast<size_t>(u->data.size() - u->pos);
    const size_t n = left < room ? left : room;
    std::memcpy(buffer, u->data.constData() + u->pos, n);
    u->pos += static_cast<qsizetype>(n);
    return n;
}

QByteArray envelope(const QString &address)
{
    return '<' + MailAddress::parse(address)->address.toLatin1() + '>';
}

// What went wrong, in words an administrator can act on; libcurl's own text
// (and the server's reply code) stays in it for the details.
QString describeFailure(CURLcode rc, const char *errbuf, long smtpCode, const SmtpConfig &config)
{
    const QString detail = QString::fromUtf8(errbuf[0] ? errbuf : curl_easy_strerror(rc));
    const QString reply = smtpCode > 0 ? QStringLiteral(" (SMTP reply %1)").arg(smtpCode) : QString();
    const QString server = config.url();
    switch (rc) {
    case CURLE_COULDNT_RESOLVE_HOST:
    case CURLE_COULDNT_CONNECT:
        return QStringLiteral("cannot connect to the SMTP server %1: %2").arg(server, detail);
    case CURLE_OPERATION_TIMEDOUT:
        return QStringLiteral("the SMTP server %1 did not answer within %2 ms").arg(server).arg(config.timeoutMs);
    case CURLE_LOGIN_DENIED:
        return QStringLiteral("the SMTP server %1 refused the user name or password%2").arg(server, reply);
    case CURLE_USE_SSL_FAILED:
        return QStringLiteral("the SMTP server %1 does not offer STARTTLS (smtp/tls=starttls)").arg(server);
    default:
        break;
    }
    if (detail.startsWith(QLatin1String("RCPT failed")))
        return QStringLiteral("the SMTP server %1 refused a recipient%2").arg(server, reply);
    if (detail.startsWith(QLatin1String("MAIL failed")))
        return QStringLiteral("the SMTP server %1 refused the sender%2").arg(server, reply);
    return QStringLiteral("sending through the SMTP server %1 failed: %2%3").arg(server, detail, reply);
}

// The transfer failed: the server, or the way to it, is not working.
Error failure(const QString &error)
{
    return makeError(ErrorKind::Unavailable, error);
}

} // namespace

Result<SmtpConfig::Tls> SmtpConfig::parseTls(const QString &text)
{
    const QString t = text.trimmed().toLower();
    if (t == QLatin1String("starttls"))
        return Tls::StartTls;
    if (t == QLatin1String("tls"))
        return Tls::Implicit;
    if (t == QLatin1String("none"))
        return Tls::None;
    return makeError(
        ErrorKind::InvalidArgument, QStringLiteral("smtp/tls must be starttls, tls or none, not \"%1\"").arg(text));
}

QString SmtpConfig::tlsName(Tls tls)
{
    switch (tls) {
    case Tls::StartTls:
        return QStringLiteral("starttls");
    case Tls::Implicit:
        return QStringLiteral("tls");
    case Tls::None:
        break;
    }
    return QStringLiteral("none");
}

QString SmtpConfig::url() const
{
    const QString scheme = tls == Tls::Implicit ? QStringLiteral("smtps") : QStringLiteral("smtp");
    // An IPv6 literal needs brackets in a URL.
    const QString h = host.contains(QLatin1Char(':')) ? QLatin1Char('[') + host + QLatin1Char(']') : host;
    return QStringLiteral("%1://%2:%3").arg(scheme, h).arg(port);
}

Status SmtpConfig::validate() const
{
    if (host.isEmpty())
        return makeError(ErrorKind::InvalidArgument, QStringLiteral("smtp/host is not set"));
    // A name, an IPv4 address or an IPv6 literal: nothing that could change the URL's meaning.
    for (const QChar c : host) {
        const bool allowed = (c >= QLatin1Char('a') && c <= QLatin1Char('z'))
            || (c >= QLatin1Char('A') && c <= QLatin1Char('Z')) || (c >= QLatin1Char('0') && c <= QLatin1Char('9'))
            || c == QLatin1Char('.') || c == QLatin1Char('-') || c == QLatin1Char(':') || c == QLatin1Char('_');
        if (!allowed)
            return makeError(
                ErrorKind::InvalidArgument, QStringLiteral("smtp/host \"%1\" is not a host name").arg(host));
    }
    if (port < 1 || port > 65535)
        return makeError(ErrorKind::InvalidArgument, QStringLiteral("smtp/port must be 1-65535, not %1").arg(port));
    if (timeoutMs < 1000 || timeoutMs > 300000)
        return makeError(ErrorKind::InvalidArgument, QStringLiteral("smtp/timeoutSeconds must be 1-300"));
    if (const auto f = MailAddress::parse(from); !f)
        return makeError(ErrorKind::InvalidArgument, QStringLiteral("smtp/from: ") + f.error().message);
    for (const QChar c : user) {
        if (c.unicode() < 0x20 || c.unicode() == 0x7f)
            return makeError(
                ErrorKind::InvalidArgument, QStringLiteral("smtp/user may not contain control characters"));
    }
    if (!user.isEmpty() && password.isEmpty())
        return makeError(ErrorKind::InvalidArgument,
            QStringLiteral("smtp/user is set but no password is stored (secret %1)")
                .arg(QLatin1String(kSmtpPasswordSecret)));
    return Ok{};
}

Result<SmtpConfig> SmtpConfig::fromSettings(const AppSettings &settings, SecretStore &secrets)
{
    SmtpConfig c;
    c.host = settings.value(settings::SmtpHost).toString().trimmed();
    if (c.host.isEmpty())
        return c;
    c.port = settings.intValue(settings::SmtpPort);
    const auto tls = parseTls(settings.value(settings::SmtpTls).toString());
    if (!tls)
        return tls.error();
    c.tls = *tls;
    c.user = settings.value(settings::SmtpUser).toString();
    c.from = settings.value(settings::SmtpFrom).toString();
    c.timeoutMs = settings.intValue(settings::SmtpTimeoutSeconds) * 1000;
    if (!c.user.isEmpty()) {
        const auto password = secrets.read(QLatin1String(kSmtpPasswordSecret));
        if (password)
            c.password = *password;
        else if (password.error().kind != ErrorKind::NotFound)
            return password.error();
    }
    if (const Status s = c.validate(); !s)
        return s.error();
    return c;
}

SmtpMailer::SmtpMailer(SmtpConfig config, int maxConcurrent) : m_config(std::move(config))
{
    static std::once_flag once;
    std::call_once(once, [] { curl_global_init(CURL_GLOBAL_DEFAULT); });
    m_pool.setMaxThreadCount(qMax(1, maxConcurrent));
}

SmtpMailer::~SmtpMailer()
{
    m_pool.waitForDone();
}

QFuture<Status> SmtpMailer::send(const MailMessage &message)
{
    // Refused input is answered at once, without a thread or a connection.
    if (const Status s = message.validate(); !s)
        return QtFuture::makeReadyFuture(s);
    return QtConcurrent::run(&m_pool, [this, message] { return sendNow(message); });
}

Status SmtpMailer::sendNow(const MailMessage &message, const QByteArray &messageId) const
{
    if (const Status s = m_config.validate(); !s)
        return s;
    const auto sender = MailAddress::parse(message.from);
    if (!sender)
        return sender.error();
    // Message-ID: the caller's (a thread's replies), else random at the sender's domain, as RFC 5322 suggests.
    const QByteArray domain = sender->address.section(QLatin1Char('@'), 1).toLatin1();
    const auto rendered = message.render(
        QDateTime::currentDateTimeUtc(), messageId.isEmpty() ? ids::randomHex(16) + '@' + domain : messageId);
    if (!rendered)
        return rendered.error();

    CurlEasy curl(curl_easy_init());
    if (!curl)
        return failure(QStringLiteral("curl_easy_init failed"));
    curl_slist *raw = nullptr;
    for (const QString &r : message.to + message.cc)
        raw = curl_slist_append(raw, envelope(r).constData());
    CurlSlist rcpt(raw);

    Upload upload{*rendered, 0};
    const QByteArray url = m_config.url().toUtf8();
    const QByteArray from = envelope(message.from);
    const QByteArray user = m_config.user.toUtf8();
    const long timeoutMs = m_config.timeoutMs;
    char errbuf[CURL_ERROR_SIZE] = {};
    CurlConnectGuard guard(m_config.policy);

    CURL *c = curl.get();
    guard.install(c);
    curl_easy_setopt(c, CURLOPT_URL, url.constData());
    curl_easy_setopt(c, CURLOPT_PROTOCOLS_STR, "smtp,smtps");
    curl_easy_setopt(c, CURLOPT_PROXY, "");
    // STARTTLS is required, never "try": a password must not cross the network in clear.
    curl_easy_setopt(c, CURLOPT_USE_SSL, m_config.tls == SmtpConfig::Tls::None ? CURLUSESSL_NONE : CURLUSESSL_ALL);
    if (!user.isEmpty()) {
        curl_easy_setopt(c, CURLOPT_USERNAME, user.constData());
        curl_easy_setopt(c, CURLOPT_PASSWORD, m_config.password.constData());
    }
    curl_easy_setopt(c, CURLOPT_MAIL_FROM, from.constData());
    curl_easy_setopt(c, CURLOPT_MAIL_RCPT, rcpt.get());
    curl_easy_setopt(c, CURLOPT_UPLOAD, 1L);
    curl_easy_setopt(c, CURLOPT_READFUNCTION, &readUpload);
    curl_easy_setopt(c, CURLOPT_READDATA, &upload);
    curl_easy_setopt(c, CURLOPT_INFILESIZE_LARGE, static_cast<curl_off_t>(upload.data.size()));
    curl_easy_setopt(c, CURLOPT_NOSIGNAL, 1L); // required when used from several threads
    curl_easy_setopt(c, CURLOPT_CONNECTTIMEOUT_MS, timeoutMs);
    curl_easy_setopt(c, CURLOPT_TIMEOUT_MS, timeoutMs);
    curl_easy_setopt(c, CURLOPT_ERRORBUFFER, errbuf);

    const CURLcode rc = curl_easy_perform(c);
    if (rc != CURLE_OK && guard.refusedAll())
        return makeError(ErrorKind::InvalidArgument,
            QStringLiteral("the SMTP server %1 is at an address not allowed: %2")
                .arg(m_config.url(), guard.firstRefusal()));
    if (rc != CURLE_OK) {
        long code = 0;
        curl_easy_getinfo(c, CURLINFO_RESPONSE_CODE, &code);
        return failure(describeFailure(rc, errbuf, code, m_config));
    }
    return Ok{};
}

} // namespace tierdesk
