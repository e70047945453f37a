#pragma once

// Internal: one client connection — reading, limits, timeouts, back-pressure and in-order replies.

#include "core/api/http/HttpRequestParser.h"
#include "core/api/http/HttpTypes.h"

#include <QBasicTimer>
#include <QObject>

#include <deque>

QT_BEGIN_NAMESPACE
class QTcpSocket;
QT_END_NAMESPACE

namespace tierdesk::http {

namespace detail {
class ServerCore;
}

class HttpConnection : public QObject {
    Q_OBJECT
public:
    // Takes ownership of socket.
    HttpConnection(QTcpSocket *socket, detail::ServerCore &core, QObject *parent);
    ~HttpConnection() override;

    void start(); // begin serving; takes a connection slot
    void rejectBusy(const QString &message); // over a connection limit: 503 and close
    void shed(); // an idle connection closed to make room
    void abort(); // server shutdown
    void reap(); // the peer has closed or half-closed: drop it now, its slot is free

    bool isCounted() const { return m_counted; } // holds one of the server's connection slots
    qintptr socketDescriptor() const; // -1 once the socket is gone or handed over

    // Called through HttpResponder; sequence says where the reply goes in the stream.
    void deliver(quint64 sequence, HttpResponse &&response);
    bool isOpen() const;

    const QHostAddress &clientKey() const { return m_clientKey; }
    const QHostAddress &peer() const { return m_peer; }

protected:
    void timerEvent(QTimerEvent *event) override;

private:
    enum class Deadline { None, Idle, Request, Write, Linger };
    enum PauseReason { PipelineFull = 1, OutputPending = 2 };

    struct Slot {
        bool ready = false;
        bool keepAlive = true;
        bool keepAliveHeader = false; // HTTP/1.0 keep-alive must be confirmed
        bool head = false;
        bool close = false;
        qint64 startNs = 0;
        QByteArray bytes; // serialized reply waiting for earlier ones
        HttpRequest logged; // kept only when an access log is installed
    };

    void connectSocket();
    void onReadyRead();
    void onBytesWritten();
    void processInput();
    bool afterRequest();
    // The request's client, scheme and host: the connection's, or what a trusted proxy forwarded.
    void addressed(HttpRequest &request) const;
    void dispatchRequest(HttpRequest &&request);
    void handleUpgrade(HttpRequest &&request, int route);
    void handOver();
    quint64 pushSlot(bool keepAlive, bool http10KeepAlive, bool head, const HttpRequest *forLog);
    void fail(int status, const QString &message, const QString &path);
    bool writeReply(const QByteArray &head, const QByteArray *body);
    void flush();
    void checkOutput();
    void lingerClose();
    void shutdownWrite();
    void releaseSlot();
    void setDeadline(Deadline kind, qint64 atMs);
    void pause(PauseReason reason);
    void resume(PauseReason reason);
    bool isIdle() const;
    void linkIdle();
    void unlinkIdle();

    QTcpSocket *m_socket;
    detail::ServerCore &m_core;
    QHostAddress m_peer;
    QHostAddress m_clientKey; // the address the per-client limit counts
    HttpRequestParser m_parser;
    QByteArray m_peekBuffer;
    QByteArray m_headBuffer;
    qint64 m_messageStartMs = 0;

    // Replies, in request order.
    std::deque<Slot> m_slots;
    quint64 m_firstSequence = 0;
    quint64 m_nextSequence = 0;

    int m_paused = 0; // PauseReason bits: no requests are read meanwhile
    bool m_counted = false; // holds one of the server's connection slots
    bool m_readClosed = false; // no more requests will be parsed
    bool m_lingering = false; // write side shut, discarding input until the peer closes
    bool m_gone = false; // socket disconnected
    bool m_inProcess = false;
    bool m_upgradePending = false;
    HttpRequest m_upgradeRequest;
    int m_upgradeRoute = -1;

    // Intrusive list of idle connections in ServerCore, oldest first (no allocation per request).
    HttpConnection *m_idlePrev = nullptr;
    HttpConnection *m_idleNext = nullptr;
    bool m_idleLinked = false;

    QBasicTimer m_timer;
    Deadline m_deadlineKind = Deadline::None;
    qint64 m_deadlineMs = 0;
    qint64 m_timerFiresMs = 0;
};

} // namespace tierdesk::http
