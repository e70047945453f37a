#pragma once

#include "core/api/http/HttpTypes.h"
#include "core/common/Result.h"

// The platform services' error body (seed 000 runs behind AWS API Gateway, so its
// clients see API Gateway's errors): {"message": "..."} with the error type in the
// x-amzn-ErrorType header and a request id in x-amzn-RequestId
// (docs/platform-api.md, "Errors").
namespace tierdesk::api::platform {

inline constexpr char BadRequest[] = "BadRequestException"; // 400
inline constexpr char MissingAuthenticationToken[] = "MissingAuthenticationTokenException"; // 403: no Authorization
inline constexpr char IncompleteSignature[] = "IncompleteSignatureException"; // 403: no or malformed signature
inline constexpr char InvalidSignature[] = "InvalidSignatureException"; // 403: wrong, changed or expired
inline constexpr char UnrecognizedClient[] = "UnrecognizedClientException"; // 403: unknown or revoked key
inline constexpr char AccessDenied[] = "AccessDeniedException"; // 403: the company may not
inline constexpr char NotFound[] = "NotFoundException"; // 404
inline constexpr char MethodNotAllowed[] = "MethodNotAllowedException"; // 405
inline constexpr char Conflict[] = "ConflictException"; // 409
inline constexpr char RequestTooLarge[] = "RequestEntityTooLargeException"; // 413
inline constexpr char TooManyRequests[] = "TooManyRequestsException"; // 429
inline constexpr char InternalServerError[] = "InternalServerErrorException"; // 500
inline constexpr char ServiceUnavailable[] = "ServiceUnavailableException"; // 503
inline constexpr char GatewayTimeout[] = "GatewayTimeoutException"; // 504

// The body as it is: for the server's own errors (serverError) only; refusals go through the table.
http::HttpResponse error(int status, const char *type, const QString &message);
// A core error in API Gateway's form: its status and type from the family's one table.
http::HttpResponse error(const Error &e);
// The family's own refusals (bodies, parameters, credentials) through the same table.
http::HttpResponse error(ErrorKind kind, const QString &message);
// 400 BadRequestException "Invalid request body: <why>" and the like.
http::HttpResponse badRequest(const QString &message);
// 503: the store is degraded; writes are refused, reads go on.
http::HttpResponse storageFailure(const QString &failure);
// Errors the HTTP server produces itself (404 route, 405, 408, 413, ...), by status.
http::HttpResponse serverError(int status, const QString &message, const QString &path);

} // namespace tierdesk::api::platform
