#include "RawHttpClient.h"

#include "core/api/http/HttpServer.h"

#include <QJsonDocument>
#include <QtTest>

#include <memory>

using namespace tierdesk::http;
using tierdesk::test::RawHttpClient;
using tierdesk::test::RawResponse;

namespace {

QString errorCode(const RawResponse &r)
{
    return QJsonDocument::fromJson(r.body)
        .object()
        .value(QStringLiteral("error"))
        .toObject()
        .value(QStringLiteral("code"))
        .toString();
}

// Whether anything (an answer or the close) has come from the server on c so far.
bool heardFrom(RawHttpClient &c)
{
    c.buffer += c.socket.readAll();
    return !c.buffer.isEmpty() || c.socket.state() != QAbstractSocket::ConnectedState;
}

} // namespace

class TestHttpLimits : public QObject {
    Q_OBJECT

private slots:
    void init();
    void cleanup();

    void contentLengthOverLimitIs413();
    void hugeContentLengthAnsweredAtOnce();
    void chunkedOverLimitIs413();
    void headersTooLargeIs431();
    void urlTooLongIs414();
    void malformedRequestIs400();
    void unsupportedVersionIs505_data();
    void unsupportedVersionIs505();
    void headerSyntaxIs400_data();
    void headerSyntaxIs400();
    void contentLengthWithChunkedIs400();
    void slowClientGets408();
    void idleKeepAliveCloses();
    void connectionLimitAnswers503();
    void pipelineDepthPausesReading();

private:
    void start(HttpLimits limits);
    // The server's own timeouts serve as the test's clock, so "later than" is an event, not a guess:
    // each returns once that timeout has run out on a connection of its own.
    bool idleTimeoutPasses(); // a connection that sends nothing is closed
    bool requestTimeoutPasses(); // an unfinished request is answered 408
    // Sends a request on another connection and waits for its answer: whatever the server
    // would have done with bytes that arrived before it has been done by then.
    bool roundTrip();

    HttpLimits m_limits;
    std::unique_ptr<HttpServer> m_server;
    quint16 m_port = 0;
    QList<HttpResponder> m_deferred;
};

void TestHttpLimits::init()
{
    HttpLimits limits;
    limits.maxBodyBytes = 1024;
    limits.maxHeaderBytes = 2048;
    limits.maxUrlBytes = 512;
    limits.idleTimeoutMs = 200;
    limits.requestTimeoutMs = 200;
    limits.maxConnections = 3;
    limits.maxPipelined = 2;
    start(limits);
}

void TestHttpLimits::start(HttpLimits limits)
{
    m_limits = limits;
    m_server = std::make_unique<HttpServer>(limits);
    m_server->router().route("POST", QStringLiteral("/echo"), [](const HttpRequest &req, const HttpResponder &res) {
        HttpResponse out;
        out.contentType = "text/plain";
        out.body = req.body;
        res.send(out);
    });
    m_server->router().route("GET", QStringLiteral("/hello"), [](const HttpRequest &, const HttpResponder &res) {
        res.send(HttpResponse::json(200, QJsonObject{{QStringLiteral("ok"), true}}));
    });
    m_server->router().route("GET", QStringLiteral("/later/:n"),
        [this](const HttpRequest &, const HttpResponder &res) { m_deferred.append(res); });
    QVERIFY(m_server->listen(QHostAddress::LocalHost, 0));
    m_port = m_server->serverPort();
}

void TestHttpLimits::cleanup()
{
    m_deferred.clear();
    m_server.reset();
}

bool TestHttpLimits::idleTimeoutPasses()
{
    RawHttpClient silent;
    return silent.connectTo(m_port) && silent.waitClosed(m_limits.idleTimeoutMs + 5000) && silent.buffer.isEmpty();
}

