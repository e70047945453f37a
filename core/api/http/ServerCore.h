#pragma once

// Internal: what every connection of one HttpServer shares — limits, routes, error
// formats, WebSocket routes and hooks. Lives as long as the server.

#include "core/api/http/HttpResponder.h"
#include "core/api/http/Router.h"

#include <functional>
#include <optional>
#include <vector>

QT_BEGIN_NAMESPACE
class QTcpSocket;
class QWebSocket;
QT_END_NAMESPACE

namespace tierdesk::http::detail {

class ServerCore
{
public:
    using ErrorFormatter = std::function<HttpResponse(int status, const QString &message, const QString &path)>;
    using AccessLog = std::function<void(const HttpRequest &, int status, qint64 micros)>;
    using UpgradeAccept = std::function<std::optional<HttpResponse>(const HttpRequest &)>;
    using UpgradeConnected = std::function<void(QWebSocket *, const HttpRequest &)>;

    struct WebSocketRoute
    {
        QString prefix;
        UpgradeAccept accept;
        UpgradeConnected onConnected;
    };

    explicit ServerCore(const HttpLimits &l) : limits(l) {}

    HttpLimits limits;
    Router router;
    AccessLog accessLog;
    std::vector<WebSocketRoute> webSocketRoutes;
    // Set by HttpServer: takes an accepted upgrade's socket, head bytes still unread.
    std::function<void(QTcpSocket *, const HttpRequest &, int route)> handOver;
    int connections = 0;

    void setErrorFormatter(const QString &prefix, ErrorFormatter f);
    HttpResponse errorResponse(int status, const QString &message, const QString &path) const;
    int webSocketRouteFor(const QString &path) const; // -1 when none

    // Routes one request: handler, 404, 405 (+Allow), OPTIONS 204, 500 if the handler throws.
    void dispatch(HttpRequest &request, const HttpResponder &responder) const;

private:
    std::vector<std::pair<QString, ErrorFormatter>> m_formatters; // longest prefix first
};

HttpResponse defaultErrorResponse(int status, const QString &message);

} // namespace tierdesk::http::detail
