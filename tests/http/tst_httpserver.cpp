#include "RawHttpClient.h"

#include "core/api/http/HttpServer.h"

#include <QJsonDocument>
#include <QNetworkAccessManager>
#include <QNetworkReply>
#include <QSignalSpy>
#include <QTimeZone>
#include <QtTest>

#include <stdexcept>

using namespace tierdesk::http;
using tierdesk::test::RawHttpClient;
using tierdesk::test::RawResponse;

namespace {

QJsonObject parseObject(const QByteArray &body)
{
    return QJsonDocument::fromJson(body).object();
}

// The head of the first answer to `request`, sent on a fresh connection ("" when none came).
QByteArray answerHead(quint16 port, const QByteArray &request)
{
    QTcpSocket socket;
    socket.connectToHost(QHostAddress(QHostAddress::LocalHost), port);
    if (!socket.waitForConnected(5000))
        return {};
    socket.write(request);
    QByteArray got;
    const bool complete = QTest::qWaitFor(
        [&] {
            got += socket.readAll();
            return got.contains("\r\n\r\n");
        },
        5000);
    return complete ? got.left(got.indexOf("\r\n\r\n") + 2) : QByteArray();
}

} // namespace

class TestHttpServer : public QObject {
    Q_OBJECT

private slots:
    void init();
    void cleanup();

    void getThroughNetworkAccessManager();
    void pathParamsAndQuery();
    void postBodyEcho();
    void keepAliveIsDefault();
    void connectionCloseHonoured();
    void http10ClosesUnlessKeepAlive();
    void unknownPathIs404();
    void wrongMethodIs405WithAllow();
    void headServesGetWithoutBody();
    void optionsAnswersAllow();
    void errorFormatterLongestPrefixWins();
    void chunkedBodyDecoded();
    void expectContinue();
    void throwingHandlerIs500();
    void deferredResponderAfterClientLeft();
    void pipelinedRepliesKeepRequestOrder();
    void accessLogSeesEveryResponse();
    void everyAnswerSaysNosniff_data();
    void everyAnswerSaysNosniff();

private:
    QByteArray fetch(QNetworkAccessManager &nam, QNetworkRequest req, const QByteArray &verb, const QByteArray &body,
        int *status, QNetworkReply **keep = nullptr);

    HttpServer *m_server = nullptr;
    quint16 m_port = 0;
    QList<HttpResponder> m_deferred;
};

void TestHttpServer::init()
{
    m_server = new HttpServer();
    Router &r = m_server->router();
    r.route("GET", QStringLiteral("/hello"), [](const HttpRequest &, const HttpResponder &res) {
        res.send(HttpResponse::json(200, QJsonObject{{QStringLiteral("hello"), QStringLiteral("world")}}));
    });
    r.route("POST", QStringLiteral("/hello"), [](const HttpRequest &req, const HttpResponder &res) {
        res.send(HttpResponse::json(201, QJsonObject{{QStringLiteral("got"), QString::fromUtf8(req.body)}}));
    });
    r.route("GET", QStringLiteral("/items/:id"), [](const HttpRequest &req, const HttpResponder &res) {
        res.send(HttpResponse::json(200,
            QJsonObject{{QStringLiteral("id"), req.pathParams.value(QStringLiteral("id"))},
                {QStringLiteral("q"), req.query.queryItemValue(QStringLiteral("q"), QUrl::FullyDecoded)},
                {QStringLiteral("path"), req.path}}));
    });
    r.route("POST", QStringLiteral("/echo"), [](const HttpRequest &req, const HttpResponder &res) {
        HttpResponse out;
        out.contentType = "text/plain";
        out.body = req.body;
        res.send(out);
    });
    r.route("GET", QStringLiteral("/throw"),
        [](const HttpRequest &, const HttpResponder &) { throw std::runtime_error("boom"); });
    r.route("GET", QStringLiteral("/later"),
        [this](const HttpRequest &, const HttpResponder &res) { m_deferred.append(res); });
    r.route("GET", QStringLiteral("/fast"), [](const HttpRequest &, const HttpResponder &res) {
        HttpResponse out;
        out.contentType = "text/plain";
        out.body = "fast";
        res.send(out);
    });
    r.route("GET", QStringLiteral("/own-nosniff"), [](const HttpRequest &, const HttpResponder &res) {
        HttpResponse out = HttpResponse::noContent();
        res.send(std::move(out.withHeader("x-content-type-options", "sniff-away")));
    });
    QVERIFY(m_server->listen(QHostAddress::LocalHost, 0));
    m_port = m_server->serverPort();
    QVERIFY(m_port != 0);
}

