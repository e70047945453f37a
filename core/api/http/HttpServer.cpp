#include "core/api/http/HttpServer.h"

#include "core/api/http/HttpConnection.h"
#include "core/api/http/ServerCore.h"
#include "core/api/http/WebSocket.h"

#include <QTcpServer>
#include <QTcpSocket>

#include <vector>

#include <poll.h>

namespace tierdesk::http {

HttpServer::HttpServer(HttpLimits limits, QObject *parent)
    : QObject(parent), m_core(std::make_unique<detail::ServerCore>(limits)), m_tcp(new QTcpServer(this))
{
    connect(m_tcp, &QTcpServer::newConnection, this, &HttpServer::acceptConnections);
    // A burst of connections must reach acceptConnections (and its limits) instead of waiting
    // in SYN retries behind Qt's default backlog of 50.
    m_tcp->setListenBacklogSize(qBound(50, limits.maxConnections, 4096));
    m_core->handOver
        = [this](QTcpSocket *socket, const HttpRequest &request, int route) { handOver(socket, request, route); };
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

std::vector<Router::Route> HttpServer::routes() const
{
    return m_core->router.routes();
}

QStringList HttpServer::webSocketPrefixes() const
{
    QStringList out;
    for (const auto &route : m_core->webSocketRoutes)
        out.append(route.prefix);
    return out;
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
    std::function<void(WebSocket *, const HttpRequest &)> onConnected)
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

void HttpServer::setTrustedProxies(const TrustedProxies &proxies)
{
    m_core->trustedProxies = proxies;
}

void HttpServer::setAccessLog(std::function<void(const HttpRequest &, int, qint64)> log)
{
    m_core->accessLog = std::move(log);
}

int HttpServer::connectionCount() const
{
    return m_core->connections;
}

qint64 HttpServer::peakUnsentBytes() const
{
    return m_core->peakUnsentBytes;
}

void HttpServer::acceptConnections()
{
    while (QTcpSocket *socket = m_tcp->nextPendingConnection()) {
        auto *connection = new HttpConnection(socket, *m_core, this);
        if (const Status room = makeRoomFor(*connection); room)
            connection->start();
        else
            connection->rejectBusy(room.error().message);
    }
}

// Ok when a new connection may be served, else LimitExceeded saying why.
Status HttpServer::makeRoomFor(const HttpConnection &connection)
{
    const HttpLimits &limits = m_core->limits;
    const QHostAddress &clientKey = connection.clientKey();
    // A client or proxy that reconnects at once must not be refused for connections it has
    // already closed: their close can still wait in the event queue behind this accept.
    const bool proxy = m_core->trustedProxies.trusts(connection.peer());
    if (!proxy && m_core->perClient.value(clientKey) >= limits.maxConnectionsPerAddress)
        reapClosedPeers(&clientKey);
    if (!proxy && m_core->perClient.value(clientKey) >= limits.maxConnectionsPerAddress)
        return makeError(ErrorKind::LimitExceeded, QStringLiteral("Too many connections from this address"));
    if (m_core->connections >= limits.maxConnections)
        reapClosedPeers(nullptr);
    // At the limit, the connection idle the longest makes room before anyone is refused.
    if (m_core->connections >= limits.maxConnections && m_core->idleHead)
        m_core->idleHead->shed();
    if (m_core->connections >= limits.maxConnections)
        return makeError(ErrorKind::LimitExceeded, QStringLiteral("Too many connections"));
    return Ok{};
}

// Drops the counted connections (of one client, or all) whose peer has closed or half-closed,
// asking the kernel in one poll() instead of waiting for each socket's read notification.
void HttpServer::reapClosedPeers(const QHostAddress *onlyClientKey)
{
    constexpr short kPeerGone = POLLRDHUP | POLLHUP | POLLERR;
    std::vector<HttpConnection *> candidates;
    std::vector<pollfd> fds;
    const auto connections = findChildren<HttpConnection *>(Qt::FindDirectChildrenOnly);
    for (HttpConnection *c : connections) {
        const qintptr fd = c->socketDescriptor();
        if (!c->isCounted() || fd < 0 || (onlyClientKey && c->clientKey() != *onlyClientKey))
            continue;
        candidates.push_back(c);
        fds.push_back(pollfd{int(fd), kPeerGone, 0});
    }
    if (fds.empty() || ::poll(fds.data(), nfds_t(fds.size()), 0) <= 0)
        return;
    for (size_t i = 0; i < fds.size(); ++i) {
        if (fds[i].revents & kPeerGone)
            candidates[i]->reap();
    }
}

void HttpServer::handOver(QTcpSocket *socket, const HttpRequest &request, int route)
{
    auto *ws = new WebSocket(socket, m_core->limits.maxBodyBytes, m_core->limits.maxUnsentBytes);
    ws->setClientAddress(request.peerAddress);
    const auto &routes = m_core->webSocketRoutes;
    if (route < 0 || size_t(route) >= routes.size() || !routes[size_t(route)].onConnected) {
        delete ws;
        return;
    }
    routes[size_t(route)].onConnected(ws, request);
}

} // namespace tierdesk::http
