#pragma once

// Internal: what every connection of one HttpServer shares — limits, routes, error
// formats, WebSocket routes and hooks. Lives as long as the server.

#include "core/api/http/HttpResponder.h"
#include "core/api/http/Router.h"
#include "core/api/http/TrustedProxies.h"

#include <QHash>
#include <QHostAddress>

#include <functional>
#include <optional>
#include <vector>

QT_BEGIN_NAMESPACE
class QTcpSocket;
QT_END_NAMESPACE

namespace tierdesk::http {
class HttpConnection;
class WebSocket;
} // namespace tierdesk::http

namespace tierdesk::http::detail {

class ServerCore {
public:
    using ErrorFormatter = std::function<HttpResponse(int status, const QString &message, const QString &path)>;
    using AccessLog = std::function<void(const HttpRequest &, int status, qint64 micros)>;
    using UpgradeAccept = std::function<std::optional<HttpResponse>(const HttpRequest &)>;
    using UpgradeConnected = std::function<void(WebSocket *, const HttpRequest &)>;

    struct WebSocketRoute {
        QString prefix;
        UpgradeAccept accept;
        UpgradeConnected onConnected;
    };

    explicit ServerCore(const HttpLimits &l) : limits(l) { }

    HttpLimits limits;
    TrustedProxies trustedProxies; // peers whose forwarding headers name the client
    Router router;
    AccessLog accessLog;
    std::vector<WebSocketRoute> webSocketRoutes;
    // Set by HttpServer: takes an accepted upgrade's socket, the handshake reply queued.
    std::function<void(QTcpSocket *, const HttpRequest &, int route)> handOver;
    int connections = 0; // counted connections (not those being refused)
    QHash<QHostAddress, int> perClient; // counted connections by clientKey()
    HttpConnection *idleHead = nullptr; // idle connections, least recently active first
    HttpConnection *idleTail = nullptr;
    qint64 peakUnsentBytes = 0; // most output one connection has held unsent (test hook)

    // The address a client is counted under: IPv4 as is (also when IPv4-mapped), IPv6 by /64,
    // the block one subscriber usually gets.
    static QHostAddress clientKey(const QHostAddress &peer);

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
