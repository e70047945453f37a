#include "core/api/socketio/EngineIoServer.h"

#include "core/api/http/HttpServer.h"
#include "core/api/http/WebSocket.h"
#include "core/api/socketio/EngineIoSession.h"

#include <QJsonObject>
#include <QRandomGenerator>

namespace tierdesk::socketio {

namespace {

const QString kPolling = QStringLiteral("polling");
const QString kWebSocket = QStringLiteral("websocket");

QString defaultMessage(EngineIoServer::ErrorCode code)
{
    switch (code) {
    case EngineIoServer::TransportUnknown:
        return QStringLiteral("Transport unknown");
    case EngineIoServer::UnknownSid:
        return QStringLiteral("Session ID unknown");
    case EngineIoServer::BadHandshakeMethod:
        return QStringLiteral("Bad handshake method");
    case EngineIoServer::BadRequest:
        return QStringLiteral("Bad request");
    case EngineIoServer::Forbidden:
        return QStringLiteral("Forbidden");
    case EngineIoServer::UnsupportedProtocolVersion:
        return QStringLiteral("Unsupported protocol version");
    }
    return QStringLiteral("Bad request");
}

} // namespace

EngineIoServer::EngineIoServer(const SocketIoOptions &options, QObject *parent)
    : QObject(parent), m_options(options) { }

EngineIoServer::~EngineIoServer() = default;

QString EngineIoServer::randomId()
{
    quint32 words[4];
    QRandomGenerator::system()->fillRange(words);
    QByteArray bytes(reinterpret_cast<const char *>(words), sizeof words);
    return QString::fromLatin1(bytes.toBase64(QByteArray::Base64UrlEncoding | QByteArray::OmitTrailingEquals));
}

http::HttpResponse EngineIoServer::errorResponse(ErrorCode code, const QString &message, int status)
{
    if (status == 0)
        status = code == Forbidden ? 403 : 400;
    http::HttpResponse r = http::HttpResponse::json(status,
        QJsonObject{{QStringLiteral("code"), int(code)},
            {QStringLiteral("message"), message.isEmpty() ? defaultMessage(code) : message}});
    return readableAnywhere(r);
}

http::HttpResponse &EngineIoServer::readableAnywhere(http::HttpResponse &response)
{
    return response.withHeader(QByteArrayLiteral("Access-Control-Allow-Origin"), QByteArrayLiteral("*"));
}

void EngineIoServer::install(http::HttpServer &server, const QString &path)
{
    server.router().route(
        "GET", path, [this](const http::HttpRequest &r, const http::HttpResponder &out) { handleGet(r, out); });
    server.router().route(
        "POST", path, [this](const http::HttpRequest &r, const http::HttpResponder &out) { handlePost(r, out); });
    // Errors the HTTP server produces itself (413 beyond its body limit, 405, 408) in socket.io's shape.
    server.setErrorFormatter(path,
        [](int status, const QString &message, const QString &) { return errorResponse(BadRequest, message, status); });
    server.setWebSocketRoute(
        path, [this](const http::HttpRequest &r) { return check(r, true); },
        [this](http::WebSocket *socket, const http::HttpRequest &r) { onWebSocket(socket, r); });
}

EngineIoSession *EngineIoServer::session(const QString &id) const
{
    return m_sessions.value(id);
}

// socket.io's Server.verify: protocol version, transport, session id, handshake method.
std::optional<http::HttpResponse> EngineIoServer::check(const http::HttpRequest &request, bool upgrade) const
{
    const QString transport = request.query.queryItemValue(QStringLiteral("transport"));
    if (transport != kPolling && transport != kWebSocket)
        return errorResponse(TransportUnknown);
    if (request.query.queryItemValue(QStringLiteral("EIO")) != u"4")
        return errorResponse(UnsupportedProtocolVersion);
    if ((transport == kWebSocket) != upgrade)
        return errorResponse(BadRequest);
    const QString sid = request.query.queryItemValue(QStringLiteral("sid"));
    if (sid.isEmpty()) {
        if (request.method != "GET")
            return errorResponse(BadHandshakeMethod);
        return checkCapacity(request.peerAddress);
    }
    const EngineIoSession *s = session(sid);
    if (!s || !s->isOpen())
        return errorResponse(UnknownSid);
    // A polling request for a session on WebSocket, or a second upgrade: as socket.io, 400.
    if (s->transport() != EngineIoSession::Transport::Polling || (upgrade && s->isUpgrading()))
        return errorResponse(BadRequest);
    return std::nullopt;
}

std::optional<http::HttpResponse> EngineIoServer::checkCapacity(const QHostAddress &peer) const
{
    if (m_sessions.size() >= m_options.maxSessions)
        return errorResponse(Forbidden, QStringLiteral("Too many sessions"));
    if (m_perAddress.value(peer) >= m_options.maxSessionsPerAddress)
        return errorResponse(Forbidden, QStringLiteral("Too many sessions from this address"));
    return std::nullopt;
}

void EngineIoServer::handleGet(const http::HttpRequest &request, const http::HttpResponder &responder)
{
    if (auto refusal = check(request, false)) {
        responder.send(std::move(*refusal));
        return;
    }
    const QString sid = request.query.queryItemValue(QStringLiteral("sid"));
    if (sid.isEmpty()) {
        EngineIoSession *s = openSession(request);
        http::HttpResponse r;
        r.contentType = QByteArrayLiteral("text/plain; charset=UTF-8");
        r.body = s->openPacket().toUtf8();
        r.withHeader(QByteArrayLiteral("Cache-Control"), QByteArrayLiteral("no-store"));
        responder.send(std::move(readableAnywhere(r)));
        return;
    }
    if (request.method != "GET") { // HEAD (routed here by the Router) would swallow packets: no body
        responder.send(errorResponse(BadRequest));
        return;
    }
    if (!session(sid)->poll(responder))
        responder.send(errorResponse(BadRequest, QStringLiteral("Overlapping poll requests")));
}

void EngineIoServer::handlePost(const http::HttpRequest &request, const http::HttpResponder &responder)
{
    if (auto refusal = check(request, false)) {
        responder.send(std::move(*refusal));
        return;
    }
    if (request.body.size() > m_options.maxPayloadBytes) {
        responder.send(errorResponse(BadRequest, QStringLiteral("Payload too large"), 413));
        return;
    }
    EngineIoSession *s = session(request.query.queryItemValue(QStringLiteral("sid")));
    s->receivePayload(QString::fromUtf8(request.body));
    http::HttpResponse ok;
    ok.contentType = QByteArrayLiteral("text/html");
    ok.body = QByteArrayLiteral("ok");
    responder.send(std::move(readableAnywhere(ok)));
}

void EngineIoServer::onWebSocket(http::WebSocket *socket, const http::HttpRequest &request)
{
    socket->setMaxAllowedIncomingMessageSize(m_options.maxPayloadBytes);
    const QString sid = request.query.queryItemValue(QStringLiteral("sid"));
    if (sid.isEmpty()) {
        // Checked again: the upgrade may have waited behind earlier requests on its connection.
        if (checkCapacity(request.peerAddress)) {
            socket->close(QWebSocketProtocol::CloseCodePolicyViolated, QStringLiteral("Too many sessions"));
            connect(socket, &http::WebSocket::disconnected, socket, &QObject::deleteLater);
            return;
        }
        openSession(request)->attachWebSocket(socket);
        return;
    }
    EngineIoSession *s = session(sid);
    if (!s || !s->isOpen() || s->transport() != EngineIoSession::Transport::Polling || s->isUpgrading()) {
        socket->close(QWebSocketProtocol::CloseCodePolicyViolated, QStringLiteral("Session ID unknown"));
        connect(socket, &http::WebSocket::disconnected, socket, &QObject::deleteLater);
        return;
    }
    s->probe(socket);
}

EngineIoSession *EngineIoServer::openSession(const http::HttpRequest &request)
{
    QString id = randomId();
    while (m_sessions.contains(id))
        id = randomId();
    auto *s = new EngineIoSession(id, m_options, request, this);
    m_sessions.insert(id, s);
    ++m_perAddress[request.peerAddress];
    connect(s, &EngineIoSession::closed, this, [this, s] { onSessionClosed(s); });
    emit sessionOpened(s);
    return s;
}

void EngineIoServer::onSessionClosed(EngineIoSession *session)
{
    m_sessions.remove(session->id());
    const QHostAddress peer = session->handshake().peerAddress;
    if (--m_perAddress[peer] <= 0)
        m_perAddress.remove(peer);
    session->deleteLater();
}

} // namespace tierdesk::socketio