bool TestHttpLimits::requestTimeoutPasses()
{
    RawHttpClient unfinished;
    if (!unfinished.connectTo(m_port))
        return false;
    unfinished.send("GET /hello HTTP/1.1\r\nHost: x\r\n");
    return unfinished.read(m_limits.requestTimeoutMs + 5000).status == 408;
}

bool TestHttpLimits::roundTrip()
{
    RawHttpClient other;
    if (!other.connectTo(m_port))
        return false;
    other.send("GET /hello HTTP/1.1\r\nHost: x\r\n\r\n");
    return other.read().status == 200;
}

void TestHttpLimits::contentLengthOverLimitIs413()
{
    RawHttpClient c;
    QVERIFY(c.connectTo(m_port));
    c.send("POST /echo HTTP/1.1\r\nHost: x\r\nContent-Length: 1025\r\n\r\n" + QByteArray(1025, 'a'));
    const RawResponse r = c.read();
    QCOMPARE(r.status, 413);
    QCOMPARE(r.header("connection"), QByteArray("close"));
    QCOMPARE(errorCode(r), QStringLiteral("PAYLOAD_TOO_LARGE"));
    QVERIFY(c.waitClosed());

    RawHttpClient ok;
    QVERIFY(ok.connectTo(m_port));
    ok.send("POST /echo HTTP/1.1\r\nHost: x\r\nContent-Length: 1024\r\n\r\n" + QByteArray(1024, 'b'));
    const RawResponse r2 = ok.read();
    QCOMPARE(r2.status, 200);
    QCOMPARE(r2.body, QByteArray(1024, 'b'));
}

void TestHttpLimits::hugeContentLengthAnsweredAtOnce()
{
    // No timeout can end this request during the test: the 413 can only come from the
    // headers, while the client has sent no byte of the body and keeps the socket open.
    HttpLimits limits = m_limits;
    limits.requestTimeoutMs = 600000;
    limits.idleTimeoutMs = 600000;
    start(limits);
    RawHttpClient c;
    QVERIFY(c.connectTo(m_port));
    c.send("POST /echo HTTP/1.1\r\nHost: x\r\nContent-Length: 2147483648\r\n\r\n");
    const RawResponse r = c.read(10000);
    QCOMPARE(r.status, 413);
    QCOMPARE(errorCode(r), QStringLiteral("PAYLOAD_TOO_LARGE"));
    QVERIFY(c.waitClosed());
}

void TestHttpLimits::chunkedOverLimitIs413()
{
    RawHttpClient c;
    QVERIFY(c.connectTo(m_port));
    const QByteArray chunk = QByteArray(600, 'x');
    c.send("POST /echo HTTP/1.1\r\nHost: x\r\nTransfer-Encoding: chunked\r\n\r\n"
           "258\r\n"
        + chunk + "\r\n258\r\n" + chunk + "\r\n0\r\n\r\n");
    const RawResponse r = c.read();
    QCOMPARE(r.status, 413);
    QVERIFY(c.waitClosed());
}

void TestHttpLimits::headersTooLargeIs431()
{
    RawHttpClient c;
    QVERIFY(c.connectTo(m_port));
    c.send("GET /hello HTTP/1.1\r\nHost: x\r\nX-Big: " + QByteArray(3000, 'h') + "\r\n\r\n");
    const RawResponse r = c.read();
    QCOMPARE(r.status, 431);
    QCOMPARE(errorCode(r), QStringLiteral("HEADERS_TOO_LARGE"));
    QVERIFY(c.waitClosed());

    // Many small headers count too.
    RawHttpClient many;
    QVERIFY(many.connectTo(m_port));
    QByteArray head = "GET /hello HTTP/1.1\r\nHost: x\r\n";
    for (int i = 0; i < 200; ++i)
        head += "X-H" + QByteArray::number(i) + ": v\r\n";
    many.send(head + "\r\n");
    QCOMPARE(many.read().status, 431);
}

