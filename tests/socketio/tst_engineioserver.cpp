// Engine.IO v4 on the loopback server: the long-polling and WebSocket transports, the upgrade,
// heartbeats, limits and bad input, with real Qt clients.
#include "EngineIoTestClient.h"
#include "LoopbackSocketIo.h"

#include "core/api/socketio/EngineIoServer.h"
#include "core/api/socketio/EngineIoSession.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QSignalSpy>
#include <QtTest>

using namespace tierdesk::test;
using tierdesk::socketio::SocketIoOptions;

namespace {

const QString kHandshake = QStringLiteral("EIO=4&transport=polling");
const QByteArray kConnect = QByteArrayLiteral("40{\"token\":\"secret\"}");

void verifyEngineError(const PollResult &r, int status, int code)
{
    QCOMPARE(r.status, status);
    QCOMPARE(r.contentType, QByteArrayLiteral("application/json"));
    QCOMPARE(r.json().value(QStringLiteral("code")).toInt(-1), code);
    QVERIFY(!r.json().value(QStringLiteral("message")).toString().isEmpty());
}

// True once the server holds a GET of this session (the GET and the test's next request
// travel on different connections, so their order needs this).
bool pollWaiting(LoopbackSocketIo &server, const QString &sid)
{
    const tierdesk::socketio::EngineIoSession *s = server.io->engine().session(sid);
    return s && s->isPollWaiting();
}

} // namespace

class TestEngineIoServer : public QObject {
    Q_OBJECT

private slots:
    void pollingHandshake();
    void pollingExchange();
    void pollingAnswersSayNosniff();
    void getWaitsForPackets();
    void packetsPerPollAreLimited();
    void unfetchedPacketsAreLimited();
    void overlappingGetClosesSession();
    void clientCloseEndsWaitingGet();
    void websocketTransport();
    void upgradeFromPolling();
    void unfinishedUpgradeTimesOut();
    void heartbeatKeepsAnsweringClient();
    void missingPongCloses();
    void pollingHeartbeat();
    void badRequestsGetEngineIoErrors();
    void malformedPacketsClose();
    void oversizePayloadRefused();
    void sessionsPerAddressLimited();
};

void TestEngineIoServer::pollingHandshake()
{
    LoopbackSocketIo server;
    QVERIFY(server.listening);
    PollingClient client(server.port());
    const PollResult r = client.get(kHandshake);
    QCOMPARE(r.status, 200);
    QCOMPARE(r.contentType, QByteArrayLiteral("text/plain; charset=UTF-8"));
    QVERIFY(r.body.startsWith('0'));
    const QJsonObject open = QJsonDocument::fromJson(r.body.mid(1)).object();
    QVERIFY(open.value(QStringLiteral("sid")).toString().size() >= 20);
    QCOMPARE(open.value(QStringLiteral("upgrades")).toArray(), QJsonArray{QStringLiteral("websocket")});
    QCOMPARE(open.value(QStringLiteral("pingInterval")).toInt(), 25000);
    QCOMPARE(open.value(QStringLiteral("pingTimeout")).toInt(), 20000);
    QCOMPARE(open.value(QStringLiteral("maxPayload")).toInt(), 1000000);
}

void TestEngineIoServer::pollingExchange()
{
    LoopbackSocketIo server;
    PollingClient client(server.port());
    const QString sid = client.handshake();
    QVERIFY(!sid.isEmpty());
    const PollResult posted = client.post(client.sidQuery(sid), kConnect);
    QCOMPARE(posted.status, 200);
    QCOMPARE(posted.body, QByteArrayLiteral("ok"));
    QCOMPARE(posted.contentType, QByteArrayLiteral("text/html"));
    const PollResult connected = client.get(client.sidQuery(sid));
    QVERIFY(connected.text().startsWith(QStringLiteral("40{\"sid\":\"")));
    QCOMPARE(server.connected.size(), 1);

    // Two events in one POST; their answers come back together, separated by 0x1e.
    QCOMPARE(client
                 .post(client.sidQuery(sid),
                     "42[\"echo\",\"a\"]\x1e"
                     "421[\"echo\",\"b\"]")
                 .status,
        200);
    const PollResult answers = client.get(client.sidQuery(sid));
    QCOMPARE(answers.packets(), (QStringList{QStringLiteral("42[\"echo\",\"a\"]"), QStringLiteral("431[\"b\"]")}));
    QCOMPARE(server.events.size(), 2);
    QCOMPARE(server.events.at(1).ackRequested, true);
}

