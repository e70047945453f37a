#pragma once

#include "core/api/http/HttpTypes.h"
#include "core/common/Result.h"

// The chat POC API's error body (seed 003, an Express service): {"success": false, "error": "<message>"}.
// Tierdesk adds "code" (a stable word for programs, docs/chat-api.md) beside it.
namespace tierdesk::api::chat {

// Every answer of the family is JSON that a page on any origin may read: visitors' widgets
// sit on the companies' own sites, and the credentials are headers, never cookies.
http::HttpResponse json(int status, const QJsonObject &body);
// The answer to a CORS preflight (OPTIONS) on a chat route.
http::HttpResponse preflight(const QByteArray &methods);

// The body as it is: for the server's own errors (serverError) only; refusals go through the table.
http::HttpResponse error(int status, const QString &code, const QString &message);
// A core error: its status and code from the family's one table.
http::HttpResponse error(const Error &e);
// The family's own refusals (bodies, credentials) through the same table.
http::HttpResponse error(ErrorKind kind, const QString &message);
http::HttpResponse error(ErrorKind kind, ErrorDetail detail, const QString &message);
// Errors the HTTP server makes itself under /api/v1 (404 route, 405, 413, ...).
http::HttpResponse serverError(int status, const QString &message, const QString &path);
// 429 with Retry-After.
http::HttpResponse rateLimited(qint64 retryAfterSecs);
// 503 while the store takes no writes.
http::HttpResponse storageFailure(const QString &failure);

} // namespace tierdesk::api::chat