void TestHttpServer::cleanup()
{
    m_deferred.clear();
    delete m_server;
    m_server = nullptr;
}

QByteArray TestHttpServer::fetch(QNetworkAccessManager &nam, QNetworkRequest req, const QByteArray &verb,
    const QByteArray &body, int *status, QNetworkReply **keep)
{
    QNetworkReply *reply = nam.sendCustomRequest(req, verb, body);
    QSignalSpy done(reply, &QNetworkReply::finished);
    if (!done.wait(5000))
        return {};
    *status = reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt();
    const QByteArray data = reply->readAll();
    if (keep)
        *keep = reply;
    else
        reply->deleteLater();
    return data;
}

void TestHttpServer::getThroughNetworkAccessManager()
{
    QNetworkAccessManager nam;
    QNetworkRequest req(QUrl(QStringLiteral("http://127.0.0.1:%1/hello").arg(m_port)));
    int status = 0;
    QNetworkReply *reply = nullptr;
    const QByteArray body = fetch(nam, req, "GET", {}, &status, &reply);
    QVERIFY(reply);
    QCOMPARE(status, 200);
    QCOMPARE(body, QByteArray(R"({"hello":"world"})"));
    QCOMPARE(reply->rawHeader("Content-Type"), QByteArray("application/json"));
    QCOMPARE(reply->rawHeader("Content-Length"), QByteArray::number(body.size()));
    QCOMPARE(reply->rawHeader("Server"), QByteArray("Tierdesk"));
    const QByteArray date = reply->rawHeader("Date");
    QVERIFY(date.endsWith(" GMT"));
    QDateTime sent
        = QLocale::c().toDateTime(QString::fromLatin1(date), QStringLiteral("ddd, dd MMM yyyy hh:mm:ss 'GMT'"));
    sent.setTimeZone(QTimeZone::utc());
    QVERIFY2(sent.isValid(), date.constData());
    QVERIFY(qAbs(sent.secsTo(QDateTime::currentDateTimeUtc())) < 5);
    reply->deleteLater();
}

void TestHttpServer::pathParamsAndQuery()
{
    QNetworkAccessManager nam;
    QNetworkRequest req(QUrl(QStringLiteral("http://127.0.0.1:%1/items/a%20b?q=x%26y").arg(m_port)));
    int status = 0;
    const QJsonObject o = parseObject(fetch(nam, req, "GET", {}, &status));
    QCOMPARE(status, 200);
    QCOMPARE(o.value(QStringLiteral("id")).toString(), QStringLiteral("a b"));
    QCOMPARE(o.value(QStringLiteral("q")).toString(), QStringLiteral("x&y"));
    QCOMPARE(o.value(QStringLiteral("path")).toString(), QStringLiteral("/items/a b"));
}

void TestHttpServer::postBodyEcho()
{
    QNetworkAccessManager nam;
    QNetworkRequest req(QUrl(QStringLiteral("http://127.0.0.1:%1/hello").arg(m_port)));
    req.setHeader(QNetworkRequest::ContentTypeHeader, QStringLiteral("text/plain"));
    int status = 0;
    const QJsonObject o = parseObject(fetch(nam, req, "POST", "payload", &status));
    QCOMPARE(status, 201);
    QCOMPARE(o.value(QStringLiteral("got")).toString(), QStringLiteral("payload"));
}

void TestHttpServer::keepAliveIsDefault()
{
    RawHttpClient c;
    QVERIFY(c.connectTo(m_port));
    for (int i = 0; i < 3; ++i) {
        c.send("GET /hello HTTP/1.1\r\nHost: x\r\n\r\n");
        const RawResponse r = c.read();
        QCOMPARE(r.status, 200);
        QVERIFY(r.header("connection").isEmpty());
        QCOMPARE(r.body, QByteArray(R"({"hello":"world"})"));
    }
    // By the answer on another connection, a close after the last reply would have arrived.
    RawHttpClient other;
    QVERIFY(other.connectTo(m_port));
    other.send("GET /hello HTTP/1.1\r\nHost: x\r\n\r\n");
    QCOMPARE(other.read().status, 200);
    QCOMPARE(c.socket.state(), QAbstractSocket::ConnectedState);
    QVERIFY(c.socket.readAll().isEmpty());
}

void TestHttpServer::connectionCloseHonoured()
{
    RawHttpClient c;
    QVERIFY(c.connectTo(m_port));
    c.send("GET /hello HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n");
    const RawResponse r = c.read();
    QCOMPARE(r.status, 200);
    QCOMPARE(r.header("connection"), QByteArray("close"));
    QVERIFY(c.waitClosed());
}

