#include "RawHttpClient.h"
#include "WebSocketFrames.h"

#include "core/api/http/HttpServer.h"
#include "core/api/http/WebSocket.h"

#include <QJsonDocument>
#include <QSignalSpy>
#include <QWebSocket>
#include <QtTest>

#include <memory>

using namespace tierdesk::http;
using tierdesk::test::clientFrame;
using tierdesk::test::closePayload;
using tierdesk::test::RawHttpClient;
using tierdesk::test::RawResponse;
using tierdesk::test::ServerFrame;
using tierdesk::test::takeServerFrame;

namespace {

const QByteArray kHandshake = "GET /ws?token=x HTTP/1.1\r\nHost: x\r\nUpgrade: websocket\r\nConnection: Upgrade\r\n"
                              "Sec-WebSocket-Key: dGhlIHNhbXBsZSBub25jZQ==\r\nSec-WebSocket-Version: 13\r\n\r\n";

// The next frame from the server, or opcode -1 when none came within timeoutMs.
ServerFrame readFrame(RawHttpClient &c, int timeoutMs = 3000)
{
    const QDeadlineTimer deadline(timeoutMs);
    for (;;) {
        c.buffer += c.socket.readAll();
        ServerFrame f = takeServerFrame(c.buffer);
        const bool ended = c.socket.state() != QAbstractSocket::ConnectedState && c.socket.bytesAvailable() == 0;
        if (f.opcode >= 0 || ended || !c.waitForNews(deadline))
            return f;
    }
}

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

class TestHttpWebSocket : public QObject {
    Q_OBJECT

private slots:
    void init();
    void cleanup();

    void acceptedUpgradeEchoes();
    void refusedUpgradeGets401();
    void upgradeAfterPipelinedRequest();
    void unmaskedClientFrameCloses();
    void badFramesFailTheConnection_data();
    void badFramesFailTheConnection();
    void unsupportedVersionGets426();
    void malformedKeyGets400();
    void pingAndFragments();
    void clientCloseIsAnswered();
    void serverCloseHandshake();
    void slowWebSocketReaderIsDropped();
    void slowReadersShareOneFrame();

private:
    void start(const HttpLimits &limits);
    bool openRaw(RawHttpClient &raw);

    QUrl wsUrl(const QString &token) const
    {
        return QUrl(QStringLiteral("ws://127.0.0.1:%1/ws?token=%2").arg(m_port).arg(token));
    }

