#include "RawHttpClient.h"

#include "core/api/http/HttpServer.h"

#include <QJsonDocument>
#include <QTcpServer>
#include <QtTest>

#include <memory>
#include <vector>

#include <sys/resource.h>
#include <sys/socket.h>

// Connection limits per client address, shedding idle connections at the global limit, and
// the bound on replies queued for clients that do not read them.

using namespace tierdesk::http;
using tierdesk::test::RawHttpClient;
using tierdesk::test::RawResponse;

namespace {

const QHostAddress kOtherClient(QStringLiteral("127.0.0.2"));

QByteArray get(const QByteArray &path)
{
    return "GET " + path + " HTTP/1.1\r\nHost: x\r\n\r\n";
}

// A client that reads nothing: Qt stops draining the socket and the kernel's buffer is small.
void stopReading(RawHttpClient &c)
{
    c.socket.setReadBufferSize(1024);
    c.socket.setSocketOption(QAbstractSocket::ReceiveBufferSizeSocketOption, 16 * 1024);
}

using Clients = std::vector<std::unique_ptr<QTcpSocket>>;

// n connections the kernel has established; the server may not have accepted them yet.
Clients openConnections(quint16 port, int n)
{
    Clients clients;
    for (int i = 0; i < n; ++i) {
        auto socket = std::make_unique<QTcpSocket>();
        socket->connectToHost(QHostAddress(QHostAddress::LocalHost), port);
        if (!socket->waitForConnected(5000)) // blocks on this socket alone: the server stays still
            return {};
        clients.push_back(std::move(socket));
    }
    return clients;
}

// The status line of the first answer on `socket` ("" when none came).
QByteArray firstStatusLine(QTcpSocket &socket)
{
    QByteArray got;
    (void)QTest::qWaitFor(
        [&] {
            got += socket.readAll();
            return got.contains("\r\n");
        },
        5000);
    return got.left(got.indexOf("\r\n"));
}

} // namespace

class TestHttpConnections : public QObject {
    Q_OBJECT

private slots:
    void initTestCase();
    void cleanup();

    void oneAddressCannotLockOthersOut();
    void perAddressLimitAnswers503();
    void closedPeersDoNotCount_data();
    void closedPeersDoNotCount();
    void idleConnectionsAreShedAtTheLimit();
    void nonReadingClientIsDropped();
    void repliesPilingUpForANonReaderAreDropped();
    void largeReplyReachesAReadingClient();

private:
    void start(const HttpLimits &limits);

    std::unique_ptr<HttpServer> m_server;
    quint16 m_port = 0;
    QList<HttpResponder> m_deferred;
    int m_bigServed = 0;
    QByteArray m_big;
};

void TestHttpConnections::initTestCase()
{
    // 1,100 client sockets and as many on the server side need more than a default 1024 fds.
    rlimit fds{};
    QCOMPARE(getrlimit(RLIMIT_NOFILE, &fds), 0);
    if (fds.rlim_cur < 4096 && fds.rlim_cur < fds.rlim_max) {
        fds.rlim_cur = fds.rlim_max < 8192 ? fds.rlim_max : 8192;
        QCOMPARE(setrlimit(RLIMIT_NOFILE, &fds), 0);
    }
    QVERIFY2(fds.rlim_cur >= 2400, "too few file descriptors for this test");
}

void TestHttpConnections::start(const HttpLimits &limits)
{
    m_server = std::make_unique<HttpServer>(limits);
    m_server->router().route("GET", QStringLiteral("/hello"), [](const HttpRequest &, const HttpResponder &res) {
        res.send(HttpResponse::json(200, QJsonObject{{QStringLiteral("ok"), true}}));
    });
    m_server->router().route("GET", QStringLiteral("/big"), [this](const HttpRequest &, const HttpResponder &res) {
        ++m_bigServed;
        HttpResponse r;
        r.contentType = "text/plain";
        r.body = m_big;
        res.send(r);
    });
    m_server->router().route("GET", QStringLiteral("/later/:n"),
        [this](const HttpRequest &, const HttpResponder &res) { m_deferred.append(res); });
    // Any IPv4 address: reachable from 127.0.0.1 and 127.0.0.2 alike.
    QVERIFY(m_server->listen(QHostAddress::AnyIPv4, 0));
    m_port = m_server->serverPort();
}

void TestHttpConnections::cleanup()
{
    m_deferred.clear();
    m_server.reset();
    m_bigServed = 0;
    m_big.clear();
}