void TestHttpLimits::urlTooLongIs414()
{
    RawHttpClient c;
    QVERIFY(c.connectTo(m_port));
    c.send("GET /hello?" + QByteArray(600, 'q') + " HTTP/1.1\r\nHost: x\r\n\r\n");
    const RawResponse r = c.read();
    QCOMPARE(r.status, 414);
    QCOMPARE(errorCode(r), QStringLiteral("URI_TOO_LONG"));
    QVERIFY(c.waitClosed());
}

void TestHttpLimits::malformedRequestIs400()
{
    const QList<QByteArray> bad = {
        "GARBAGE\r\n\r\n",
        "GET /hello HTTP/1.1\r\nHost x\r\n\r\n",
        "POST /echo HTTP/1.1\r\nContent-Length: abc\r\n\r\n",
        QByteArray("GET /he\0llo HTTP/1.1\r\n\r\n", 25),
    };
    for (const QByteArray &request : bad) {
        RawHttpClient c;
        QVERIFY(c.connectTo(m_port));
        c.send(request);
        const RawResponse r = c.read();
        QVERIFY2(r.status == 400, request.constData());
        QCOMPARE(errorCode(r), QStringLiteral("BAD_REQUEST"));
        QVERIFY(c.waitClosed());
    }
    // Still serving.
    RawHttpClient c;
    QVERIFY(c.connectTo(m_port));
    c.send("GET /hello HTTP/1.1\r\nHost: x\r\n\r\n");
    QCOMPARE(c.read().status, 200);
}

void TestHttpLimits::unsupportedVersionIs505_data()
{
    QTest::addColumn<QByteArray>("request");
    QTest::newRow("2.0") << QByteArray("GET /hello HTTP/2.0\r\nHost: x\r\n\r\n");
    QTest::newRow("0.9") << QByteArray("GET /hello HTTP/0.9\r\nHost: x\r\n\r\n");
    QTest::newRow("9.9") << QByteArray("GET /hello HTTP/9.9\r\nHost: x\r\n\r\n");
    QTest::newRow("no version") << QByteArray("GET /hello\r\nHost: x\r\n\r\n");
    // An HTTP/0.9 client sends the line alone and waits: the answer must not wait for more.
    QTest::newRow("no version, line alone") << QByteArray("GET /hello\r\n");
}

void TestHttpLimits::unsupportedVersionIs505()
{
    QFETCH(QByteArray, request);
    RawHttpClient c;
    QVERIFY(c.connectTo(m_port));
    c.send(request);
    const RawResponse r = c.read();
    QCOMPARE(r.status, 505);
    QCOMPARE(errorCode(r), QStringLiteral("HTTP_VERSION_NOT_SUPPORTED"));
    QVERIFY(c.waitClosed());
}

void TestHttpLimits::headerSyntaxIs400_data()
{
    // RFC 9112 5.1 (no whitespace before the colon), 5.2 (obs-fold), 3.2 (one Host).
    QTest::addColumn<QByteArray>("head");
    QTest::newRow("space before colon") << QByteArray("Host : x\r\n");
    QTest::newRow("tab before colon") << QByteArray("Host: x\r\nX-A\t: 1\r\n");
    QTest::newRow("obs-fold") << QByteArray("Host: x\r\nX-A: 1\r\n 2\r\n");
    QTest::newRow("obs-fold with tab") << QByteArray("Host: x\r\nX-A: 1\r\n\t2\r\n");
    QTest::newRow("obs-fold of an empty value") << QByteArray("Host: x\r\nX-A:\r\n 2\r\n");
    QTest::newRow("two Host headers") << QByteArray("Host: x\r\nHost: y\r\n");
    QTest::newRow("two Host headers, other case") << QByteArray("Host: x\r\nhOST: x\r\n");
}

