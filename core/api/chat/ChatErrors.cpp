#include "core/api/chat/ChatErrors.h"

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

http::HttpResponse error(const Error &e)
{
    switch (e.kind) {
    case ErrorKind::InvalidArgument:
    case ErrorKind::InvalidSessionId:
    case ErrorKind::MissingCompany:
    case ErrorKind::InvalidEscalation:
        return error(400, QStringLiteral("invalid_request"), e.message);
    case ErrorKind::InvalidMessage:
        return error(400, QStringLiteral("invalid_message"), e.message);
    case ErrorKind::NotFound:
        return error(404, QStringLiteral("not_found"), QStringLiteral("Session not found"));
    case ErrorKind::SessionResolved:
        return error(409, QStringLiteral("session_closed"), QStringLiteral("The chat session has ended"));
    case ErrorKind::CompanyDisabled:
    case ErrorKind::Forbidden:
        return error(403, QStringLiteral("forbidden"), e.message);
    case ErrorKind::Conflict:
    case ErrorKind::SessionClaimed:
    case ErrorKind::NotInQueue:
    case ErrorKind::StaleReply:
    case ErrorKind::NotClaimedByYou:
    case ErrorKind::NotOwed:
        return error(409, QStringLiteral("conflict"), e.message);
    case ErrorKind::UnresolvedPlaceholder:
        return error(422, QStringLiteral("invalid_message"), e.message);
    case ErrorKind::AiUnavailable:
        return error(503, QStringLiteral("ai_unavailable"), e.message);
    case ErrorKind::AiFailed:
        return error(500, QStringLiteral("ai_failed"), e.message);
    case ErrorKind::LimitExceeded:
        return error(429, QStringLiteral("rate_limited"), e.message);
    case ErrorKind::Internal:
        break;
    }
    return error(500, QStringLiteral("internal_error"), QStringLiteral("Internal server error"));
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
    return error(
        429, QStringLiteral("rate_limited"), QStringLiteral("Too many requests; try again in %1 s").arg(retryAfterSecs))
        .withHeader("Retry-After", QByteArray::number(retryAfterSecs));
}

http::HttpResponse storageFailure(const QString &failure)
{
    return error(503, QStringLiteral("storage_failure"),
        QStringLiteral("Storage is unavailable (%1); try again later").arg(failure));
}

} // namespace tierdesk::api::chat
