// The Socket.IO layer for the application: CONNECT with auth, refusals, events, acks, emits,
// rooms and disconnects, over real WebSockets to the loopback server.
#include "EngineIoTestClient.h"
#include "LoopbackSocketIo.h"

#include "core/api/socketio/EngineIoServer.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QtTest>

using namespace tierdesk::test;
using tierdesk::socketio::SocketIoOptions;

namespace {
const QJsonObject kAuth{{QStringLiteral("token"), QStringLiteral("secret")}};
}

class TestSocketIoServer : public QObject {
    Q_OBJECT

private slots:
    void connectGetsAuthAndRequest();
    void refusedConnectGetsConnectError();
    void otherNamespacesRefused();
    void eventsReachTheHandler();
    void ackAnsweredOnce();
    void emitToOneClient();
    void roomsReachTheirMembers();
    void clientDisconnects();
    void serverDisconnectsClient();
    void connectTimeoutCloses();
};

void TestSocketIoServer::connectGetsAuthAndRequest()
{
    LoopbackSocketIo server;
    WsPeer peer;
    QNetworkRequest request(
        QUrl(QStringLiteral("ws://127.0.0.1:%1/socket.io/?EIO=4&transport=websocket&widget=w1").arg(server.port())));
    request.setRawHeader("Origin", "https://shop.example");
    peer.socket.open(request);
    QVERIFY(peer.next().startsWith(u'0'));
    peer.send(QStringLiteral("40{\"token\":\"secret\",\"visitor\":\"v7\"}"));
    const QString answer = peer.next();
    QVERIFY(answer.startsWith(QStringLiteral("40{\"sid\":")));
    const QString client
        = QJsonDocument::fromJson(answer.mid(2).toUtf8()).object().value(QStringLiteral("sid")).toString();
    QCOMPARE(server.connected, QStringList{client});

    QCOMPARE(server.requests.size(), 1);
    const tierdesk::socketio::ConnectRequest &r = server.requests.first();
    QCOMPARE(r.auth.value(QStringLiteral("visitor")).toString(), QStringLiteral("v7"));
    QCOMPARE(r.peerAddress, QHostAddress(QHostAddress::LocalHost));
    QCOMPARE(r.headers.value("origin"), QByteArrayLiteral("https://shop.example"));
    QCOMPARE(r.query.queryItemValue(QStringLiteral("widget")), QStringLiteral("w1"));
    QVERIFY(server.io->connectRequest(client));
    QCOMPARE(server.io->connectRequest(client)->auth, r.auth);
}

void TestSocketIoServer::refusedConnectGetsConnectError()
{
    LoopbackSocketIo server;
    WsPeer peer;
    QVERIFY(peer.open(server.port()));
    peer.next();
    peer.send(QStringLiteral("40{\"token\":\"wrong\"}"));
    QCOMPARE(peer.next(), QStringLiteral("44{\"message\":\"invalid token\"}"));
    peer.send(QStringLiteral("40"));
    QCOMPARE(peer.next(), QStringLiteral("44{\"message\":\"invalid token\"}"));
    QCOMPARE(server.io->clientCount(), 0);
    QVERIFY(server.connected.isEmpty());
}

void TestSocketIoServer::otherNamespacesRefused()
{
    LoopbackSocketIo server;
    WsPeer peer;
    QVERIFY(peer.open(server.port()));
    peer.next();
    peer.send(QStringLiteral("40/admin,{\"token\":\"secret\"}"));
    QCOMPARE(peer.next(), QStringLiteral("44/admin,{\"message\":\"Invalid namespace\"}"));
    QVERIFY(server.requests.isEmpty()); // the application is not asked
}

void TestSocketIoServer::eventsReachTheHandler()
{
    LoopbackSocketIo server;
    WsPeer peer;
    const QString client = peer.connectTo(server.port(), kAuth);
    QVERIFY(!client.isEmpty());
    peer.send(QStringLiteral("42[\"send-message\",{\"message\":\"Hallo\"},2,null]"));
    QTRY_COMPARE(server.events.size(), 1);
    const LoopbackSocketIo::Event &e = server.events.first();
    QCOMPARE(e.client, client);
    QCOMPARE(e.name, QStringLiteral("send-message"));
    QCOMPARE(e.args, (QJsonArray{QJsonObject{{QStringLiteral("message"), QStringLiteral("Hallo")}}, 2, QJsonValue()}));
    QCOMPARE(e.ackRequested, false);
}

void TestSocketIoServer::ackAnsweredOnce()
{
    LoopbackSocketIo server;
    WsPeer peer;
    const QString client = peer.connectTo(server.port(), kAuth);
    peer.send(QStringLiteral("4217[\"echo\",\"a\",{\"b\":true}]"));
    QCOMPARE(peer.next(), QStringLiteral("4317[\"a\",{\"b\":true}]"));
    QVERIFY(server.events.first().ackRequested);
    // The handler's second ack call sent nothing: the next message is this emit.
    server.io->emitTo(client, QStringLiteral("marker"));
    QCOMPARE(peer.next(), QStringLiteral("42[\"marker\"]"));
}