void TestHttpLimits::headerSyntaxIs400()
{
    QFETCH(QByteArray, head);
    RawHttpClient c;
    QVERIFY(c.connectTo(m_port));
    c.send("GET /hello HTTP/1.1\r\n" + head + "\r\n");
    const RawResponse r = c.read();
    QCOMPARE(r.status, 400);
    QCOMPARE(errorCode(r), QStringLiteral("BAD_REQUEST"));
    QVERIFY(c.waitClosed());

    // Repeated headers other than Host are still joined, not refused.
    RawHttpClient ok;
    QVERIFY(ok.connectTo(m_port));
    ok.send("GET /hello HTTP/1.1\r\nHost: x\r\nX-A: 1\r\nX-A: 2\r\n\r\n");
    QCOMPARE(ok.read().status, 200);
}

void TestHttpLimits::contentLengthWithChunkedIs400()
{
    // Both framings at once is the classic request smuggling vector.
    RawHttpClient c;
    QVERIFY(c.connectTo(m_port));
    c.send("POST /echo HTTP/1.1\r\nHost: x\r\nContent-Length: 4\r\nTransfer-Encoding: chunked\r\n\r\n"
           "0\r\n\r\n");
    QCOMPARE(c.read().status, 400);
    QVERIFY(c.waitClosed());
}

void TestHttpLimits::slowClientGets408()
{
    // Measured in idle timeouts, each half the request timeout.
    HttpLimits limits = m_limits;
    limits.idleTimeoutMs = 100;
    limits.requestTimeoutMs = 200;
    limits.maxConnections = 64; // no idle connection is closed early to make room
    start(limits);
    RawHttpClient firstTick; // its idle period starts before the request does
    QVERIFY(firstTick.connectTo(m_port));
    RawHttpClient c;
    QVERIFY(c.connectTo(m_port));
    c.send("GET /hello HTTP/1.1\r\nHost: x\r\n");
    QVERIFY(firstTick.waitClosed());
    QVERIFY2(!heardFrom(c), "answered before the request timeout");

    // Still trickling, a header per idle period: that must not extend the deadline.
    c.send("X-Slow: 1\r\n");
    QVERIFY(idleTimeoutPasses());
    if (!heardFrom(c))
        c.send("X-Slow: 2\r\n");
    QVERIFY(idleTimeoutPasses());
    QVERIFY2(heardFrom(c), "the trickle extended the request deadline");
    const RawResponse r = c.read();
    QCOMPARE(r.status, 408);
    QCOMPARE(errorCode(r), QStringLiteral("REQUEST_TIMEOUT"));
    QVERIFY(c.waitClosed());

    // The same limit holds for a body that never completes.
    RawHttpClient body;
    QVERIFY(body.connectTo(m_port));
    body.send("POST /echo HTTP/1.1\r\nHost: x\r\nContent-Length: 10\r\n\r\nabc");
    QCOMPARE(body.read().status, 408);
}

void TestHttpLimits::idleKeepAliveCloses()
{
    // Measured in request timeouts, each a third of the idle timeout.
    HttpLimits limits = m_limits;
    limits.idleTimeoutMs = 300;
    limits.requestTimeoutMs = 100;
    limits.maxConnections = 64; // no idle connection is closed early to make room
    start(limits);
    RawHttpClient c;
    QVERIFY(c.connectTo(m_port));
    c.send("GET /hello HTTP/1.1\r\nHost: x\r\n\r\n");
    QCOMPARE(c.read().status, 200);
    // A request every third of the idle timeout, past the first idle deadline: activity
    // restarts the idle clock.
    for (int tick = 0; tick < 4; ++tick) {
        QVERIFY(requestTimeoutPasses());
        QCOMPARE(c.socket.state(), QAbstractSocket::ConnectedState);
        c.send("GET /hello HTTP/1.1\r\nHost: x\r\n\r\n");
        QCOMPARE(c.read().status, 200);
    }
    // Idle for two thirds of the timeout: still open; then closed.
    QVERIFY(requestTimeoutPasses());
    QVERIFY(requestTimeoutPasses());
    QVERIFY2(!heardFrom(c), "closed before the idle timeout");
    QVERIFY(c.waitClosed());

    // A connection that never sends anything is closed too, silently.
    QVERIFY(idleTimeoutPasses());

    // A request waiting on its handler is not idle, however long it waits.
    RawHttpClient waiting;
    QVERIFY(waiting.connectTo(m_port));
    waiting.send("GET /later/1 HTTP/1.1\r\nHost: x\r\n\r\n");
    QTRY_COMPARE(m_deferred.size(), 1);
    QVERIFY(idleTimeoutPasses());
    QVERIFY(requestTimeoutPasses());
    QVERIFY(!heardFrom(waiting));
    QCOMPARE(m_deferred.size(), 1);
    m_deferred.first().send(HttpResponse::json(200, QJsonObject{}));
    QCOMPARE(waiting.read().status, 200);
}