void TestHttpServer::http10ClosesUnlessKeepAlive()
{
    {
        RawHttpClient c;
        QVERIFY(c.connectTo(m_port));
        c.send("GET /hello HTTP/1.0\r\n\r\n");
        QCOMPARE(c.read().status, 200);
        QVERIFY(c.waitClosed());
    }
    RawHttpClient c;
    QVERIFY(c.connectTo(m_port));
    c.send("GET /hello HTTP/1.0\r\nConnection: keep-alive\r\n\r\n");
    const RawResponse r = c.read();
    QCOMPARE(r.status, 200);
    QCOMPARE(r.header("connection").toLower(), QByteArray("keep-alive"));
    c.send("GET /hello HTTP/1.0\r\nConnection: keep-alive\r\n\r\n");
    QCOMPARE(c.read().status, 200);
    QCOMPARE(c.socket.state(), QAbstractSocket::ConnectedState);
}

void TestHttpServer::unknownPathIs404()
{
    RawHttpClient c;
    QVERIFY(c.connectTo(m_port));
    c.send("GET /nope HTTP/1.1\r\nHost: x\r\n\r\n");
    const RawResponse r = c.read();
    QCOMPARE(r.status, 404);
    QCOMPARE(r.header("content-type"), QByteArray("application/json"));
    const QJsonObject err = parseObject(r.body).value(QStringLiteral("error")).toObject();
    QCOMPARE(err.value(QStringLiteral("code")).toString(), QStringLiteral("NOT_FOUND"));
    QVERIFY(!err.value(QStringLiteral("message")).toString().isEmpty());
    // An error the server produced does not cost the connection.
    c.send("GET /hello HTTP/1.1\r\nHost: x\r\n\r\n");
    QCOMPARE(c.read().status, 200);
}

void TestHttpServer::wrongMethodIs405WithAllow()
{
    RawHttpClient c;
    QVERIFY(c.connectTo(m_port));
    c.send("DELETE /hello HTTP/1.1\r\nHost: x\r\n\r\n");
    const RawResponse r = c.read();
    QCOMPARE(r.status, 405);
    QCOMPARE(r.header("allow"), QByteArray("GET, HEAD, OPTIONS, POST"));
    const QJsonObject err = parseObject(r.body).value(QStringLiteral("error")).toObject();
    QCOMPARE(err.value(QStringLiteral("code")).toString(), QStringLiteral("METHOD_NOT_ALLOWED"));
}

void TestHttpServer::headServesGetWithoutBody()
{
    RawHttpClient c;
    QVERIFY(c.connectTo(m_port));
    c.send("GET /hello HTTP/1.1\r\nHost: x\r\n\r\n");
    const RawResponse get = c.read();
    c.send("HEAD /hello HTTP/1.1\r\nHost: x\r\n\r\n");
    const RawResponse head = c.read(3000, true);
    QCOMPARE(head.status, 200);
    QCOMPARE(head.header("content-length"), get.header("content-length"));
    QCOMPARE(head.header("content-type"), get.header("content-type"));
    QVERIFY(head.body.isEmpty());
    // No body bytes followed the HEAD reply: the next reply starts right at the buffer head.
    c.send("GET /fast HTTP/1.1\r\nHost: x\r\n\r\n");
    const RawResponse next = c.read();
    QCOMPARE(next.status, 200);
    QCOMPARE(next.body, QByteArray("fast"));
}

void TestHttpServer::optionsAnswersAllow()
{
    RawHttpClient c;
    QVERIFY(c.connectTo(m_port));
    c.send("OPTIONS /items/7 HTTP/1.1\r\nHost: x\r\n\r\n");
    const RawResponse r = c.read();
    QCOMPARE(r.status, 204);
    QCOMPARE(r.header("allow"), QByteArray("GET, HEAD, OPTIONS"));
    QVERIFY(r.body.isEmpty());
    c.send("OPTIONS /unknown HTTP/1.1\r\nHost: x\r\n\r\n");
    QCOMPARE(c.read().status, 404);
}

