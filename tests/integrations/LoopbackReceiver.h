#pragma once

// A tiny HTTP receiver on 127.0.0.1 running on its own thread, so a test can call
// a blocking sender from the main thread. It answers every request with a
// configurable status and body, after an optional random delay, or never
// answers ("hang") to provoke timeouts.

#include "tests/support/ReceivedRequest.h"

#include <QHostAddress>
#include <QMutex>
#include <QMutexLocker>
#include <QPointer>
#include <QRandomGenerator>
#include <QTcpServer>
#include <QTcpSocket>
#include <QThread>
#include <QTimer>
#include <QUrl>

#include <atomic>
#include <memory>

namespace tierdesk::test {

class LoopbackReceiver {
public:
    LoopbackReceiver()
    {
        m_context = new QObject;
        m_context->moveToThread(&m_thread);
        m_thread.start();
        m_listening = listen(0);
    }

    ~LoopbackReceiver()
    {
        QMetaObject::invokeMethod(
            m_context,
            [this] {
                delete m_server;
                m_server = nullptr;
                delete m_context;
            },
            Qt::BlockingQueuedConnection);
        m_thread.quit();
        m_thread.wait();
    }

    bool isListening() const { return m_listening; }
    quint16 port() const { return m_port; }
    QUrl url(const QString &path = QStringLiteral("/hook")) const
    {
        return QUrl(QStringLiteral("http://127.0.0.1:%1%2").arg(m_port).arg(path));
    }

    void setStatus(int status) { m_status = status; }
    void setHang(bool hang) { m_hang = hang; }
    void setLocation(const QByteArray &location)
    {
        QMutexLocker lock(&m_mutex);
        m_location = location;
    }
    void setBody(const QByteArray &body)
    {
        QMutexLocker lock(&m_mutex);
        m_body = body;
    }
    // Answers keep the connection open for the next request (HTTP/1.1 keep-alive).
    void setKeepAlive(bool keepAlive) { m_keepAlive = keepAlive; }
    // Connections accepted so far.
    int connections() const { return m_connections; }
    // Closes every open connection from the receiver's side (as a server's idle timeout does).
    void dropConnections()
    {
        QMetaObject::invokeMethod(
            m_context,
            [this] {
                if (m_server)
                    for (QTcpSocket *s : m_server->findChildren<QTcpSocket *>())
                        s->disconnectFromHost();
            },
            Qt::BlockingQueuedConnection);
    }
    // Each answer waits a random 0..maxMs (a slow receiver); requests overlap.
    void setRandomDelay(int maxMs) { m_maxDelayMs = maxMs; }

    // Simulates the receiver going down (connection refused) and coming back on the same port.
    void stopListening()
    {
        QMetaObject::invokeMethod(
            m_context,
            [this] {
                delete m_server;
                m_server = nullptr;
            },
            Qt::BlockingQueuedConnection);
    }
    bool resumeListening() { return m_listening = listen(m_port); }

    QList<ReceivedRequest> requests() const
    {
        QMutexLocker lock(&m_mutex);
        return m_requests;
    }
    int count() const
    {
        QMutexLocker lock(&m_mutex);
        return static_cast<int>(m_requests.size());
    }

private:
    bool listen(quint16 port)
    {
        bool ok = false;
        QMetaObject::invokeMethod(
            m_context,
            [this, port, &ok] {
                m_server = new QTcpServer(m_context);
                ok = m_server->listen(QHostAddress::LocalHost, port);
                if (!ok)
                    return;
                m_port = m_server->serverPort();
                QObject::connect(m_server, &QTcpServer::newConnection, m_server, [this] { acceptAll(); });
            },
            Qt::BlockingQueuedConnection);
        return ok;
    }

    void acceptAll()
    {
        while (QTcpSocket *s = m_server->nextPendingConnection()) {
            ++m_connections;
            auto buffer = std::make_shared<QByteArray>();
            QObject::connect(s, &QTcpSocket::disconnected, s, &QObject::deleteLater);
            QObject::connect(s, &QTcpSocket::readyRead, s, [this, s, buffer] {
                buffer->append(s->readAll());
                ReceivedRequest req;
                if (!parse(*buffer, &req))
                    return;
                buffer->clear();
                QByteArray location;
                QByteArray body;
                {
                    QMutexLocker lock(&m_mutex);
                    m_requests.append(req);
                    location = m_location;
                    body = m_body;
                }
                if (m_hang)
                    return;
                QByteArray answer = "HTTP/1.1 " + QByteArray::number(m_status.load()) + " Status\r\n";
                if (!location.isEmpty())
                    answer += "Location: " + location + "\r\n";
                const bool keepAlive = m_keepAlive;
                answer += "Content-Length: " + QByteArray::number(body.size()) + "\r\n"
                    + (keepAlive ? QByteArray() : QByteArray("Connection: close\r\n")) + "\r\n" + body;
                if (keepAlive)
                    return void(s->write(answer));
                const int maxDelay = m_maxDelayMs;
                if (maxDelay <= 0)
                    return respond(s, answer);
                QPointer<QTcpSocket> later(s);
                QTimer::singleShot(QRandomGenerator::global()->bounded(maxDelay + 1), s, [later, answer] {
                    if (later)
                        respond(later, answer);
                });
            });
        }
    }

    static void respond(QTcpSocket *s, const QByteArray &answer)
    {
        s->write(answer);
        s->disconnectFromHost();
    }

    static bool parse(const QByteArray &buf, ReceivedRequest *req) { return parseReceivedRequest(buf, req); }

    QThread m_thread;
    QObject *m_context = nullptr;
    QTcpServer *m_server = nullptr;
    quint16 m_port = 0;
    bool m_listening = false;
    std::atomic<int> m_status{200};
    std::atomic<bool> m_hang{false};
    mutable QMutex m_mutex;
    QList<ReceivedRequest> m_requests;
    QByteArray m_location;
    QByteArray m_body = "ok";
    std::atomic<int> m_maxDelayMs{0};
    std::atomic<bool> m_keepAlive{false};
    std::atomic<int> m_connections{0};
};

} // namespace tierdesk::test
