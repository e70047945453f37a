#pragma once

#include "core/api/http/HttpResponder.h"
#include "core/api/http/HttpTypes.h"
#include "core/api/socketio/SocketIoOptions.h"

#include <QHash>
#include <QHostAddress>
#include <QObject>

#include <optional>

namespace tierdesk::http {
class HttpServer;
class WebSocket;
} // namespace tierdesk::http

namespace tierdesk::socketio {

class EngineIoSession;

// The Engine.IO v4 endpoint on an HttpServer: GET (handshake, long-polling) and POST (client
// packets) on the path, WebSocket upgrades under it (a new session, or the upgrade of a polling
// one). Refuses what socket.io refuses with its own body, {"code":N,"message":"..."}:
// 400 code 0 "Transport unknown", 1 "Session ID unknown", 2 "Bad handshake method",
// 3 "Bad request", 5 "Unsupported protocol version"; 403 code 4 "Forbidden" (session limits).
class EngineIoServer : public QObject {
    Q_OBJECT
public:
    enum ErrorCode {
        TransportUnknown = 0,
        UnknownSid = 1,
        BadHandshakeMethod = 2,
        BadRequest = 3,
        Forbidden = 4,
        UnsupportedProtocolVersion = 5
    };

    explicit EngineIoServer(const SocketIoOptions &options = {}, QObject *parent = nullptr);
    ~EngineIoServer() override;

    // path: "/socket.io" (clients ask for "/socket.io/?EIO=4&transport=...").
    void install(http::HttpServer &server, const QString &path);

    EngineIoSession *session(const QString &id) const;
    int sessionCount() const { return int(m_sessions.size()); }
    const SocketIoOptions &options() const { return m_options; }

    // 128 random bits in base64url (22 characters): session and client ids.
    static QString randomId();
    static http::HttpResponse errorResponse(ErrorCode code, const QString &message = QString(), int status = 0);
    // Every polling answer may be read by a page of any origin (a company's site with the chat on
    // it): the credentials go in the Socket.IO handshake's auth payload, never in cookies, so CORS
    // protects nothing here, as the chat API's own Access-Control-Allow-Origin: * (docs/socketio.md).
    static http::HttpResponse &readableAnywhere(http::HttpResponse &response);

signals:
    // A new session, before its open packet leaves: connect to its signals here.
    void sessionOpened(tierdesk::socketio::EngineIoSession *session);

private:
    void handleGet(const http::HttpRequest &request, const http::HttpResponder &responder);
    void handlePost(const http::HttpRequest &request, const http::HttpResponder &responder);
    std::optional<http::HttpResponse> check(const http::HttpRequest &request, bool upgrade) const;
    std::optional<http::HttpResponse> checkCapacity(const QHostAddress &peer) const;
    void onWebSocket(http::WebSocket *socket, const http::HttpRequest &request);
    EngineIoSession *openSession(const http::HttpRequest &request);
    void onSessionClosed(EngineIoSession *session);

    SocketIoOptions m_options;
    QHash<QString, EngineIoSession *> m_sessions;
    QHash<QHostAddress, int> m_perAddress;
};

} // namespace tierdesk::socketio