void TestHttpServer::errorFormatterLongestPrefixWins()
{
    m_server->setErrorFormatter(QStringLiteral("/api"), [](int status, const QString &message, const QString &) {
        return HttpResponse::json(status,
            QJsonObject{{QStringLiteral("family"), QStringLiteral("api")}, {QStringLiteral("message"), message}});
    });
    m_server->setErrorFormatter(QStringLiteral("/api/cs"), [](int status, const QString &, const QString &path) {
        return HttpResponse::json(
            status, QJsonObject{{QStringLiteral("family"), QStringLiteral("cs")}, {QStringLiteral("path"), path}});
    });
    RawHttpClient c;
    QVERIFY(c.connectTo(m_port));
    c.send("GET /api/cs/x HTTP/1.1\r\nHost: x\r\n\r\nGET /api/query HTTP/1.1\r\nHost: x\r\n\r\n"
           "GET /other HTTP/1.1\r\nHost: x\r\n\r\nGET /apix HTTP/1.1\r\nHost: x\r\n\r\n");
    const RawResponse cs = c.read();
    const RawResponse api = c.read();
    const RawResponse other = c.read();
    const RawResponse notUnderApi = c.read(); // "/api" is a prefix of whole segments only
    QCOMPARE(notUnderApi.status, 404);
    QVERIFY(parseObject(notUnderApi.body).value(QStringLiteral("error")).isObject());
    QCOMPARE(cs.status, 404);
    QCOMPARE(parseObject(cs.body).value(QStringLiteral("family")).toString(), QStringLiteral("cs"));
    QCOMPARE(parseObject(cs.body).value(QStringLiteral("path")).toString(), QStringLiteral("/api/cs/x"));
    QCOMPARE(api.status, 404);
    QCOMPARE(parseObject(api.body).value(QStringLiteral("family")).toString(), QStringLiteral("api"));
    QCOMPARE(other.status, 404);
    QVERIFY(parseObject(other.body).value(QStringLiteral("error")).isObject());
}

void TestHttpServer::chunkedBodyDecoded()
{
    RawHttpClient c;
    QVERIFY(c.connectTo(m_port));
    c.send("POST /echo HTTP/1.1\r\nHost: x\r\nTransfer-Encoding: chunked\r\n\r\n"
           "5\r\nhello\r\n7\r\n, world\r\n0\r\n\r\n");
    const RawResponse r = c.read();
    QCOMPARE(r.status, 200);
    QCOMPARE(r.body, QByteArray("hello, world"));
    QCOMPARE(r.header("content-length"), QByteArray("12"));
}

void TestHttpServer::expectContinue()
{
    RawHttpClient c;
    QVERIFY(c.connectTo(m_port));
    c.send("POST /echo HTTP/1.1\r\nHost: x\r\nContent-Length: 5\r\nExpect: 100-continue\r\n\r\n");
    const RawResponse interim = c.read();
    QCOMPARE(interim.status, 100);
    c.send("abcde");
    const RawResponse r = c.read();
    QCOMPARE(r.status, 200);
    QCOMPARE(r.body, QByteArray("abcde"));

    RawHttpClient big;
    QVERIFY(big.connectTo(m_port));
    big.send("POST /echo HTTP/1.1\r\nHost: x\r\nContent-Length: 5000000\r\nExpect: 100-continue\r\n\r\n");
    const RawResponse refused = big.read();
    QCOMPARE(refused.status, 413);
    QVERIFY(big.waitClosed());
}

void TestHttpServer::throwingHandlerIs500()
{
    RawHttpClient c;
    QVERIFY(c.connectTo(m_port));
    c.send("GET /throw HTTP/1.1\r\nHost: x\r\n\r\n");
    const RawResponse r = c.read();
    QCOMPARE(r.status, 500);
    QCOMPARE(parseObject(r.body).value(QStringLiteral("error")).toObject().value(QStringLiteral("code")).toString(),
        QStringLiteral("INTERNAL_ERROR"));
    c.send("GET /hello HTTP/1.1\r\nHost: x\r\n\r\n");
    QCOMPARE(c.read().status, 200);
}

void TestHttpServer::deferredResponderAfterClientLeft()
{
    {
        RawHttpClient c;
        QVERIFY(c.connectTo(m_port));
        c.send("GET /later HTTP/1.1\r\nHost: x\r\n\r\n");
        QTRY_COMPARE(m_deferred.size(), 1);
        QVERIFY(m_deferred.first().isConnected());
        c.socket.abort();
    }
    const HttpResponder kept = m_deferred.first();
    QTRY_VERIFY(!kept.isConnected()); // the server has seen the client go
    kept.send(HttpResponse::json(200, QJsonObject{}));
    kept.send(HttpResponse::json(200, QJsonObject{})); // second call ignored
    QVERIFY(!kept.isConnected());
    QVERIFY(kept.isSent());

    RawHttpClient next;
    QVERIFY(next.connectTo(m_port));
    next.send("GET /hello HTTP/1.1\r\nHost: x\r\n\r\n");
    QCOMPARE(next.read().status, 200);
}

