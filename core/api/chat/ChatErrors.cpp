#include "core/api/chat/ChatErrors.h"

#include "core/api/common/ErrorTable.h"
#include "core/api/common/StorageGate.h"

namespace tierdesk::api::chat {

http::HttpResponse json(int status, const QJsonObject &body)
{
    return std::move(http::HttpResponse::json(status, body).withHeader("Access-Control-Allow-Origin", "*"));
}

http::HttpResponse preflight(const QByteArray &methods)
{
    http::HttpResponse r = http::HttpResponse::noContent();
    r.withHeader("Access-Control-Allow-Origin", "*")
        .withHeader("Access-Control-Allow-Methods", methods + ", OPTIONS")
        .withHeader("Access-Control-Allow-Headers", "Content-Type, X-Widget-Key, X-Visitor-Secret, Authorization")
        .withHeader("Access-Control-Max-Age", "600");
    return r;
}

http::HttpResponse error(int status, const QString &code, const QString &message)
{
    return json(status,
        QJsonObject{
            {QStringLiteral("success"), false}, {QStringLiteral("error"), message}, {QStringLiteral("code"), code}});
}

namespace {

// Every core error the chat API answers, in one table (docs/chat-api.md, "Errors"). A visitor
// sees only its own session, so whatever is not found is the session.
const ErrorRow kErrors[] = {
    {ErrorKind::InvalidArgument, ErrorDetail::None, 400, "invalid_request"},
    {ErrorKind::InvalidArgument, ErrorDetail::InvalidMessage, 400, "invalid_message"},
    {ErrorKind::InvalidArgument, ErrorDetail::UnresolvedPlaceholder, 422, "invalid_message"},
    {ErrorKind::InvalidArgument, ErrorDetail::FileTooLarge, 413, "payload_too_large"},
    {ErrorKind::InvalidArgument, ErrorDetail::UnsupportedFileType, 415, "unsupported_file_type"},
    {ErrorKind::NotFound, ErrorDetail::None, 404, "not_found", "Session not found"},
    {ErrorKind::Conflict, ErrorDetail::None, 409, "conflict"},
    {ErrorKind::Conflict, ErrorDetail::SessionResolved, 409, "session_closed", "The chat session has ended"},
    {ErrorKind::Conflict, ErrorDetail::SessionNotResolved, 409, "not_resolved"},
    {ErrorKind::Conflict, ErrorDetail::AlreadyRated, 409, "already_rated"},
    {ErrorKind::Forbidden, ErrorDetail::None, 403, "forbidden"},
    {ErrorKind::Unauthenticated, ErrorDetail::None, 401, "unauthorized"},
    {ErrorKind::Unavailable, ErrorDetail::None, 503, "unavailable"},
    {ErrorKind::Unavailable, ErrorDetail::AiUnavailable, 503, "ai_unavailable"},
    {ErrorKind::Unavailable, ErrorDetail::AiFailed, 500, "ai_failed"},
    {ErrorKind::Unavailable, ErrorDetail::StorageFailure, 503, "storage_failure"},
    {ErrorKind::LimitExceeded, ErrorDetail::None, 429, "rate_limited"},
    {ErrorKind::Internal, ErrorDetail::None, 500, "internal_error", "Internal server error"},
};

// The table's answer to e, as it stands.
http::HttpResponse tableAnswer(const Error &e)
{
    const ErrorRow &row = findErrorRow(kErrors, e);
    return error(row.status, QLatin1String(row.code), row.fixedMessage ? QLatin1String(row.fixedMessage) : e.message);
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

http::HttpResponse error(ErrorKind kind, ErrorDetail detail, const QString &message)
{
    return error(makeError(kind, detail, message));
}

http::HttpResponse serverError(int status, const QString &message, const QString &)
{
    switch (status) {
    case 400:
        return error(400, QStringLiteral("invalid_request"), message);
    case 404:
        return error(404, QStringLiteral("not_found"), QStringLiteral("Route not found"));
    case 405:
        return error(405, QStringLiteral("method_not_allowed"), message);
    case 408:
        return error(408, QStringLiteral("request_timeout"), message);
    case 413:
        return error(413, QStringLiteral("payload_too_large"), message);
    case 414:
        return error(414, QStringLiteral("uri_too_long"), message);
    case 431:
        return error(431, QStringLiteral("headers_too_large"), message);
    case 503:
        return error(503, QStringLiteral("unavailable"), message);
    case 505:
        return error(505, QStringLiteral("http_version_not_supported"), message);
    default:
        break;
    }
    return error(status, QStringLiteral("error"), message);
}

http::HttpResponse rateLimited(qint64 retryAfterSecs)
{
    return error(ErrorKind::LimitExceeded, QStringLiteral("Too many requests; try again in %1 s").arg(retryAfterSecs))
        .withHeader("Retry-After", QByteArray::number(retryAfterSecs));
}

http::HttpResponse storageFailure(const QString &failure)
{
    const QString message = storageReconnecting(failure)
        ? storageReconnectingMessage()
        : QStringLiteral("Storage is unavailable (%1); try again later").arg(failure);
    return withStorageRetry(
        tableAnswer(makeError(ErrorKind::Unavailable, ErrorDetail::StorageFailure, message)), failure);
}

} // namespace tierdesk::api::chat