void TestHttpConnections::oneAddressCannotLockOthersOut()
{
    start(HttpLimits()); // defaults: 1024 connections, 64 per address
    // Declared before the sockets: destroying a connected socket emits disconnected, which counts here.
    int connected = 0;
    int closed = 0;
    std::vector<std::unique_ptr<QTcpSocket>> hog;
    for (int i = 0; i < 1100; ++i) {
        auto socket = std::make_unique<QTcpSocket>();
        connect(socket.get(), &QTcpSocket::connected, this, [&connected] { ++connected; });
        connect(socket.get(), &QTcpSocket::disconnected, this, [&closed] { ++closed; });
        socket->connectToHost(QHostAddress(QHostAddress::LocalHost), m_port);
        hog.push_back(std::move(socket));
        if (i % 100 == 99)
            QTRY_COMPARE_WITH_TIMEOUT(connected, i + 1, 10000);
    }
    // Every connection has reached the server: it holds some and turned the rest away.
    QTRY_COMPARE_WITH_TIMEOUT(m_server->connectionCount() + closed, 1100, 20000);

    RawHttpClient other;
    QVERIFY(other.connectTo(m_port, kOtherClient));
    other.send(get("/hello"));
    QCOMPARE(other.read().status, 200);

    QCOMPARE(m_server->connectionCount(), 64 + 1);
    QCOMPARE(closed, 1100 - 64);
}

void TestHttpConnections::perAddressLimitAnswers503()
{
    HttpLimits limits;
    limits.maxConnectionsPerAddress = 2;
    start(limits);
    RawHttpClient a, b, c;
    for (RawHttpClient *client : {&a, &b}) {
        QVERIFY(client->connectTo(m_port));
        client->send(get("/hello"));
        QCOMPARE(client->read().status, 200);
    }
    QVERIFY(c.connectTo(m_port));
    const RawResponse refused = c.read();
    QCOMPARE(refused.status, 503);
    QVERIFY(refused.body.contains("Too many connections from this address"));
    QVERIFY(c.waitClosed());

    RawHttpClient other;
    QVERIFY(other.connectTo(m_port, kOtherClient));
    other.send(get("/hello"));
    QCOMPARE(other.read().status, 200);

    a.socket.abort(); // a slot of 127.0.0.1 is free again
    QTRY_COMPARE(m_server->connectionCount(), 2);
    RawHttpClient d;
    QVERIFY(d.connectTo(m_port));
    d.send(get("/hello"));
    QCOMPARE(d.read().status, 200);
}

void TestHttpConnections::closedPeersDoNotCount_data()
{
    QTest::addColumn<int>("perAddress");
    QTest::addColumn<int>("total");
    QTest::addColumn<bool>("halfClose"); // shutdown(SHUT_WR) instead of close()
    QTest::addColumn<bool>("owed"); // a reply is still owed to each closed connection (not idle)
    QTest::newRow("per address, closed") << 4 << 1024 << false << false;
    QTest::newRow("per address, half-closed") << 4 << 1024 << true << false;
    QTest::newRow("whole server, replies owed") << 64 << 4 << false << true;
}

// A client (or proxy) closes its connections and reconnects at once (wrk run after wrk run): the
// new connections may be accepted before the server has read the closes. Here the server accepts
// them at once (QTcpServer::waitForNewConnection), without an event-loop turn in between: none
// may be refused, as the connections they replace are gone.
void TestHttpConnections::closedPeersDoNotCount()
{
    QFETCH(int, perAddress);
    QFETCH(int, total);
    QFETCH(bool, halfClose);
    QFETCH(bool, owed);
    HttpLimits limits;
    limits.maxConnectionsPerAddress = perAddress;
    limits.maxConnections = total;
    start(limits);
    const int n = 4;
    Clients first = openConnections(m_port, n);
    QCOMPARE(int(first.size()), n);
    QTRY_COMPARE(m_server->connectionCount(), n);
    if (owed) {
        for (int i = 0; i < n; ++i)
            first[size_t(i)]->write(get("/later/" + QByteArray::number(i)));
        QTRY_COMPARE(int(m_deferred.size()), n);
    }
    for (auto &socket : first) {
        if (halfClose)
            QCOMPARE(::shutdown(int(socket->socketDescriptor()), SHUT_WR), 0);
        else
            socket->abort();
    }

    Clients second = openConnections(m_port, n);
    QCOMPARE(int(second.size()), n);
    auto *listener = m_server->findChild<QTcpServer *>();
    QVERIFY(listener);
    QVERIFY(listener->waitForNewConnection(5000)); // accepts all n, before the closes are read

    for (auto &socket : second) {
        socket->write(get("/hello"));
        QCOMPARE(firstStatusLine(*socket), QByteArray("HTTP/1.1 200 OK"));
    }
    QTRY_COMPARE(m_server->connectionCount(), n);
}

