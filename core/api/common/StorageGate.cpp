#include "core/api/common/StorageGate.h"

#include "core/engine/SessionEngine.h"

namespace tierdesk::api {

bool storageReconnecting(const QString &failure)
{
    return SessionEngine::storageReconnecting(failure);
}

bool storageRefuses(const QString &failure, const QByteArray &method)
{
    if (failure.isEmpty())
        return false;
    return storageReconnecting(failure) || (method != "GET" && method != "HEAD");
}

bool storageExplains(const QString &failure, int status)
{
    if (failure.isEmpty())
        return false;
    return status == 500 || (storageReconnecting(failure) && status >= 400 && status != 503);
}

QString storageReconnectingMessage()
{
    return QStringLiteral("Storage unavailable: the database cannot be reached; reconnecting - try again shortly");
}

http::HttpResponse withStorageRetry(http::HttpResponse response, const QString &failure)
{
    if (storageReconnecting(failure))
        response.withHeader("Retry-After", QByteArray::number(kStorageRetryAfterSecs));
    return response;
}

} // namespace tierdesk::api
