#include "core/api/socketio/EngineIoSession.h"

#include "core/api/http/WebSocket.h"
#include "core/api/socketio/EngineIoServer.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>

namespace tierdesk::socketio {

namespace {
const QString kProbe = QStringLiteral("probe");
}

EngineIoSession::EngineIoSession(
    const QString &id, const SocketIoOptions &options, const http::HttpRequest &handshake, QObject *parent)
    : QObject(parent), m_id(id), m_options(options), m_handshake(handshake)
{
    m_handshake.body.clear();
    m_pingTimer.setSingleShot(true);
    m_pongTimer.setSingleShot(true);
    m_upgradeTimer.setSingleShot(true);
    connect(&m_pingTimer, &QTimer::timeout, this, &EngineIoSession::sendPing);
    connect(&m_pongTimer, &QTimer::timeout, this, [this] { finish(QStringLiteral("ping timeout"), false); });
    connect(&m_upgradeTimer, &QTimer::timeout, this, &EngineIoSession::dropProbe);
    m_pingTimer.start(m_options.pingIntervalMs);
}

// Sockets still open are children: deleted with the session, which aborts them.
EngineIoSession::~EngineIoSession() = default;

QString EngineIoSession::openPacket() const
{
    QJsonArray upgrades;
    if (m_transport == Transport::Polling)
        upgrades.append(QStringLiteral("websocket"));
    const QJsonObject open{{QStringLiteral("sid"), m_id}, {QStringLiteral("upgrades"), upgrades},
        {QStringLiteral("pingInterval"), m_options.pingIntervalMs},
        {QStringLiteral("pingTimeout"), m_options.pingTimeoutMs},
        {QStringLiteral("maxPayload"), double(m_options.maxPayloadBytes)}};
    return EngineIoPacket::encode(
        EngineIoPacket::Open, QString::fromUtf8(QJsonDocument(open).toJson(QJsonDocument::Compact)));
}

// ---- polling ----

bool EngineIoSession::poll(const http::HttpResponder &responder)
{
    if (hasWaitingPoll()) {
        finish(QStringLiteral("transport error"), false); // overlapping GETs: the waiting one gets "1"
        return false;
    }
    m_poll = responder;
    if (m_probeAnswered) {
        answerPoll(EngineIoPacket::encode(EngineIoPacket::Noop)); // paused for the upgrade
        return true;
    }
    if (!m_out.isEmpty() || !m_closingReason.isEmpty())
        flush();
    return true;
}

void EngineIoSession::receivePayload(QStringView body)
{
    for (QStringView text : EngineIoPacket::splitPayload(body)) {
        if (!m_open)
            return;
        handleText(text);
    }
}

bool EngineIoSession::hasWaitingPoll() const
{
    return m_poll.isConnected() && !m_poll.isSent();
}

void EngineIoSession::answerPoll(const QString &body)
{
    http::HttpResponse r;
    r.contentType = QByteArrayLiteral("text/plain; charset=UTF-8");
    r.body = body.toUtf8();
    r.withHeader(QByteArrayLiteral("Cache-Control"), QByteArrayLiteral("no-store"));
    m_poll.send(std::move(EngineIoServer::readableAnywhere(r)));
    m_poll = http::HttpResponder();
}

// ---- WebSocket ----

void EngineIoSession::attachWebSocket(http::WebSocket *socket)
{
    m_transport = Transport::WebSocket;
    socket->sendTextMessage(openPacket());
    useAsTransport(socket);
}

void EngineIoSession::useAsTransport(http::WebSocket *socket)
{
    m_transport = Transport::WebSocket;
    m_socket = socket;
    socket->setParent(this);
    connect(socket, &http::WebSocket::textMessageReceived, this, [this](const QString &text) { handleText(text); });
    // Binary attachments are not supported (see docs/socketio.md): treated as a malformed packet.
    connect(socket, &http::WebSocket::binaryMessageReceived, this,
        [this] { finish(QStringLiteral("parse error"), false); });
    connect(socket, &http::WebSocket::disconnected, this, [this] { finish(QStringLiteral("transport close"), true); });
    flush();
}

void EngineIoSession::probe(http::WebSocket *socket)
{
    dropProbe();
    m_probe = socket;
    socket->setParent(this);
    connect(socket, &http::WebSocket::textMessageReceived, this, &EngineIoSession::onProbeText);
    connect(socket, &http::WebSocket::binaryMessageReceived, this, &EngineIoSession::dropProbe);
    connect(socket, &http::WebSocket::disconnected, this, &EngineIoSession::dropProbe);
    m_upgradeTimer.start(m_options.upgradeTimeoutMs);
}

void EngineIoSession::onProbeText(const QString &text)
{
    const std::optional<EngineIoPacket> p = EngineIoPacket::parse(text);
    if (p && p->type == EngineIoPacket::Ping && p->data == kProbe && !m_probeAnswered) {
        m_probe->sendTextMessage(EngineIoPacket::encode(EngineIoPacket::Pong, kProbe));
        m_probeAnswered = true;
        // The client pauses polling before it sends "5": end the waiting GET so it can.
        if (hasWaitingPoll())
            answerPoll(EngineIoPacket::encode(EngineIoPacket::Noop));
    } else if (p && p->type == EngineIoPacket::Upgrade && m_probeAnswered) {
        completeUpgrade();
    } else {
        dropProbe();
    }
}

void EngineIoSession::completeUpgrade()
{
    m_upgradeTimer.stop();
    http::WebSocket *socket = m_probe;
    disconnect(socket, nullptr, this, nullptr);
    m_probe = nullptr;
    m_probeAnswered = false;
    if (hasWaitingPoll())
        answerPoll(EngineIoPacket::encode(EngineIoPacket::Noop));
    useAsTransport(socket);
}

void EngineIoSession::dropProbe()
{
    m_upgradeTimer.stop();
    m_probeAnswered = false;
    if (m_probe) {
        disconnect(m_probe, nullptr, this, nullptr);
        release(m_probe);
        m_probe = nullptr;
    }
    if (m_open && m_transport == Transport::Polling && !m_out.isEmpty())
        scheduleFlush(); // polling resumes
}

// Closes a socket no longer used and deletes it once the closing handshake is over. It moves
// to the session's owner (the server), so it is deleted with the server at the latest.
void EngineIoSession::release(http::WebSocket *socket)
{
    if (!socket)
        return;
    socket->setParent(parent());
    if (socket->isOpen()) {
        connect(socket, &http::WebSocket::disconnected, socket, &QObject::deleteLater);
        socket->close();
    } else {
        socket->deleteLater();
    }
}

// ---- packets ----

void EngineIoSession::handleText(QStringView text)
{
    const std::optional<EngineIoPacket> p = EngineIoPacket::parse(text);
    if (!p) {
        finish(QStringLiteral("parse error"), false);
        return;
    }
    handlePacket(*p);
}

void EngineIoSession::handlePacket(const EngineIoPacket &packet)
{
    switch (packet.type) {
    case EngineIoPacket::Close:
        finish(QStringLiteral("transport close"), true);
        break;
    case EngineIoPacket::Pong:
        if (m_closingReason.isEmpty()) {
            m_pongTimer.stop();
            m_pingTimer.start(m_options.pingIntervalMs);
        }
        break;
    case EngineIoPacket::Message:
        if (m_closingReason.isEmpty()) // closing (e.g. after a malformed Socket.IO packet): no more input
            emit messageReceived(packet.data);
        break;
    case EngineIoPacket::Open:
    case EngineIoPacket::Ping: // v4 clients do not ping outside the upgrade probe
    case EngineIoPacket::Upgrade: // only meaningful on a probe
    case EngineIoPacket::Noop:
        break;
    }
}

void EngineIoSession::sendPing()
{
    queue(EngineIoPacket::encode(EngineIoPacket::Ping));
    m_pongTimer.start(m_options.pingTimeoutMs);
}

void EngineIoSession::sendMessage(const QString &data)
{
    queue(EngineIoPacket::encode(EngineIoPacket::Message, data));
}

void EngineIoSession::queue(const QString &packet)
{
    if (!m_open || !m_closingReason.isEmpty())
        return;
    if (m_out.size() >= m_options.maxBufferedPackets) {
        finish(QStringLiteral("transport error"), false); // the client does not fetch what it is sent
        return;
    }
    m_out.append(packet);
    scheduleFlush();
}

// Packets emitted in one turn of the event loop leave together (one poll answer).
void EngineIoSession::scheduleFlush()
{
    if (m_flushScheduled)
        return;
    m_flushScheduled = true;
    QMetaObject::invokeMethod(
        this,
        [this] {
            m_flushScheduled = false;
            flush();
        },
        Qt::QueuedConnection);
}

void EngineIoSession::flush()
{
    if (!m_open)
        return;
    if (m_transport == Transport::WebSocket) {
        if (!m_socket)
            return;
        for (const QString &packet : std::as_const(m_out))
            m_socket->sendTextMessage(packet);
        m_out.clear();
        if (!m_closingReason.isEmpty())
            finish(m_closingReason, false);
        return;
    }
    if (m_probeAnswered || !hasWaitingPoll())
        return;
    if (!m_out.isEmpty()) {
        const qsizetype n = qMin<qsizetype>(m_out.size(), m_options.maxPacketsPerPoll);
        answerPoll(EngineIoPacket::joinPayload(m_out.mid(0, n)));
        m_out.remove(0, n);
        if (!m_out.isEmpty() || !m_closingReason.isEmpty())
            scheduleFlush(); // for the next GET
        return;
    }
    // The close packet goes alone, in the GET after the last packets: socket.io-client handles
    // a message a tick later, so a close in the same payload would overtake it (e.g. a DISCONNECT).
    if (!m_closingReason.isEmpty()) {
        answerPoll(EngineIoPacket::encode(EngineIoPacket::Close));
        finish(m_closingReason, false);
    }
}

// ---- closing ----

void EngineIoSession::close(const QString &reason)
{
    if (!m_open || !m_closingReason.isEmpty())
        return;
    m_closingReason = reason.isEmpty() ? QStringLiteral("forced close") : reason;
    m_pingTimer.stop();
    // A polling client that never fetches the close packet is dropped as a missing pong would be.
    m_pongTimer.start(m_options.pingTimeoutMs);
    flush();
}

void EngineIoSession::finish(const QString &reason, bool byClient)
{
    if (!m_open)
        return;
    m_open = false;
    m_pingTimer.stop();
    m_pongTimer.stop();
    m_upgradeTimer.stop();
    if (hasWaitingPoll()) {
        // A client that closed gets its GET ended quietly; otherwise it learns of the close.
        answerPoll(EngineIoPacket::encode(byClient ? EngineIoPacket::Noop : EngineIoPacket::Close));
    }
    m_out.clear();
    if (m_socket) {
        disconnect(m_socket, nullptr, this, nullptr);
        release(m_socket);
        m_socket = nullptr;
    }
    if (m_probe) {
        disconnect(m_probe, nullptr, this, nullptr);
        release(m_probe);
        m_probe = nullptr;
    }
    emit closed(reason);
}

} // namespace tierdesk::socketio
