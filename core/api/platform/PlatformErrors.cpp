#include "core/api/platform/PlatformErrors.h"

#include "core/api/common/ErrorTable.h"

#include "core/api/common/StorageGate.h"
#include "core/common/Ids.h"

namespace tierdesk::api::platform {

http::HttpResponse error(int status, const char *type, const QString &message)
{
    http::HttpResponse r = http::HttpResponse::json(status, QJsonObject{{QStringLiteral("message"), message}});
    r.withHeader("x-amzn-ErrorType", QByteArray(type));
    r.withHeader("x-amzn-RequestId", ids::random(QStringLiteral("req-")).toLatin1());
    return r;
}

namespace {

// Every core error the platform services answer, in one table (docs/platform-api.md, "Errors").
// API Gateway refuses credentials with 403, its type saying why.
const ErrorRow kErrors[] = {
    {ErrorKind::InvalidArgument, ErrorDetail::None, 400, BadRequest},
    {ErrorKind::NotFound, ErrorDetail::None, 404, NotFound},
    {ErrorKind::Conflict, ErrorDetail::None, 409, Conflict},
    {ErrorKind::Conflict, ErrorDetail::NotOwed, 400, BadRequest},
    {ErrorKind::Forbidden, ErrorDetail::None, 403, AccessDenied},
    {ErrorKind::Unauthenticated, ErrorDetail::None, 403, InvalidSignature},
    {ErrorKind::Unauthenticated, ErrorDetail::CredentialMissing, 403, MissingAuthenticationToken},
    {ErrorKind::Unauthenticated, ErrorDetail::CredentialMalformed, 403, IncompleteSignature},
    {ErrorKind::Unauthenticated, ErrorDetail::CredentialUnknown, 403, UnrecognizedClient},
    {ErrorKind::Unauthenticated, ErrorDetail::SignatureInvalid, 403, InvalidSignature},
    {ErrorKind::Unavailable, ErrorDetail::None, 503, ServiceUnavailable},
    {ErrorKind::LimitExceeded, ErrorDetail::None, 429, TooManyRequests},
    {ErrorKind::Internal, ErrorDetail::None, 500, InternalServerError, "Internal server error"},
};

// The table's answer to e, as it stands.
http::HttpResponse tableAnswer(const Error &e)
{
    const ErrorRow &row = findErrorRow(kErrors, e);
    if (row.fixedMessage) // our own faults are never described to clients
        return error(row.status, row.code, QLatin1String(row.fixedMessage));
    http::HttpResponse r = error(row.status, row.code, e.message);
    if (const int retryAfter = e.details.value(QLatin1String("retryAfter")).toInt();
        e.kind == ErrorKind::LimitExceeded && retryAfter > 0)
        r.withHeader("Retry-After", QByteArray::number(retryAfter));
    return r;
}

} // namespace

http::HttpResponse error(const Error &e)
{
    if (const QString failure = storageFailureOf(e); !failure.isEmpty()) // answered as the gate does
        return storageFailure(failure);
    return tableAnswer(e);
}

http::HttpResponse error(ErrorKind kind, const QString &message)
{
    return error(makeError(kind, message));
}

http::HttpResponse badRequest(const QString &message)
{
    return error(ErrorKind::InvalidArgument, message);
}

http::HttpResponse storageFailure(const QString &failure)
{
    const QString message = storageReconnecting(failure)
        ? storageReconnectingMessage()
        : QStringLiteral("Storage failure: the database is damaged or cannot be written; reads still work (")
            + failure.left(200) + QLatin1Char(')');
    return withStorageRetry(
        tableAnswer(makeError(ErrorKind::Unavailable, ErrorDetail::StorageFailure, message)), failure);
}

http::HttpResponse serverError(int status, const QString &message, const QString &path)
{
    switch (status) {
    case 404:
        return error(404, NotFound, QStringLiteral("Not Found: ") + path.left(256));
    case 405:
        return error(405, MethodNotAllowed, message);
    case 408:
    case 504:
        return error(status, GatewayTimeout, message);
    case 413:
        return error(413, RequestTooLarge, message);
    case 500:
        return error(500, InternalServerError, message);
    case 503:
        return error(503, ServiceUnavailable, message);
    default:
        break;
    }
    // 400, 414, 431, 505: the request itself is wrong.
    return error(status, BadRequest, message);
}

} // namespace tierdesk::api::platform
