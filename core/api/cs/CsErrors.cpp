#include "core/api/cs/CsErrors.h"

#include "core/api/common/ErrorTable.h"
#include "core/api/common/StorageGate.h"

namespace tierdesk::api::cs {

http::HttpResponse error(int status, const char *code, const QString &message, const QJsonObject &details)
{
    QJsonObject body{{QStringLiteral("code"), QLatin1String(code)}, {QStringLiteral("message"), message}};
    if (!details.isEmpty())
        body.insert(QStringLiteral("details"), details);
    return http::HttpResponse::json(status, QJsonObject{{QStringLiteral("error"), body}});
}

namespace {

// Every core error the CS family answers, in one table (docs/api.md, "Errors").
const ErrorRow kErrors[] = {
    {ErrorKind::InvalidArgument, ErrorDetail::None, 400, InvalidRequest},
    {ErrorKind::InvalidArgument, ErrorDetail::InvalidSessionId, 400, InvalidSessionId},
    {ErrorKind::InvalidArgument, ErrorDetail::MissingCompany, 400, MissingCompany},
    {ErrorKind::InvalidArgument, ErrorDetail::InvalidEscalation, 400, InvalidEscalation},
    {ErrorKind::InvalidArgument, ErrorDetail::InvalidMessage, 400, InvalidMessage},
    {ErrorKind::InvalidArgument, ErrorDetail::UnresolvedPlaceholder, 422, UnresolvedPlaceholder},
    {ErrorKind::InvalidArgument, ErrorDetail::RangeNotSatisfiable, 416, RangeNotSatisfiable},
    {ErrorKind::InvalidArgument, ErrorDetail::FileTooLarge, 413, PayloadTooLarge},
    {ErrorKind::InvalidArgument, ErrorDetail::UnsupportedFileType, 415, UnsupportedFileType},
    {ErrorKind::NotFound, ErrorDetail::None, 404, NotFound},
    {ErrorKind::NotFound, ErrorDetail::SessionNotFound, 404, SessionNotFound},
    {ErrorKind::Conflict, ErrorDetail::None, 409, Conflict},
    {ErrorKind::Conflict, ErrorDetail::SessionResolved, 400, SessionResolved}, // the seed's status
    {ErrorKind::Conflict, ErrorDetail::SessionClaimed, 409, SessionClaimed},
    {ErrorKind::Conflict, ErrorDetail::NotInQueue, 409, NotInQueue},
    {ErrorKind::Conflict, ErrorDetail::StaleReply, 409, StaleReply},
    {ErrorKind::Conflict, ErrorDetail::NotClaimedByYou, 409, NotClaimedByYou},
    {ErrorKind::Conflict, ErrorDetail::NotOwed, 409, NotOwed},
    {ErrorKind::Conflict, ErrorDetail::SessionNotResolved, 409, SessionNotResolved},
    {ErrorKind::Conflict, ErrorDetail::AlreadyRated, 409, AlreadyRated},
    {ErrorKind::Forbidden, ErrorDetail::None, 403, Forbidden},
    {ErrorKind::Forbidden, ErrorDetail::CompanyDisabled, 403, CompanyDisabled},
    {ErrorKind::Unauthenticated, ErrorDetail::None, 401, Unauthorized},
    {ErrorKind::Unavailable, ErrorDetail::None, 503, Unavailable},
    {ErrorKind::Unavailable, ErrorDetail::AiUnavailable, 503, AiUnavailable},
    {ErrorKind::Unavailable, ErrorDetail::AiFailed, 500, AiFailed}, // the seed's status
    {ErrorKind::Unavailable, ErrorDetail::StorageFailure, 503, StorageFailure},
    {ErrorKind::Unavailable, ErrorDetail::NeedsLanguageModel, 422, NeedsLanguageModel},
    {ErrorKind::LimitExceeded, ErrorDetail::None, 429, RateLimited},
    {ErrorKind::Internal, ErrorDetail::None, 500, Internal, "Internal error"},
};

// The table's answer to e, as it stands.
http::HttpResponse tableAnswer(const Error &e)
{
    const ErrorRow &row = findErrorRow(kErrors, e);
    if (row.fixedMessage) // our own faults are never described to clients
        return error(row.status, row.code, QLatin1String(row.fixedMessage), {});
    return error(row.status, row.code, e.message, e.details);
}

} // namespace

http::HttpResponse error(const Error &e)
{
    if (const QString failure = storageFailureOf(e); !failure.isEmpty()) // answered as the gate does
        return storageFailure(failure);
    return tableAnswer(e);
}

const char *errorCode(const Error &e)
{
    return findErrorRow(kErrors, e).code;
}

http::HttpResponse error(ErrorKind kind, const QString &message, const QJsonObject &details)
{
    return error(makeError(kind, message, details));
}

http::HttpResponse error(ErrorKind kind, ErrorDetail detail, const QString &message, const QJsonObject &details)
{
    return error(makeError(kind, detail, message, details));
}

http::HttpResponse invalid(const QString &field, const QString &message)
{
    return error(ErrorKind::InvalidArgument, message, {{QStringLiteral("field"), field}});
}

http::HttpResponse storageFailure(const QString &failure)
{
    const QString message = storageReconnecting(failure)
        ? storageReconnectingMessage()
        : QStringLiteral("Storage failure: the database is damaged or cannot be written; reads still work - see "
                         "`tierdesk db check`");
    return withStorageRetry(tableAnswer(makeError(ErrorKind::Unavailable, ErrorDetail::StorageFailure, message,
                                {{QStringLiteral("reason"), failure}})),
        failure);
}

http::HttpResponse serverError(int status, const QString &message, const QString &path)
{
    const char *code = Internal;
    switch (status) {
    case 400:
        code = InvalidRequest;
        break;
    case 404:
        code = NotFound;
        break;
    case 405:
        code = MethodNotAllowed;
        break;
    case 408:
        code = RequestTimeout;
        break;
    case 413:
        code = PayloadTooLarge;
        break;
    case 414:
        code = UriTooLong;
        break;
    case 431:
        code = HeadersTooLarge;
        break;
    case 503:
        code = Unavailable;
        break;
    case 505:
        code = HttpVersionNotSupported;
        break;
    case 426: // a WebSocket handshake of another version
        return error(status, InvalidRequest, message,
            {{QStringLiteral("field"), QStringLiteral("Sec-WebSocket-Version")},
                {QStringLiteral("supported"), QStringLiteral("13")}});
    default:
        break;
    }
    return error(
        status, code, message, status == 404 ? QJsonObject{{QStringLiteral("path"), path.left(256)}} : QJsonObject{});
}

} // namespace tierdesk::api::cs