    std::unique_ptr<HttpServer> m_server;
    quint16 m_port = 0;
    QList<HttpRequest> m_upgrades;
    QList<WebSocket *> m_serverSockets;
};

void TestHttpWebSocket::init()
{
    start(HttpLimits());
}

void TestHttpWebSocket::start(const HttpLimits &limits)
{
    qDeleteAll(m_serverSockets);
    m_serverSockets.clear();
    m_server = std::make_unique<HttpServer>(limits);
    m_server->router().route("GET", QStringLiteral("/hello"), [](const HttpRequest &, const HttpResponder &res) {
        res.send(HttpResponse::json(200, QJsonObject{{QStringLiteral("ok"), true}}));
    });
    m_server->setWebSocketRoute(
        QStringLiteral("/ws"),
        [](const HttpRequest &req) -> std::optional<HttpResponse> {
            if (req.query.queryItemValue(QStringLiteral("token")) == QStringLiteral("x"))
                return std::nullopt;
            return HttpResponse::json(401, QJsonObject{{QStringLiteral("error"), QStringLiteral("bad token")}});
        },
        [this](WebSocket *ws, const HttpRequest &req) {
            m_upgrades.append(req);
            m_serverSockets.append(ws);
            QVERIFY(!ws->parent());
            ws->setMaxAllowedIncomingMessageSize(1024);
            connect(ws, &WebSocket::textMessageReceived, ws,
                [ws](const QString &text) { ws->sendTextMessage(QStringLiteral("echo:") + text); });
        });
    QVERIFY(m_server->listen(QHostAddress::LocalHost, 0));
    m_port = m_server->serverPort();
}

void TestHttpWebSocket::cleanup()
{
    m_upgrades.clear();
    qDeleteAll(m_serverSockets); // handed over: ours to delete
    m_serverSockets.clear();
    m_server.reset();
}

void TestHttpWebSocket::acceptedUpgradeEchoes()
{
    QWebSocket client;
    QSignalSpy connected(&client, &QWebSocket::connected);
    QSignalSpy messages(&client, &QWebSocket::textMessageReceived);
    client.open(wsUrl(QStringLiteral("x")));
    QVERIFY(connected.wait(3000));
    QTRY_COMPARE(m_upgrades.size(), 1);
    QCOMPARE(m_upgrades.first().path, QStringLiteral("/ws"));
    QCOMPARE(m_upgrades.first().query.queryItemValue(QStringLiteral("token")), QStringLiteral("x"));
    QVERIFY(!m_upgrades.first().header("sec-websocket-key").isEmpty());

    client.sendTextMessage(QStringLiteral("hello"));
    QVERIFY(messages.wait(3000));
    QCOMPARE(messages.first().first().toString(), QStringLiteral("echo:hello"));
    QCOMPARE(m_server->connectionCount(), 0); // the socket left the HTTP side

    // HTTP keeps working next to the WebSocket.
    RawHttpClient http;
    QVERIFY(http.connectTo(m_port));
    http.send("GET /hello HTTP/1.1\r\nHost: x\r\n\r\n");
    QCOMPARE(http.read().status, 200);

    client.close();
}

void TestHttpWebSocket::refusedUpgradeGets401()
{
    QWebSocket client;
    QSignalSpy connected(&client, &QWebSocket::connected);
    QSignalSpy disconnected(&client, &QWebSocket::disconnected);
    client.open(wsUrl(QStringLiteral("wrong")));
    QVERIFY(disconnected.wait(3000));
    QCOMPARE(connected.size(), 0);
    QVERIFY(m_upgrades.isEmpty());

    // The refusal as bytes: the accept() response, then close.
    RawHttpClient raw;
    QVERIFY(raw.connectTo(m_port));
    raw.send("GET /ws?token=bad HTTP/1.1\r\nHost: x\r\nUpgrade: websocket\r\nConnection: Upgrade\r\n"
             "Sec-WebSocket-Key: dGhlIHNhbXBsZSBub25jZQ==\r\nSec-WebSocket-Version: 13\r\n\r\n");
    const RawResponse r = raw.read();
    QCOMPARE(r.status, 401);
    QCOMPARE(r.header("content-type"), QByteArray("application/json"));
    QCOMPARE(QJsonDocument::fromJson(r.body).object().value(QStringLiteral("error")).toString(),
        QStringLiteral("bad token"));
    QVERIFY(raw.waitClosed());
}

void TestHttpWebSocket::upgradeAfterPipelinedRequest()
{
    // A plain request and an upgrade in one write: the reply comes first, then the handshake.
    RawHttpClient raw;
    QVERIFY(raw.connectTo(m_port));
    raw.send("GET /hello HTTP/1.1\r\nHost: x\r\n\r\n"
             "GET /ws?token=x HTTP/1.1\r\nHost: x\r\nUpgrade: websocket\r\nConnection: Upgrade\r\n"
             "Sec-WebSocket-Key: dGhlIHNhbXBsZSBub25jZQ==\r\nSec-WebSocket-Version: 13\r\n\r\n");
    QCOMPARE(raw.read().status, 200);
    const RawResponse handshake = raw.read();
    QCOMPARE(handshake.status, 101);
    QCOMPARE(handshake.header("sec-websocket-accept"), QByteArray("s3pPLMBiTxaQ9kYGzzhZRbK+xOo="));
    QTRY_COMPARE(m_upgrades.size(), 1);
}

bool TestHttpWebSocket::openRaw(RawHttpClient &raw)
{
    const int before = int(m_serverSockets.size());
    if (!raw.connectTo(m_port))
        return false;
    raw.send(kHandshake);
    if (raw.read().status != 101)
        return false;
    return QTest::qWaitFor([&] { return int(m_serverSockets.size()) > before; }, 3000);
}

void TestHttpWebSocket::unmaskedClientFrameCloses()
{
    // RFC 6455 5.1: a server must close the connection on a frame from the client without a mask.
    RawHttpClient raw;
    QVERIFY(openRaw(raw));
    QSignalSpy received(m_serverSockets.last(), &WebSocket::textMessageReceived);
    raw.send(clientFrame(0x81, "hello", false)); // FIN + text, no mask bit
    QVERIFY(raw.waitClosed());
    QCOMPARE(received.size(), 0);
    const ServerFrame close = takeServerFrame(raw.buffer); // the server's close frame: 1002
    QCOMPARE(close.opcode, 0x8);
    QCOMPARE(close.closeCode(), quint16(1002));
}

void TestHttpWebSocket::badFramesFailTheConnection_data()
{
    QTest::addColumn<QByteArray>("frames");
    QTest::addColumn<int>("code");
    QTest::newRow("reserved bit") << clientFrame(0xC1, "x") << 1002;
    QTest::newRow("unknown opcode") << clientFrame(0x83, "x") << 1002;
    QTest::newRow("fragmented ping") << clientFrame(0x09, "x") << 1002;
    QTest::newRow("continuation first") << clientFrame(0x80, "x") << 1002;
    QTest::newRow("text inside a fragmented text") << clientFrame(0x01, "a") + clientFrame(0x81, "b") << 1002;
    QTest::newRow("invalid UTF-8") << clientFrame(0x81, "\xC3\x28") << 1007;
    QTest::newRow("over the message limit") << clientFrame(0x81, QByteArray(1025, 'a')) << 1009;
    QTest::newRow("fragments over the limit")
        << clientFrame(0x01, QByteArray(600, 'a')) + clientFrame(0x80, QByteArray(600, 'a')) << 1009;
    QTest::newRow("one-byte close") << clientFrame(0x88, "x") << 1002;
    QTest::newRow("reserved close code") << clientFrame(0x88, closePayload(1005)) << 1002;
}

void TestHttpWebSocket::badFramesFailTheConnection()
{
    QFETCH(QByteArray, frames);
    QFETCH(int, code);
    RawHttpClient raw;
    QVERIFY(openRaw(raw));
    QSignalSpy received(m_serverSockets.last(), &WebSocket::textMessageReceived);
    QSignalSpy gone(m_serverSockets.last(), &WebSocket::disconnected);
    raw.send(frames);
    const ServerFrame close = readFrame(raw);
    QCOMPARE(close.opcode, 0x8);
    QCOMPARE(int(close.closeCode()), code);
    QVERIFY(!close.masked);
    QVERIFY(raw.waitClosed());
    QTRY_COMPARE(gone.size(), 1);
    QCOMPARE(received.size(), 0);
}

void TestHttpWebSocket::unsupportedVersionGets426()
{
    for (const QByteArray &version : {QByteArray("Sec-WebSocket-Version: 8\r\n"), QByteArray()}) {
        RawHttpClient raw;
        QVERIFY(raw.connectTo(m_port));
        raw.send("GET /ws?token=x HTTP/1.1\r\nHost: x\r\nUpgrade: websocket\r\nConnection: Upgrade\r\n"
                 "Sec-WebSocket-Key: dGhlIHNhbXBsZSBub25jZQ==\r\n"
            + version + "\r\n");
        const RawResponse r = raw.read();
        QCOMPARE(r.status, 426);
        QCOMPARE(r.header("sec-websocket-version"), QByteArray("13"));
        QCOMPARE(errorCode(r), QStringLiteral("UPGRADE_REQUIRED")); // the error body of the path's family
        QVERIFY(raw.waitClosed());
    }
    QVERIFY(m_upgrades.isEmpty());
}

void TestHttpWebSocket::malformedKeyGets400()
{
    for (const QByteArray &key : {QByteArray("Sec-WebSocket-Key: c2hvcnQ=\r\n"), QByteArray()}) {
        RawHttpClient raw;
        QVERIFY(raw.connectTo(m_port));
        raw.send("GET /ws?token=x HTTP/1.1\r\nHost: x\r\nUpgrade: websocket\r\nConnection: Upgrade\r\n" + key
            + "Sec-WebSocket-Version: 13\r\n\r\n");
        const RawResponse r = raw.read();
        QCOMPARE(r.status, 400);
        QCOMPARE(errorCode(r), QStringLiteral("BAD_REQUEST"));
        QVERIFY(raw.waitClosed());
    }
    QVERIFY(m_upgrades.isEmpty());
}

void TestHttpWebSocket::pingAndFragments()
{
    RawHttpClient raw;
    QVERIFY(openRaw(raw));
    raw.send(clientFrame(0x89, "abc"));
    ServerFrame pong = readFrame(raw);
    QCOMPARE(pong.opcode, 0xA);
    QCOMPARE(pong.payload, QByteArray("abc"));

    // A text message in three fragments, a ping between them, split across writes.
    const QByteArray bytes
        = clientFrame(0x01, "he") + clientFrame(0x89, "p") + clientFrame(0x00, "l") + clientFrame(0x80, "lo \xC3\xA9");
    raw.send(bytes.left(5));
    // An HTTP round trip on another connection: by its answer the server has read those 5 bytes alone.
    RawHttpClient http;
    QVERIFY(http.connectTo(m_port));
    http.send("GET /hello HTTP/1.1\r\nHost: x\r\n\r\n");
    QCOMPARE(http.read().status, 200);
    raw.send(bytes.mid(5));
    pong = readFrame(raw);
    QCOMPARE(pong.opcode, 0xA);
    QCOMPARE(pong.payload, QByteArray("p"));
    const ServerFrame echo = readFrame(raw);
    QCOMPARE(echo.opcode, 0x1);
    QVERIFY(echo.fin);
    QCOMPARE(QString::fromUtf8(echo.payload), QStringLiteral("echo:hello \u00e9"));
}

void TestHttpWebSocket::clientCloseIsAnswered()
{
    RawHttpClient raw;
    QVERIFY(openRaw(raw));
    QSignalSpy gone(m_serverSockets.last(), &WebSocket::disconnected);
    raw.send(clientFrame(0x88, closePayload(1000, "bye")));
    const ServerFrame close = readFrame(raw);
    QCOMPARE(close.opcode, 0x8);
    QCOMPARE(close.closeCode(), quint16(1000));
    QVERIFY(raw.waitClosed()); // the server closes TCP first
    QTRY_COMPARE(gone.size(), 1);
}

void TestHttpWebSocket::serverCloseHandshake()
{
    RawHttpClient raw;
    QVERIFY(openRaw(raw));
    WebSocket *ws = m_serverSockets.last();
    QSignalSpy gone(ws, &WebSocket::disconnected);
    ws->close(QWebSocketProtocol::CloseCodeGoingAway, QStringLiteral("shutting down"));
    QVERIFY(!ws->isOpen());
    const ServerFrame close = readFrame(raw);
    QCOMPARE(close.opcode, 0x8);
    QCOMPARE(close.closeCode(), quint16(1001));
    QCOMPARE(close.payload.mid(2), QByteArray("shutting down"));
    ws->sendTextMessage(QStringLiteral("too late")); // nothing goes out after the close frame
    raw.send(clientFrame(0x88, closePayload(1001)));
    QVERIFY(raw.waitClosed());
    QVERIFY(raw.buffer.isEmpty());
    QTRY_COMPARE(gone.size(), 1);

    // Through Qt's client too.
    const int upgrades = int(m_upgrades.size());
    QWebSocket client;
    QSignalSpy connected(&client, &QWebSocket::connected);
    QSignalSpy disconnected(&client, &QWebSocket::disconnected);
    client.open(wsUrl(QStringLiteral("x")));
    QVERIFY(connected.wait(3000));
    QTRY_COMPARE(int(m_upgrades.size()), upgrades + 1);
    m_serverSockets.last()->close(QWebSocketProtocol::CloseCodeNormal);
    QVERIFY(disconnected.wait(3000));
    QCOMPARE(client.closeCode(), QWebSocketProtocol::CloseCodeNormal);
}

void TestHttpWebSocket::slowWebSocketReaderIsDropped()
{
    HttpLimits limits;
    limits.maxUnsentBytes = 256 * 1024;
    start(limits);
    RawHttpClient raw;
    QVERIFY(openRaw(raw));
    // The client reads nothing: its kernel buffer stays small and Qt does not drain it.
    raw.socket.setReadBufferSize(1024);
    raw.socket.setSocketOption(QAbstractSocket::ReceiveBufferSizeSocketOption, 16 * 1024);
    WebSocket *ws = m_serverSockets.last();
    QSignalSpy gone(ws, &WebSocket::disconnected);
    const QString chunk(16 * 1024, u'x');
    int sent = 0;
    for (; sent < 4096 && ws->isOpen(); ++sent) {
        ws->sendTextMessage(chunk);
        QVERIFY(ws->bytesToWrite() <= limits.maxUnsentBytes + chunk.size() + 16);
    }
    QVERIFY2(sent > 16, "a burst beyond the limit goes to the kernel before anyone is dropped");
    QVERIFY(!ws->isOpen());
    QTRY_COMPARE(gone.size(), 1);
}

// One frame sent to two clients that do not read: both queues hold the same bytes (one
// allocation), each connection's pending output stays within the cap, and both are dropped.
void TestHttpWebSocket::slowReadersShareOneFrame()
{
    HttpLimits limits;
    limits.maxUnsentBytes = 256 * 1024;
    start(limits);
    RawHttpClient first, second;
    for (RawHttpClient *raw : {&first, &second}) {
        QVERIFY(openRaw(*raw));
        raw->socket.setReadBufferSize(1024);
        raw->socket.setSocketOption(QAbstractSocket::ReceiveBufferSizeSocketOption, 16 * 1024);
    }
    const QList<WebSocket *> sockets = m_serverSockets.mid(m_serverSockets.size() - 2);
    QSignalSpy firstGone(sockets.at(0), &WebSocket::disconnected);
    QSignalSpy secondGone(sockets.at(1), &WebSocket::disconnected);
    const QByteArray frame = WebSocket::textFrame(QByteArray(16 * 1024, 'x'));
    int shared = 0;
    for (int sent = 0; sent < 4096 && (sockets.at(0)->isOpen() || sockets.at(1)->isOpen()); ++sent) {
        for (WebSocket *ws : sockets) {
            ws->sendFrame(frame);
            QVERIFY(ws->bytesToWrite() <= limits.maxUnsentBytes + frame.size());
            for (const QByteArray &queued : ws->queuedFrames())
                QVERIFY(queued.isSharedWith(frame));
        }
        shared += sockets.at(0)->queuedFrames().isEmpty() || sockets.at(1)->queuedFrames().isEmpty() ? 0 : 1;
    }
    QVERIFY2(shared > 0, "the frames waited in both queues at once");
    for (WebSocket *ws : sockets) {
        QVERIFY(ws->droppedAsSlowReader());
        QVERIFY(ws->queuedFrames().isEmpty()); // given back at once
    }
    QTRY_COMPARE(firstGone.size(), 1);
    QTRY_COMPARE(secondGone.size(), 1);
}

QTEST_MAIN(TestHttpWebSocket)
#include "tst_httpwebsocket.moc"
