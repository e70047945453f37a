#include "core/api/http/HttpRequestParser.h"

#include <QRandomGenerator>
#include <QtTest>

// The request parser on its own: bytes in, requests or an error status out.

using namespace tierdesk::http;
using Status = HttpRequestParser::Status;
using Phase = HttpRequestParser::Phase;

namespace {

HttpLimits smallLimits()
{
    HttpLimits l;
    l.maxBodyBytes = 64;
    l.maxHeaderBytes = 256;
    l.maxUrlBytes = 64;
    return l;
}

// Feeds all of bytes, chunk bytes at a time; collects the requests; stops at an error.
struct Outcome {
    QList<HttpRequest> requests;
    int error = 0; // -1: the parser stopped consuming without a reason
    QString message;
    QString errorPath;
    qint64 consumed = 0;
};

Outcome parseAll(HttpRequestParser &parser, const QByteArray &bytes, qsizetype chunk = 0)
{
    Outcome out;
    if (chunk <= 0)
        chunk = bytes.size();
    for (qsizetype at = 0; at < bytes.size() && out.error == 0; at += chunk) {
        const QByteArray piece = bytes.mid(at, chunk);
        qint64 pos = 0;
        while (pos < piece.size()) {
            const qint64 used = parser.feed(piece.constData() + pos, piece.size() - pos);
            pos += used;
            out.consumed += used;
            if (parser.status() == Status::Request) {
                out.requests.append(parser.takeRequest());
            } else if (parser.status() == Status::Error) {
                out.error = parser.errorStatus();
                out.message = parser.errorMessage();
                out.errorPath = parser.errorPath();
                break;
            } else if (used == 0) {
                out.error = -1; // NeedMore must consume everything: stuck
                break;
            }
        }
    }
    return out;
}

int errorOf(const QByteArray &bytes, qsizetype chunk = 0)
{
    HttpRequestParser parser(smallLimits());
    return parseAll(parser, bytes, chunk).error;
}

} // namespace

class TestHttpRequestParser : public QObject {
    Q_OBJECT

private slots:
    void simpleGet();
    void anyChunkingGivesTheSameRequests();
    void pipelinedRequestsOneAtATime();
    void bodies();
    void limits_data();
    void limits();
    void versions_data();
    void versions();
    void rfc9112HeaderRules_data();
    void rfc9112HeaderRules();
    void keepAliveAndContinue();
    void webSocketUpgradeStopsAtTheHead();
    void targets();
    void nothingAfterAnError();
    void randomBytesNeverCrash();
};

void TestHttpRequestParser::simpleGet()
{
    HttpRequestParser parser;
    const QByteArray bytes = "GET /a%20b/c?x=1&y=two HTTP/1.1\r\nHost: example\r\nX-Thing:  v1 \r\nx-thing: v2\r\n\r\n";
    QCOMPARE(parser.phase(), Phase::Idle);
    QCOMPARE(parser.feed(bytes.constData(), bytes.size()), qint64(bytes.size()));
    QCOMPARE(parser.status(), Status::Request);
    QCOMPARE(parser.phase(), Phase::Idle);
    QVERIFY(parser.keepAlive());
    QVERIFY(!parser.isWebSocketUpgrade());
    const HttpRequest r = parser.takeRequest();
    QCOMPARE(r.method, QByteArray("GET"));
    QCOMPARE(r.path, QStringLiteral("/a b/c"));
    QCOMPARE(r.query.queryItemValue(QStringLiteral("y")), QStringLiteral("two"));
    QCOMPARE(r.rawPath, QByteArray("/a%20b/c")); // as sent, for request signatures
    QCOMPARE(r.rawQuery, QByteArray("x=1&y=two"));
    QCOMPARE(r.header("host"), QByteArray("example"));
    QCOMPARE(r.header("x-thing"), QByteArray("v1, v2"));
    QVERIFY(r.body.isEmpty());
}

void TestHttpRequestParser::anyChunkingGivesTheSameRequests()
{
    const QByteArray bytes
        = "POST /p HTTP/1.1\r\nHost: h\r\nContent-Length: 5\r\n\r\nhello"
          "GET /q?z=1 HTTP/1.1\r\nHost: h\r\n\r\n"
          "POST /c HTTP/1.1\r\nHost: h\r\nTransfer-Encoding: chunked\r\n\r\n3\r\nabc\r\n2\r\nde\r\n0\r\n\r\n";
    for (qsizetype chunk : {qsizetype(1), qsizetype(2), qsizetype(7), qsizetype(64), bytes.size()}) {
        HttpRequestParser parser(smallLimits());
        const Outcome out = parseAll(parser, bytes, chunk);
        QCOMPARE(out.error, 0);
        QCOMPARE(out.consumed, qint64(bytes.size()));
        QCOMPARE(out.requests.size(), 3);
        QCOMPARE(out.requests[0].body, QByteArray("hello"));
        QCOMPARE(out.requests[1].path, QStringLiteral("/q"));
        QCOMPARE(out.requests[2].body, QByteArray("abcde"));
    }
}

