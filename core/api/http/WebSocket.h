#pragma once

#include "core/api/http/WebSocketFrameReader.h"

#include <QBasicTimer>
#include <QHostAddress>
#include <QObject>
#include <QWebSocketProtocol>

#include <deque>

QT_BEGIN_NAMESPACE
class QTcpSocket;
QT_END_NAMESPACE

namespace tierdesk::http {

// The server side of one WebSocket connection (RFC 6455) whose upgrade HttpServer accepted:
// reads frames through WebSocketFrameReader (failing the connection with 1002, 1007 or 1009 on
// a bad one, e.g. an unmasked frame), answers pings, runs the closing handshake and drops a
// client that leaves more than maxUnsentBytes unread. Names follow QWebSocket's. Lives on the
// thread of its HttpServer.
//
// Output waits in a queue of whole frames, each a QByteArray that may be shared with other
// connections (sendFrame: a frame encoded once for many subscribers is held once, however
// many of them are behind); only about kSocketWindowBytes of it are copied into the TCP
// socket's own buffer at a time, refilled as the kernel takes them.
class WebSocket : public QObject {
    Q_OBJECT
public:
    // Takes ownership of socket, whose 101 reply is already queued.
    WebSocket(QTcpSocket *socket, qint64 maxIncomingMessageBytes, qint64 maxUnsentBytes, QObject *parent = nullptr);
    ~WebSocket() override; // aborts the connection if it is still open

    // Sec-WebSocket-Key: 16 bytes in base64.
    static bool isValidKey(const QByteArray &key);
    // The 101 reply to a handshake with this key.
    static QByteArray handshakeResponse(const QByteArray &key);

    // Bytes of output copied into the socket's buffer at most; the rest waits, shared, in the queue.
    static constexpr qint64 kSocketWindowBytes = 64 * 1024;

    void sendTextMessage(const QString &message);
    void sendBinaryMessage(const QByteArray &data);
    // A whole text frame for `utf8`, to hand to sendFrame() of every connection that gets it.
    static QByteArray textFrame(const QByteArray &utf8);
    // Queues a frame made by textFrame(), sharing its bytes (implicitly shared QByteArray).
    void sendFrame(const QByteArray &frame);
    // Starts the closing handshake; disconnected() follows when the client answers, or after
    // a few seconds when it does not.
    void close(
        QWebSocketProtocol::CloseCode code = QWebSocketProtocol::CloseCodeNormal, const QString &reason = QString());
    void abort();

    bool isOpen() const; // connected and not closing
    // The client: the connection's peer, or the client a trusted proxy named in the upgrade
    // request (HttpRequest::peerAddress).
    QHostAddress peerAddress() const;
    void setClientAddress(const QHostAddress &client) { m_client = client; }
    void setMaxAllowedIncomingMessageSize(qint64 bytes);
    // Output not yet handed to the kernel: the queue and the socket's buffer.
    qint64 bytesToWrite() const;
    // The frames waiting in the queue, oldest first (tests: whether they share their bytes).
    QList<QByteArray> queuedFrames() const { return QList<QByteArray>(m_queue.cbegin(), m_queue.cend()); }
    // Dropped for leaving more than maxUnsentBytes unread.
    bool droppedAsSlowReader() const { return m_dropping; }

signals:
    void textMessageReceived(const QString &message);
    void binaryMessageReceived(const QByteArray &message);
    void disconnected();

protected:
    void timerEvent(QTimerEvent *event) override;

private:
    void onReadyRead();
    bool handleEvent();
    void onDisconnected();
    void writeFrame(int opcode, const char *data, qint64 size);
    void enqueue(const QByteArray &frame);
    // Copies queued frames into the socket while its buffer holds less than the window
    // (everything, with `all`: before the socket is closed).
    void pump(bool all = false);
    void sendClose(quint16 code, const QString &reason);
    void finish(quint16 code, const QString &reason);

    QTcpSocket *m_socket;
    QHostAddress m_client; // set at the upgrade: the client, behind a trusted proxy too
    WebSocketFrameReader m_reader;
    QByteArray m_readBuffer;
    std::deque<QByteArray> m_queue;
    qint64 m_queuedBytes = 0;
    qint64 m_maxUnsentBytes;
    bool m_closeSent = false;
    bool m_inputDone = false; // after a close frame or a protocol error: input is discarded
    bool m_dropping = false; // over the unsent limit: aborting
    bool m_gone = false;
    QBasicTimer m_closeTimer;
};

} // namespace tierdesk::http
