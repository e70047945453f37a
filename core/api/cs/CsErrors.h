#pragma once

#include "core/api/http/HttpTypes.h"
#include "core/common/Result.h"

// The canonical CS API's error body (seed 001):
//   {"error": {"code": "CS_002", "message": "Session not found", "details": {...}}}
// CS_001..CS_010 are the seed's; CS_011 and up are Tierdesk's, documented in docs/api.md.
namespace tierdesk::api::cs {

inline constexpr char InvalidSessionId[] = "CS_001";
inline constexpr char SessionNotFound[] = "CS_002";
inline constexpr char SessionResolved[] = "CS_003";
inline constexpr char InvalidEscalation[] = "CS_004";
inline constexpr char MissingCompany[] = "CS_005";
inline constexpr char AiUnavailable[] = "CS_006";
inline constexpr char RateLimited[] = "CS_007";
inline constexpr char InvalidMessage[] = "CS_008";
inline constexpr char CompanyDisabled[] = "CS_009";
inline constexpr char AiFailed[] = "CS_010";
inline constexpr char InvalidRequest[] = "CS_011";
inline constexpr char Unauthorized[] = "CS_012";
inline constexpr char Forbidden[] = "CS_013";
inline constexpr char NotFound[] = "CS_014";
inline constexpr char MethodNotAllowed[] = "CS_015";
inline constexpr char PayloadTooLarge[] = "CS_016";
inline constexpr char HeadersTooLarge[] = "CS_017";
inline constexpr char RequestTimeout[] = "CS_018";
inline constexpr char UriTooLong[] = "CS_019";
inline constexpr char Internal[] = "CS_020";
inline constexpr char Unavailable[] = "CS_021";
inline constexpr char Conflict[] = "CS_022";
inline constexpr char HttpVersionNotSupported[] = "CS_023";
inline constexpr char StorageFailure[] = "CS_024";
// The agent desk.
inline constexpr char SessionClaimed[] = "CS_025";
inline constexpr char NotInQueue[] = "CS_026";
inline constexpr char StaleReply[] = "CS_027";
inline constexpr char NotClaimedByYou[] = "CS_028";
inline constexpr char UnresolvedPlaceholder[] = "CS_029";
inline constexpr char NotOwed[] = "CS_030";
// Agent assist.
inline constexpr char NeedsLanguageModel[] = "CS_031";
// Customer ratings.
inline constexpr char SessionNotResolved[] = "CS_032";
inline constexpr char AlreadyRated[] = "CS_033";
// Call recordings.
inline constexpr char RangeNotSatisfiable[] = "CS_034";
// A file sent in a conversation whose bytes are none of the types taken (SessionFiles).
inline constexpr char UnsupportedFileType[] = "CS_035";

// The body as it is: for the server's own errors (serverError) only; refusals go through error(Error).
http::HttpResponse error(int status, const char *code, const QString &message, const QJsonObject &details = {});
// A core error in the seed's format: its status and code from the family's one table.
http::HttpResponse error(const Error &e);
// The family's own refusals (bodies, parameters, credentials) go through the same table.
http::HttpResponse error(ErrorKind kind, const QString &message, const QJsonObject &details = {});
http::HttpResponse error(ErrorKind kind, ErrorDetail detail, const QString &message, const QJsonObject &details = {});
// The code alone, for errors sent on a WebSocket (no status there).
const char *errorCode(const Error &e);
// 400 CS_011 naming the field at fault: {"field": field} in details.
http::HttpResponse invalid(const QString &field, const QString &message);
// 503 CS_024: the store is degraded (Database::failure(): "corrupt", "io",
// "readonly"); writes are refused, reads go on.
http::HttpResponse storageFailure(const QString &failure);
// Errors the HTTP server produces itself (404 route, 405, 413, ...), by status.
http::HttpResponse serverError(int status, const QString &message, const QString &path);

} // namespace tierdesk::api::cs