// A browser must not sniff a polling payload (text the client partly controls) into HTML.
void TestEngineIoServer::pollingAnswersSayNosniff()
{
    LoopbackSocketIo server;
    PollingClient client(server.port());
    const PollResult open = client.get(kHandshake);
    QCOMPARE(open.status, 200);
    QCOMPARE(open.contentTypeOptions, QByteArrayLiteral("nosniff"));
    const QString sid = QJsonDocument::fromJson(open.body.mid(1)).object().value(QStringLiteral("sid")).toString();
    QVERIFY(!sid.isEmpty());
    const PollResult posted = client.post(client.sidQuery(sid), kConnect);
    QCOMPARE(posted.status, 200);
    QCOMPARE(posted.contentTypeOptions, QByteArrayLiteral("nosniff"));
    const PollResult packets = client.get(client.sidQuery(sid));
    QCOMPARE(packets.status, 200);
    QCOMPARE(packets.contentTypeOptions, QByteArrayLiteral("nosniff"));
    const PollResult unknown = client.get(QStringLiteral("EIO=4&transport=polling&sid=nope"));
    QCOMPARE(unknown.status, 400);
    QCOMPARE(unknown.contentTypeOptions, QByteArrayLiteral("nosniff"));
}

void TestEngineIoServer::getWaitsForPackets()
{
    LoopbackSocketIo server;
    PollingClient client(server.port());
    const QString sid = client.handshake();
    client.post(client.sidQuery(sid), kConnect);
    client.get(client.sidQuery(sid)); // the CONNECT answer
    QNetworkReply *waiting = client.startGet(client.sidQuery(sid));
    QTRY_VERIFY(pollWaiting(server, sid));
    QVERIFY(server.io->emitTo(server.connected.first(), QStringLiteral("chat-joined"), {QStringLiteral("s1")}));
    const PollResult r = PollingClient::finish(waiting);
    QCOMPARE(r.text(), QStringLiteral("42[\"chat-joined\",\"s1\"]"));
}

void TestEngineIoServer::packetsPerPollAreLimited()
{
    SocketIoOptions options;
    options.maxPacketsPerPoll = 2;
    LoopbackSocketIo server(options);
    PollingClient client(server.port());
    const QString sid = client.handshake();
    client.post(client.sidQuery(sid), kConnect);
    client.get(client.sidQuery(sid));
    for (int i = 0; i < 3; ++i)
        server.io->emitTo(server.connected.first(), QStringLiteral("n"), {i});
    QCOMPARE(client.get(client.sidQuery(sid)).packets().size(), 2);
    QCOMPARE(client.get(client.sidQuery(sid)).packets(), QStringList{QStringLiteral("42[\"n\",2]")});
}

void TestEngineIoServer::unfetchedPacketsAreLimited()
{
    SocketIoOptions options;
    options.maxBufferedPackets = 3;
    LoopbackSocketIo server(options);
    PollingClient client(server.port());
    const QString sid = client.handshake();
    client.post(client.sidQuery(sid), kConnect); // its answer is the first packet queued
    const QString id = server.connected.first();
    QVERIFY(server.io->emitTo(id, QStringLiteral("a")));
    QVERIFY(server.io->emitTo(id, QStringLiteral("b")));
    QVERIFY(server.io->isConnected(id));
    server.io->emitTo(id, QStringLiteral("c")); // the fourth: the client is not keeping up
    QCOMPARE(server.reasonFor(id), QStringLiteral("transport error"));
    verifyEngineError(client.get(client.sidQuery(sid)), 400, 1);
}

