// /api/cs/settings/smtp: the server's SMTP settings (tierdesk.ini smtp/*, the password in
// the secret store). They are server-wide, so on a server that holds several companies
// they are read-only here (an admin of one company must not redirect every company's
// mail); written values apply when the server next starts.
#include "core/api/cs/CsApi.h"

#include "core/api/common/OffThread.h"
#include "core/api/cs/CsErrors.h"
#include "core/common/Settings.h"
#include "core/integrations/SmtpMailer.h"

#include <QRegularExpression>

#include <memory>

namespace tierdesk::api {
namespace {

constexpr int kMaxHostChars = 253;
constexpr int kMaxUserChars = 256;
constexpr int kMaxFromChars = 320;
constexpr int kMaxPasswordChars = 1024;

QJsonObject smtpJson(const AppSettings &s)
{
    return {{QStringLiteral("host"), s.value(settings::SmtpHost).toString()},
        {QStringLiteral("port"), s.intValue(settings::SmtpPort)},
        {QStringLiteral("tls"), s.value(settings::SmtpTls).toString()},
        {QStringLiteral("user"), s.value(settings::SmtpUser).toString()},
        {QStringLiteral("from"), s.value(settings::SmtpFrom).toString()},
        {QStringLiteral("timeoutSeconds"), s.intValue(settings::SmtpTimeoutSeconds)}};
}

// The settings field a SmtpConfig::validate() message is about ("smtp/port must ...").
QString fieldOf(const QString &message)
{
    if (message.contains(QLatin1String("no password")))
        return QStringLiteral("password");
    static const QRegularExpression key(QStringLiteral("^smtp/([A-Za-z]+)"));
    const auto m = key.match(message);
    return m.hasMatch() ? m.captured(1) : QString();
}

struct SmtpCheck {
    QString error;
    QString field;
    bool passwordSet = false;
};

// Reads the stored password, validates `config` with the one it will have, and
// stores a given password only when all is valid. On the secret-store thread.
SmtpCheck checkAndStore(SecretStore &secrets, SmtpConfig config, const std::optional<QString> &password)
{
    SmtpCheck out;
    if (password) {
        config.password = password->toUtf8();
    } else if (const auto stored = secrets.read(QLatin1String(kSmtpPasswordSecret)); stored) {
        config.password = *stored;
    }
    out.passwordSet = !config.password.isEmpty();
    if (config.isConfigured()) {
        if (const Status valid = config.validate(); !valid) {
            out.error = valid.error().message;
            out.field = fieldOf(out.error);
            return out;
        }
    }
    if (password) {
        if (const Status written = secrets.write(QLatin1String(kSmtpPasswordSecret), password->toUtf8()); !written) {
            out.error = QStringLiteral("could not store the password: ") + written.error().message;
            out.field = QStringLiteral("password");
        }
    }
    return out;
}

// The SMTP settings a PUT body asks for: fields left out keep their value in `now`.
// Returns the 400 answer for the first bad field, else none.
std::optional<http::HttpResponse> readSmtpBody(
    const QJsonObject &body, const AppSettings &now, SmtpConfig *next, std::optional<QString> *password)
{
    const auto text = [&](const char *name, const char *key, int maxChars) -> std::optional<QString> {
        const QJsonValue v = body.value(QLatin1String(name));
        if (v.isUndefined())
            return now.value(key).toString();
        if (!v.isString() || v.toString().size() > maxChars)
            return std::nullopt;
        return v.toString().trimmed();
    };
    const auto number = [&](const char *name, const char *key, int low, int high) -> std::optional<int> {
        const QJsonValue v = body.value(QLatin1String(name));
        if (v.isUndefined())
            return now.intValue(key);
        if (!v.isDouble() || v.toDouble() != std::floor(v.toDouble()) || v.toDouble() < low || v.toDouble() > high)
            return std::nullopt;
        return v.toInt();
    };
    const auto host = text("host", settings::SmtpHost, kMaxHostChars);
    if (!host)
        return cs::invalid(
            QStringLiteral("host"), QStringLiteral("host must be a host name of at most 253 characters"));
    const auto port = number("port", settings::SmtpPort, 1, 65535);
    if (!port)
        return cs::invalid(QStringLiteral("port"), QStringLiteral("port must be a whole number from 1 to 65535"));
    const auto tlsName = text("tls", settings::SmtpTls, 16);
    const auto tls
        = tlsName ? SmtpConfig::parseTls(*tlsName) : Result<SmtpConfig::Tls>(makeError(ErrorKind::InvalidArgument, {}));
    if (!tls)
        return cs::invalid(QStringLiteral("tls"), QStringLiteral("tls must be starttls, tls or none"));
    const auto user = text("user", settings::SmtpUser, kMaxUserChars);
    if (!user)
        return cs::invalid(QStringLiteral("user"), QStringLiteral("user must be a string of at most 256 characters"));
    const auto from = text("from", settings::SmtpFrom, kMaxFromChars);
    if (!from)
        return cs::invalid(QStringLiteral("from"), QStringLiteral("from must be an address of at most 320 characters"));
    const auto timeout = number("timeoutSeconds", settings::SmtpTimeoutSeconds, 1, 300);
    if (!timeout)
        return cs::invalid(
            QStringLiteral("timeoutSeconds"), QStringLiteral("timeoutSeconds must be a whole number from 1 to 300"));
    if (const QJsonValue v = body.value(QLatin1String("password")); !v.isUndefined()) {
        if (!v.isString() || v.toString().size() > kMaxPasswordChars)
            return cs::invalid(
                QStringLiteral("password"), QStringLiteral("password must be a string of at most 1024 characters"));
        *password = v.toString();
    }
    next->host = *host;
    next->port = *port;
    next->tls = *tls;
    next->user = *user;
    next->from = *from;
    next->timeoutMs = *timeout * 1000;
    return std::nullopt;
}

} // namespace

void CsApi::getSmtp(Call &c)
{
    if (!m_serverSettings.settings || !m_serverSettings.secrets)
        return fail(c, cs::error(ErrorKind::Unavailable, QStringLiteral("Server settings are not available here")));
    QJsonObject body = smtpJson(*m_serverSettings.settings);
    body.insert(QStringLiteral("editable"), m_engine.companies().size() <= 1);
    body.insert(QStringLiteral("active"), m_serverSettings.mailActive && m_serverSettings.mailActive());
    const auto req = std::make_shared<const http::HttpRequest>(c.req);
    SecretStore *secrets = m_serverSettings.secrets;
    offThread<bool>(
        this, m_secretPool,
        [secrets] {
            const auto stored = secrets->read(QLatin1String(kSmtpPasswordSecret));
            return stored.ok() && !stored->isEmpty();
        },
        [this, req, body, res = c.res, who = c.who, actor = c.actor](bool passwordSet) {
            Call later{*req, res, who, actor, {}};
            QJsonObject out = body;
            out.insert(QStringLiteral("passwordSet"), passwordSet);
            reply(later, http::HttpResponse::json(200, out));
        });
}

void CsApi::putSmtp(Call &c)
{
    if (!m_serverSettings.settings || !m_serverSettings.secrets)
        return fail(c, cs::error(ErrorKind::Unavailable, QStringLiteral("Server settings are not available here")));
    if (m_engine.companies().size() > 1)
        return fail(c,
            cs::error(ErrorKind::Forbidden,
                QStringLiteral("SMTP settings are server-wide: on a server with several companies, "
                               "set them in tierdesk.ini"),
                {{QStringLiteral("reason"), QStringLiteral("several companies")}}));
    const auto body = jsonBody(c);
    if (!body)
        return;
    SmtpConfig next;
    std::optional<QString> password;
    if (const auto refused = readSmtpBody(*body, *m_serverSettings.settings, &next, &password))
        return fail(c, *refused);
    const auto req = std::make_shared<const http::HttpRequest>(c.req);
    SecretStore *secrets = m_serverSettings.secrets;
    offThread<SmtpCheck>(
        this, m_secretPool, [secrets, next, password] { return checkAndStore(*secrets, next, password); },
        [this, req, next, password, res = c.res, who = c.who, actor = c.actor](const SmtpCheck &checked) {
            Call later{*req, res, who, actor, {}};
            if (!checked.error.isEmpty())
                return fail(later, cs::invalid(checked.field, checked.error));
            const QVariantHash values{{QLatin1String(settings::SmtpHost), next.host},
                {QLatin1String(settings::SmtpPort), next.port},
                {QLatin1String(settings::SmtpTls), SmtpConfig::tlsName(next.tls)},
                {QLatin1String(settings::SmtpUser), next.user}, {QLatin1String(settings::SmtpFrom), next.from},
                {QLatin1String(settings::SmtpTimeoutSeconds), next.timeoutMs / 1000}};
            if (const Status written = m_serverSettings.settings->write(values); !written) {
                qWarning("SMTP settings: %s", qPrintable(written.error().message));
                return fail(later, cs::error(written.error().kind, QStringLiteral("could not write tierdesk.ini")));
            }
            QJsonObject out = smtpJson(*m_serverSettings.settings);
            QJsonObject details = out;
            details.insert(QStringLiteral("passwordChanged"), password.has_value());
            m_engine.audit(
                who.company, actor, QStringLiteral("settings.smtp"), QStringLiteral("settings:smtp"), 200, details);
            out.insert(QStringLiteral("passwordSet"), checked.passwordSet);
            out.insert(QStringLiteral("editable"), true);
            out.insert(QStringLiteral("active"), m_serverSettings.mailActive && m_serverSettings.mailActive());
            out.insert(QStringLiteral("restartRequired"), true);
            reply(later, http::HttpResponse::json(200, out));
        });
}

} // namespace tierdesk::api
