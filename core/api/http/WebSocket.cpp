#include "core/api/http/WebSocket.h"

#include "core/api/http/WebSocketOpcode.h"

#include <QCryptographicHash>
#include <QPointer>
#include <QTcpSocket>
#include <QTimerEvent>

namespace tierdesk::http {

namespace {

constexpr qint64 kReadChunk = 64 * 1024;
constexpr int kCloseTimeoutMs = 3000; // how long a closing handshake may take before the socket is aborted
constexpr int kMaxCloseReasonBytes = 123; // a control frame carries at most 125 bytes, 2 of them the code

// A whole, unmasked frame's header (RFC 6455 5.2), with room reserved for its payload.
QByteArray frameHead(int opcode, qint64 size)
{
    QByteArray head;
    head.reserve(qsizetype(10 + size));
    head.append(char(0x80 | opcode));
    if (size < 126) {
        head.append(char(size));
    } else if (size <= 0xFFFF) {
        head.append(char(126)).append(char(size >> 8)).append(char(size & 0xFF));
    } else {
        head.append(char(127));
        for (int shift = 56; shift >= 0; shift -= 8)
            head.append(char((quint64(size) >> shift) & 0xFF));
    }
    return head;
}

} // namespace

WebSocket::WebSocket(QTcpSocket *socket, qint64 maxIncomingMessageBytes, qint64 maxUnsentBytes, QObject *parent)
    : QObject(parent), m_socket(socket), m_reader(maxIncomingMessageBytes), m_maxUnsentBytes(maxUnsentBytes)
{
    m_socket->setParent(this);
    connect(m_socket, &QTcpSocket::readyRead, this, &WebSocket::onReadyRead);
    connect(m_socket, &QTcpSocket::disconnected, this, &WebSocket::onDisconnected);
    connect(m_socket, &QTcpSocket::bytesWritten, this, [this] { pump(); });
    // Queued: whoever receives this object connects to its signals first.
    if (m_socket->state() != QAbstractSocket::ConnectedState)
        QMetaObject::invokeMethod(this, &WebSocket::onDisconnected, Qt::QueuedConnection);
    else if (m_socket->bytesAvailable() > 0)
        QMetaObject::invokeMethod(this, &WebSocket::onReadyRead, Qt::QueuedConnection);
}

WebSocket::~WebSocket()
{
    if (!m_gone) {
        m_gone = true; // no signals from a half-destroyed object
        disconnect(m_socket, nullptr, this, nullptr);
        m_socket->abort();
    }
}

bool WebSocket::isValidKey(const QByteArray &key)
{
    const auto decoded = QByteArray::fromBase64Encoding(key.trimmed(), QByteArray::AbortOnBase64DecodingErrors);
    return decoded.decodingStatus == QByteArray::Base64DecodingStatus::Ok && decoded.decoded.size() == 16;
}

QByteArray WebSocket::handshakeResponse(const QByteArray &key)
{
    QByteArray input = key.trimmed();
    input.append("258EAFA5-E914-47DA-95CA-C5AB0DC85B11"); // RFC 6455 4.2.2
    QByteArray reply("HTTP/1.1 101 Switching Protocols\r\nServer: Tierdesk\r\nUpgrade: websocket\r\n"
                     "Connection: Upgrade\r\nSec-WebSocket-Accept: ");
    reply.append(QCryptographicHash::hash(input, QCryptographicHash::Sha1).toBase64());
    reply.append("\r\n\r\n");
    return reply;
}

bool WebSocket::isOpen() const
{
    return !m_gone && !m_closeSent && !m_dropping && m_socket->state() == QAbstractSocket::ConnectedState;
}

QHostAddress WebSocket::peerAddress() const
{
    return m_client.isNull() ? m_socket->peerAddress() : m_client;
}

void WebSocket::setMaxAllowedIncomingMessageSize(qint64 bytes)
{
    m_reader.setMaxMessageBytes(bytes);
}

qint64 WebSocket::bytesToWrite() const
{
    return m_queuedBytes + m_socket->bytesToWrite();
}

void WebSocket::sendTextMessage(const QString &message)
{
    if (!isOpen())
        return;
    const QByteArray utf8 = message.toUtf8();
    writeFrame(TextFrame, utf8.constData(), utf8.size());
}

void WebSocket::sendBinaryMessage(const QByteArray &data)
{
    if (isOpen())
        writeFrame(BinaryFrame, data.constData(), data.size());
}

QByteArray WebSocket::textFrame(const QByteArray &utf8)
{
    return frameHead(TextFrame, utf8.size()).append(utf8);
}

void WebSocket::sendFrame(const QByteArray &frame)
{
    if (isOpen())
        enqueue(frame);
}

void WebSocket::close(QWebSocketProtocol::CloseCode code, const QString &reason)
{
    if (m_gone || m_closeSent)
        return;
    sendClose(quint16(code), reason);
    m_closeTimer.start(kCloseTimeoutMs, this); // the client's close frame ends it sooner
}

void WebSocket::abort()
{
    if (!m_gone)
        m_socket->abort(); // disconnected() follows
}

// ---- reading ----

void WebSocket::onReadyRead()
{
    QPointer<WebSocket> guard(this);
    while (!m_gone && m_socket->bytesAvailable() > 0) {
        if (m_inputDone) {
            m_socket->readAll();
            return;
        }
        m_readBuffer.resize(qsizetype(qMin(m_socket->bytesAvailable(), kReadChunk)));
        const qint64 got = m_socket->read(m_readBuffer.data(), m_readBuffer.size());
        if (got <= 0)
            return;
        qint64 pos = 0;
        while (pos < got && !m_inputDone) {
            pos += m_reader.feed(m_readBuffer.constData() + pos, got - pos);
            if (!handleEvent() || !guard)
                return;
        }
    }
}

// Acts on what the reader found; false once this object must not be touched further.
bool WebSocket::handleEvent()
{
    QPointer<WebSocket> guard(this);
    switch (m_reader.kind()) {
    case WebSocketFrameReader::Kind::NeedMore:
    case WebSocketFrameReader::Kind::Pong:
        break;
    case WebSocketFrameReader::Kind::Text:
        if (!m_closeSent)
            emit textMessageReceived(m_reader.text());
        break;
    case WebSocketFrameReader::Kind::Binary:
        if (!m_closeSent)
            emit binaryMessageReceived(m_reader.payload());
        break;
    case WebSocketFrameReader::Kind::Ping:
        if (isOpen())
            writeFrame(PongFrame, m_reader.payload().constData(), m_reader.payload().size());
        break;
    case WebSocketFrameReader::Kind::Close: {
        // Echo the client's code (none when it sent none), then the server closes TCP first.
        const quint16 code = m_reader.closeCode();
        if (!m_closeSent)
            sendClose(code == 1005 ? 0 : code, QString());
        finish(0, QString());
        break;
    }
    case WebSocketFrameReader::Kind::Error:
        finish(m_reader.closeCode(), m_reader.errorMessage()); // fail the connection (RFC 6455 7.1.7)
        break;
    }
    return !guard.isNull() && !m_gone;
}

// Ends the connection: sends a close frame with code unless one went out, then closes TCP.
void WebSocket::finish(quint16 code, const QString &reason)
{
    m_inputDone = true;
    if (!m_closeSent && code != 0)
        sendClose(code, reason);
    m_socket->readAll(); // unread input would turn the close into a reset
    pump(true); // disconnectFromHost() sends what the socket holds, then closes
    if (!m_closeTimer.isActive())
        m_closeTimer.start(kCloseTimeoutMs, this); // a client that does not read the close frame
    m_socket->disconnectFromHost();
}

void WebSocket::onDisconnected()
{
    if (m_gone)
        return;
    m_gone = true;
    m_closeTimer.stop();
    emit disconnected();
}

void WebSocket::timerEvent(QTimerEvent *event)
{
    if (event->timerId() != m_closeTimer.timerId()) {
        QObject::timerEvent(event);
        return;
    }
    m_closeTimer.stop();
    abort();
}

// ---- writing ----

void WebSocket::sendClose(quint16 code, const QString &reason)
{
    m_closeSent = true;
    QByteArray payload;
    if (code != 0) {
        payload.append(char(code >> 8)).append(char(code & 0xFF));
        QByteArray text = reason.toUtf8();
        if (text.size() > kMaxCloseReasonBytes) {
            // Cut on a character boundary: continuation bytes look like 10xxxxxx.
            qsizetype n = kMaxCloseReasonBytes;
            while (n > 0 && (quint8(text[n]) & 0xC0) == 0x80)
                --n;
            text.truncate(n);
        }
        payload.append(text);
    }
    writeFrame(CloseFrame, payload.constData(), payload.size());
}

// Server frames are never masked (RFC 6455 5.1).
void WebSocket::writeFrame(int opcode, const char *data, qint64 size)
{
    if (m_gone || m_dropping)
        return;
    QByteArray frame = frameHead(opcode, size);
    if (size > 0)
        frame.append(data, qsizetype(size));
    enqueue(frame);
}

void WebSocket::enqueue(const QByteArray &frame)
{
    if (m_gone || m_dropping)
        return;
    m_queue.push_back(frame);
    m_queuedBytes += frame.size();
    pump();
    if (bytesToWrite() > m_maxUnsentBytes) {
        m_socket->flush(); // a burst of messages, or a client that is not reading?
        pump();
    }
    if (bytesToWrite() > m_maxUnsentBytes) {
        // Not reading. What it held is given back now; abort from the event loop: a sender
        // may be iterating over its clients.
        m_dropping = true;
        std::deque<QByteArray>().swap(m_queue);
        m_queuedBytes = 0;
        QMetaObject::invokeMethod(this, &WebSocket::abort, Qt::QueuedConnection);
    }
}

void WebSocket::pump(bool all)
{
    while (!m_queue.empty() && !m_gone && (all || m_socket->bytesToWrite() < kSocketWindowBytes)) {
        m_socket->write(m_queue.front());
        m_queuedBytes -= m_queue.front().size();
        m_queue.pop_front();
    }
}

} // namespace tierdesk::http
