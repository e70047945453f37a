// ApiClient and its EventStream against a real embedded server on loopback.
#include "tests/api/ApiTestSupport.h"
#include "tests/ui/ClientWait.h"
#include "ui/client/ApiClient.h"

#include <QPointer>
#include <QSignalSpy>
#include <QTcpServer>
#include <QTest>
#include <QWebSocket>
#include <QWebSocketServer>

using namespace tierdesk;
using namespace tierdesk::test;
using namespace tierdesk::ui;

class TestApiClient : public QObject {
    Q_OBJECT

private slots:
    void initTestCase();
    void readsTheSession();
    void errorsCarryTheCsCodeAndMessage();
    void unauthorizedIsSignalled();
    void networkFailureIsAnError();
    void companyComesFromTheToken();
    void socketUrlFollowsTheBaseUrl();
    void eventsArriveCoalesced();
    void aBurstOfFramesIsOneBatch();
    void aNewEscalationDoesNotWaitForTheBatch();
    void lostConnectionIsRetriedWithBackoff();
    void resolveThroughTheClient();

private:
    ApiClient *makeClient(QObject *owner, quint16 port, const QByteArray &token);
    QString openSession(HttpClient &http, const QString &text);

    ServerFixture m_server;
};

void TestApiClient::initTestCase()
{
    QString error;
    QVERIFY2(m_server.start({}, false, &error), qPrintable(error));
}

ApiClient *TestApiClient::makeClient(QObject *owner, quint16 port, const QByteArray &token)
{
    auto *client = new ApiClient(owner);
    client->setBaseUrl(QUrl(QStringLiteral("http://127.0.0.1:%1").arg(port)));
    client->setToken(token);
    return client;
}

QString TestApiClient::openSession(HttpClient &http, const QString &text)
{
    const HttpResult r = http.post(
        QStringLiteral("/api/cs/sessions"), sessionBody(m_server.companyId(), QStringLiteral("cust_ben"), text));
    return r.json().value(QLatin1String("sessionId")).toString().isEmpty()
        ? r.json().value(QLatin1String("id")).toString()
        : r.json().value(QLatin1String("sessionId")).toString();
}

void TestApiClient::readsTheSession()
{
    QObject owner;
    ApiClient *client = makeClient(&owner, m_server.port(), m_server.token(api::Role::Agent));
    auto http = m_server.client(api::Role::Agent);
    const QString id = openSession(*http, QStringLiteral("Where is my order?"));
    QVERIFY(!id.isEmpty());
    const Outcome r = waitFor(client->session(id));
    QVERIFY2(r.ok, r.describe());
    QCOMPARE(r.status, 200);
    QCOMPARE(r.body.value(QLatin1String("id")).toString(), id);
    QVERIFY(!r.body.value(QLatin1String("messages")).toArray().isEmpty());
    QCOMPARE(r.body.value(QLatin1String("context"))
                 .toObject()
                 .value(QLatin1String("customer"))
                 .toObject()
                 .value(QLatin1String("id"))
                 .toString(),
        QStringLiteral("cust_ben"));
}

void TestApiClient::errorsCarryTheCsCodeAndMessage()
{
    QObject owner;
    ApiClient *client = makeClient(&owner, m_server.port(), m_server.token(api::Role::Agent));
    const Outcome r = waitFor(client->session(QStringLiteral("sess_missing")));
    QVERIFY(!r.ok);
    QCOMPARE(r.status, 404);
    QCOMPARE(r.error.code, QStringLiteral("CS_002"));
    QVERIFY(!r.error.message.isEmpty());
    // A body the API family refuses: the code and the field in details.
    const Outcome bad = waitFor(client->resolve(QStringLiteral("sess_missing"), QStringLiteral("NOT_A_TYPE"), {}));
    QCOMPARE(bad.status, 400);
    QCOMPARE(bad.error.code, QStringLiteral("CS_011"));
    QCOMPARE(bad.error.details.value(QLatin1String("field")).toString(), QStringLiteral("resolutionType"));
}

void TestApiClient::unauthorizedIsSignalled()
{
    QObject owner;
    ApiClient *client = makeClient(&owner, m_server.port(), "not-a-token");
    QSignalSpy unauthorized(client, &ApiClient::unauthorized);
    const Outcome r = waitFor(client->session(QStringLiteral("sess_x")));
    QCOMPARE(r.status, 401);
    QCOMPARE(r.error.code, QStringLiteral("CS_012"));
    QCOMPARE(unauthorized.size(), 1);
}

