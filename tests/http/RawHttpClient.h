#pragma once

// A byte-level HTTP client for protocol tests: writes exactly what a test gives it and
// parses responses itself, spinning the event loop so an in-process server keeps running.

#include <QDeadlineTimer>
#include <QEventLoop>
#include <QHash>
#include <QHostAddress>
#include <QSignalSpy>
#include <QTcpSocket>
#include <QTimer>

namespace tierdesk::test {

struct RawResponse {
    int status = 0; // 0: nothing complete arrived in time
    QByteArray statusLine;
    QHash<QByteArray, QByteArray> headers; // lower-cased names
    QByteArray body;
    QByteArray header(const QByteArray &lowerName) const { return headers.value(lowerName); }
};

class RawHttpClient {
public:
    // from: a local address to connect from (e.g. 127.0.0.2, to be another client).
    bool connectTo(quint16 port, const QHostAddress &from = QHostAddress())
    {
        if (!from.isNull() && !socket.bind(from, 0))
            return false;
        // Watch the signal, not the state: a server that answers and closes at once (503)
        // can take the socket back to UnconnectedState before the state is polled.
        QSignalSpy connected(&socket, &QTcpSocket::connected);
        socket.connectToHost(QHostAddress(QHostAddress::LocalHost), port);
        return !connected.isEmpty() || connected.wait(3000);
    }

    void send(const QByteArray &bytes)
    {
        socket.write(bytes);
        socket.flush();
    }

    // Parses one response from what has arrived; for a HEAD response pass head = true.
    RawResponse read(int timeoutMs = 3000, bool head = false)
    {
        const QDeadlineTimer deadline(timeoutMs);
        for (;;) {
            buffer += socket.readAll();
            RawResponse r;
            if (tryParse(r, head))
                return r;
            const bool ended = socket.state() != QAbstractSocket::ConnectedState && socket.bytesAvailable() == 0;
            if (ended || !waitForNews(deadline))
                return {};
        }
    }

    // True once the server has closed the connection (EOF seen by the client).
    bool waitClosed(int timeoutMs = 3000)
    {
        const QDeadlineTimer deadline(timeoutMs);
        while (socket.state() == QAbstractSocket::ConnectedState) {
            buffer += socket.readAll();
            if (!waitForNews(deadline))
                break;
        }
        buffer += socket.readAll();
        return socket.state() != QAbstractSocket::ConnectedState;
    }

    // Runs the event loop (an in-process server needs it) until bytes arrive or the
    // connection ends; false when the deadline passed first.
    bool waitForNews(const QDeadlineTimer &deadline)
    {
        if (socket.bytesAvailable() > 0 || socket.state() != QAbstractSocket::ConnectedState)
            return true;
        const qint64 left = deadline.remainingTime();
        if (left == 0)
            return false;
        QEventLoop loop;
        QObject::connect(&socket, &QTcpSocket::readyRead, &loop, &QEventLoop::quit);
        QObject::connect(&socket, &QTcpSocket::disconnected, &loop, &QEventLoop::quit);
        QTimer::singleShot(int(left), &loop, &QEventLoop::quit);
        loop.exec();
        return socket.bytesAvailable() > 0 || socket.state() != QAbstractSocket::ConnectedState;
    }

    QTcpSocket socket;
    QByteArray buffer;

private:
    bool tryParse(RawResponse &r, bool head)
    {
        const qsizetype end = buffer.indexOf("\r\n\r\n");
        if (end < 0)
            return false;
        const QList<QByteArray> lines = buffer.left(end).split('\n');
        r.statusLine = lines.value(0).trimmed();
        const QList<QByteArray> parts = r.statusLine.split(' ');
        r.status = parts.value(1).toInt();
        for (qsizetype i = 1; i < lines.size(); ++i) {
            const qsizetype colon = lines[i].indexOf(':');
            if (colon > 0) {
                const QByteArray name = lines[i].left(colon).trimmed().toLower();
                r.headers.insert(name, lines[i].mid(colon + 1).trimmed());
            }
        }
        qsizetype length = 0;
        if (!head && r.status >= 200 && r.status != 204 && r.status != 304)
            length = r.headers.value("content-length", "0").toLongLong();
        if (buffer.size() < end + 4 + length)
            return false;
        r.body = buffer.mid(end + 4, length);
        buffer.remove(0, end + 4 + length);
        return true;
    }
};

} // namespace tierdesk::test
