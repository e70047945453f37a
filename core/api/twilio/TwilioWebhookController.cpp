#include "core/api/twilio/TwilioWebhookController.h"

#include "core/api/twilio/TwilioErrors.h"

#include <QRegularExpression>
#include <QStringDecoder>

namespace tierdesk::api {

namespace {

using Params = TwilioSignature::Params;

// A webhook whose signature held, of the company's account.
struct SignedForm {
    QString companyId;
    TwilioSettings account;
    Params fields;
};

Error badField(const QString &message, const QString &field)
{
    return makeError(ErrorKind::InvalidArgument, message, QJsonObject{{QStringLiteral("field"), field}});
}

bool isForm(const QByteArray &contentType)
{
    const QByteArray type = contentType.split(';').constFirst(); // parameters (charset) aside
    return type.trimmed().compare("application/x-www-form-urlencoded", Qt::CaseInsensitive) == 0;
}

// The one value of `name` ("" when absent); InvalidArgument when it is sent twice.
Result<QString> single(const Params &fields, const QString &name)
{
    QString value;
    int seen = 0;
    for (const auto &f : fields)
        if (f.first == name) {
            value = f.second;
            ++seen;
        }
    if (seen > 1)
        return badField(QStringLiteral("%1 is sent more than once").arg(name), name);
    return value;
}

// The checks every webhook passes before its fields are read; answers the refusal itself.
std::optional<SignedForm> signedForm(const http::HttpRequest &req, const http::HttpResponder &res, TwilioServices &s)
{
    using C = TwilioWebhookController;
    if (req.body.size() > C::kMaxBodyBytes) {
        res.send(
            twilio::serverError(413, QStringLiteral("Request body exceeds %1 bytes").arg(C::kMaxBodyBytes), req.path));
        return std::nullopt;
    }
    if (!isForm(req.header("content-type"))) {
        res.send(twilio::serverError(
            415, QStringLiteral("Twilio's webhooks are application/x-www-form-urlencoded"), req.path));
        return std::nullopt;
    }
    SignedForm form;
    form.companyId = req.pathParams.value(QStringLiteral("companyId"));
    const std::optional<TwilioSettings> account
        = form.companyId.size() <= C::kMaxCompanyIdChars ? s.inbox->twilioAccount(form.companyId) : std::nullopt;
    if (!account || !account->isConfigured()) {
        res.send(twilio::error(ErrorKind::NotFound, QStringLiteral("This company has no Twilio channel")));
        return std::nullopt;
    }
    form.account = *account;
    Result<Params> fields = C::parseForm(req.body);
    if (!fields) {
        res.send(twilio::error(fields.error()));
        return std::nullopt;
    }
    form.fields = std::move(*fields);
    const QByteArray signature = req.header("x-twilio-signature");
    if (signature.isEmpty()
        || !TwilioSignature::verify(
            form.account.authToken, C::signedUrl(req, s.publicBaseUrl), form.fields, signature)) {
        res.send(twilio::error(makeError(ErrorKind::Unauthenticated, ErrorDetail::SignatureInvalid,
            signature.isEmpty() ? QStringLiteral("X-Twilio-Signature is missing")
                                : QStringLiteral("X-Twilio-Signature does not match this request"))));
        return std::nullopt;
    }
    const Result<QString> accountSid = single(form.fields, QStringLiteral("AccountSid"));
    if (!accountSid || *accountSid != form.account.accountSid) {
        res.send(
            twilio::error(ErrorKind::Forbidden, QStringLiteral("AccountSid is not this company's Twilio account")));
        return std::nullopt;
    }
    return form;
}

// Twilio's ids: two capitals and 32 hex digits (SM..., MM...).
Result<QString> sidField(const Params &fields, const QString &name, const QString &fallback)
{
    static const QRegularExpression sid(QStringLiteral("^[A-Z]{2}[0-9a-fA-F]{32}$"));
    Result<QString> value = single(fields, name);
    if (value && value->isEmpty())
        value = single(fields, fallback);
    if (!value)
        return value;
    if (!sid.match(*value).hasMatch())
        return badField(QStringLiteral("%1 is not a Twilio message id").arg(name), name);
    return value;
}

Result<QString> addressField(const Params &fields, const QString &name)
{
    Result<QString> value = single(fields, name);
    if (value && (value->isEmpty() || value->size() > TwilioWebhookController::kMaxAddressChars))
        return badField(
            QStringLiteral("%1 is 1 to %2 characters").arg(name).arg(TwilioWebhookController::kMaxAddressChars), name);
    return value;
}

Result<QStringList> mediaUrls(const Params &fields)
{
    const Result<QString> count = single(fields, QStringLiteral("NumMedia"));
    if (!count)
        return count.error();
    bool ok = true;
    const int n = count->isEmpty() ? 0 : count->toInt(&ok);
    if (!ok || n < 0 || n > TwilioWebhookController::kMaxMedia)
        return badField(
            QStringLiteral("NumMedia is 0 to %1").arg(TwilioWebhookController::kMaxMedia), QStringLiteral("NumMedia"));
    QStringList urls;
    for (int i = 0; i < n; ++i) {
        const QString name = QStringLiteral("MediaUrl%1").arg(i);
        const Result<QString> url = single(fields, name);
        if (!url || url->isEmpty())
            return badField(QStringLiteral("%1 is missing").arg(name), name);
        urls.append(*url);
    }
    return urls;
}

Result<InboundText> inboundText(const SignedForm &form)
{
    InboundText text;
    text.companyId = form.companyId;
    const Result<QString> sid = sidField(form.fields, QStringLiteral("MessageSid"), QStringLiteral("SmsMessageSid"));
    const Result<QString> from = addressField(form.fields, QStringLiteral("From"));
    const Result<QString> to = addressField(form.fields, QStringLiteral("To"));
    const Result<QString> body = single(form.fields, QStringLiteral("Body"));
    const Result<QString> profile = single(form.fields, QStringLiteral("ProfileName"));
    const Result<QStringList> media = mediaUrls(form.fields);
    for (const Error *e : {sid.ok() ? nullptr : &sid.error(), from.ok() ? nullptr : &from.error(),
             to.ok() ? nullptr : &to.error(), body.ok() ? nullptr : &body.error(),
             profile.ok() ? nullptr : &profile.error(), media.ok() ? nullptr : &media.error()})
        if (e)
            return *e;
    text.messageSid = *sid;
    text.from = *from;
    text.to = *to;
    text.body = *body;
    text.profileName = *profile;
    text.mediaUrls = *media;
    if (text.body.trimmed().isEmpty() && text.mediaUrls.isEmpty())
        return badField(QStringLiteral("A message has a Body or media"), QStringLiteral("Body"));
    return text;
}

Result<TextStatus> textStatus(const SignedForm &form)
{
    static const QStringList known{QStringLiteral("accepted"), QStringLiteral("scheduled"), QStringLiteral("queued"),
        QStringLiteral("sending"), QStringLiteral("sent"), QStringLiteral("delivered"), QStringLiteral("undelivered"),
        QStringLiteral("failed"), QStringLiteral("read"), QStringLiteral("canceled"),
        QStringLiteral("partially_delivered")};
    static const QRegularExpression code(QStringLiteral("^[0-9]{1,10}$"));
    const Result<QString> sid = sidField(form.fields, QStringLiteral("MessageSid"), QStringLiteral("SmsSid"));
    if (!sid)
        return sid.error();
    Result<QString> status = single(form.fields, QStringLiteral("MessageStatus"));
    if (status && status->isEmpty())
        status = single(form.fields, QStringLiteral("SmsStatus"));
    if (!status || !known.contains(*status))
        return badField(QStringLiteral("MessageStatus is not one of Twilio's"), QStringLiteral("MessageStatus"));
    const Result<QString> errorCode = single(form.fields, QStringLiteral("ErrorCode"));
    if (!errorCode || (!errorCode->isEmpty() && !code.match(*errorCode).hasMatch()))
        return badField(QStringLiteral("ErrorCode is Twilio's number"), QStringLiteral("ErrorCode"));
    return TextStatus{form.companyId, *sid, *status, *errorCode};
}

http::HttpResponse emptyTwiml()
{
    http::HttpResponse r;
    r.contentType = QByteArrayLiteral("text/xml");
    r.body = QByteArrayLiteral(R"(<?xml version="1.0" encoding="UTF-8"?><Response/>)");
    return r;
}

} // namespace

void TwilioWebhookController::message(const http::HttpRequest &req, const http::HttpResponder &res, TwilioServices &s)
{
    const std::optional<SignedForm> form = signedForm(req, res, s);
    if (!form)
        return;
    const Result<InboundText> text = inboundText(*form);
    if (!text)
        return res.send(twilio::error(text.error()));
    s.inbox->receiveText(*text, s.context,
        [res](const Status &stored) { res.send(stored ? emptyTwiml() : twilio::error(stored.error())); });
}

void TwilioWebhookController::status(const http::HttpRequest &req, const http::HttpResponder &res, TwilioServices &s)
{
    const std::optional<SignedForm> form = signedForm(req, res, s);
    if (!form)
        return;
    const Result<TextStatus> report = textStatus(*form);
    if (!report)
        return res.send(twilio::error(report.error()));
    s.inbox->textStatus(*report);
    res.send(http::HttpResponse::noContent());
}

QString TwilioWebhookController::signedUrl(const http::HttpRequest &req, const QString &publicBaseUrl)
{
    QString base = publicBaseUrl.trimmed();
    if (base.isEmpty())
        base = req.baseUrl(); // as Twilio addressed it (a trusted proxy's scheme and host)
    while (base.endsWith(QLatin1Char('/')))
        base.chop(1);
    const QString query = req.rawQuery.isEmpty() ? QString() : QLatin1Char('?') + QString::fromUtf8(req.rawQuery);
    return base + QString::fromUtf8(req.rawPath) + query; // the path and query as sent
}

Result<TwilioSignature::Params> TwilioWebhookController::parseForm(const QByteArray &body)
{
    Params fields;
    const QList<QByteArray> pairs = body.split('&');
    for (const QByteArray &pair : pairs) {
        if (pair.isEmpty())
            continue;
        if (fields.size() >= kMaxFields)
            return makeError(ErrorKind::InvalidArgument, QStringLiteral("More than %1 form fields").arg(kMaxFields));
        const qsizetype eq = pair.indexOf('=');
        QByteArray rawName = eq < 0 ? pair : pair.left(eq);
        QByteArray rawValue = eq < 0 ? QByteArray() : pair.mid(eq + 1);
        QStringDecoder nameUtf8(QStringDecoder::Utf8);
        QStringDecoder valueUtf8(QStringDecoder::Utf8);
        const QString name = nameUtf8(QByteArray::fromPercentEncoding(rawName.replace('+', ' ')));
        const QString value = valueUtf8(QByteArray::fromPercentEncoding(rawValue.replace('+', ' ')));
        if (nameUtf8.hasError() || valueUtf8.hasError())
            return makeError(ErrorKind::InvalidArgument, QStringLiteral("A form field is not UTF-8"));
        const int limit = name == QLatin1String("Body") ? kMaxBodyChars : kMaxValueChars;
        if (name.isEmpty() || name.size() > kMaxNameChars || value.size() > limit)
            return badField(QStringLiteral("A form field's name is 1 to %1 characters and its value at most %2")
                                .arg(kMaxNameChars)
                                .arg(limit),
                name.left(kMaxNameChars));
        fields.append({name, value});
    }
    return fields;
}

} // namespace tierdesk::api
