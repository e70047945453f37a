#pragma once

#include "core/api/http/HttpResponder.h"
#include "core/api/http/HttpTypes.h"
#include "core/api/socketio/EngineIoPacket.h"
#include "core/api/socketio/SocketIoOptions.h"

#include <QObject>
#include <QPointer>
#include <QTimer>

namespace tierdesk::http {
class WebSocket;
}

namespace tierdesk::socketio {

// One Engine.IO v4 session: its transport (HTTP long-polling, or a WebSocket from the start
// or after an upgrade), the packets queued for the client, the heartbeat (the server pings,
// the client answers with a pong within pingTimeout) and the upgrade from polling to WebSocket
// (probe "2probe" -> "3probe", the waiting GET ends with a noop, then "5" switches). Owned by
// EngineIoServer; emits closed() once, then is deleted later. Lives on the server's thread.
class EngineIoSession : public QObject {
    Q_OBJECT
public:
    enum class Transport { Polling, WebSocket };

    EngineIoSession(const QString &id, const SocketIoOptions &options, const http::HttpRequest &handshake,
        QObject *parent = nullptr);
    ~EngineIoSession() override;

    const QString &id() const { return m_id; }
    // The request that opened the session (without its body): peer address, headers, query.
    const http::HttpRequest &handshake() const { return m_handshake; }
    Transport transport() const { return m_transport; }
    bool isUpgrading() const { return !m_probe.isNull(); }
    bool isOpen() const { return m_open; }
    bool isPollWaiting() const { return hasWaitingPoll(); } // a long-polling GET is held

    // "0{"sid":...,"upgrades":[...],"pingInterval":...,"pingTimeout":...,"maxPayload":...}"
    QString openPacket() const;

    // Long-polling: keeps the GET until there is something to send. False when another GET
    // is already waiting: that one gets a close packet and the session closes (as socket.io).
    bool poll(const http::HttpResponder &responder);
    // A POST body: packets separated by 0x1e. A malformed packet closes the session.
    void receivePayload(QStringView body);

    // A session opened over WebSocket: the open packet goes out on it. Takes ownership.
    void attachWebSocket(http::WebSocket *socket);
    // A WebSocket that wants to take over this polling session. Takes ownership.
    void probe(http::WebSocket *socket);

    void sendMessage(const QString &data);
    // Sends what is queued, then a close packet (polling) or closes the WebSocket.
    void close(const QString &reason);

signals:
    void messageReceived(const QString &data);
    void closed(const QString &reason);

private:
    void handleText(QStringView text);
    void handlePacket(const EngineIoPacket &packet);
    void onProbeText(const QString &text);
    void completeUpgrade();
    void dropProbe();
    void useAsTransport(http::WebSocket *socket);
    void sendPing();
    void queue(const QString &packet);
    void scheduleFlush();
    void flush();
    bool hasWaitingPoll() const;
    void answerPoll(const QString &body);
    void finish(const QString &reason, bool byClient);
    void release(http::WebSocket *socket);

    QString m_id;
    SocketIoOptions m_options;
    http::HttpRequest m_handshake;
    Transport m_transport = Transport::Polling;
    bool m_open = true;
    QString m_closingReason; // set by close() while a polling client has yet to fetch the close
    http::HttpResponder m_poll;
    QPointer<http::WebSocket> m_socket;
    QPointer<http::WebSocket> m_probe;
    bool m_probeAnswered = false; // "3probe" sent; polling is paused until "5"
    QList<QString> m_out;
    bool m_flushScheduled = false;
    QTimer m_pingTimer;
    QTimer m_pongTimer;
    QTimer m_upgradeTimer;
};

} // namespace tierdesk::socketio