void TestEngineIoServer::overlappingGetClosesSession()
{
    LoopbackSocketIo server;
    PollingClient client(server.port());
    const QString sid = client.handshake();
    QNetworkReply *first = client.startGet(client.sidQuery(sid));
    QTRY_VERIFY(pollWaiting(server, sid));
    verifyEngineError(client.get(client.sidQuery(sid) + QStringLiteral("&t=2")), 400, 3);
    QCOMPARE(PollingClient::finish(first).text(), QStringLiteral("1")); // the waiting one learns of the close
    verifyEngineError(client.get(client.sidQuery(sid)), 400, 1);
}

void TestEngineIoServer::clientCloseEndsWaitingGet()
{
    LoopbackSocketIo server;
    PollingClient client(server.port());
    const QString sid = client.handshake();
    QNetworkReply *waiting = client.startGet(client.sidQuery(sid));
    QTRY_VERIFY(pollWaiting(server, sid));
    QCOMPARE(client.post(client.sidQuery(sid), "1").status, 200);
    QCOMPARE(PollingClient::finish(waiting).text(), QStringLiteral("6"));
    verifyEngineError(client.get(client.sidQuery(sid)), 400, 1);
}

void TestEngineIoServer::websocketTransport()
{
    LoopbackSocketIo server;
    WsPeer peer;
    QVERIFY(peer.open(server.port()));
    const QString open = peer.next();
    QVERIFY(open.startsWith(u'0'));
    const QJsonObject o = QJsonDocument::fromJson(open.mid(1).toUtf8()).object();
    QCOMPARE(o.value(QStringLiteral("upgrades")).toArray(), QJsonArray());
    QCOMPARE(o.value(QStringLiteral("maxPayload")).toInt(), 1000000);
    peer.send(QString::fromLatin1(kConnect));
    QVERIFY(peer.next().startsWith(QStringLiteral("40{\"sid\":")));
    peer.send(QStringLiteral("425[\"echo\",{\"x\":[1,2]}]"));
    QCOMPARE(peer.next(), QStringLiteral("435[{\"x\":[1,2]}]"));
}

void TestEngineIoServer::upgradeFromPolling()
{
    LoopbackSocketIo server;
    PollingClient client(server.port());
    const QString sid = client.handshake();
    client.post(client.sidQuery(sid), kConnect);
    client.get(client.sidQuery(sid));
    QNetworkReply *waiting = client.startGet(client.sidQuery(sid));
    QTRY_VERIFY(pollWaiting(server, sid));

    WsPeer peer;
    QVERIFY(peer.open(server.port(), sid));
    peer.send(QStringLiteral("2probe"));
    QCOMPARE(peer.next(), QStringLiteral("3probe"));
    QCOMPARE(PollingClient::finish(waiting).text(), QStringLiteral("6")); // the poll ends with a noop
    peer.send(QStringLiteral("5"));
    peer.send(QStringLiteral("42[\"echo\",\"over ws\"]"));
    QCOMPARE(peer.next(), QStringLiteral("42[\"echo\",\"over ws\"]"));
    QVERIFY(server.io->emitTo(server.connected.first(), QStringLiteral("e"), {}));
    QCOMPARE(peer.next(), QStringLiteral("42[\"e\"]"));

    // Polling is over for this session, and so is a second upgrade.
    verifyEngineError(client.get(client.sidQuery(sid)), 400, 3);
    verifyEngineError(client.post(client.sidQuery(sid), "42[\"echo\"]"), 400, 3);
    WsPeer again;
    QVERIFY(!again.open(server.port(), sid) || again.waitClosed());
}

