#pragma once

#include "core/api/http/HttpTypes.h"
#include "core/common/Result.h"

// The Lex V2 runtime's error body (botocore's lexv2-runtime model): {"message": "..."} with the
// exception's name in the x-amzn-ErrorType header, which botocore reads as the error's code
// (docs/calls.md, "Lex V2 runtime (seed 004)").
namespace tierdesk::api::lex {

inline constexpr char Validation[] = "ValidationException"; // 400
inline constexpr char AccessDenied[] = "AccessDeniedException"; // 403: the signature, the key
inline constexpr char ResourceNotFound[] = "ResourceNotFoundException"; // 404: another company's bot, no session
inline constexpr char Conflict[] = "ConflictException"; // 409
inline constexpr char Throttling[] = "ThrottlingException"; // 429
inline constexpr char InternalServer[] = "InternalServerException"; // 500
inline constexpr char ServiceUnavailable[] = "ServiceUnavailableException"; // 503: storage, speech busy

// The body as it is: for the server's own errors (serverError) only; refusals go through the table.
http::HttpResponse error(int status, const char *type, const QString &message);
// A core error in Lex's form: its status and exception from the family's one table.
http::HttpResponse error(const Error &e);
http::HttpResponse error(ErrorKind kind, const QString &message);
// 400 ValidationException.
http::HttpResponse invalid(const QString &message);
// 503: the store is degraded; writes are refused, reads go on.
http::HttpResponse storageFailure(const QString &failure);
// Errors the HTTP server produces itself (404 route, 405, 408, 413, ...), by status.
http::HttpResponse serverError(int status, const QString &message, const QString &path);

} // namespace tierdesk::api::lex