void TestHttpRequestParser::pipelinedRequestsOneAtATime()
{
    HttpRequestParser parser;
    const QByteArray first = "GET /1 HTTP/1.1\r\nHost: h\r\n\r\n";
    const QByteArray bytes = first + "GET /2 HTTP/1.1\r\nHost: h\r\n\r\nGET /3 HT";
    const qint64 used = parser.feed(bytes.constData(), bytes.size());
    QCOMPARE(used, qint64(first.size())); // stops right after the first request
    QCOMPARE(parser.takeRequest().path, QStringLiteral("/1"));
    const qint64 used2 = parser.feed(bytes.constData() + used, bytes.size() - used);
    QCOMPARE(parser.status(), Status::Request);
    QCOMPARE(parser.takeRequest().path, QStringLiteral("/2"));
    const qint64 rest = bytes.size() - used - used2;
    QCOMPARE(parser.feed(bytes.constData() + used + used2, rest), rest);
    QCOMPARE(parser.status(), Status::NeedMore);
    QCOMPARE(parser.phase(), Phase::Head);
}

void TestHttpRequestParser::bodies()
{
    HttpRequestParser parser(smallLimits());
    const Outcome out = parseAll(parser,
        "POST /e HTTP/1.1\r\nHost: h\r\nTransfer-Encoding: chunked\r\n\r\n"
        "2\r\nok\r\n0\r\nX-Trailer: t\r\n\r\n");
    QCOMPARE(out.error, 0);
    QCOMPARE(out.requests.size(), 1);
    QCOMPARE(out.requests[0].body, QByteArray("ok"));
    QVERIFY(!out.requests[0].headers.contains("x-trailer")); // trailers are not headers

    HttpRequestParser partial(smallLimits());
    const QByteArray head = "POST /e HTTP/1.1\r\nHost: h\r\nContent-Length: 10\r\n\r\nabc";
    QCOMPARE(partial.feed(head.constData(), head.size()), qint64(head.size()));
    QCOMPARE(partial.status(), Status::NeedMore);
    QCOMPARE(partial.phase(), Phase::Body);
}

void TestHttpRequestParser::limits_data()
{
    QTest::addColumn<QByteArray>("bytes");
    QTest::addColumn<int>("status");
    QTest::newRow("body by length") << QByteArray("POST / HTTP/1.1\r\nContent-Length: 65\r\n\r\n") << 413;
    QTest::newRow("body, huge length") << QByteArray("POST / HTTP/1.1\r\nContent-Length: 99999999999\r\n\r\n") << 413;
    QTest::newRow("chunked body") << QByteArray("POST / HTTP/1.1\r\nTransfer-Encoding: chunked\r\n\r\n41\r\n")
            + QByteArray(65, 'a')
            + "\r\n0\r\n\r\n" << 413;
    QTest::newRow("url") << QByteArray("GET /" + QByteArray(64, 'u') + " HTTP/1.1\r\n\r\n") << 414;
    QTest::newRow("one big header") << QByteArray("GET / HTTP/1.1\r\nX: " + QByteArray(300, 'h') + "\r\n\r\n") << 431;
    QByteArray many = "GET / HTTP/1.1\r\n";
    for (int i = 0; i < 40; ++i)
        many += "A" + QByteArray::number(i) + ":1\r\n";
    QTest::newRow("many small headers") << many + "\r\n" << 431;
    QTest::newRow("endless blank lines") << QByteArray(300, '\n') << 431;
    QTest::newRow("length and chunked") << QByteArray("POST / HTTP/1.1\r\nContent-Length: 3\r\n"
                                                      "Transfer-Encoding: chunked\r\n\r\n0\r\n\r\n")
                                        << 400;
    QTest::newRow("bad length") << QByteArray("POST / HTTP/1.1\r\nContent-Length: x\r\n\r\n") << 400;
    QTest::newRow("garbage") << QByteArray("GARBAGE\r\n\r\n") << 400;
}

