#include "core/api/twilio/TwilioErrors.h"

#include "core/api/common/ErrorTable.h"

namespace tierdesk::api::twilio {

namespace {

constexpr int kMaxMessageChars = 300; // of a refusal's sentence
constexpr int kMaxPathChars = 256; // of a path quoted in one

// Every core error the Twilio family answers, in one table. A signature that does not hold is 403
// (Twilio's own guidance for its webhooks), as is another account's request.
const ErrorRow kTwilioErrors[] = {
    {ErrorKind::InvalidArgument, ErrorDetail::None, 400, "Bad Request"},
    {ErrorKind::NotFound, ErrorDetail::None, 404, "Not Found"},
    {ErrorKind::Conflict, ErrorDetail::None, 409, "Conflict"},
    {ErrorKind::Forbidden, ErrorDetail::None, 403, "Forbidden"},
    {ErrorKind::Unauthenticated, ErrorDetail::None, 403, "Forbidden"},
    {ErrorKind::LimitExceeded, ErrorDetail::None, 429, "Too Many Requests"},
    {ErrorKind::Unavailable, ErrorDetail::None, 503, "Service Unavailable"},
    {ErrorKind::Internal, ErrorDetail::None, 500, "Internal Server Error", "Internal server error"},
};

http::HttpResponse plainText(int status, const QString &message)
{
    http::HttpResponse r;
    r.status = status;
    r.contentType = QByteArrayLiteral("text/plain; charset=utf-8");
    r.body = message.left(kMaxMessageChars).toUtf8() + '\n';
    return r;
}

} // namespace

http::HttpResponse error(const Error &e)
{
    const ErrorRow &row = findErrorRow(kTwilioErrors, e);
    http::HttpResponse r = plainText(row.status, row.fixedMessage ? QLatin1String(row.fixedMessage) : e.message);
    if (const int retryAfter = e.details.value(QLatin1String("retryAfter")).toInt();
        (e.kind == ErrorKind::LimitExceeded || e.kind == ErrorKind::Unavailable) && retryAfter > 0)
        r.withHeader("Retry-After", QByteArray::number(retryAfter));
    return r;
}

http::HttpResponse error(ErrorKind kind, const QString &message)
{
    return error(makeError(kind, message));
}

http::HttpResponse serverError(int status, const QString &message, const QString &path)
{
    switch (status) {
    case 404:
        return plainText(404, QStringLiteral("No such Twilio webhook: ") + path.left(kMaxPathChars));
    case 500:
        return plainText(500, QStringLiteral("Internal server error"));
    default:
        return plainText(status, message);
    }
}

} // namespace tierdesk::api::twilio
