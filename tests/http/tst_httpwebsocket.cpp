#include "RawHttpClient.h"

#include "core/api/http/HttpServer.h"

#include <QJsonDocument>
#include <QSignalSpy>
#include <QWebSocket>
#include <QtTest>

#include <memory>

using namespace tierdesk::http;
using tierdesk::test::RawHttpClient;
using tierdesk::test::RawResponse;

class TestHttpWebSocket : public QObject
{
    Q_OBJECT

private slots:
    void init();
    void cleanup();

    void acceptedUpgradeEchoes();
    void refusedUpgradeGets401();
    void upgradeAfterPipelinedRequest();

private:
    QUrl wsUrl(const QString &token) const
    {
        return QUrl(QStringLiteral("ws://127.0.0.1:%1/ws?token=%2").arg(m_port).arg(token));
    }

    std::unique_ptr<HttpServer> m_server;
    quint16 m_port = 0;
    QList<HttpRequest> m_upgrades;
    QList<QWebSocket *> m_serverSockets;
};

void TestHttpWebSocket::init()
{
    m_server = std::make_unique<HttpServer>();
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
        [this](QWebSocket *ws, const HttpRequest &req) {
            m_upgrades.append(req);
            m_serverSockets.append(ws);
            QVERIFY(!ws->parent());
            connect(ws, &QWebSocket::textMessageReceived, ws,
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

QTEST_MAIN(TestHttpWebSocket)
#include "tst_httpwebsocket.moc"
