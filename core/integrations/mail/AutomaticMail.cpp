#include "core/integrations/mail/AutomaticMail.h"

namespace tierdesk::mail {

namespace {

constexpr qsizetype kMaxBecauseValueChars = 200;

QString headerValue(GMimeObject *object, const char *name)
{
    const char *value = g_mime_object_get_header(object, name);
    return value ? QString::fromUtf8(value).simplified() : QString();
}

bool hasHeader(GMimeObject *object, const char *name)
{
    return g_mime_object_get_header(object, name) != nullptr;
}

QString because(const char *name, const QString &value)
{
    return QLatin1String(name) + QStringLiteral(": ") + value.left(kMaxBecauseValueChars);
}

AutomaticMail::Verdict verdict(Automatic kind, const char *name, const QString &value)
{
    return AutomaticMail::Verdict{kind, because(name, value)};
}

bool isDaemonAddress(const QString &address)
{
    const QString local = address.section(QLatin1Char('@'), 0, 0).trimmed().toLower();
    return local == QLatin1String("mailer-daemon") || local == QLatin1String("postmaster");
}

std::optional<AutomaticMail::Verdict> autoReply(GMimeObject *message)
{
    const QString submitted = headerValue(message, "Auto-Submitted");
    const QString keyword = submitted.section(QLatin1Char(';'), 0, 0).trimmed().toLower();
    if (!keyword.isEmpty() && keyword != QLatin1String("no"))
        return verdict(Automatic::AutoReply, "Auto-Submitted", submitted);
    for (const char *name : {"X-Autoreply", "X-Autorespond"}) {
        if (hasHeader(message, name))
            return verdict(Automatic::AutoReply, name, headerValue(message, name));
    }
    return std::nullopt;
}

std::optional<AutomaticMail::Verdict> bulk(GMimeObject *message)
{
    const QString precedence = headerValue(message, "Precedence");
    const QString kind = precedence.toLower();
    if (kind == QLatin1String("bulk") || kind == QLatin1String("junk") || kind == QLatin1String("list"))
        return verdict(Automatic::Bulk, "Precedence", precedence);
    for (const char *name : {"List-Id", "List-Unsubscribe"}) {
        if (hasHeader(message, name))
            return verdict(Automatic::Bulk, name, headerValue(message, name));
    }
    return std::nullopt;
}

} // namespace

bool AutomaticMail::isDeliveryReport(GMimeObject *object)
{
    GMimeContentType *type = object ? g_mime_object_get_content_type(object) : nullptr;
    if (!type || !g_mime_content_type_is_type(type, "multipart", "report"))
        return false;
    const char *reportType = g_mime_content_type_get_parameter(type, "report-type");
    if (!reportType)
        return false;
    const QByteArray name = QByteArray(reportType).trimmed().toLower();
    return name == "delivery-status" || name == "global-delivery-status";
}

AutomaticMail::Verdict AutomaticMail::classify(GMimeObject *message, const QString &fromAddress, bool deliveryReport)
{
    if (deliveryReport)
        return Verdict{
            Automatic::Bounce, QStringLiteral("Content-Type: multipart/report; report-type=delivery-status")};
    const QString returnPath = headerValue(message, "Return-Path");
    if (hasHeader(message, "Return-Path") && QString(returnPath).remove(QLatin1Char(' ')) == QLatin1String("<>"))
        return verdict(Automatic::MailerDaemon, "Return-Path", returnPath);
    if (isDaemonAddress(fromAddress))
        return verdict(Automatic::MailerDaemon, "From", fromAddress);
    if (const auto reply = autoReply(message))
        return *reply;
    if (const auto list = bulk(message))
        return *list;
    return Verdict{};
}

} // namespace tierdesk::mail
