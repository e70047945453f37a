#pragma once

// Internal: one client connection — parsing, limits, timeouts and in-order replies.

#include "core/api/http/HttpTypes.h"

#include <QBasicTimer>
#include <QObject>

#include <http_parser.h>

#include <deque>

QT_BEGIN_NAMESPACE
class QTcpSocket;
QT_END_NAMESPACE

namespace tierdesk::http {

namespace detail {
class ServerCore;
}

class HttpConnection : public QObject
{
    Q_OBJECT
public:
    // Takes ownership of socket.
    HttpConnection(QTcpSocket *socket, detail::ServerCore &core, QObject *parent);
    ~HttpConnection() override;

    void start();      // begin serving
    void rejectBusy(); // over the connection limit: 503 and close
    void abort();      // server shutdown

    // Called through HttpResponder; sequence says where the reply goes in the stream.
    void deliver(quint64 sequence, HttpResponse &&response);
    bool isOpen() const;

protected:
    void timerEvent(QTimerEvent *event) override;

private:
    enum class Phase { Idle, Head, Body };
    enum class Deadline { None, Idle, Request, Linger };

    struct Slot
    {
        bool ready = false;
        bool keepAlive = true;
        bool keepAliveHeader = false; // HTTP/1.0 keep-alive must be confirmed
        bool head = false;
        bool close = false;
        qint64 startNs = 0;
        QByteArray bytes;   // serialized reply waiting for earlier ones
        HttpRequest logged; // kept only when an access log is installed
    };

    static int onMessageBegin(http_parser *p);
    static int onUrl(http_parser *p, const char *at, size_t len);
    static int onHeaderField(http_parser *p, const char *at, size_t len);
    static int onHeaderValue(http_parser *p, const char *at, size_t len);
    static int onHeadersComplete(http_parser *p);
    static int onBody(http_parser *p, const char *at, size_t len);
    static int onMessageComplete(http_parser *p);
    static const http_parser_settings s_settings;

    void onReadyRead();
    void processInput();
    void commitHeader();
    bool parseTarget();
    void stopParsing(int status, const QString &message);
    void dispatchRequest();
    void handleUpgrade(qint64 headLength);
    void handOver();
    quint64 pushSlot(bool keepAlive, bool http10KeepAlive, bool head, const HttpRequest *forLog);
    void fail(int status, const QString &message);
    void flush();
    void writeReply(const Slot &slot, const HttpResponse &response);
    void lingerClose();
    void shutdownWrite();
    void setDeadline(Deadline kind, qint64 atMs);
    void pauseReading();
    void resumeReading();

    QTcpSocket *m_socket;
    detail::ServerCore &m_core;
    QHostAddress m_peer;
    http_parser m_parser;
    QByteArray m_peekBuffer;
    QByteArray m_headBuffer;

    // The request being parsed.
    Phase m_phase = Phase::Idle;
    HttpRequest m_request;
    QByteArray m_url;
    QByteArray m_field;
    QByteArray m_value;
    bool m_lastWasValue = false;
    bool m_messageReady = false;
    bool m_keepAlive = true;
    bool m_http10KeepAlive = false;
    int m_upgradeRoute = -1;
    int m_pendingError = 0;
    QString m_pendingErrorMessage;
    qint64 m_headBytes = 0;   // request line + headers seen so far (approximate, for 431)
    qint64 m_headPending = 0; // head bytes fed to the parser but left unread in the socket
    qint64 m_messageStartMs = 0;

    // Replies, in request order.
    std::deque<Slot> m_slots;
    quint64 m_firstSequence = 0;
    quint64 m_nextSequence = 0;

    bool m_counted = false;     // holds one of the server's connection slots
    bool m_readClosed = false;  // no more requests will be parsed
    bool m_readPaused = false;  // too many replies pending
    bool m_lingering = false;   // write side shut, discarding input until the peer closes
    bool m_gone = false;        // socket disconnected
    bool m_inProcess = false;
    bool m_upgradePending = false;
    HttpRequest m_upgradeRequest;
    int m_upgradeRequestRoute = -1;

    QBasicTimer m_timer;
    Deadline m_deadlineKind = Deadline::None;
    qint64 m_deadlineMs = 0;
    qint64 m_timerFiresMs = 0;
};

} // namespace tierdesk::http