void TestEngineIoServer::unfinishedUpgradeTimesOut()
{
    SocketIoOptions options;
    options.upgradeTimeoutMs = 30;
    LoopbackSocketIo server(options);
    PollingClient client(server.port());
    const QString sid = client.handshake();
    client.post(client.sidQuery(sid), kConnect);
    client.get(client.sidQuery(sid));
    WsPeer peer;
    QVERIFY(peer.open(server.port(), sid));
    peer.send(QStringLiteral("2probe"));
    QCOMPARE(peer.next(), QStringLiteral("3probe"));
    QVERIFY(peer.waitClosed()); // no "5" in time
    // Polling goes on, with what was emitted meanwhile.
    server.io->emitTo(server.connected.first(), QStringLiteral("still-here"));
    QCOMPARE(client.get(client.sidQuery(sid)).text(), QStringLiteral("42[\"still-here\"]"));
}

void TestEngineIoServer::heartbeatKeepsAnsweringClient()
{
    SocketIoOptions options;
    options.pingIntervalMs = 20;
    options.pingTimeoutMs = 2000;
    LoopbackSocketIo server(options);
    WsPeer peer;
    const QString client = peer.connectTo(server.port(), {{QStringLiteral("token"), QStringLiteral("secret")}});
    QVERIFY(!client.isEmpty());
    for (int i = 0; i < 3; ++i) {
        QCOMPARE(peer.next(), QStringLiteral("2"));
        peer.send(QStringLiteral("3"));
    }
    QVERIFY(server.io->isConnected(client));
}

void TestEngineIoServer::missingPongCloses()
{
    SocketIoOptions options;
    options.pingIntervalMs = 300; // room for the CONNECT round trip on a busy machine
    options.pingTimeoutMs = 30;
    LoopbackSocketIo server(options);
    WsPeer peer;
    const QString client = peer.connectTo(server.port(), {{QStringLiteral("token"), QStringLiteral("secret")}});
    QVERIFY(!client.isEmpty());
    QCOMPARE(peer.next(), QStringLiteral("2"));
    QVERIFY(peer.waitClosed());
    QTRY_COMPARE(server.reasonFor(client), QStringLiteral("ping timeout"));
    QVERIFY(!server.io->isConnected(client));
}

void TestEngineIoServer::pollingHeartbeat()
{
    SocketIoOptions options;
    options.pingIntervalMs = 20;
    options.pingTimeoutMs = 2000;
    LoopbackSocketIo server(options);
    PollingClient client(server.port());
    const QString sid = client.handshake();
    QCOMPARE(client.get(client.sidQuery(sid)).text(), QStringLiteral("2"));
    QCOMPARE(client.post(client.sidQuery(sid), "3").status, 200);
    QCOMPARE(client.get(client.sidQuery(sid)).text(), QStringLiteral("2")); // the next round
}

void TestEngineIoServer::badRequestsGetEngineIoErrors()
{
    LoopbackSocketIo server;
    PollingClient client(server.port());
    verifyEngineError(client.get(QStringLiteral("EIO=4&transport=polling&sid=nope")), 400, 1);
    verifyEngineError(client.post(QStringLiteral("EIO=4&transport=polling&sid=nope"), "42[\"x\"]"), 400, 1);
    verifyEngineError(client.get(QStringLiteral("EIO=3&transport=polling")), 400, 5);
    verifyEngineError(client.get(QStringLiteral("transport=polling")), 400, 5);
    verifyEngineError(client.get(QStringLiteral("EIO=4&transport=carrier-pigeon")), 400, 0);
    verifyEngineError(client.get(QStringLiteral("EIO=4")), 400, 0);
    verifyEngineError(client.post(kHandshake, "40"), 400, 2);
    verifyEngineError(client.get(QStringLiteral("EIO=4&transport=websocket")), 400, 3); // no upgrade
    // HEAD has no body to carry packets: neither a handshake nor a poll.
    QCOMPARE(client.head(kHandshake).status, 400);
    const QString sid = client.handshake();
    QCOMPARE(client.head(client.sidQuery(sid)).status, 400);
    QCOMPARE(server.io->engine().sessionCount(), 1);
    client.post(client.sidQuery(sid), "1");
    QCOMPARE(server.io->engine().sessionCount(), 0);
}

