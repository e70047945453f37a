#include "core/engine/channels/ChannelAccounts.h"

#include "core/common/Ids.h"
#include "core/common/SecretSealer.h"
#include "core/store/Store.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QRegularExpression>
#include <QUrl>

namespace tierdesk {
namespace {

const QString kEmailAccount = QStringLiteral("email");
const QString kTwilioAccount = QStringLiteral("twilio");
const QString kWebAccount = QStringLiteral("web");

Error invalidAccount(const QString &field, const QString &message)
{
    return makeError(ErrorKind::InvalidArgument, message, {{QStringLiteral("field"), field}});
}

// The settings as the account's row keeps them (no secret), and back with the secrets opened.
QVariantMap emailSettingsMap(const MailboxSettings &s)
{
    return {{QStringLiteral("address"), s.address}, {QStringLiteral("name"), s.name},
        {QStringLiteral("imap"),
            QVariantMap{{QStringLiteral("url"), s.imap.url}, {QStringLiteral("username"), s.imap.username},
                {QStringLiteral("pollSeconds"), s.imap.pollSeconds}, {QStringLiteral("startTls"), s.imap.startTls}}},
        {QStringLiteral("smtp"),
            QVariantMap{{QStringLiteral("url"), s.smtp.url}, {QStringLiteral("username"), s.smtp.username},
                {QStringLiteral("startTls"), s.smtp.startTls}}},
        {QStringLiteral("autoReply"), s.autoReply}, {QStringLiteral("maxBytes"), s.maxBytes}};
}

MailboxSettings emailSettings(const QVariantMap &o, const QJsonObject &secrets)
{
    MailboxSettings s;
    s.address = o.value(QStringLiteral("address")).toString();
    s.name = o.value(QStringLiteral("name")).toString();
    const QVariantMap imap = o.value(QStringLiteral("imap")).toMap();
    s.imap.url = imap.value(QStringLiteral("url")).toString();
    s.imap.username = imap.value(QStringLiteral("username")).toString();
    s.imap.pollSeconds = imap.value(QStringLiteral("pollSeconds"), MailboxSettings::kDefaultPollSeconds).toInt();
    s.imap.startTls = imap.value(QStringLiteral("startTls"), true).toBool();
    s.imap.password = secrets.value(QLatin1String("imapPassword")).toString();
    s.imap.oauth2 = secrets.value(QLatin1String("imapOauth2")).toString();
    const QVariantMap smtp = o.value(QStringLiteral("smtp")).toMap();
    s.smtp.url = smtp.value(QStringLiteral("url")).toString();
    s.smtp.username = smtp.value(QStringLiteral("username")).toString();
    s.smtp.startTls = smtp.value(QStringLiteral("startTls"), true).toBool();
    s.smtp.password = secrets.value(QLatin1String("smtpPassword")).toString();
    s.autoReply = o.value(QStringLiteral("autoReply"), true).toBool();
    s.maxBytes = o.value(QStringLiteral("maxBytes"), MailboxSettings::kDefaultMaxBytes).toLongLong();
    return s;
}

QVariantMap stateMap(const EmailMailboxState &s)
{
    return {{QStringLiteral("uidValidity"), s.uidValidity}, {QStringLiteral("lastUid"), s.lastUid},
        {QStringLiteral("lastPollAt"), s.lastPollAt}, {QStringLiteral("lastError"), s.lastError},
        {QStringLiteral("fetched"), s.fetched}};
}

EmailMailboxState mailboxState(const QVariantMap &o)
{
    return {o.value(QStringLiteral("uidValidity")).toLongLong(), o.value(QStringLiteral("lastUid")).toLongLong(),
        o.value(QStringLiteral("lastPollAt")).toLongLong(), o.value(QStringLiteral("lastError")).toString(),
        o.value(QStringLiteral("fetched")).toLongLong()};
}

QVariantMap twilioSettingsMap(const TwilioSettings &s)
{
    return {{QStringLiteral("accountSid"), s.accountSid}, {QStringLiteral("numbers"), s.numbers},
        {QStringLiteral("apiUrl"), s.apiUrl}};
}

TwilioSettings twilioSettings(const QVariantMap &o, const QJsonObject &secrets)
{
    TwilioSettings s;
    s.accountSid = o.value(QStringLiteral("accountSid")).toString();
    s.numbers = o.value(QStringLiteral("numbers")).toStringList();
    s.apiUrl = o.value(QStringLiteral("apiUrl"), s.apiUrl).toString();
    s.authToken = secrets.value(QLatin1String("authToken")).toString();
    return s;
}

} // namespace

Status ChannelAccounts::putRow(const QString &companyId, const QString &kind, const QVariantMap &settings,
    const QJsonObject &secrets, const QJsonObject &audit, const Actor &actor, bool *created)
{
    Store &store = m_core.store();
    const std::optional<ChannelAccountRow> before = store.channels().account(companyId, kind);
    const qint64 now = m_core.clock().nowMs();
    const QByteArray sealed = store.webhooks().sealer().seal(QJsonDocument(secrets).toJson(QJsonDocument::Compact));
    if (sealed.isEmpty()) // a store without its data key: the secrets would be lost, not kept
        return makeError(ErrorKind::Unavailable, QStringLiteral("secrets cannot be sealed: the store has no data key"));
    ChannelAccountRow row{companyId, kind, settings, QString::fromLatin1(sealed),
        before ? before->state : QVariantMap(), before ? before->createdAt : now, now};
    if (created)
        *created = !before;
    Status stored = Ok{};
    store.batch().run([&] {
        stored = store.channels().putAccount(row);
        return stored
            && m_core.record(companyId, actor, QStringLiteral("channel.put"), QStringLiteral("channel:") + kind,
                before ? AuditOutcome::Done : AuditOutcome::Created, audit);
    });
    return stored;
}

Status ChannelAccounts::removeRow(const QString &companyId, const QString &kind, const Actor &actor)
{
    if (auto company = m_core.company(companyId); !company)
        return company.error();
    Store &store = m_core.store();
    Result<bool> removed = false;
    store.batch().run([&] {
        removed = store.channels().removeAccount(companyId, kind);
        return removed
            && m_core.record(companyId, actor, QStringLiteral("channel.remove"), QStringLiteral("channel:") + kind,
                AuditOutcome::Done);
    });
    if (!removed)
        return removed.error();
    if (!removed.value())
        return makeError(ErrorKind::NotFound, QStringLiteral("the company has no %1 channel").arg(kind));
    return Ok{};
}

Result<MailboxSettings> ChannelAccounts::putEmail(
    const QString &companyId, MailboxSettings settings, const Actor &actor, bool *created)
{
    if (auto company = m_core.company(companyId); !company)
        return company.error();
    if (const Result<MailboxSettings> before = email(companyId); before) {
        if (settings.imap.password.isEmpty() && settings.imap.oauth2.isEmpty()
            && settings.imap.username == before->imap.username) {
            settings.imap.password = before->imap.password;
            settings.imap.oauth2 = before->imap.oauth2;
        }
        if (settings.smtp.password.isEmpty() && settings.smtp.username == before->smtp.username)
            settings.smtp.password = before->smtp.password;
    }
    if (Status s = settings.validate(); !s)
        return s.error();
    if (const std::optional<QString> owner = companyForAddress(settings.address); owner && *owner != companyId)
        return makeError(ErrorKind::Conflict, QStringLiteral("%1 is another company's address").arg(settings.address),
            {{QStringLiteral("field"), QStringLiteral("address")}});
    const QJsonObject secrets{{QStringLiteral("imapPassword"), settings.imap.password},
        {QStringLiteral("imapOauth2"), settings.imap.oauth2}, {QStringLiteral("smtpPassword"), settings.smtp.password}};
    const QJsonObject audit{{QStringLiteral("address"), settings.address},
        {QStringLiteral("imap"), QUrl(settings.imap.url).host()},
        {QStringLiteral("smtp"), QUrl(settings.smtp.url).host()}};
    if (Status s = putRow(companyId, kEmailAccount, emailSettingsMap(settings), secrets, audit, actor, created); !s)
        return s.error();
    return settings;
}

Result<MailboxSettings> ChannelAccounts::email(const QString &companyId)
{
    if (auto company = m_core.company(companyId); !company)
        return company.error();
    const std::optional<ChannelAccountRow> row = m_core.store().channels().account(companyId, kEmailAccount);
    if (!row)
        return makeError(ErrorKind::NotFound, QStringLiteral("the company has no e-mail channel"));
    const Result<QByteArray> secrets = m_core.store().webhooks().sealer().open(row->sealedSecret.toLatin1());
    return emailSettings(row->settings, secrets ? QJsonDocument::fromJson(*secrets).object() : QJsonObject());
}

Status ChannelAccounts::removeEmail(const QString &companyId, const Actor &actor)
{
    return removeRow(companyId, kEmailAccount, actor);
}

Result<EmailMailboxState> ChannelAccounts::emailState(const QString &companyId)
{
    const std::optional<ChannelAccountRow> row = m_core.store().channels().account(companyId, kEmailAccount);
    if (!row)
        return makeError(ErrorKind::NotFound, QStringLiteral("the company has no e-mail channel"));
    return mailboxState(row->state);
}

Status ChannelAccounts::setEmailState(const QString &companyId, const EmailMailboxState &state)
{
    Store &store = m_core.store();
    Status stored = Ok{};
    store.batch().run([&] {
        stored = store.channels().setAccountState(companyId, kEmailAccount, stateMap(state), m_core.clock().nowMs());
        return bool(stored);
    });
    return stored;
}

QList<QPair<QString, MailboxSettings>> ChannelAccounts::mailboxes()
{
    QList<QPair<QString, MailboxSettings>> out;
    for (const ChannelAccountRow &row : m_core.store().channels().accounts(kEmailAccount)) {
        const Result<QByteArray> secrets = m_core.store().webhooks().sealer().open(row.sealedSecret.toLatin1());
        out.append({row.companyId,
            emailSettings(row.settings, secrets ? QJsonDocument::fromJson(*secrets).object() : QJsonObject())});
    }
    return out;
}

std::optional<QString> ChannelAccounts::companyForAddress(const QString &address)
{
    for (const ChannelAccountRow &row : m_core.store().channels().accounts(kEmailAccount)) {
        if (row.settings.value(QStringLiteral("address")).toString().compare(address, Qt::CaseInsensitive) == 0)
            return row.companyId;
    }
    return std::nullopt;
}

Status ChannelAccounts::checkTwilio(const TwilioSettings &s)
{
    static const QRegularExpression sid(QStringLiteral("^AC[0-9a-fA-F]{32}$"));
    static const QRegularExpression token(QStringLiteral("^[0-9A-Za-z]{16,128}$"));
    static const QRegularExpression number(QStringLiteral("^(whatsapp:)?\\+[1-9][0-9]{6,14}$"));
    if (!sid.match(s.accountSid).hasMatch())
        return invalidAccount(
            QStringLiteral("accountSid"), QStringLiteral("accountSid must be AC followed by 32 hex digits"));
    if (!token.match(s.authToken).hasMatch())
        return invalidAccount(
            QStringLiteral("authToken"), QStringLiteral("authToken must be 16 to 128 letters and digits"));
    if (s.numbers.isEmpty() || s.numbers.size() > kMaxNumbers)
        return invalidAccount(
            QStringLiteral("numbers"), QStringLiteral("numbers must list 1 to %1 numbers").arg(kMaxNumbers));
    for (const QString &n : s.numbers) {
        if (!number.match(n).hasMatch())
            return invalidAccount(QStringLiteral("numbers"),
                QStringLiteral("%1 is not an E.164 number like +15550100 or whatsapp:+15550100").arg(n.left(40)));
    }
    const QUrl api(s.apiUrl, QUrl::StrictMode);
    if (!api.isValid() || (api.scheme() != QLatin1String("https") && api.scheme() != QLatin1String("http"))
        || api.host().isEmpty() || s.apiUrl.size() > MailboxSettings::kMaxUrlChars)
        return invalidAccount(QStringLiteral("apiUrl"), QStringLiteral("apiUrl must be an http(s) URL"));
    return Ok{};
}

Status ChannelAccounts::checkNumbersFree(const QString &companyId, const QStringList &numbers)
{
    for (const ChannelAccountRow &row : m_core.store().channels().accounts(kTwilioAccount)) {
        if (row.companyId == companyId)
            continue;
        for (const QString &theirs : row.settings.value(QStringLiteral("numbers")).toStringList()) {
            for (const QString &n : numbers) {
                if (theirs == n)
                    return makeError(ErrorKind::Conflict, QStringLiteral("%1 is another company's number").arg(n),
                        {{QStringLiteral("field"), QStringLiteral("numbers")}});
            }
        }
    }
    return Ok{};
}

Result<TwilioSettings> ChannelAccounts::putTwilio(
    const QString &companyId, TwilioSettings settings, const Actor &actor, bool *created)
{
    if (auto company = m_core.company(companyId); !company)
        return company.error();
    if (settings.authToken.isEmpty()) {
        if (const Result<TwilioSettings> before = twilio(companyId);
            before && before->accountSid == settings.accountSid)
            settings.authToken = before->authToken;
    }
    if (settings.apiUrl.isEmpty())
        settings.apiUrl = TwilioSettings().apiUrl;
    settings.numbers.removeDuplicates();
    if (Status s = checkTwilio(settings); !s)
        return s.error();
    if (Status s = checkNumbersFree(companyId, settings.numbers); !s)
        return s.error();
    const QJsonObject audit{{QStringLiteral("accountSid"), settings.accountSid},
        {QStringLiteral("numbers"), QJsonArray::fromStringList(settings.numbers)}};
    if (Status s = putRow(companyId, kTwilioAccount, twilioSettingsMap(settings),
            {{QStringLiteral("authToken"), settings.authToken}}, audit, actor, created);
        !s)
        return s.error();
    return settings;
}

Result<TwilioSettings> ChannelAccounts::twilio(const QString &companyId)
{
    if (auto company = m_core.company(companyId); !company)
        return company.error();
    const std::optional<ChannelAccountRow> row = m_core.store().channels().account(companyId, kTwilioAccount);
    if (!row)
        return makeError(ErrorKind::NotFound, QStringLiteral("the company has no Twilio channel"));
    const Result<QByteArray> secrets = m_core.store().webhooks().sealer().open(row->sealedSecret.toLatin1());
    return twilioSettings(row->settings, secrets ? QJsonDocument::fromJson(*secrets).object() : QJsonObject());
}

Status ChannelAccounts::removeTwilio(const QString &companyId, const Actor &actor)
{
    return removeRow(companyId, kTwilioAccount, actor);
}

Result<WebChannelSettings> ChannelAccounts::putWeb(
    const QString &companyId, WebChannelSettings settings, const Actor &actor)
{
    const Result<WebChannelSettings> before = web(companyId);
    if (!before)
        return before.error();
    settings.identitySecret = before->identitySecret;
    if (Status s = settings.check(); !s)
        return s.error();
    const QJsonObject audit{{QStringLiteral("allowedOrigins"), QJsonArray::fromStringList(settings.allowedOrigins)},
        {QStringLiteral("identity"), settings.identity}};
    if (Status s = putRow(companyId, kWebAccount, settings.toMap(),
            {{QStringLiteral("identitySecret"), settings.identitySecret}}, audit, actor, nullptr);
        !s)
        return s.error();
    return settings;
}

Result<WebChannelSettings> ChannelAccounts::web(const QString &companyId)
{
    if (auto company = m_core.company(companyId); !company)
        return company.error();
    const std::optional<ChannelAccountRow> row = m_core.store().channels().account(companyId, kWebAccount);
    if (!row)
        return WebChannelSettings();
    const Result<QByteArray> secrets = m_core.store().webhooks().sealer().open(row->sealedSecret.toLatin1());
    if (!secrets) // a secret that cannot be opened proves nobody: refused rather than taken as none
        return makeError(ErrorKind::Unavailable, QStringLiteral("the web channel's identity secret cannot be opened"));
    return WebChannelSettings::fromMap(
        row->settings, QJsonDocument::fromJson(*secrets).object().value(QLatin1String("identitySecret")).toString());
}

Result<QString> ChannelAccounts::newWebIdentitySecret(const QString &companyId, const Actor &actor)
{
    const Result<WebChannelSettings> settings = web(companyId);
    if (!settings)
        return settings.error();
    const QString secret = QString::fromLatin1(ids::randomHex(32));
    if (Status s = putRow(companyId, kWebAccount, settings->toMap(), {{QStringLiteral("identitySecret"), secret}},
            {{QStringLiteral("identitySecret"), QStringLiteral("replaced")}}, actor, nullptr);
        !s)
        return s.error();
    return secret;
}

} // namespace tierdesk