void TestSocketIoServer::emitToOneClient()
{
    LoopbackSocketIo server;
    WsPeer a;
    WsPeer b;
    const QString clientA = a.connectTo(server.port(), kAuth);
    const QString clientB = b.connectTo(server.port(), kAuth);
    QVERIFY(clientA != clientB);
    QVERIFY(server.io->emitTo(
        clientB, QStringLiteral("message-received"), {QJsonObject{{QStringLiteral("text"), QStringLiteral("für B")}}}));
    QCOMPARE(b.next(), QStringLiteral("42[\"message-received\",{\"text\":\"für B\"}]"));
    QVERIFY(!server.io->emitTo(QStringLiteral("no-such-client"), QStringLiteral("x")));
    server.io->emitTo(clientA, QStringLiteral("only-a"));
    QCOMPARE(a.next(), QStringLiteral("42[\"only-a\"]")); // and nothing before it
}

void TestSocketIoServer::roomsReachTheirMembers()
{
    LoopbackSocketIo server;
    WsPeer a;
    WsPeer b;
    WsPeer c;
    const QString clientA = a.connectTo(server.port(), kAuth);
    const QString clientB = b.connectTo(server.port(), kAuth);
    const QString clientC = c.connectTo(server.port(), kAuth);
    QVERIFY(server.io->join(clientA, QStringLiteral("session-1")));
    QVERIFY(server.io->join(clientB, QStringLiteral("session-1")));
    QVERIFY(!server.io->join(QStringLiteral("gone"), QStringLiteral("session-1")));
    QCOMPARE(server.io->rooms(clientA), (QSet<QString>{clientA, QStringLiteral("session-1")}));

    QCOMPARE(server.io->emitToRoom(QStringLiteral("session-1"), QStringLiteral("escalation-needed"), {1}), 2);
    QCOMPARE(a.next(), QStringLiteral("42[\"escalation-needed\",1]"));
    QCOMPARE(b.next(), QStringLiteral("42[\"escalation-needed\",1]"));
    QCOMPARE(server.io->emitToRoom(QStringLiteral("session-1"), QStringLiteral("n"), {2}, clientA), 1);
    QCOMPARE(b.next(), QStringLiteral("42[\"n\",2]"));
    QCOMPARE(server.io->emitToRoom(clientC, QStringLiteral("own"), {}), 1); // each client's own room
    QCOMPARE(c.next(), QStringLiteral("42[\"own\"]")); // c heard nothing of session-1

    server.io->leave(clientB, QStringLiteral("session-1"));
    QCOMPARE(server.io->clientsInRoom(QStringLiteral("session-1")), QStringList{clientA});
    a.socket.close();
    QTRY_VERIFY(server.io->clientsInRoom(QStringLiteral("session-1")).isEmpty());
    QCOMPARE(server.io->emitToRoom(QStringLiteral("session-1"), QStringLiteral("n")), 0);
}

void TestSocketIoServer::clientDisconnects()
{
    LoopbackSocketIo server;
    WsPeer a;
    WsPeer b;
    const QString clientA = a.connectTo(server.port(), kAuth);
    const QString clientB = b.connectTo(server.port(), kAuth);
    a.send(QStringLiteral("41"));
    QTRY_COMPARE(server.reasonFor(clientA), QStringLiteral("client namespace disconnect"));
    b.socket.close();
    QTRY_COMPARE(server.reasonFor(clientB), QStringLiteral("transport close"));
    QCOMPARE(server.io->clientCount(), 0);
}

void TestSocketIoServer::serverDisconnectsClient()
{
    LoopbackSocketIo server;
    WsPeer peer;
    const QString client = peer.connectTo(server.port(), kAuth);
    server.io->disconnectClient(client);
    QCOMPARE(server.reasonFor(client), QStringLiteral("server namespace disconnect"));
    QCOMPARE(peer.next(), QStringLiteral("41"));
    QVERIFY(peer.waitClosed());
    QVERIFY(!server.io->isConnected(client));
}

void TestSocketIoServer::connectTimeoutCloses()
{
    SocketIoOptions options;
    options.connectTimeoutMs = 30;
    LoopbackSocketIo server(options);
    WsPeer peer;
    QVERIFY(peer.open(server.port()));
    QVERIFY(peer.next().startsWith(u'0'));
    QVERIFY(peer.waitClosed()); // never sent CONNECT
    QTRY_COMPARE(server.io->engine().sessionCount(), 0);
}

QTEST_GUILESS_MAIN(TestSocketIoServer)
#include "tst_socketioserver.moc"