void TestHttpLimits::connectionLimitAnswers503()
{
    HttpLimits limits;
    limits.maxConnections = 3;
    start(limits); // default timeouts: idle closing must not free slots during the test
    // Three connections each waiting on a reply: none is idle, so none can make room.
    RawHttpClient a, b, c, d;
    int n = 0;
    for (RawHttpClient *client : {&a, &b, &c}) {
        QVERIFY(client->connectTo(m_port));
        client->send("GET /later/" + QByteArray::number(n++) + " HTTP/1.1\r\nHost: x\r\n\r\n");
    }
    QTRY_COMPARE(m_deferred.size(), 3);
    QCOMPARE(m_server->connectionCount(), 3);
    QVERIFY(d.connectTo(m_port));
    const RawResponse r = d.read();
    QCOMPARE(r.status, 503);
    QCOMPARE(errorCode(r), QStringLiteral("SERVICE_UNAVAILABLE"));
    QVERIFY(d.waitClosed());

    a.socket.abort();
    QTRY_COMPARE(m_server->connectionCount(), 2);
    RawHttpClient e;
    QVERIFY(e.connectTo(m_port));
    e.send("GET /hello HTTP/1.1\r\nHost: x\r\n\r\n");
    QCOMPARE(e.read().status, 200);
}

void TestHttpLimits::pipelineDepthPausesReading()
{
    RawHttpClient c;
    QVERIFY(c.connectTo(m_port));
    QByteArray burst;
    for (int i = 0; i < 5; ++i)
        burst += "GET /later/" + QByteArray::number(i) + " HTTP/1.1\r\nHost: x\r\n\r\n";
    c.send(burst);
    QTRY_COMPARE(m_deferred.size(), 2);
    QVERIFY(roundTrip());
    QCOMPARE(m_deferred.size(), 2); // maxPipelined = 2: the rest waits in the socket

    // Answer the second first: nothing may go out before the first.
    m_deferred.at(1).send(HttpResponse::json(200, QJsonObject{{QStringLiteral("n"), 1}}));
    QVERIFY(roundTrip());
    QVERIFY(!heardFrom(c));
    m_deferred.at(0).send(HttpResponse::json(200, QJsonObject{{QStringLiteral("n"), 0}}));
    QTRY_COMPARE(m_deferred.size(), 4);
    m_deferred.at(2).send(HttpResponse::json(200, QJsonObject{{QStringLiteral("n"), 2}}));
    m_deferred.at(3).send(HttpResponse::json(200, QJsonObject{{QStringLiteral("n"), 3}}));
    QTRY_COMPARE(m_deferred.size(), 5);
    m_deferred.at(4).send(HttpResponse::json(200, QJsonObject{{QStringLiteral("n"), 4}}));
    for (int i = 0; i < 5; ++i) {
        const RawResponse r = c.read();
        QCOMPARE(r.status, 200);
        QCOMPARE(QJsonDocument::fromJson(r.body).object().value(QStringLiteral("n")).toInt(), i);
    }
}

QTEST_MAIN(TestHttpLimits)
#include "tst_httplimits.moc"
