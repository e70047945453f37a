#include "core/api/cs/CsErrors.h"

namespace tierdesk::api::cs {

http::HttpResponse error(int status, const char *code, const QString &message, const QJsonObject &details)
{
    QJsonObject body{{QStringLiteral("code"), QLatin1String(code)}, {QStringLiteral("message"), message}};
    if (!details.isEmpty())
        body.insert(QStringLiteral("details"), details);
    return http::HttpResponse::json(status, QJsonObject{{QStringLiteral("error"), body}});
}

http::HttpResponse error(const Error &e)
{
    switch (e.kind) {
    case ErrorKind::InvalidArgument:
        return error(400, InvalidRequest, e.message, e.details);
    case ErrorKind::InvalidSessionId:
        return error(400, InvalidSessionId, e.message, e.details);
    case ErrorKind::NotFound:
        return error(
            404, e.details.contains(QLatin1String("sessionId")) ? SessionNotFound : NotFound, e.message, e.details);
    case ErrorKind::SessionResolved:
        return error(400, SessionResolved, e.message, e.details);
    case ErrorKind::InvalidEscalation:
        return error(400, InvalidEscalation, e.message, e.details);
    case ErrorKind::MissingCompany:
        return error(400, MissingCompany, e.message, e.details);
    case ErrorKind::CompanyDisabled:
        return error(403, CompanyDisabled, e.message, e.details);
    case ErrorKind::AiUnavailable:
        return error(503, AiUnavailable, e.message, e.details);
    case ErrorKind::AiFailed:
        return error(500, AiFailed, e.message, e.details);
    case ErrorKind::InvalidMessage:
        return error(400, InvalidMessage, e.message, e.details);
    case ErrorKind::Forbidden:
        return error(403, Forbidden, e.message, e.details);
    case ErrorKind::Conflict:
        return error(409, Conflict, e.message, e.details);
    case ErrorKind::SessionClaimed:
        return error(409, SessionClaimed, e.message, e.details);
    case ErrorKind::NotInQueue:
        return error(409, NotInQueue, e.message, e.details);
    case ErrorKind::StaleReply:
        return error(409, StaleReply, e.message, e.details);
    case ErrorKind::NotClaimedByYou:
        return error(409, NotClaimedByYou, e.message, e.details);
    case ErrorKind::UnresolvedPlaceholder:
        return error(422, UnresolvedPlaceholder, e.message, e.details);
    case ErrorKind::NotOwed:
        return error(409, NotOwed, e.message, e.details);
    case ErrorKind::LimitExceeded:
        return error(429, RateLimited, e.message, e.details);
    case ErrorKind::Internal:
        break;
    }
    return error(500, Internal, QStringLiteral("Internal error"), {});
}

http::HttpResponse storageFailure(const QString &failure)
{
    return error(503, StorageFailure,
        QStringLiteral("Storage failure: the database is damaged or cannot be written; reads still work - see "
                       "`tierdesk db check`"),
        {{QStringLiteral("reason"), failure}});
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
