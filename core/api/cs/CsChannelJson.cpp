#include "core/api/cs/CsChannelJson.h"

#include "core/common/Time.h"

#include <QJsonArray>

namespace tierdesk::api::cs {
namespace {

Error notA(const QString &field, const QString &what)
{
    return makeError(ErrorKind::InvalidArgument, QStringLiteral("%1 must be %2").arg(field, what),
        {{QStringLiteral("field"), field}});
}

// The string at `key` of `o` (absent: `fallback`); anything but a string is an error.
Result<QString> stringIn(const QJsonObject &o, const char *key, const QString &field, const QString &fallback = {})
{
    const QJsonValue v = o.value(QLatin1String(key));
    if (v.isUndefined() || v.isNull())
        return fallback;
    if (!v.isString())
        return notA(field, QStringLiteral("a string"));
    return v.toString();
}

// "startTls": true or false, true when left out.
Status readStartTls(const QJsonObject &o, const QString &field, bool &startTls)
{
    const QJsonValue tls = o.value(QLatin1String("startTls"));
    if (!tls.isUndefined() && !tls.isBool())
        return notA(field, QStringLiteral("true or false"));
    startTls = tls.toBool(true);
    return Ok{};
}

Status readImap(const QJsonValue &value, MailboxSettings::Imap &imap)
{
    if (value.isUndefined() || value.isNull())
        return Ok{};
    if (!value.isObject())
        return notA(QStringLiteral("imap"), QStringLiteral("an object {\"url\", \"username\", \"password\"}"));
    const QJsonObject o = value.toObject();
    const QJsonValue poll = o.value(QLatin1String("pollSeconds"));
    if (!poll.isUndefined() && !(poll.isDouble() && poll.toDouble() == double(poll.toInt())))
        return notA(QStringLiteral("imap.pollSeconds"), QStringLiteral("a whole number"));
    imap.pollSeconds = poll.toInt(MailboxSettings::kDefaultPollSeconds);
    if (const Status tls = readStartTls(o, QStringLiteral("imap.startTls"), imap.startTls); !tls)
        return tls;
    for (const auto &[key, target] : {std::pair{"url", &imap.url}, {"username", &imap.username},
             {"password", &imap.password}, {"oauth2", &imap.oauth2}}) {
        const Result<QString> s = stringIn(o, key, QStringLiteral("imap.") + QLatin1String(key));
        if (!s)
            return s.error();
        *target = *s;
    }
    return Ok{};
}

Status readSmtp(const QJsonValue &value, MailboxSettings::Smtp &smtp)
{
    if (!value.isObject())
        return notA(QStringLiteral("smtp"), QStringLiteral("an object {\"url\", \"username\"?, \"password\"?}"));
    const QJsonObject o = value.toObject();
    if (const Status tls = readStartTls(o, QStringLiteral("smtp.startTls"), smtp.startTls); !tls)
        return tls;
    for (const auto &[key, target] :
        {std::pair{"url", &smtp.url}, {"username", &smtp.username}, {"password", &smtp.password}}) {
        const Result<QString> s = stringIn(o, key, QStringLiteral("smtp.") + QLatin1String(key));
        if (!s)
            return s.error();
        *target = *s;
    }
    return Ok{};
}

QJsonArray arrayIn(const QJsonValue &v)
{
    return v.isArray() ? v.toArray() : QJsonArray();
}

} // namespace

Result<MailboxSettings> emailSettings(const QJsonObject &body)
{
    MailboxSettings s;
    const Result<QString> address = stringIn(body, "address", QStringLiteral("address"));
    const Result<QString> name = stringIn(body, "name", QStringLiteral("name"));
    if (!address)
        return address.error();
    if (!name)
        return name.error();
    s.address = address->trimmed();
    s.name = *name;
    if (Status imap = readImap(body.value(QLatin1String("imap")), s.imap); !imap)
        return imap.error();
    if (Status smtp = readSmtp(body.value(QLatin1String("smtp")), s.smtp); !smtp)
        return smtp.error();
    const QJsonValue autoReply = body.value(QLatin1String("autoReply"));
    if (!autoReply.isUndefined() && !autoReply.isBool())
        return notA(QStringLiteral("autoReply"), QStringLiteral("true or false"));
    s.autoReply = autoReply.toBool(true);
    const QJsonValue maxBytes = body.value(QLatin1String("maxBytes"));
    if (!maxBytes.isUndefined() && !(maxBytes.isDouble() && maxBytes.toDouble() == double(maxBytes.toInteger())))
        return notA(QStringLiteral("maxBytes"), QStringLiteral("a whole number of bytes"));
    s.maxBytes = maxBytes.toInteger(MailboxSettings::kDefaultMaxBytes);
    return s;
}

QJsonObject emailSettingsJson(const MailboxSettings &s, const EmailMailboxState &state)
{
    QJsonObject imap{{QStringLiteral("url"), s.imap.url}, {QStringLiteral("username"), s.imap.username},
        {QStringLiteral("pollSeconds"), s.imap.pollSeconds}, {QStringLiteral("startTls"), s.imap.startTls},
        {QStringLiteral("passwordSet"), !s.imap.password.isEmpty()},
        {QStringLiteral("oauth2Set"), !s.imap.oauth2.isEmpty()}};
    QJsonObject smtp{{QStringLiteral("url"), s.smtp.url}, {QStringLiteral("username"), s.smtp.username},
        {QStringLiteral("startTls"), s.smtp.startTls}, {QStringLiteral("passwordSet"), !s.smtp.password.isEmpty()}};
    QJsonObject status{{QStringLiteral("lastPollAt"),
                           state.lastPollAt > 0 ? QJsonValue(timefmt::iso(state.lastPollAt)) : QJsonValue()},
        {QStringLiteral("lastError"), state.lastError.isEmpty() ? QJsonValue() : QJsonValue(state.lastError)},
        {QStringLiteral("fetched"), state.fetched}};
    return {{QStringLiteral("address"), s.address}, {QStringLiteral("name"), s.name}, {QStringLiteral("imap"), imap},
        {QStringLiteral("smtp"), smtp}, {QStringLiteral("autoReply"), s.autoReply},
        {QStringLiteral("maxBytes"), s.maxBytes}, {QStringLiteral("status"), status}};
}

Result<TwilioSettings> twilioSettings(const QJsonObject &body)
{
    TwilioSettings s;
    for (const auto &[key, target] : {std::pair{"accountSid", &s.accountSid}, {"authToken", &s.authToken}}) {
        const Result<QString> v = stringIn(body, key, QLatin1String(key));
        if (!v)
            return v.error();
        *target = v->trimmed();
    }
    const Result<QString> api = stringIn(body, "apiUrl", QStringLiteral("apiUrl"), s.apiUrl);
    if (!api)
        return api.error();
    s.apiUrl = *api;
    const QJsonValue numbers = body.value(QLatin1String("numbers"));
    if (!numbers.isArray())
        return notA(QStringLiteral("numbers"), QStringLiteral("an array of numbers like \"+15550100\""));
    for (const QJsonValue &n : numbers.toArray()) {
        if (!n.isString())
            return notA(QStringLiteral("numbers"), QStringLiteral("an array of strings"));
        s.numbers << n.toString().trimmed();
    }
    return s;
}

QJsonObject twilioSettingsJson(const TwilioSettings &s)
{
    return {{QStringLiteral("accountSid"), s.accountSid},
        {QStringLiteral("numbers"), QJsonArray::fromStringList(s.numbers)}, {QStringLiteral("apiUrl"), s.apiUrl},
        {QStringLiteral("authTokenSet"), !s.authToken.isEmpty()}};
}

namespace {

// The boolean at `key` of `o` into `target` (absent: unchanged).
Status readBool(const QJsonObject &o, const char *key, const QString &field, bool &target)
{
    const QJsonValue v = o.value(QLatin1String(key));
    if (v.isUndefined() || v.isNull())
        return Ok{};
    if (!v.isBool())
        return notA(field, QStringLiteral("true or false"));
    target = v.toBool();
    return Ok{};
}

// The object at `key` of `o` (absent: empty); anything but an object is an error.
Result<QJsonObject> objectIn(const QJsonObject &o, const char *key)
{
    const QJsonValue v = o.value(QLatin1String(key));
    if (v.isUndefined() || v.isNull())
        return QJsonObject();
    if (!v.isObject())
        return notA(QLatin1String(key), QStringLiteral("an object"));
    return v.toObject();
}

Status readOrigins(const QJsonObject &body, QStringList &origins)
{
    const QJsonValue v = body.value(QLatin1String("allowedOrigins"));
    if (v.isUndefined() || v.isNull())
        return Ok{};
    if (!v.isArray())
        return notA(
            QStringLiteral("allowedOrigins"), QStringLiteral("an array of origins like \"https://shop.example.com\""));
    origins.clear();
    for (const QJsonValue &o : v.toArray()) {
        if (!o.isString())
            return notA(QStringLiteral("allowedOrigins"), QStringLiteral("an array of strings"));
        const QString origin = WebChannelSettings::origin(o.toString());
        origins << (origin.isEmpty() ? o.toString() : origin); // what is no origin is refused by check()
    }
    origins.removeDuplicates();
    return Ok{};
}

} // namespace

Result<WebChannelSettings> webChannelSettings(const QJsonObject &body, WebChannelSettings s)
{
    if (Status st = readOrigins(body, s.allowedOrigins); !st)
        return st.error();
    for (const auto &[key, target] : {std::pair{"title", &s.title}, {"color", &s.color}, {"greeting", &s.greeting},
             {"position", &s.position}, {"language", &s.language}, {"identity", &s.identity}}) {
        const Result<QString> v = stringIn(body, key, QLatin1String(key), *target);
        if (!v)
            return v.error();
        *target = v->trimmed();
    }
    const Result<QJsonObject> preChat = objectIn(body, "preChat");
    const Result<QJsonObject> offline = objectIn(body, "offline");
    const Result<QJsonObject> files = objectIn(body, "attachments");
    for (const auto *part : {&preChat, &offline, &files})
        if (!*part)
            return part->error();
    for (const Status &st : {readBool(*preChat, "askName", QStringLiteral("preChat.askName"), s.askName),
             readBool(*preChat, "askEmail", QStringLiteral("preChat.askEmail"), s.askEmail),
             readBool(*offline, "collectEmail", QStringLiteral("offline.collectEmail"), s.collectEmail),
             readBool(*files, "enabled", QStringLiteral("attachments.enabled"), s.attachments)})
        if (!st)
            return st.error();
    if (const QJsonValue mb = files->value(QLatin1String("maxMB")); !mb.isUndefined()) {
        if (!mb.isDouble() || mb.toDouble() != double(mb.toInt()))
            return notA(QStringLiteral("attachments.maxMB"), QStringLiteral("a whole number of megabytes"));
        s.maxAttachmentMB = mb.toInt();
    }
    if (Status st = s.check(); !st)
        return st.error();
    return s;
}

QJsonObject webChannelJson(const WebChannelSettings &s, const QString &snippet)
{
    return {{QStringLiteral("allowedOrigins"), QJsonArray::fromStringList(s.allowedOrigins)},
        {QStringLiteral("title"), s.title}, {QStringLiteral("color"), s.color},
        {QStringLiteral("greeting"), s.greeting}, {QStringLiteral("position"), s.position},
        {QStringLiteral("language"), s.language}, {QStringLiteral("identity"), s.identity},
        {QStringLiteral("preChat"),
            QJsonObject{{QStringLiteral("askName"), s.askName}, {QStringLiteral("askEmail"), s.askEmail}}},
        {QStringLiteral("offline"), QJsonObject{{QStringLiteral("collectEmail"), s.collectEmail}}},
        {QStringLiteral("attachments"),
            QJsonObject{{QStringLiteral("enabled"), s.attachments}, {QStringLiteral("maxMB"), s.maxAttachmentMB}}},
        {QStringLiteral("identitySecretSet"), !s.identitySecret.isEmpty()},
        {QStringLiteral("snippet"), snippet.isEmpty() ? QJsonValue() : QJsonValue(snippet)}};
}

QJsonObject channelMessageJson(const ChannelMessageRow &row)
{
    QJsonObject o{{QStringLiteral("id"), row.id}, {QStringLiteral("direction"), row.direction},
        {QStringLiteral("kind"), row.kind}, {QStringLiteral("status"), row.status},
        {QStringLiteral("messageId"), row.messageId.isEmpty() ? QJsonValue() : QJsonValue(row.messageId)},
        {QStringLiteral("externalId"), row.externalId.isEmpty() ? QJsonValue() : QJsonValue(row.externalId)},
        {QStringLiteral("peer"), row.peer}, {QStringLiteral("part"), row.part},
        {QStringLiteral("attempts"), row.attempts}, {QStringLiteral("createdAt"), timefmt::iso(row.createdAt)},
        {QStringLiteral("updatedAt"), timefmt::iso(row.updatedAt)}};
    const QJsonObject detail = QJsonObject::fromVariantMap(row.detail);
    for (const char *key : {"subject", "error"}) {
        const QJsonValue v = detail.value(QLatin1String(key));
        if (v.isString() && !v.toString().isEmpty())
            o.insert(QLatin1String(key), v);
    }
    if (detail.value(QLatin1String("automatic")).toBool())
        o.insert(QStringLiteral("automatic"), true);
    if (const QJsonArray cc = arrayIn(detail.value(QLatin1String("cc"))); !cc.isEmpty())
        o.insert(QStringLiteral("cc"), cc);
    return o;
}

QJsonObject channelThreadJson(const ChannelThread &t)
{
    return {{QStringLiteral("kind"), t.kind}, {QStringLiteral("peer"), t.peer},
        {QStringLiteral("peerName"), t.peerName}, {QStringLiteral("own"), t.own},
        {QStringLiteral("subject"), t.subject}, {QStringLiteral("shortId"), t.shortId},
        {QStringLiteral("createdAt"), timefmt::iso(t.createdAt)}};
}

} // namespace tierdesk::api::cs