void TestHttpConnections::idleConnectionsAreShedAtTheLimit()
{
    HttpLimits limits;
    limits.maxConnections = 3;
    start(limits); // default idle timeout: nothing closes by itself during the test
    RawHttpClient a, b, c;
    for (RawHttpClient *client : {&a, &b, &c}) {
        QVERIFY(client->connectTo(m_port));
        client->send(get("/hello"));
        QCOMPARE(client->read().status, 200);
    }
    a.send(get("/hello")); // a is active again: b is now idle the longest
    QCOMPARE(a.read().status, 200);

    RawHttpClient d;
    QVERIFY(d.connectTo(m_port));
    d.send(get("/hello"));
    QCOMPARE(d.read().status, 200);
    QVERIFY(b.waitClosed());
    QVERIFY(b.buffer.isEmpty()); // closed quietly: it owed nothing
    QCOMPARE(m_server->connectionCount(), 3);
    for (RawHttpClient *client : {&a, &c}) {
        client->send(get("/hello"));
        QCOMPARE(client->read().status, 200);
    }

    // Connections waiting on replies are not idle: with all three busy, a fourth gets 503.
    for (RawHttpClient *client : {&a, &c, &d})
        client->send(get("/later/1"));
    QTRY_COMPARE(m_deferred.size(), 3);
    RawHttpClient e;
    QVERIFY(e.connectTo(m_port));
    QCOMPARE(e.read().status, 503);
}

void TestHttpConnections::nonReadingClientIsDropped()
{
    HttpLimits limits;
    limits.maxUnsentBytes = 1 << 20;
    limits.writeTimeoutMs = 300;
    start(limits);
    m_big = QByteArray(512 * 1024, 'b');
    RawHttpClient c;
    QVERIFY(c.connectTo(m_port));
    stopReading(c);
    QByteArray burst;
    for (int i = 0; i < 200; ++i)
        burst += get("/big");
    c.send(burst);

    QTRY_COMPARE_WITH_TIMEOUT(m_server->connectionCount(), 0, 10000); // dropped after the write timeout
    QVERIFY2(m_bigServed < 200, "requests are not read while replies wait for the client");
    const qint64 peak = m_server->peakUnsentBytes();
    QVERIFY2(peak >= m_big.size() && peak <= limits.maxUnsentBytes, qPrintable(QString::number(peak)));
}

void TestHttpConnections::repliesPilingUpForANonReaderAreDropped()
{
    HttpLimits limits;
    limits.maxUnsentBytes = 1 << 20; // the write timeout stays 30 s: the cap alone must act
    start(limits);
    RawHttpClient c;
    QVERIFY(c.connectTo(m_port));
    stopReading(c);
    QByteArray burst;
    for (int i = 0; i < limits.maxPipelined; ++i)
        burst += get("/later/" + QByteArray::number(i));
    c.send(burst);
    QTRY_COMPARE(int(m_deferred.size()), limits.maxPipelined);

    HttpResponse reply;
    reply.contentType = "text/plain";
    reply.body = QByteArray(1 << 20, 'r');
    for (const HttpResponder &res : std::as_const(m_deferred))
        res.send(reply);
    QTRY_COMPARE(m_server->connectionCount(), 0);
    const qint64 peak = m_server->peakUnsentBytes();
    QVERIFY2(peak > limits.maxUnsentBytes && peak <= limits.maxUnsentBytes + reply.body.size() + 1024,
        qPrintable(QString::number(peak)));
}

void TestHttpConnections::largeReplyReachesAReadingClient()
{
    // A reply larger than the limit is fine for a client that reads it.
    HttpLimits limits;
    limits.maxUnsentBytes = 256 * 1024;
    limits.writeTimeoutMs = 2000;
    start(limits);
    m_big = QByteArray(4 << 20, 'L');
    RawHttpClient c;
    QVERIFY(c.connectTo(m_port));
    c.send(get("/big") + get("/big") + get("/hello"));
    for (int i = 0; i < 2; ++i) {
        const RawResponse r = c.read(10000);
        QCOMPARE(r.status, 200);
        QCOMPARE(r.body.size(), m_big.size());
    }
    QCOMPARE(c.read().status, 200);
    QCOMPARE(m_server->connectionCount(), 1);
}

QTEST_MAIN(TestHttpConnections)
#include "tst_httpconnections.moc"
