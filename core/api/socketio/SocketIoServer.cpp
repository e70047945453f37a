#include "core/api/socketio/SocketIoServer.h"

#include "core/api/socketio/EngineIoServer.h"
#include "core/api/socketio/EngineIoSession.h"
#include "core/api/socketio/SocketIoPacket.h"

#include <QPointer>
#include <QTimer>

#include <memory>

namespace tierdesk::socketio {

namespace {

const QString kMainNamespace = QStringLiteral("/");
const QString kParseError = QStringLiteral("parse error");

SocketIoPacket packet(SocketIoPacket::Type type, const QJsonValue &data = QJsonValue::Undefined)
{
    SocketIoPacket p;
    p.type = type;
    p.data = data;
    return p;
}

SocketIoPacket eventPacket(const QString &event, const QJsonArray &args)
{
    QJsonArray data{event};
    for (const QJsonValue &v : args)
        data.append(v);
    return packet(SocketIoPacket::Event, data);
}

} // namespace

SocketIoServer::SocketIoServer(const SocketIoOptions &options, QObject *parent)
    : QObject(parent), m_engine(new EngineIoServer(options, this))
{
    connect(m_engine, &EngineIoServer::sessionOpened, this, &SocketIoServer::onSessionOpened);
}

SocketIoServer::~SocketIoServer() = default;

void SocketIoServer::install(http::HttpServer &server, const QString &path)
{
    m_engine->install(server, path);
}

void SocketIoServer::setAcceptHandler(Accept accept)
{
    m_accept = std::move(accept);
}

void SocketIoServer::setEventHandler(EventHandler handler)
{
    m_onEvent = std::move(handler);
}

void SocketIoServer::onSessionOpened(EngineIoSession *session)
{
    connect(session, &EngineIoSession::messageReceived, this,
        [this, session](const QString &text) { onMessage(session, text); });
    connect(session, &EngineIoSession::closed, this, [this, session](const QString &reason) {
        const QString client = m_bySession.value(session);
        if (!client.isEmpty())
            drop(client, reason);
    });
    // A session that never joins "/" holds a slot for nothing.
    // (A timer owned by the session, not QTimer::singleShot, whose timer object outlives it.)
    auto *connectTimer = new QTimer(session);
    connectTimer->setSingleShot(true);
    connect(connectTimer, &QTimer::timeout, this, [this, session] {
        if (!m_bySession.contains(session))
            session->close(QStringLiteral("connect timeout"));
    });
    connectTimer->start(m_engine->options().connectTimeoutMs);
}

void SocketIoServer::onMessage(EngineIoSession *session, const QString &text)
{
    const std::optional<SocketIoPacket> p = SocketIoPacket::parse(text);
    if (!p || p->type == SocketIoPacket::BinaryEvent || p->type == SocketIoPacket::BinaryAck) {
        session->close(kParseError);
        return;
    }
    if (p->type == SocketIoPacket::Connect) {
        onConnect(session, *p);
        return;
    }
    const QString client = m_bySession.value(session);
    if (client.isEmpty() || p->nsp != kMainNamespace || p->type == SocketIoPacket::ConnectError) {
        session->close(kParseError); // a packet for a namespace it has not joined, as socket.io
        return;
    }
    switch (p->type) {
    case SocketIoPacket::Event:
        onEvent(client, *p);
        break;
    case SocketIoPacket::Disconnect:
        drop(client, QStringLiteral("client namespace disconnect"));
        break;
    default: // ACK: the server never asks the client for one
        break;
    }
}

void SocketIoServer::onConnect(EngineIoSession *session, const SocketIoPacket &p)
{
    if (p.nsp != kMainNamespace) {
        SocketIoPacket refusal = packet(SocketIoPacket::ConnectError,
            QJsonObject{{QStringLiteral("message"), QStringLiteral("Invalid namespace")}});
        refusal.nsp = p.nsp;
        send(session, refusal);
        return;
    }
    if (m_bySession.contains(session))
        return; // already connected to "/"
    const http::HttpRequest &handshake = session->handshake();
    ConnectRequest request{p.data.toObject(), handshake.peerAddress, handshake.headers, handshake.query};
    if (m_accept) {
        if (const std::optional<QString> refusal = m_accept(request)) {
            send(session, packet(SocketIoPacket::ConnectError, QJsonObject{{QStringLiteral("message"), *refusal}}));
            return;
        }
    }
    QString id = EngineIoServer::randomId();
    while (m_clients.contains(id))
        id = EngineIoServer::randomId();
    m_clients.insert(id, Client{session, request, {id}});
    m_rooms[id].insert(id);
    m_bySession.insert(session, id);
    send(session, packet(SocketIoPacket::Connect, QJsonObject{{QStringLiteral("sid"), id}}));
    emit clientConnected(id);
}

void SocketIoServer::onEvent(const QString &client, const SocketIoPacket &p)
{
    QJsonArray args = p.data.toArray();
    const QJsonValue name = args.takeAt(0);
    const QString event = name.isString() ? name.toString() : QString::number(name.toDouble());
    Ack ack;
    if (p.id >= 0) {
        QPointer<SocketIoServer> self(this);
        auto answered = std::make_shared<bool>(false);
        EngineIoSession *session = m_clients.value(client).session;
        ack = [self, client, session, id = p.id, answered](const QJsonArray &reply) {
            if (!self || *answered || self->m_clients.value(client).session != session)
                return;
            *answered = true;
            SocketIoPacket a = packet(SocketIoPacket::Ack, reply);
            a.id = id;
            self->send(session, a);
        };
    }
    if (m_onEvent)
        m_onEvent(client, event, args, ack);
}

void SocketIoServer::send(EngineIoSession *session, const SocketIoPacket &p)
{
    session->sendMessage(p.encode());
}

bool SocketIoServer::emitTo(const QString &client, const QString &event, const QJsonArray &args)
{
    const auto it = m_clients.constFind(client);
    if (it == m_clients.cend())
        return false;
    send(it->session, eventPacket(event, args));
    return true;
}

int SocketIoServer::emitToRoom(const QString &room, const QString &event, const QJsonArray &args, const QString &except)
{
    // A copy: a client whose queue overflows is dropped (and leaves the room) while we send.
    const QSet<QString> members = m_rooms.value(room);
    const QString text = eventPacket(event, args).encode(); // encoded once for the whole room
    int reached = 0;
    for (const QString &client : members) {
        const auto it = m_clients.constFind(client);
        if (client == except || it == m_clients.cend())
            continue;
        it->session->sendMessage(text);
        ++reached;
    }
    return reached;
}

bool SocketIoServer::join(const QString &client, const QString &room)
{
    const auto it = m_clients.find(client);
    if (it == m_clients.end())
        return false;
    it->rooms.insert(room);
    m_rooms[room].insert(client);
    return true;
}

void SocketIoServer::leave(const QString &client, const QString &room)
{
    const auto it = m_clients.find(client);
    if (it == m_clients.end())
        return;
    it->rooms.remove(room);
    auto members = m_rooms.find(room);
    if (members != m_rooms.end()) {
        members->remove(client);
        if (members->isEmpty())
            m_rooms.erase(members);
    }
}

QSet<QString> SocketIoServer::rooms(const QString &client) const
{
    return m_clients.value(client).rooms;
}

QStringList SocketIoServer::clientsInRoom(const QString &room) const
{
    const QSet<QString> members = m_rooms.value(room);
    return QStringList(members.cbegin(), members.cend());
}

bool SocketIoServer::isConnected(const QString &client) const
{
    return m_clients.contains(client);
}

const ConnectRequest *SocketIoServer::connectRequest(const QString &client) const
{
    const auto it = m_clients.constFind(client);
    return it == m_clients.cend() ? nullptr : &it->request;
}

void SocketIoServer::disconnectClient(const QString &client)
{
    const auto it = m_clients.constFind(client);
    if (it == m_clients.cend())
        return;
    EngineIoSession *session = it->session;
    const QString reason = QStringLiteral("server namespace disconnect");
    send(session, packet(SocketIoPacket::Disconnect));
    drop(client, reason);
    session->close(reason);
}

void SocketIoServer::drop(const QString &client, const QString &reason)
{
    const auto it = m_clients.find(client);
    if (it == m_clients.end())
        return;
    for (const QString &room : std::as_const(it->rooms)) {
        auto members = m_rooms.find(room);
        if (members != m_rooms.end()) {
            members->remove(client);
            if (members->isEmpty())
                m_rooms.erase(members);
        }
    }
    m_bySession.remove(it->session);
    m_clients.erase(it);
    emit clientDisconnected(client, reason);
}

} // namespace tierdesk::socketio
