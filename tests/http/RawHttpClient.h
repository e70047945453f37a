#pragma once

// A byte-level HTTP client for protocol tests: writes exactly what a test gives it and
// parses responses itself, spinning the event loop so an in-process server keeps running.

#include <QElapsedTimer>
#include <QHash>
#include <QHostAddress>
#include <QTcpSocket>
#include <QTest>

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
        bool connected = false;
        QObject::connect(&socket, &QTcpSocket::connected, &socket, [&connected] { connected = true; });
        socket.connectToHost(QHostAddress(QHostAddress::LocalHost), port);
        QElapsedTimer t;
        t.start();
        while (!connected && t.elapsed() < 3000)
            QTest::qWait(2);
        QObject::disconnect(&socket, &QTcpSocket::connected, &socket, nullptr);
        return connected;
    }

    void send(const QByteArray &bytes)
    {
        socket.write(bytes);
        socket.flush();
    }

    // Parses one response from what has arrived; for a HEAD response pass head = true.
    RawResponse read(int timeoutMs = 3000, bool head = false)
    {
        QElapsedTimer t;
        t.start();
        for (;;) {
            buffer += socket.readAll();
            RawResponse r;
            if (tryParse(r, head))
                return r;
            if (t.elapsed() > timeoutMs)
                return {};
            QTest::qWait(2);
        }
    }

    // True once the server has closed the connection (EOF seen by the client).
    bool waitClosed(int timeoutMs = 3000)
    {
        QElapsedTimer t;
        t.start();
        while (socket.state() == QAbstractSocket::ConnectedState && t.elapsed() < timeoutMs) {
            buffer += socket.readAll();
            QTest::qWait(2);
        }
        buffer += socket.readAll();
        return socket.state() != QAbstractSocket::ConnectedState;
    }

    // Spins for ms, collecting whatever arrives.
    void idle(int ms)
    {
        QTest::qWait(ms);
        buffer += socket.readAll();
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
