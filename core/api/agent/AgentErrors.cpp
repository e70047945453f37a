#include "core/api/agent/AgentErrors.h"

#include "core/api/common/ErrorTable.h"

#include "core/api/common/StorageGate.h"
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

namespace {

// Every core error the support agent API answers, in one table (docs/agent-api.md, "Errors").
// The seed has no conflict type: a state that refuses the request is a validation error.
const ErrorRow kErrors[] = {
    {ErrorKind::InvalidArgument, ErrorDetail::None, 400, ValidationError},
    {ErrorKind::Conflict, ErrorDetail::None, 400, ValidationError},
    {ErrorKind::NotFound, ErrorDetail::None, 404, NotFoundError},
    {ErrorKind::Forbidden, ErrorDetail::None, 403, AuthorizationError},
    {ErrorKind::Unauthenticated, ErrorDetail::None, 401, AuthenticationError},
    {ErrorKind::Unavailable, ErrorDetail::None, 503, InternalError},
    {ErrorKind::Unavailable, ErrorDetail::AiUnavailable, 503, LlmApiError},
    {ErrorKind::Unavailable, ErrorDetail::AiFailed, 503, LlmApiError},
    {ErrorKind::Unavailable, ErrorDetail::StorageFailure, 503, DatabaseError},
    {ErrorKind::LimitExceeded, ErrorDetail::None, 429, RateLimitError},
    {ErrorKind::Internal, ErrorDetail::None, 500, InternalError, "Internal error"},
};

// The table's answer to e, as it stands.
http::HttpResponse tableAnswer(const Error &e)
{
    const ErrorRow &row = findErrorRow(kErrors, e);
    if (row.fixedMessage) // our own faults are never described to clients
        return error(row.status, row.code, QLatin1String(row.fixedMessage));
    return error(row.status, row.code, e.message, detailsText(e.details));
}

} // namespace

http::HttpResponse error(const Error &e)
{
    if (const QString failure = storageFailureOf(e); !failure.isEmpty()) // answered as the gate does
        return storageFailure(failure);
    return tableAnswer(e);
}

http::HttpResponse error(ErrorKind kind, const QString &message, const QString &details)
{
    Error e = makeError(kind, message);
    const ErrorRow &row = findErrorRow(kErrors, e);
    if (row.fixedMessage)
        return error(e);
    return error(row.status, row.code, message, details);
}

http::HttpResponse storageFailure(const QString &failure)
{
    const QString message = storageReconnecting(failure)
        ? storageReconnectingMessage()
        : QStringLiteral("Storage failure: the database is damaged or cannot be written; reads still work");
    return withStorageRetry(tableAnswer(makeError(ErrorKind::Unavailable, ErrorDetail::StorageFailure, message,
                                {{QStringLiteral("reason"), failure}})),
        failure);
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
