#pragma once

#include <QString>
#include <QStringList>

namespace tierdesk::http {
class HttpServer;
struct HttpResponse;
} // namespace tierdesk::http

namespace tierdesk::api {

// One door to the engine (DESIGN.md, "API families"): a seed document's paths, auth,
// fields and error body. The server host installs every family on one HTTP server;
// a family never reaches another's routes or error format.
class ApiFamily {
public:
    virtual ~ApiFamily() = default;

    // A short name for logs and the OpenAPI document ("cs", ...).
    virtual QString name() const = 0;
    // The path prefixes whose errors made by the HTTP server itself (404, 405, 408, 413,
    // 414, 431, 503, 505) take this family's error body.
    virtual QStringList pathPrefixes() const = 0;
    // Routes, WebSocket routes and the family's health route.
    virtual void install(http::HttpServer &server) = 0;
    // The family's error body for an error the HTTP server makes itself.
    virtual http::HttpResponse serverError(int status, const QString &message, const QString &path) const = 0;
};

} // namespace tierdesk::api
