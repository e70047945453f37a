#include "RawHttpClient.h"

#include "core/api/http/HttpServer.h"

#include <QElapsedTimer>
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
    RawHttpClient c;
    QVERIFY(c.connectTo(m_port));
    QElapsedTimer t;
    t.start();
    c.send("POST /echo HTTP/1.1\r\nHost: x\r\nContent-Length: 2147483648\r\n\r\n");
    const RawResponse r = c.read(1000);
    QCOMPARE(r.status, 413);
    QVERIFY2(t.elapsed() < 1000, "413 must not wait for the body");
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
    RawHttpClient c;
    QVERIFY(c.connectTo(m_port));
    QElapsedTimer t;
    t.start();
    c.send("GET /hello HTTP/1.1\r\nHost: x\r\n");
    c.idle(100);
    c.send("X-Slow: 1\r\n"); // still trickling: must not extend the deadline
    const RawResponse r = c.read(2000);
    QCOMPARE(r.status, 408);
    QVERIFY2(t.elapsed() >= 180 && t.elapsed() < 1000, qPrintable(QString::number(t.elapsed())));
    QCOMPARE(errorCode(r), QStringLiteral("REQUEST_TIMEOUT"));
    QVERIFY(c.waitClosed());

    // The same limit holds for a body that never completes.
    RawHttpClient body;
    QVERIFY(body.connectTo(m_port));
    body.send("POST /echo HTTP/1.1\r\nHost: x\r\nContent-Length: 10\r\n\r\nabc");
    QCOMPARE(body.read(2000).status, 408);
}

void TestHttpLimits::idleKeepAliveCloses()
{
    RawHttpClient c;
    QVERIFY(c.connectTo(m_port));
    c.send("GET /hello HTTP/1.1\r\nHost: x\r\n\r\n");
    QCOMPARE(c.read().status, 200);
    QElapsedTimer t;
    t.start();
    c.idle(100);
    QCOMPARE(c.socket.state(), QAbstractSocket::ConnectedState);
    c.send("GET /hello HTTP/1.1\r\nHost: x\r\n\r\n"); // activity restarts the idle clock
    QCOMPARE(c.read().status, 200);
    t.restart();
    QVERIFY(c.waitClosed(2000));
    QVERIFY2(t.elapsed() >= 150, qPrintable(QString::number(t.elapsed())));

    // A connection that never sends anything is closed too, silently.
    RawHttpClient silent;
    QVERIFY(silent.connectTo(m_port));
    QVERIFY(silent.waitClosed(2000));
    QVERIFY(silent.buffer.isEmpty());

    // A request waiting on its handler is not idle.
    RawHttpClient waiting;
    QVERIFY(waiting.connectTo(m_port));
    waiting.send("GET /later/1 HTTP/1.1\r\nHost: x\r\n\r\n");
    waiting.idle(400);
    QCOMPARE(waiting.socket.state(), QAbstractSocket::ConnectedState);
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
    c.idle(100);
    QCOMPARE(m_deferred.size(), 2); // maxPipelined = 2: the rest waits in the socket

    // Answer the second first: nothing may go out before the first.
    m_deferred.at(1).send(HttpResponse::json(200, QJsonObject{{QStringLiteral("n"), 1}}));
    c.idle(30);
    QVERIFY(c.buffer.isEmpty());
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