void TestApiClient::networkFailureIsAnError()
{
    QTcpServer closed;
    QVERIFY(closed.listen(QHostAddress::LocalHost));
    const quint16 port = closed.serverPort();
    closed.close(); // nothing listens there now
    QObject owner;
    ApiClient *client = makeClient(&owner, port, "t");
    const Outcome r = waitFor(client->session(QStringLiteral("sess_x")));
    QVERIFY(r.done);
    QVERIFY(!r.ok);
    QCOMPARE(r.status, 0);
    QCOMPARE(r.error.code, QStringLiteral("NETWORK"));
    QVERIFY(r.error.isNetwork());
}

void TestApiClient::companyComesFromTheToken()
{
    ApiClient client;
    client.setToken(m_server.token(api::Role::Agent));
    QCOMPARE(client.companyId(), m_server.companyId());
    client.setToken("garbage");
    QVERIFY(client.companyId().isEmpty());
}

void TestApiClient::socketUrlFollowsTheBaseUrl()
{
    QCOMPARE(EventStream::socketUrl(QUrl(QStringLiteral("http://127.0.0.1:8080")), "a.b+c").toString(),
        QStringLiteral("ws://127.0.0.1:8080/api/cs/ws?token=a.b%2Bc"));
    QCOMPARE(EventStream::socketUrl(QUrl(QStringLiteral("https://desk.example.com/tierdesk/")), "t").toString(),
        QStringLiteral("wss://desk.example.com/tierdesk/api/cs/ws?token=t"));
}

void TestApiClient::eventsArriveCoalesced()
{
    QObject owner;
    ApiClient *client = makeClient(&owner, m_server.port(), m_server.token(api::Role::Agent));
    QSignalSpy state(&client->events(), &EventStream::stateChanged);
    QSignalSpy batches(&client->events(), &EventStream::eventsArrived);
    QSignalSpy subscribed(&client->events(), &EventStream::subscribed);
    client->startEvents();
    QCOMPARE(client->events().state(), EventStream::State::Connecting);
    QVERIFY(subscribed.wait(5000));
    QCOMPARE(client->events().state(), EventStream::State::Connected);
    QCOMPARE(subscribed.first().first().toString(), m_server.companyId());

    // Company-wide: a new session's events come without subscribing to it.
    auto http = m_server.client(api::Role::Agent);
    const QString id = openSession(*http, QStringLiteral("My parcel is late"));
    QStringList types;
    QTRY_VERIFY_WITH_TIMEOUT(
        [&] {
            types.clear();
            for (const auto &b : batches)
                for (const QJsonObject &e : b.first().value<QList<QJsonObject>>())
                    if (e.value(QLatin1String("sessionId")).toString() == id)
                        types << e.value(QLatin1String("type")).toString();
            return types.contains(QStringLiteral("created")) && types.contains(QStringLiteral("message"));
        }(),
        5000);
    client->stopEvents();
    QCOMPARE(client->events().state(), EventStream::State::Offline);
}

void TestApiClient::aBurstOfFramesIsOneBatch()
{
    // A stand-in server that welcomes, checks the subscribe frame and then
    // sends a burst of events in one go.
    QWebSocketServer server(QStringLiteral("stand-in"), QWebSocketServer::NonSecureMode);
    QVERIFY(server.listen(QHostAddress::LocalHost));
    QList<QJsonObject> received;
    QPointer<QWebSocket> peer;
    connect(&server, &QWebSocketServer::newConnection, &server, [&] {
        peer = server.nextPendingConnection();
        peer->setParent(&server); // the server does not own the sockets it hands out
        QVERIFY(peer->requestUrl().query().contains(QLatin1String("token=tok")));
        connect(peer, &QWebSocket::textMessageReceived, &server,
            [&](const QString &text) { received << QJsonDocument::fromJson(text.toUtf8()).object(); });
        peer->sendTextMessage(QStringLiteral(R"({"type":"welcome","companyId":"comp_x"})"));
    });
    QObject owner;
    ApiClient *client = makeClient(&owner, server.serverPort(), "tok");
    QSignalSpy batches(&client->events(), &EventStream::eventsArrived);
    client->startEvents();
    QTRY_COMPARE_WITH_TIMEOUT(received.size(), 1, 5000);
    QCOMPARE(received.first().value(QLatin1String("type")).toString(), QStringLiteral("subscribe"));
    QCOMPARE(received.first().value(QLatin1String("companyId")).toString(), QStringLiteral("comp_x"));
    QCOMPARE(client->companyId(), QStringLiteral("comp_x"));
    for (int i = 0; i < 50; ++i)
        peer->sendTextMessage(QStringLiteral(R"({"type":"queue.updated","sessionId":"s%1","data":{}})").arg(i));
    peer->sendTextMessage(QStringLiteral(R"({"type":"subscribed","companyId":"comp_x"})")); // an answer, not an event
    QVERIFY(batches.wait(5000));
    QCOMPARE(batches.size(), 1);
    const auto events = batches.first().first().value<QList<QJsonObject>>();
    QCOMPARE(events.size(), 50);
    QCOMPARE(events.last().value(QLatin1String("sessionId")).toString(), QStringLiteral("s49"));
    client->stopEvents();
}