void TestHttpRequestParser::limits()
{
    QFETCH(QByteArray, bytes);
    QFETCH(int, status);
    QCOMPARE(errorOf(bytes), status);
    QCOMPARE(errorOf(bytes, 3), status);
}

void TestHttpRequestParser::versions_data()
{
    QTest::addColumn<QByteArray>("bytes");
    QTest::addColumn<int>("status");
    QTest::newRow("1.1") << QByteArray("GET /api/cs/x HTTP/1.1\r\nHost: h\r\n\r\n") << 0;
    QTest::newRow("1.0") << QByteArray("GET /api/cs/x HTTP/1.0\r\n\r\n") << 0;
    QTest::newRow("0.9") << QByteArray("GET /api/cs/x HTTP/0.9\r\nHost: h\r\n\r\n") << 505;
    QTest::newRow("2.0") << QByteArray("GET /api/cs/x HTTP/2.0\r\nHost: h\r\n\r\n") << 505;
    QTest::newRow("9.9") << QByteArray("GET /api/cs/x HTTP/9.9\r\nHost: h\r\n\r\n") << 505;
    QTest::newRow("no version") << QByteArray("GET /api/cs/x\r\n") << 505;
    QTest::newRow("no version, LF") << QByteArray("GET /api/cs/x\n") << 505;
    QTest::newRow("two-digit version") << QByteArray("GET /api/cs/x HTTP/10.1\r\n\r\n") << 400;
}

void TestHttpRequestParser::versions()
{
    QFETCH(QByteArray, bytes);
    QFETCH(int, status);
    for (qsizetype chunk : {qsizetype(1), bytes.size()}) {
        HttpRequestParser parser;
        const Outcome out = parseAll(parser, bytes, chunk);
        QCOMPARE(out.error, status);
        if (status == 505)
            QCOMPARE(out.errorPath, QStringLiteral("/api/cs/x")); // the error body follows the path's family
        else if (status == 0)
            QCOMPARE(out.requests.size(), 1);
    }
}

void TestHttpRequestParser::rfc9112HeaderRules_data()
{
    QTest::addColumn<QByteArray>("head");
    QTest::addColumn<int>("status");
    QTest::newRow("space before colon") << QByteArray("Host : h\r\n") << 400;
    QTest::newRow("tab before colon") << QByteArray("Host\t: h\r\n") << 400;
    QTest::newRow("space inside a name") << QByteArray("Ho st: h\r\n") << 400;
    QTest::newRow("obs-fold") << QByteArray("Host: h\r\nX: a\r\n b\r\n") << 400;
    QTest::newRow("obs-fold, tab") << QByteArray("Host: h\r\nX: a\r\n\tb\r\n") << 400;
    QTest::newRow("obs-fold, bare LF") << QByteArray("Host: h\nX: a\n b\n") << 400;
    QTest::newRow("obs-fold of an empty value") << QByteArray("Host: h\r\nX:\r\n b\r\n") << 400;
    QTest::newRow("obs-fold of nothing") << QByteArray("Host: h\r\nX: a\r\n \r\n") << 400;
    QTest::newRow("two Host") << QByteArray("Host: h\r\nHost: h\r\n") << 400;
    QTest::newRow("two Host, cases differ") << QByteArray("host: h\r\nHOST: i\r\n") << 400;
    QTest::newRow("space after colon is fine") << QByteArray("Host:  h \r\nX:\t1\r\n") << 0;
    QTest::newRow("empty value is fine") << QByteArray("Host: h\r\nX:\r\nY: 2\r\n") << 0;
    QTest::newRow("bare LF is fine") << QByteArray("Host: h\nX: 1\n") << 0;
}

void TestHttpRequestParser::rfc9112HeaderRules()
{
    QFETCH(QByteArray, head);
    QFETCH(int, status);
    const QByteArray bytes = "GET / HTTP/1.1\r\n" + head + (head.endsWith("\r\n") ? "\r\n" : "\n");
    // Every split point: the line break and the fold's space may arrive in different reads.
    for (qsizetype chunk = 1; chunk <= 8; ++chunk)
        QCOMPARE(errorOf(bytes, chunk), status);
    QCOMPARE(errorOf(bytes), status);
}

