#pragma once

#include "core/api/http/WebSocketFrameReader.h"

#include <QBasicTimer>
#include <QHostAddress>
#include <QObject>
#include <QWebSocketProtocol>

QT_BEGIN_NAMESPACE
class QTcpSocket;
QT_END_NAMESPACE

namespace tierdesk::http {

// The server side of one WebSocket connection (RFC 6455) whose upgrade HttpServer accepted:
// reads frames through WebSocketFrameReader (failing the connection with 1002, 1007 or 1009 on
// a bad one, e.g. an unmasked frame), answers pings, runs the closing handshake and drops a
// client that leaves more than maxUnsentBytes unread. Names follow QWebSocket's. Lives on the
// thread of its HttpServer.
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

    void sendTextMessage(const QString &message);
    void sendBinaryMessage(const QByteArray &data);
    // Starts the closing handshake; disconnected() follows when the client answers, or after
    // a few seconds when it does not.
    void close(
        QWebSocketProtocol::CloseCode code = QWebSocketProtocol::CloseCodeNormal, const QString &reason = QString());
    void abort();

    bool isOpen() const; // connected and not closing
    QHostAddress peerAddress() const;
    void setMaxAllowedIncomingMessageSize(qint64 bytes);
    qint64 bytesToWrite() const;

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
    void sendClose(quint16 code, const QString &reason);
    void finish(quint16 code, const QString &reason);

    QTcpSocket *m_socket;
    WebSocketFrameReader m_reader;
    QByteArray m_readBuffer;
    QByteArray m_frameHead;
    qint64 m_maxUnsentBytes;
    bool m_closeSent = false;
    bool m_inputDone = false; // after a close frame or a protocol error: input is discarded
    bool m_dropping = false; // over the unsent limit: aborting
    bool m_gone = false;
    QBasicTimer m_closeTimer;
};

} // namespace tierdesk::http
