#include "core/integrations/twilio/TwilioTextSender.h"

#include <QJsonDocument>
#include <QJsonObject>
#include <QRegularExpression>
#include <QUrl>

namespace tierdesk {

namespace {

Error senderInvalid(const QString &message, const QString &field = {})
{
    QJsonObject details;
    if (!field.isEmpty())
        details.insert(QStringLiteral("field"), field);
    return makeError(ErrorKind::InvalidArgument, message, details);
}

bool isWebUrl(const QUrl &url)
{
    const QString scheme = url.scheme().toLower();
    return url.isValid() && (scheme == QLatin1String("https") || scheme == QLatin1String("http"))
        && !url.host().isEmpty();
}

QByteArray formField(const char *name, const QString &value)
{
    return QByteArray(name) + '=' + QUrl::toPercentEncoding(value);
}

// Twilio's error body: {"code": 21211, "message": "...", "more_info": "...", "status": 400}.
Error twilioRefusal(const OutboundResult &r)
{
    const QJsonObject body = QJsonDocument::fromJson(r.body).object();
    const int code = body.value(QLatin1String("code")).toInt();
    const QString message = body.value(QLatin1String("message")).toString().left(TwilioTextSender::kMaxErrorChars);
    QJsonObject details{{QStringLiteral("status"), r.status}};
    if (code > 0)
        details.insert(QStringLiteral("twilioCode"), code);
    if (r.retryAfterSecs >= 0)
        details.insert(QStringLiteral("retryAfter"), r.retryAfterSecs);
    QString text = QStringLiteral("Twilio answered HTTP %1").arg(r.status);
    if (code > 0 || !message.isEmpty())
        text += QStringLiteral(": %1 %2").arg(code).arg(message);
    const bool permanent = r.status >= 400 && r.status < 500 && r.status != 429;
    return makeError(permanent ? ErrorKind::InvalidArgument : ErrorKind::Unavailable, text, details);
}

} // namespace

TwilioTextSender::TwilioTextSender(std::shared_ptr<OutboundHttp> http) : m_http(std::move(http)) { }

Result<OutboundRequest> TwilioTextSender::request(const OutboundText &text)
{
    static const QRegularExpression accountSid(QStringLiteral("^AC[0-9a-fA-F]{32}$"));
    const TwilioSettings &account = text.account;
    if (!accountSid.match(account.accountSid).hasMatch())
        return senderInvalid(
            QStringLiteral("not a Twilio Account SID (AC and 32 hex digits)"), QStringLiteral("accountSid"));
    if (account.authToken.isEmpty())
        return senderInvalid(QStringLiteral("the Twilio account has no auth token"), QStringLiteral("authToken"));
    QString base = account.apiUrl.trimmed();
    while (base.endsWith(QLatin1Char('/')))
        base.chop(1);
    const QUrl url(
        base + QStringLiteral("/2010-04-01/Accounts/") + account.accountSid + QStringLiteral("/Messages.json"));
    if (!isWebUrl(url) || QUrl(base).hasQuery() || QUrl(base).hasFragment())
        return senderInvalid(QStringLiteral("Twilio's API URL must be an http or https URL"), QStringLiteral("apiUrl"));
    if (text.to.isEmpty() || text.from.isEmpty())
        return senderInvalid(QStringLiteral("a text needs the number it goes to and the one it comes from"),
            text.to.isEmpty() ? QStringLiteral("to") : QStringLiteral("from"));
    if (text.body.trimmed().isEmpty() || text.body.size() > OutboundText::kMaxBodyChars)
        return senderInvalid(QStringLiteral("a text's body is 1 to %1 characters").arg(OutboundText::kMaxBodyChars),
            QStringLiteral("body"));
    if (!text.statusCallback.isEmpty() && !isWebUrl(QUrl(text.statusCallback)))
        return senderInvalid(
            QStringLiteral("the status callback must be an http or https URL"), QStringLiteral("statusCallback"));

    OutboundRequest r;
    r.url = url;
    r.timeoutMs = kTimeoutMs;
    r.keepResponseBytes = kMaxAnswerBytes;
    r.body = formField("To", text.to) + '&' + formField("From", text.from) + '&' + formField("Body", text.body);
    if (!text.statusCallback.isEmpty())
        r.body += '&' + formField("StatusCallback", text.statusCallback);
    const QByteArray credentials = (account.accountSid + QLatin1Char(':') + account.authToken).toUtf8().toBase64();
    r.headers = {{QByteArrayLiteral("Content-Type"), QByteArrayLiteral("application/x-www-form-urlencoded")},
        {QByteArrayLiteral("Accept"), QByteArrayLiteral("application/json")},
        {QByteArrayLiteral("Authorization"), QByteArrayLiteral("Basic ") + credentials}};
    return r;
}

Result<QString> TwilioTextSender::answer(const OutboundResult &result)
{
    if (result.refused) // the address policy: asking again cannot help
        return makeError(ErrorKind::InvalidArgument, QStringLiteral("Twilio's API cannot be reached: ") + result.error);
    if (result.status == 0) {
        const QString why
            = result.timedOut ? QStringLiteral("no answer within %1 s").arg(kTimeoutMs / 1000) : result.error;
        return makeError(ErrorKind::Unavailable, QStringLiteral("Twilio's API did not answer: ") + why);
    }
    if (result.status >= 400 || !result.ok())
        return twilioRefusal(result);
    static const QRegularExpression messageSid(QStringLiteral("^[A-Z]{2}[0-9a-fA-F]{32}$"));
    const QString sid = QJsonDocument::fromJson(result.body).object().value(QLatin1String("sid")).toString();
    if (!messageSid.match(sid).hasMatch())
        return makeError(ErrorKind::Unavailable, QStringLiteral("Twilio's answer is not a message (no sid)"));
    return sid;
}

Result<QString> TwilioTextSender::send(const OutboundText &text)
{
    const Result<OutboundRequest> r = request(text);
    if (!r)
        return r.error();
    return answer(m_http->post(*r));
}

} // namespace tierdesk