void TestEngineIoServer::malformedPacketsClose()
{
    LoopbackSocketIo server;
    PollingClient client(server.port());
    const QList<QByteArray> bodies{"x", "", "4garbage", "42[\"echo\"]" /* before CONNECT */,
        "451-[\"a\",{\"_placeholder\":true,\"num\":0}]" /* binary attachment */};
    for (const QByteArray &body : bodies) {
        const QString sid = client.handshake();
        QCOMPARE(client.post(client.sidQuery(sid), body).status, 200);
        // Closing sends what is queued first (the CONNECT answer), then the close packet.
        for (int i = 0; i < 3; ++i) {
            const PollResult r = client.get(client.sidQuery(sid));
            if (r.status == 400)
                break;
            QVERIFY2(r.status == 200, body.constData());
        }
        verifyEngineError(client.get(client.sidQuery(sid)), 400, 1);
    }
    // Nothing after a malformed packet is handled, not even a CONNECT in the same body.
    const QString sid = client.handshake();
    QCOMPARE(client.post(client.sidQuery(sid), "4garbage\x1e" + kConnect).status, 200);
    QVERIFY(server.requests.isEmpty());

    WsPeer text;
    QVERIFY(text.open(server.port()));
    text.send(QStringLiteral("abc"));
    QVERIFY(text.waitClosed());
    WsPeer binary;
    QVERIFY(!binary.connectTo(server.port(), {{QStringLiteral("token"), QStringLiteral("secret")}}).isEmpty());
    binary.socket.sendBinaryMessage(QByteArrayLiteral("\x04\x01\x02"));
    QVERIFY(binary.waitClosed());
    QTRY_COMPARE(server.io->clientCount(), 0);
}

void TestEngineIoServer::oversizePayloadRefused()
{
    SocketIoOptions options;
    options.maxPayloadBytes = 1000;
    LoopbackSocketIo server(options);
    PollingClient client(server.port());
    const QString sid = client.handshake();
    const QByteArray big = "42[\"echo\",\"" + QByteArray(2000, 'a') + "\"]";
    verifyEngineError(client.post(client.sidQuery(sid), big), 413, 3);
    QVERIFY(server.events.isEmpty());
    // Beyond the HTTP server's own body limit the error keeps Engine.IO's shape too.
    verifyEngineError(client.post(client.sidQuery(sid), QByteArray(2 << 20, 'a')), 413, 3);

    WsPeer peer;
    QVERIFY(!peer.connectTo(server.port(), {{QStringLiteral("token"), QStringLiteral("secret")}}).isEmpty());
    peer.send(QString::fromLatin1(big));
    QVERIFY(peer.waitClosed());
    QCOMPARE(peer.socket.closeCode(), QWebSocketProtocol::CloseCodeTooMuchData);
}

void TestEngineIoServer::sessionsPerAddressLimited()
{
    SocketIoOptions options;
    options.maxSessionsPerAddress = 2;
    LoopbackSocketIo server(options);
    PollingClient client(server.port());
    const QString first = client.handshake();
    QVERIFY(!client.handshake().isEmpty());
    verifyEngineError(client.get(kHandshake), 403, 4);
    WsPeer refused;
    QVERIFY(!refused.open(server.port()) || refused.waitClosed());
    QCOMPARE(client.post(client.sidQuery(first), "1").status, 200); // one closes: room again
    QVERIFY(!client.handshake().isEmpty());
}

QTEST_GUILESS_MAIN(TestEngineIoServer)
#include "tst_engineioserver.moc"
