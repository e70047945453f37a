#pragma once

#include "core/api/socketio/SocketIoOptions.h"

#include <QHash>
#include <QHostAddress>
#include <QJsonArray>
#include <QJsonObject>
#include <QObject>
#include <QSet>
#include <QUrlQuery>

#include <functional>
#include <optional>

namespace tierdesk::http {
class HttpServer;
}

namespace tierdesk::socketio {

class EngineIoServer;
class EngineIoSession;
struct SocketIoPacket;

// What a client sent with its CONNECT, and the HTTP request that opened its session.
struct ConnectRequest {
    QJsonObject auth; // socket.io-client's `auth` option; {} when none
    QHostAddress peerAddress;
    QHash<QByteArray, QByteArray> headers; // lower-case names, as http::HttpRequest
    QUrlQuery query; // socket.io-client's `query` option lands here
};

// A Socket.IO v5 server (what socket.io 4.x speaks) on Tierdesk's HttpServer, for the main
// namespace "/". The application decides who may connect, handles events, answers acks, emits
// to one client or a room. Clients are named by their Socket.IO id (the "sid" of CONNECT's
// answer). Not supported, refused clearly: other namespaces (CONNECT_ERROR "Invalid
// namespace"), binary attachments (the connection closes, reason "parse error"), acks asked of
// the client (emit has no callback). Everything runs on the HttpServer's thread.
class SocketIoServer : public QObject {
    Q_OBJECT
public:
    // nullopt accepts; a message refuses (the client sees it as connect_error's err.message).
    using Accept = std::function<std::optional<QString>(const ConnectRequest &)>;
    // Answers an event the client sent with a callback; empty when it asked for none. Once.
    using Ack = std::function<void(const QJsonArray &args)>;
    using EventHandler
        = std::function<void(const QString &client, const QString &event, const QJsonArray &args, const Ack &ack)>;

    explicit SocketIoServer(const SocketIoOptions &options = {}, QObject *parent = nullptr);
    ~SocketIoServer() override;

    // Serves "path/?EIO=4&transport=polling|websocket" (socket.io-client's default path).
    void install(http::HttpServer &server, const QString &path = QStringLiteral("/socket.io"));

    void setAcceptHandler(Accept accept); // default: everyone is accepted
    void setEventHandler(EventHandler handler);

    // Named emitTo (not emit): `emit` is a Qt keyword.
    bool emitTo(const QString &client, const QString &event, const QJsonArray &args = {});
    // Every client in the room but `except`; the number reached.
    int emitToRoom(
        const QString &room, const QString &event, const QJsonArray &args = {}, const QString &except = QString());
    // Each client is in the room named by its own id, as in socket.io.
    bool join(const QString &client, const QString &room);
    void leave(const QString &client, const QString &room);
    QSet<QString> rooms(const QString &client) const;
    QStringList clientsInRoom(const QString &room) const;
    bool isConnected(const QString &client) const;
    const ConnectRequest *connectRequest(const QString &client) const;
    int clientCount() const { return int(m_clients.size()); }
    // Sends DISCONNECT (the client sees "io server disconnect") and closes its session.
    void disconnectClient(const QString &client);

    EngineIoServer &engine() { return *m_engine; }

signals:
    void clientConnected(const QString &client);
    // reason as socket.io names it: "client namespace disconnect", "server namespace
    // disconnect", "transport close", "ping timeout", "parse error", "transport error".
    void clientDisconnected(const QString &client, const QString &reason);

private:
    struct Client {
        EngineIoSession *session = nullptr;
        ConnectRequest request;
        QSet<QString> rooms;
    };

    void onSessionOpened(EngineIoSession *session);
    void onMessage(EngineIoSession *session, const QString &text);
    void onConnect(EngineIoSession *session, const SocketIoPacket &packet);
    void onEvent(const QString &client, const SocketIoPacket &packet);
    void send(EngineIoSession *session, const SocketIoPacket &packet);
    void drop(const QString &client, const QString &reason);

    EngineIoServer *m_engine;
    Accept m_accept;
    EventHandler m_onEvent;
    QHash<QString, Client> m_clients; // by Socket.IO id
    QHash<EngineIoSession *, QString> m_bySession; // connected sessions only
    QHash<QString, QSet<QString>> m_rooms;
};

} // namespace tierdesk::socketio
