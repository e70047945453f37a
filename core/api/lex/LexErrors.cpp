#include "core/api/lex/LexErrors.h"

#include "core/api/common/ErrorTable.h"
#include "core/api/common/StorageGate.h"
#include "core/common/Ids.h"

namespace tierdesk::api::lex {

http::HttpResponse error(int status, const char *type, const QString &message)
{
    http::HttpResponse r = http::HttpResponse::json(status, QJsonObject{{QStringLiteral("message"), message}});
    r.withHeader("x-amzn-ErrorType", QByteArray(type));
    r.withHeader("x-amzn-RequestId", ids::uuid().toLatin1());
    return r;
}

namespace {

// Every core error the Lex runtime answers, in one table. Lex refuses every credential
// problem with 403 AccessDeniedException, and another company's bot is not found (ids do not leak).
const ErrorRow kErrors[] = {
    {ErrorKind::InvalidArgument, ErrorDetail::None, 400, Validation},
    {ErrorKind::NotFound, ErrorDetail::None, 404, ResourceNotFound},
    {ErrorKind::Conflict, ErrorDetail::None, 409, Conflict},
    {ErrorKind::Forbidden, ErrorDetail::None, 403, AccessDenied},
    {ErrorKind::Unauthenticated, ErrorDetail::None, 403, AccessDenied},
    {ErrorKind::LimitExceeded, ErrorDetail::None, 429, Throttling},
    {ErrorKind::Unavailable, ErrorDetail::None, 503, ServiceUnavailable},
    {ErrorKind::Internal, ErrorDetail::None, 500, InternalServer, "Internal server error"},
};

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
    if (const QString failure = storageFailureOf(e); !failure.isEmpty())
        return storageFailure(failure);
    return tableAnswer(e);
}

http::HttpResponse error(ErrorKind kind, const QString &message)
{
    return error(makeError(kind, message));
}

http::HttpResponse invalid(const QString &message)
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
        return error(404, ResourceNotFound, QStringLiteral("No such Lex runtime operation: ") + path.left(256));
    case 405:
        return error(405, Validation, message);
    case 408:
        return error(408, Validation, message);
    case 413:
        return error(413, Validation, message);
    case 500:
        return error(500, InternalServer, QStringLiteral("Internal server error"));
    case 503:
        return error(503, ServiceUnavailable, message);
    default:
        break;
    }
    // 400, 414, 431, 505: the request itself is wrong.
    return error(status, Validation, message);
}

} // namespace tierdesk::api::lex
