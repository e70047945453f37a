#include "core/api/agent/AgentErrors.h"

#include "core/common/Ids.h"
#include "core/common/Time.h"

#include <QDateTime>

namespace tierdesk::api::agent {

http::HttpResponse error(int status, const char *type, const QString &message, const QString &details)
{
    QJsonObject body{{QStringLiteral("error"), true}, {QStringLiteral("error_type"), QLatin1String(type)},
        {QStringLiteral("message"), message},
        {QStringLiteral("timestamp"), timefmt::iso(QDateTime::currentMSecsSinceEpoch())},
        {QStringLiteral("request_id"), ids::random(QStringLiteral("req_"))}};
    if (!details.isEmpty())
        body.insert(QStringLiteral("details"), details);
    return http::HttpResponse::json(status, body);
}

namespace {

// The engine's details object as the seed's details string: "field: customer_id" and the like.
QString detailsText(const QJsonObject &details)
{
    QStringList parts;
    for (auto it = details.constBegin(); it != details.constEnd(); ++it) {
        const QJsonValue v = it.value();
        const QString text = v.isString() ? v.toString() : v.isDouble() ? QString::number(v.toDouble()) : QString();
        if (!text.isEmpty())
            parts << it.key() + QStringLiteral(": ") + text.left(200);
    }
    return parts.join(QStringLiteral("; "));
}

} // namespace

http::HttpResponse error(const Error &e)
{
    const QString details = detailsText(e.details);
    switch (e.kind) {
    case ErrorKind::InvalidArgument:
    case ErrorKind::InvalidSessionId:
    case ErrorKind::SessionResolved:
    case ErrorKind::InvalidEscalation:
    case ErrorKind::MissingCompany:
    case ErrorKind::InvalidMessage:
    case ErrorKind::Conflict:
    case ErrorKind::SessionClaimed:
    case ErrorKind::NotInQueue:
    case ErrorKind::StaleReply:
    case ErrorKind::NotClaimedByYou:
    case ErrorKind::UnresolvedPlaceholder:
    case ErrorKind::NotOwed:
        return error(400, ValidationError, e.message, details);
    case ErrorKind::NotFound:
        return error(404, NotFoundError, e.message, details);
    case ErrorKind::CompanyDisabled:
    case ErrorKind::Forbidden:
        return error(403, AuthorizationError, e.message, details);
    case ErrorKind::AiUnavailable:
    case ErrorKind::AiFailed:
        return error(503, LlmApiError, e.message, details);
    case ErrorKind::LimitExceeded:
        return error(429, RateLimitError, e.message, details);
    case ErrorKind::Internal:
        break;
    }
    return error(500, InternalError, QStringLiteral("Internal error"));
}

http::HttpResponse storageFailure(const QString &failure)
{
    return error(503, DatabaseError,
        QStringLiteral("Storage failure: the database is damaged or cannot be written; reads still work"),
        QStringLiteral("reason: ") + failure);
}

http::HttpResponse serverError(int status, const QString &message, const QString &path)
{
    switch (status) {
    case 404:
        return error(404, NotFoundError, message, QStringLiteral("path: ") + path.left(256));
    case 408:
        return error(408, TimeoutError, message);
    case 503:
        return error(503, InternalError, message);
    case 500:
        return error(500, InternalError, message);
    default:
        break;
    }
    // 400, 405, 413, 414, 431, 505: the request itself is wrong.
    return error(status, ValidationError, message);
}

} // namespace tierdesk::api::agent
