#pragma once

#include "core/api/http/HttpResponder.h"
#include "core/api/http/HttpTypes.h"
#include "core/api/http/Router.h"
#include "core/api/http/TrustedProxies.h"
#include "core/common/Result.h"

#include <QHostAddress>
#include <QObject>

#include <functional>
#include <memory>
#include <optional>

QT_BEGIN_NAMESPACE
class QTcpServer;
class QTcpSocket;
QT_END_NAMESPACE

namespace tierdesk::http {

class HttpConnection;
class WebSocket;

namespace detail {
class ServerCore;
}

// HTTP/1.1 server on QTcpServer + http_parser, with the limits, timeouts, ordering and
// error handling Qt's QHttpServer 6.4 lacks. Everything runs on the thread that owns it.
class HttpServer : public QObject {
    Q_OBJECT
public:
    explicit HttpServer(HttpLimits limits = {}, QObject *parent = nullptr);
    ~HttpServer() override;

    Router &router();
    // Read-only views of what is served: the routes (Router::routes()) and the path
    // prefixes of the WebSocket routes, in registration order.
    std::vector<Router::Route> routes() const;
    QStringList webSocketPrefixes() const;
    const HttpLimits &limits() const;

    bool listen(const QHostAddress &address, quint16 port); // port 0 = any free port
    quint16 serverPort() const;
    QString errorString() const;
    void close(); // stops listening and drops every open connection

    // Body of errors the server produces itself (400, 404, 405, 408, 413, 414, 426, 431, 500,
    // 503, 505).
    // The longest matching path prefix wins, matched by whole segments ("/chat" is not a prefix
    // of "/chatbot"); "" is the default. The status is always kept.
    using ErrorFormatter = std::function<HttpResponse(int status, const QString &message, const QString &path)>;
    void setErrorFormatter(const QString &pathPrefix, ErrorFormatter f);

    // A GET with "Upgrade: websocket" on a path starting with pathPrefix. A handshake without
    // Sec-WebSocket-Version 13 gets 426, one without a valid key 400 (error bodies as above).
    // Then accept() returns std::nullopt to accept or a response to refuse with (the connection
    // then closes). onConnected gets the WebSocket, which has no parent: the caller owns it
    // (parent it or delete it). Also gets the parsed upgrade request.
    void setWebSocketRoute(const QString &pathPrefix,
        std::function<std::optional<HttpResponse>(const HttpRequest &)> accept,
        std::function<void(WebSocket *, const HttpRequest &)> onConnected);

    // Peers whose forwarding headers name the client (HttpRequest::peerAddress, scheme, host);
    // their connections are not held to maxConnectionsPerAddress (they carry many clients').
    void setTrustedProxies(const TrustedProxies &proxies);

    // Called once each response is queued, with the time since the request was complete.
    void setAccessLog(std::function<void(const HttpRequest &, int status, qint64 micros)> log);

    int connectionCount() const;
    // Test hook: the most reply bytes one connection has held unsent (queued in user space).
    qint64 peakUnsentBytes() const;

private:
    void acceptConnections();
    Status makeRoomFor(const HttpConnection &connection);
    void reapClosedPeers(const QHostAddress *onlyClientKey);
    void handOver(QTcpSocket *socket, const HttpRequest &request, int route);

    std::unique_ptr<detail::ServerCore> m_core;
    QTcpServer *m_tcp;
};

} // namespace tierdesk::http
