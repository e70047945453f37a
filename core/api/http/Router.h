#pragma once

#include "core/api/http/HttpTypes.h"

#include <QStringView>

#include <functional>
#include <memory>
#include <vector>

namespace tierdesk::http {

class HttpResponder;
using Handler = std::function<void(const HttpRequest &, const HttpResponder &)>;

// Routes by path segments in a small trie: no regular expressions, no
// allocation on lookup unless a ":name" segment is captured.
class Router {
public:
    struct Match {
        enum Kind { Found, NotFound, MethodNotAllowed };
        Kind kind = NotFound;
        const Handler *handler = nullptr;
        QHash<QString, QString> params;
        QByteArray allow; // "GET, HEAD, OPTIONS" for the matched path (Found and MethodNotAllowed)
    };

    Router();
    ~Router();
    Router(const Router &) = delete;
    Router &operator=(const Router &) = delete;

    // pattern "/api/cs/sessions/:id/messages": exact segments, ":name" captures one segment.
    // Registering the same method and pattern twice replaces the handler.
    void route(const QByteArray &method, const QString &pattern, Handler h);

    // HEAD falls back to the GET handler when no HEAD route exists.
    Match match(const QByteArray &method, QStringView path) const;

    // What route() registered, once per method and path shape (a later registration replaces
    // an earlier one): the method upper-cased, the pattern as "/a/:name/b" (empty segments
    // dropped, as routed). The implied HEAD and OPTIONS answers are not in it. Sorted by
    // pattern, then method. The OpenAPI document is checked against this list.
    struct Route {
        QByteArray method;
        QString pattern;
    };
    std::vector<Route> routes() const;

private:
    struct Node;
    std::unique_ptr<Node> m_root;
};

} // namespace tierdesk::http
