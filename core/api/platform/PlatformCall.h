#pragma once

#include "core/api/common/Principal.h"
#include "core/api/http/HttpResponder.h"
#include "core/api/http/Router.h"
#include "core/api/platform/PlatformServices.h"

#include <QJsonObject>

#include <functional>
#include <optional>

namespace tierdesk::api {

// One signed request in flight: what a platform route's handler works with.
struct PlatformCall {
    http::HttpRequest req; // a copy: some calls are answered after the engine replies
    http::HttpResponder res;
    PlatformServices *services = nullptr;
    QString company; // the access key's company
    Actor actor; // the access key (id, role), from the client's address
    QList<QPair<QByteArray, QByteArray>> extraHeaders;

    SessionEngine &engine() const { return *services->engine; }
};
using PlatformCallPtr = std::shared_ptr<PlatformCall>;
using PlatformHandler = std::function<void(const PlatformCallPtr &)>;

// A route handler that verifies the request's AWS SigV4 signature (refusals answered
// 403 and audited through AuthGate), counts the key's rate limit, refuses a key whose role
// is below `minimum` (403 AccessDeniedException; the same role /api/cs asks for the same kind
// of action), refuses writes while the store is degraded, then calls `h`. Every key is of the
// agent role or above, so Role::Agent means any key.
http::Handler signedRoute(PlatformServices &services, PlatformHandler h, Role minimum = Role::Agent);

namespace platformcall {

// The body as a JSON object; answers 400 BadRequestException itself when it is not one.
std::optional<QJsonObject> jsonBody(const PlatformCallPtr &c);
// A required non-empty string field of at most maxChars; answers 400 itself.
std::optional<QString> requiredString(
    const PlatformCallPtr &c, const QJsonObject &body, const char *field, int maxChars);
// An optional string field (empty when absent); answers 400 itself when it is not a string, too long
// or breaks the text rule (core/common/Validation.h).
std::optional<QString> optionalString(
    const PlatformCallPtr &c, const QJsonObject &body, const char *field, int maxChars);
// An optional number in [0, 1] (nullopt in *out when absent); false after answering 400.
bool optionalUnitScore(
    const PlatformCallPtr &c, const QJsonObject &body, const char *field, std::optional<double> *out);
// Answers an error; refused writes are audited too.
void fail(const PlatformCallPtr &c, const http::HttpResponse &error);
void fail(const PlatformCallPtr &c, const Error &e);
// Sends once every write so far is committed: an acknowledged write is durable.
void reply(const PlatformCallPtr &c, http::HttpResponse response);
void replyJson(const PlatformCallPtr &c, int status, const QJsonObject &body);

} // namespace platformcall
} // namespace tierdesk::api
