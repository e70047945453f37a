#include "core/api/http/HttpServer.h"

#include "core/api/http/HttpConnection.h"
#include "core/api/http/ServerCore.h"

#include <QPointer>
#include <QTcpServer>
#include <QTcpSocket>
#include <QWebSocket>
#include <QWebSocketServer>

#include <algorithm>

namespace tierdesk::http {

// An upgrade handed to QWebSocketServer, waiting for its handshake to finish. The socket's
// peer address and port identify it again when the QWebSocket comes out.
struct HttpServer::PendingUpgrade
{
    QPointer<QTcpSocket> socket;
    QHostAddress address;
    quint16 port = 0;
    HttpRequest request;
    int route = -1;
};

HttpServer::HttpServer(HttpLimits limits, QObject *parent)
    : QObject(parent)
    , m_core(std::make_unique<detail::ServerCore>(limits))
    , m_tcp(new QTcpServer(this))
    , m_webSockets(new QWebSocketServer(QStringLiteral("Tierdesk"), QWebSocketServer::NonSecureMode, this))
{
    connect(m_tcp, &QTcpServer::newConnection, this, &HttpServer::acceptConnections);
    connect(m_webSockets, &QWebSocketServer::newConnection, this, &HttpServer::webSocketConnected);
    m_webSockets->setHandshakeTimeout(std::chrono::milliseconds(limits.requestTimeoutMs));
    m_core->handOver = [this](QTcpSocket *socket, const HttpRequest &request, int route) {
        handOver(socket, request, route);
    };
}

HttpServer::~HttpServer()
{
    // Connections refer to m_core: destroy them before it goes.
    const auto connections = findChildren<HttpConnection *>(Qt::FindDirectChildrenOnly);
    for (HttpConnection *c : connections)
        delete c;
}

Router &HttpServer::router()
{
    return m_core->router;
}

const HttpLimits &HttpServer::limits() const
{
    return m_core->limits;
}

bool HttpServer::listen(const QHostAddress &address, quint16 port)
{
    return m_tcp->listen(address, port);
}

quint16 HttpServer::serverPort() const
{
    return m_tcp->serverPort();
}

QString HttpServer::errorString() const
{
    return m_tcp->errorString();
}

void HttpServer::close()
{
    m_tcp->close();
    const auto connections = findChildren<HttpConnection *>(Qt::FindDirectChildrenOnly);
    for (HttpConnection *c : connections)
        c->abort();
}

void HttpServer::setErrorFormatter(const QString &pathPrefix, ErrorFormatter f)
{
    m_core->setErrorFormatter(pathPrefix, std::move(f));
}

void HttpServer::setWebSocketRoute(const QString &pathPrefix,
                                   std::function<std::optional<HttpResponse>(const HttpRequest &)> accept,
                                   std::function<void(QWebSocket *, const HttpRequest &)> onConnected)
{
    for (auto &route : m_core->webSocketRoutes) {
        if (route.prefix == pathPrefix) {
            route.accept = std::move(accept);
            route.onConnected = std::move(onConnected);
            return;
        }
    }
    m_core->webSocketRoutes.push_back({pathPrefix, std::move(accept), std::move(onConnected)});
}

void HttpServer::setAccessLog(std::function<void(const HttpRequest &, int, qint64)> log)
{
    m_core->accessLog = std::move(log);
}

int HttpServer::connectionCount() const
{
    return m_core->connections;
}

void HttpServer::acceptConnections()
{
    while (QTcpSocket *socket = m_tcp->nextPendingConnection()) {
        auto *connection = new HttpConnection(socket, *m_core, this);
        if (m_core->connections >= m_core->limits.maxConnections)
            connection->rejectBusy();
        else
            connection->start();
    }
}

void HttpServer::handOver(QTcpSocket *socket, const HttpRequest &request, int route)
{
    // Drop entries whose handshake failed (socket gone) so the list cannot grow without bound.
    m_pendingUpgrades.erase(std::remove_if(m_pendingUpgrades.begin(), m_pendingUpgrades.end(),
                                           [](const PendingUpgrade &p) { return p.socket.isNull(); }),
                            m_pendingUpgrades.end());
    socket->setParent(m_webSockets);
    m_pendingUpgrades.push_back({socket, socket->peerAddress(), socket->peerPort(), request, route});
    m_webSockets->handleConnection(socket); // reads the handshake still unread in the socket
}

void HttpServer::webSocketConnected()
{
    while (QWebSocket *ws = m_webSockets->nextPendingConnection()) {
        auto it = std::find_if(m_pendingUpgrades.begin(), m_pendingUpgrades.end(), [ws](const PendingUpgrade &p) {
            return p.port == ws->peerPort() && p.address == ws->peerAddress();
        });
        if (it == m_pendingUpgrades.end()) {
            ws->abort();
            ws->deleteLater();
            continue;
        }
        // QWebSocket keeps a raw pointer to the TCP socket without owning it: tie their lifetimes.
        if (it->socket)
            it->socket->setParent(ws);
        const PendingUpgrade pending = std::move(*it);
        m_pendingUpgrades.erase(it);
        const auto &routes = m_core->webSocketRoutes;
        if (pending.route < 0 || size_t(pending.route) >= routes.size() || !routes[size_t(pending.route)].onConnected) {
            ws->close();
            ws->deleteLater();
            continue;
        }
        routes[size_t(pending.route)].onConnected(ws, pending.request);
    }
}

} // namespace tierdesk::http