void TestApiClient::aNewEscalationDoesNotWaitForTheBatch()
{
    QWebSocketServer server(QStringLiteral("stand-in"), QWebSocketServer::NonSecureMode);
    QVERIFY(server.listen(QHostAddress::LocalHost));
    QPointer<QWebSocket> peer;
    bool subscribed = false;
    connect(&server, &QWebSocketServer::newConnection, &server, [&] {
        peer = server.nextPendingConnection();
        peer->setParent(&server); // the server does not own the sockets it hands out
        connect(peer, &QWebSocket::textMessageReceived, &server, [&](const QString &) { subscribed = true; });
        peer->sendTextMessage(QStringLiteral(R"({"type":"welcome","companyId":"comp_x"})"));
    });
    QObject owner;
    ApiClient *client = makeClient(&owner, server.serverPort(), "tok");
    // A batch window no test outlives: only what does not wait for it arrives.
    client->events().setBatchInterval(3'600'000);
    QSignalSpy batches(&client->events(), &EventStream::eventsArrived);
    client->startEvents();
    QTRY_VERIFY_WITH_TIMEOUT(subscribed, 5000);
    peer->sendTextMessage(QStringLiteral(R"({"type":"message","sessionId":"s1","data":{}})"));
    peer->sendTextMessage(QStringLiteral(R"({"type":"queue.added","sessionId":"s2","data":{"sessionId":"s2"}})"));
    QVERIFY(batches.wait(5000));
    // The message that came first goes along, in order.
    const auto events = batches.first().first().value<QList<QJsonObject>>();
    QCOMPARE(events.size(), 2);
    QCOMPARE(events.at(0).value(QLatin1String("type")).toString(), QStringLiteral("message"));
    QCOMPARE(events.at(1).value(QLatin1String("type")).toString(), QStringLiteral("queue.added"));
    client->stopEvents();
}

void TestApiClient::lostConnectionIsRetriedWithBackoff()
{
    // A server of its own, so stopping it leaves the others alone.
    ServerFixture server;
    QString error;
    QVERIFY2(server.start({}, false, &error), qPrintable(error));
    const quint16 port = server.port();
    QObject owner;
    ApiClient *client = makeClient(&owner, port, server.token(api::Role::Agent));
    client->startEvents();
    QTRY_COMPARE_WITH_TIMEOUT(client->events().state(), EventStream::State::Connected, 5000);

    server.stop(); // the whole server goes, its open sockets too
    QTRY_COMPARE_WITH_TIMEOUT(client->events().state(), EventStream::State::Reconnecting, 5000);
    // Each failed try doubles the wait.
    QTRY_VERIFY_WITH_TIMEOUT(client->events().retryDelayMs() >= 2 * EventStream::kFirstRetryMs, 5000);

    api::ServerOptions options;
    options.port = port;
    options.rateLimits = false;
    auto runtime = api::Runtime::open(server.dataDir());
    QVERIFY2(runtime.ok(), runtime.ok() ? "" : qPrintable(runtime.error().message));
    api::ServerHost again(*runtime.value(), options);
    const Status started = again.start();
    QVERIFY2(started.ok(), started.ok() ? "" : qPrintable(started.error().message));
    QTRY_COMPARE_WITH_TIMEOUT(client->events().state(), EventStream::State::Connected, 15000);
    QCOMPARE(client->events().retryDelayMs(), EventStream::kFirstRetryMs);
    client->stopEvents();
}

void TestApiClient::resolveThroughTheClient()
{
    QObject owner;
    ApiClient *client = makeClient(&owner, m_server.port(), m_server.token(api::Role::Agent));
    auto http = m_server.client(api::Role::Agent);
    const QString id = openSession(*http, QStringLiteral("Thanks, all good"));
    const Outcome r = waitFor(client->resolve(id, QStringLiteral("CUSTOMER_SATISFIED"), QStringLiteral("Answered")));
    QVERIFY2(r.ok, r.describe());
    QCOMPARE(r.body.value(QLatin1String("session")).toObject().value(QLatin1String("status")).toString(),
        QStringLiteral("RESOLVED"));
}

QTEST_MAIN(TestApiClient)
#include "tst_apiclient.moc"
