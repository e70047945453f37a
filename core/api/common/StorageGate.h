#pragma once

#include "core/api/http/HttpTypes.h"

#include <QString>

namespace tierdesk::api {

// What a request meets while the store has failed (SessionEngine::storageFailure()): over a
// damaged or read-only SQLite file reads go on and writes are refused; while a PostgreSQL
// connection is lost (SessionEngine::storageReconnecting) nothing goes on, reads included, until the
// store has connected again.
bool storageRefuses(const QString &failure, const QByteArray &method);
// An error answer that the failure explains better: an internal error on any failure, and any
// refusal (a 404 for a session that could not be read) while the connection is lost.
bool storageExplains(const QString &failure, int status);
// The failure is a lost connection, which mends itself: answers say so and when to retry.
bool storageReconnecting(const QString &failure);
QString storageReconnectingMessage();
inline constexpr int kStorageRetryAfterSecs = 2;
// `response` with Retry-After when the failure mends itself.
http::HttpResponse withStorageRetry(http::HttpResponse response, const QString &failure);

} // namespace tierdesk::api