void TestHttpServer::pipelinedRepliesKeepRequestOrder()
{
    RawHttpClient c;
    QVERIFY(c.connectTo(m_port));
    c.send("GET /later HTTP/1.1\r\nHost: x\r\n\r\nGET /fast HTTP/1.1\r\nHost: x\r\n\r\n"
           "GET /hello HTTP/1.1\r\nHost: x\r\n\r\n");
    QTRY_COMPARE(m_deferred.size(), 1); // the first is held; the two after it are answered at once
    // By the answer on another connection, a reply that overtook the first would have arrived.
    RawHttpClient other;
    QVERIFY(other.connectTo(m_port));
    other.send("GET /hello HTTP/1.1\r\nHost: x\r\n\r\n");
    QCOMPARE(other.read().status, 200);
    c.buffer += c.socket.readAll();
    QVERIFY2(c.buffer.isEmpty(), "a later reply overtook the unanswered first one");
    HttpResponse slow;
    slow.contentType = "text/plain";
    slow.body = "slow";
    m_deferred.first().send(slow);
    const RawResponse first = c.read();
    const RawResponse second = c.read();
    const RawResponse third = c.read();
    QCOMPARE(first.body, QByteArray("slow"));
    QCOMPARE(second.body, QByteArray("fast"));
    QCOMPARE(third.status, 200);
    QCOMPARE(third.body, QByteArray(R"({"hello":"world"})"));
}

void TestHttpServer::accessLogSeesEveryResponse()
{
    QList<QPair<QString, int>> log;
    m_server->setAccessLog([&log](const HttpRequest &req, int status, qint64 micros) {
        QVERIFY(micros >= 0);
        log.append({QString::fromLatin1(req.method) + u' ' + req.path, status});
    });
    RawHttpClient c;
    QVERIFY(c.connectTo(m_port));
    c.send("GET /hello HTTP/1.1\r\nHost: x\r\n\r\nPUT /hello HTTP/1.1\r\nHost: x\r\nContent-Length: 0\r\n\r\n");
    QCOMPARE(c.read().status, 200);
    QCOMPARE(c.read().status, 405);
    QCOMPARE(log.size(), 2);
    QCOMPARE(log.at(0), qMakePair(QStringLiteral("GET /hello"), 200));
    QCOMPARE(log.at(1), qMakePair(QStringLiteral("PUT /hello"), 405));
    m_server->setAccessLog(nullptr);
}

// Handler answers and the server's own errors alike: a browser must never sniff a JSON error
// or a download into HTML. A handler cannot send a second or a different value.
void TestHttpServer::everyAnswerSaysNosniff_data()
{
    QTest::addColumn<QByteArray>("request");
    QTest::addColumn<int>("status");
    QTest::newRow("json") << QByteArray("GET /hello HTTP/1.1\r\nHost: x\r\n\r\n") << 200;
    QTest::newRow("text") << QByteArray("POST /echo HTTP/1.1\r\nHost: x\r\nContent-Length: 2\r\n\r\nhi") << 200;
    QTest::newRow("head") << QByteArray("HEAD /hello HTTP/1.1\r\nHost: x\r\n\r\n") << 200;
    QTest::newRow("404") << QByteArray("GET /nope HTTP/1.1\r\nHost: x\r\n\r\n") << 404;
    QTest::newRow("405") << QByteArray("DELETE /hello HTTP/1.1\r\nHost: x\r\n\r\n") << 405;
    QTest::newRow("options") << QByteArray("OPTIONS /hello HTTP/1.1\r\nHost: x\r\n\r\n") << 204;
    QTest::newRow("500") << QByteArray("GET /throw HTTP/1.1\r\nHost: x\r\n\r\n") << 500;
    QTest::newRow("400") << QByteArray("GET /hello HTTP/1.1\r\nHost : x\r\n\r\n") << 400;
    QTest::newRow("505") << QByteArray("GET /hello HTTP/2.0\r\nHost: x\r\n\r\n") << 505;
    QTest::newRow("handler's own") << QByteArray("GET /own-nosniff HTTP/1.1\r\nHost: x\r\n\r\n") << 204;
}

void TestHttpServer::everyAnswerSaysNosniff()
{
    QFETCH(QByteArray, request);
    QFETCH(int, status);
    const QByteArray head = answerHead(m_port, request);
    QVERIFY2(head.startsWith(QByteArray("HTTP/1.1 " + QByteArray::number(status) + ' ')), head.constData());
    const QByteArray lower = head.toLower();
    QVERIFY2(lower.contains("\r\nx-content-type-options: nosniff\r\n"), head.constData());
    QCOMPARE(lower.count("x-content-type-options"), 1);
}

QTEST_MAIN(TestHttpServer)
#include "tst_httpserver.moc"
