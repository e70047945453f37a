#pragma once

#include "core/common/Result.h"

#include <QJsonObject>
#include <QList>
#include <QString>

namespace tierdesk::http {
class HttpServer;
}

namespace tierdesk::api {

// The OpenAPI document of every API family (GET /api/openapi.json), assembled from
// resources/openapi/: base.json (openapi, info, servers, securitySchemes) and one
// fragment per family (<family>.json: only "paths", "components" and "tags"). A new
// family's fragment is picked up by being there; no code names the families.
class OpenApiDocument {
public:
    struct Fragment {
        QString name; // for error messages: "cs.json"
        QJsonObject json;
    };

    static constexpr const char *ServedPath = "/api/openapi.json";
    static constexpr const char *DefaultDir = ":/openapi";

    // base plus every fragment. InvalidArgument (the message names the file and the name)
    // on a path, component name or tag that two files define, or a fragment with other
    // top-level keys.
    static Result<QJsonObject> merge(const QJsonObject &base, const QList<Fragment> &fragments);
    // Reads dir/base.json and every other dir/*.json (by name), merges them and sets
    // info.version to the program's version. NotFound for a file that cannot be read,
    // InvalidArgument for one that is no JSON object or does not merge.
    static Result<QJsonObject> load(const QString &dir);
    // A route pattern ("/api/cs/sessions/:id") as an OpenAPI path template ("/api/cs/sessions/{id}").
    static QString pathTemplate(const QString &routePattern);
    // GET ServedPath answers `document`, serialized once, without credentials.
    static void install(http::HttpServer &server, const QJsonObject &document);
};

} // namespace tierdesk::api
