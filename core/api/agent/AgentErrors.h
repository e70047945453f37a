#pragma once

#include "core/api/http/HttpTypes.h"
#include "core/common/Result.h"

// The support agent API's error body (seed 002):
//   {"error": true, "error_type": "VALIDATION_ERROR", "message": "...",
//    "details": "...", "timestamp": "2024-01-15T10:30:00Z", "request_id": "req_..."}
// The error types and their status codes are the seed's (docs/agent-api.md, "Errors").
namespace tierdesk::api::agent {

inline constexpr char ValidationError[] = "VALIDATION_ERROR"; // 400
inline constexpr char AuthenticationError[] = "AUTHENTICATION_ERROR"; // 401
inline constexpr char AuthorizationError[] = "AUTHORIZATION_ERROR"; // 403
inline constexpr char NotFoundError[] = "NOT_FOUND_ERROR"; // 404
inline constexpr char RateLimitError[] = "RATE_LIMIT_ERROR"; // 429
inline constexpr char LlmApiError[] = "LLM_API_ERROR"; // 503
inline constexpr char DatabaseError[] = "DATABASE_ERROR"; // 503
inline constexpr char TimeoutError[] = "TIMEOUT_ERROR"; // 504
inline constexpr char InternalError[] = "INTERNAL_ERROR"; // 500

// `details` is a string in seed 002; empty leaves it out. The body as it is: for the
// server's own errors (serverError) only; refusals go through the table.
http::HttpResponse error(int status, const char *type, const QString &message, const QString &details = {});
// A core error in the seed's format: its status and type from the family's one table.
http::HttpResponse error(const Error &e);
// The family's own refusals (bodies, parameters, credentials) through the same table,
// with the seed's details string as it is ("field: customer_id" and the like).
http::HttpResponse error(ErrorKind kind, const QString &message, const QString &details = {});
// 503 DATABASE_ERROR: the store is degraded; writes are refused, reads go on.
http::HttpResponse storageFailure(const QString &failure);
// Errors the HTTP server produces itself (404 route, 405, 413, ...), by status.
http::HttpResponse serverError(int status, const QString &message, const QString &path);

} // namespace tierdesk::api::agent
