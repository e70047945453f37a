#pragma once

#include "core/api/http/HttpTypes.h"
#include "core/common/Result.h"

// The Twilio family's refusals. Twilio shows nobody the body of a refused webhook (its debugger
// logs error 11200 with the status), so a refusal is its status with one short sentence for a
// person reading a log: Content-Type text/plain; charset=utf-8, no TwiML (TwiML would be obeyed).
namespace tierdesk::api::twilio {

// A core error: its status from the family's one table (a bad or missing signature, another
// account: 403; no Twilio channel: 404; a field that is not Twilio's: 400).
http::HttpResponse error(const Error &e);
http::HttpResponse error(ErrorKind kind, const QString &message);
// The request's form refused before it is read (413 too large, 415 not a form) and the errors
// the HTTP server makes itself (404 route, 405, 408, 413, ...): the status and the sentence.
http::HttpResponse serverError(int status, const QString &message, const QString &path);

} // namespace tierdesk::api::twilio
