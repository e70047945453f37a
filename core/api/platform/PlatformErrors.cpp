#include "core/api/platform/PlatformErrors.h"

#include "core/common/Ids.h"

namespace tierdesk::api::platform {

http::HttpResponse error(int status, const char *type, const QString &message)
{
    http::HttpResponse r = http::HttpResponse::json(status, QJsonObject{{QStringLiteral("message"), message}});
    r.withHeader("x-amzn-ErrorType", QByteArray(type));
    r.withHeader("x-amzn-RequestId", ids::random(QStringLiteral("req-")).toLatin1());
    return r;
}

http::HttpResponse badRequest(const QString &message)
{
    return error(400, BadRequest, message);
}

http::HttpResponse error(const Error &e)
{
    switch (e.kind) {
    case ErrorKind::InvalidArgument:
    case ErrorKind::InvalidSessionId:
    case ErrorKind::InvalidEscalation:
    case ErrorKind::MissingCompany:
    case ErrorKind::InvalidMessage:
    case ErrorKind::UnresolvedPlaceholder:
    case ErrorKind::NotOwed:
        return error(400, BadRequest, e.message);
    case ErrorKind::SessionResolved:
    case ErrorKind::Conflict:
    case ErrorKind::SessionClaimed:
    case ErrorKind::NotInQueue:
    case ErrorKind::StaleReply:
    case ErrorKind::NotClaimedByYou:
        return error(409, Conflict, e.message);
    case ErrorKind::NotFound:
        return error(404, NotFound, e.message);
    case ErrorKind::CompanyDisabled:
    case ErrorKind::Forbidden:
        return error(403, AccessDenied, e.message);
    case ErrorKind::AiUnavailable:
    case ErrorKind::AiFailed:
        return error(503, ServiceUnavailable, e.message);
    case ErrorKind::LimitExceeded: {
        http::HttpResponse r = error(429, TooManyRequests, e.message);
        if (const int retryAfter = e.details.value(QLatin1String("retryAfter")).toInt(); retryAfter > 0)
            r.withHeader("Retry-After", QByteArray::number(retryAfter));
        return r;
    }
    case ErrorKind::Internal:
        break;
    }
    return error(500, InternalServerError, QStringLiteral("Internal server error"));
}

http::HttpResponse storageFailure(const QString &failure)
{
    return error(503, ServiceUnavailable,
        QStringLiteral("Storage failure: the database is damaged or cannot be written; reads still work (")
            + failure.left(200) + QLatin1Char(')'));
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