void TestHttpRequestParser::keepAliveAndContinue()
{
    HttpRequestParser p10;
    QByteArray bytes = "GET / HTTP/1.0\r\nConnection: keep-alive\r\n\r\n";
    p10.feed(bytes.constData(), bytes.size());
    QVERIFY(p10.keepAlive());
    QVERIFY(p10.http10KeepAlive());

    HttpRequestParser close;
    bytes = "GET / HTTP/1.1\r\nConnection: close\r\n\r\n";
    close.feed(bytes.constData(), bytes.size());
    QVERIFY(!close.keepAlive());

    HttpRequestParser parser;
    bytes = "POST / HTTP/1.1\r\nHost: h\r\nExpect: 100-continue\r\nContent-Length: 2\r\n\r\n";
    QCOMPARE(parser.feed(bytes.constData(), bytes.size()), qint64(bytes.size()));
    QCOMPARE(parser.status(), Status::NeedMore);
    QVERIFY(parser.takeExpectContinue());
    QVERIFY(!parser.takeExpectContinue()); // once
    parser.feed("ok", 2);
    QCOMPARE(parser.status(), Status::Request);
    QCOMPARE(parser.takeRequest().body, QByteArray("ok"));
}

void TestHttpRequestParser::webSocketUpgradeStopsAtTheHead()
{
    HttpRequestParser parser;
    const QByteArray head = "GET /ws HTTP/1.1\r\nHost: h\r\nUpgrade: WebSocket\r\nConnection: keep-alive, Upgrade\r\n"
                            "Sec-WebSocket-Version: 13\r\n\r\n";
    const QByteArray bytes = head + "\x81\x85garbage";
    QCOMPARE(parser.feed(bytes.constData(), bytes.size()), qint64(head.size()));
    QCOMPARE(parser.status(), Status::Request);
    QVERIFY(parser.isWebSocketUpgrade());
    QCOMPARE(parser.takeRequest().header("sec-websocket-version"), QByteArray("13"));

    HttpRequestParser post;
    const QByteArray notGet = "POST /ws HTTP/1.1\r\nHost: h\r\nUpgrade: websocket\r\nConnection: Upgrade\r\n\r\n";
    post.feed(notGet.constData(), notGet.size());
    QCOMPARE(post.status(), Status::Request);
    QVERIFY(!post.isWebSocketUpgrade());
}

void TestHttpRequestParser::targets()
{
    HttpRequestParser parser;
    const Outcome out = parseAll(parser,
        "GET http://example.com/abs/path?q=1 HTTP/1.1\r\nHost: h\r\n\r\n"
        "OPTIONS * HTTP/1.1\r\nHost: h\r\n\r\n"
        "GET /frag#x HTTP/1.1\r\nHost: h\r\n\r\n");
    QCOMPARE(out.requests.size(), 3);
    QCOMPARE(out.requests[0].path, QStringLiteral("/abs/path"));
    QCOMPARE(out.requests[0].query.queryItemValue(QStringLiteral("q")), QStringLiteral("1"));
    QCOMPARE(out.requests[1].path, QStringLiteral("*"));
    QCOMPARE(out.requests[2].path, QStringLiteral("/frag"));
}

void TestHttpRequestParser::nothingAfterAnError()
{
    HttpRequestParser parser;
    const QByteArray bad = "GET / HTTP/1.1\r\nHost : h\r\n\r\nGET / HTTP/1.1\r\nHost: h\r\n\r\n";
    parser.feed(bad.constData(), bad.size());
    QCOMPARE(parser.status(), Status::Error);
    QCOMPARE(parser.errorStatus(), 400);
    QVERIFY(!parser.errorMessage().isEmpty());
    QCOMPARE(parser.feed(bad.constData(), bad.size()), qint64(0));
    QCOMPARE(parser.status(), Status::Error);
}

void TestHttpRequestParser::randomBytesNeverCrash()
{
    // Not a fuzzer: a smoke test that mangled requests end in a request or an error status.
    QRandomGenerator rng(20240611);
    const QByteArray seed = "POST /api/cs/sessions?x=1 HTTP/1.1\r\nHost: h\r\nTransfer-Encoding: chunked\r\n\r\n"
                            "4\r\nabcd\r\n0\r\n\r\nGET / HTTP/1.0\r\n\r\n";
    for (int round = 0; round < 3000; ++round) {
        QByteArray bytes = seed;
        const int edits = 1 + int(rng.bounded(6));
        for (int e = 0; e < edits; ++e)
            bytes[qsizetype(rng.bounded(quint32(bytes.size())))] = char(rng.bounded(256));
        HttpRequestParser parser(smallLimits());
        const Outcome out = parseAll(parser, bytes, qsizetype(1 + rng.bounded(16)));
        QVERIFY(out.error == 0 || (out.error >= 400 && out.error <= 505));
        QVERIFY(out.consumed <= bytes.size());
    }
}

QTEST_MAIN(TestHttpRequestParser)
#include "tst_httprequestparser.moc"
