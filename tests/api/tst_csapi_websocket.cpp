// Live events over ws://127.0.0.1:<port>/api/cs/ws with a real QWebSocket client.
#include "tests/api/ApiTestSupport.h"
#include "tests/api/WsClient.h"

#include <QTest>
#include <QWebSocket>

using namespace tierdesk;
using namespace tierdesk::test;

class TestCsApiWebSocket : public QObject {
    Q_OBJECT

private slots:
    void initTestCase();
    void cleanupTestCase();
    void welcomeFrame();
    void badTokenNeverConnects_data();
    void badTokenNeverConnects();
    void sessionEvents();
    void onlySubscribedSessions();
    void companySubscription();
    void clientCannotSubscribeToCompany();
    void otherCompanysSessionIsNotFound();
    void pingAndBadFrames();

private:
    QString newSession(const QString &initial = {});

    ServerFixture m_server;
    std::unique_ptr<HttpClient> m_admin;
};

void TestCsApiWebSocket::initTestCase()
{
    QString error;
    QVERIFY2(m_server.start({}, false, &error), qPrintable(error));
    m_admin = m_server.client(api::Role::Admin);
}

void TestCsApiWebSocket::cleanupTestCase()
{
    m_admin.reset();
    m_server.stop();
}

QString TestCsApiWebSocket::newSession(const QString &initial)
{
    const HttpResult r = m_admin->post(
        QStringLiteral("/api/cs/sessions"), sessionBody(m_server.companyId(), QStringLiteral("cust_ben"), initial));
    return r.status == 201 ? r.json().value(QLatin1String("id")).toString() : QString();
}

void TestCsApiWebSocket::welcomeFrame()
{
    WsClient ws;
    QVERIFY(ws.open(m_server.port(), m_server.token(api::Role::Agent)));
    const QJsonObject welcome = ws.waitFor(QStringLiteral("welcome"));
    QCOMPARE(welcome.value(QLatin1String("companyId")).toString(), m_server.companyId());
    QCOMPARE(welcome.value(QLatin1String("role")).toString(), QStringLiteral("agent"));
}

void TestCsApiWebSocket::badTokenNeverConnects_data()
{
    QTest::addColumn<QByteArray>("token");
    QTest::newRow("no token") << QByteArray();
    QTest::newRow("garbage") << QByteArray("garbage");
    QTest::newRow("expired") << QByteArray("EXPIRED");
    QTest::newRow("forged") << QByteArray("FORGED");
}

void TestCsApiWebSocket::badTokenNeverConnects()
{
    QFETCH(QByteArray, token);
    if (token == "EXPIRED") {
        token = m_server.token(api::Role::Admin, {}, -60);
    } else if (token == "FORGED") {
        token = m_server.token(api::Role::Admin);
        token[token.size() - 2] = token[token.size() - 2] == 'x' ? 'y' : 'x';
    }
    WsClient ws;
    QVERIFY(!ws.open(m_server.port(), token));
    QVERIFY(ws.closed || ws.failed);
    QCOMPARE(ws.find(QStringLiteral("welcome")), -1);
}

void TestCsApiWebSocket::sessionEvents()
{
    const QString id = newSession();
    QVERIFY(!id.isEmpty());
    WsClient ws;
    QVERIFY(ws.open(m_server.port(), m_server.token(api::Role::Client)));
    QVERIFY(!ws.waitFor(QStringLiteral("welcome")).isEmpty());
    ws.send({{QStringLiteral("type"), QStringLiteral("subscribe")}, {QStringLiteral("sessionId"), id}});
    QCOMPARE(ws.waitFor(QStringLiteral("subscribed")).value(QLatin1String("sessionId")).toString(), id);

    const HttpResult posted = m_admin->post(QStringLiteral("/api/cs/sessions/%1/messages").arg(id),
        {{QStringLiteral("message"), QStringLiteral("Where is my order?")}});
    QVERIFY2(posted.status == 201, describe(posted));
    const QJsonObject message = ws.waitFor(QStringLiteral("message"), id);
    QVERIFY2(!message.isEmpty(), "no message event");
    QCOMPARE(message.value(QLatin1String("companyId")).toString(), m_server.companyId());
    QVERIFY(!message.value(QLatin1String("timestamp")).toString().isEmpty());
    const QJsonObject data = message.value(QLatin1String("data")).toObject();
    QCOMPARE(data.value(QLatin1String("customerMessage")).toObject().value(QLatin1String("content")).toString(),
        QStringLiteral("Where is my order?"));
    QCOMPARE(data.value(QLatin1String("customerMessage")).toObject().value(QLatin1String("id")),
        posted.json().value(QLatin1String("customerMessage")).toObject().value(QLatin1String("id")));
    QCOMPARE(data.value(QLatin1String("aiResponse")).toObject().value(QLatin1String("id")),
        posted.json().value(QLatin1String("aiResponse")).toObject().value(QLatin1String("id")));

    QCOMPARE(m_admin
                 ->post(QStringLiteral("/api/cs/sessions/%1/escalate").arg(id),
                     {{QStringLiteral("reason"), QStringLiteral("CUSTOMER_REQUEST")},
                         {QStringLiteral("targetTier"), QStringLiteral("HUMAN_AGENT")}})
                 .status,
        200);
    const QJsonObject escalated = ws.waitFor(QStringLiteral("escalated"), id);
    QVERIFY2(!escalated.isEmpty(), "no escalated event");
    QCOMPARE(escalated.value(QLatin1String("data")).toObject().value(QLatin1String("toTier")).toString(),
        QStringLiteral("HUMAN_AGENT"));
    QCOMPARE(escalated.value(QLatin1String("data")).toObject().value(QLatin1String("reason")).toString(),
        QStringLiteral("CUSTOMER_REQUEST"));

    QCOMPARE(m_admin
                 ->post(QStringLiteral("/api/cs/sessions/%1/resolve").arg(id),
                     {{QStringLiteral("resolutionType"), QStringLiteral("ESCALATED_TO_HUMAN")}})
                 .status,
        200);
    const QJsonObject resolved = ws.waitFor(QStringLiteral("resolved"), id);
    QVERIFY2(!resolved.isEmpty(), "no resolved event");
    QCOMPARE(resolved.value(QLatin1String("data"))
                 .toObject()
                 .value(QLatin1String("resolution"))
                 .toObject()
                 .value(QLatin1String("type"))
                 .toString(),
        QStringLiteral("ESCALATED_TO_HUMAN"));
}

void TestCsApiWebSocket::onlySubscribedSessions()
{
    const QString mine = newSession();
    const QString other = newSession();
    QVERIFY(!mine.isEmpty() && !other.isEmpty());
    WsClient ws;
    QVERIFY(ws.open(m_server.port(), m_server.token(api::Role::Client)));
    ws.send({{QStringLiteral("type"), QStringLiteral("subscribe")}, {QStringLiteral("sessionId"), mine}});
    QVERIFY(!ws.waitFor(QStringLiteral("subscribed")).isEmpty());
    QCOMPARE(m_admin
                 ->post(QStringLiteral("/api/cs/sessions/%1/messages").arg(other),
                     {{QStringLiteral("message"), QStringLiteral("Hello")}})
                 .status,
        201);
    QCOMPARE(m_admin
                 ->post(QStringLiteral("/api/cs/sessions/%1/messages").arg(mine),
                     {{QStringLiteral("message"), QStringLiteral("Hello")}})
                 .status,
        201);
    QVERIFY(!ws.waitFor(QStringLiteral("message"), mine).isEmpty());
    // Events come in commit order, so the other session's would have arrived by now.
    for (const QJsonObject &f : std::as_const(ws.frames))
        QVERIFY(f.value(QLatin1String("sessionId")).toString() != other);
    // The session-wide subscriber gets no "created" events either.
    QVERIFY(!newSession().isEmpty());
    QCOMPARE(m_admin
                 ->post(QStringLiteral("/api/cs/sessions/%1/messages").arg(mine),
                     {{QStringLiteral("message"), QStringLiteral("Hi")}})
                 .status,
        201);
    QVERIFY(!ws.waitFor(QStringLiteral("message"), mine).isEmpty());
    QCOMPARE(ws.find(QStringLiteral("created")), -1);

    // After unsubscribe nothing more arrives for it.
    ws.send({{QStringLiteral("type"), QStringLiteral("unsubscribe")}, {QStringLiteral("sessionId"), mine}});
    QVERIFY(!ws.waitFor(QStringLiteral("unsubscribed")).isEmpty());
    QCOMPARE(m_admin
                 ->post(QStringLiteral("/api/cs/sessions/%1/messages").arg(mine),
                     {{QStringLiteral("message"), QStringLiteral("Bye")}})
                 .status,
        201);
    ws.send({{QStringLiteral("type"), QStringLiteral("ping")}});
    QVERIFY(!ws.waitFor(QStringLiteral("pong")).isEmpty());
    QCOMPARE(ws.find(QStringLiteral("message"), mine), -1);
}

void TestCsApiWebSocket::companySubscription()
{
    WsClient ws;
    QVERIFY(ws.open(m_server.port(), m_server.token(api::Role::Agent)));
    ws.send(
        {{QStringLiteral("type"), QStringLiteral("subscribe")}, {QStringLiteral("companyId"), m_server.companyId()}});
    QCOMPARE(
        ws.waitFor(QStringLiteral("subscribed")).value(QLatin1String("companyId")).toString(), m_server.companyId());
    const QString id = newSession();
    QVERIFY(!id.isEmpty());
    const QJsonObject created = ws.waitFor(QStringLiteral("created"), id);
    QVERIFY2(!created.isEmpty(), "no created event");
    QCOMPARE(created.value(QLatin1String("data")).toObject().value(QLatin1String("id")).toString(), id);
    QCOMPARE(created.value(QLatin1String("data")).toObject().value(QLatin1String("customerId")).toString(),
        QStringLiteral("cust_ben"));
    // Company-wide also covers the session's later events.
    QCOMPARE(m_admin
                 ->post(QStringLiteral("/api/cs/sessions/%1/messages").arg(id),
                     {{QStringLiteral("message"), QStringLiteral("Hello")}})
                 .status,
        201);
    QVERIFY(!ws.waitFor(QStringLiteral("message"), id).isEmpty());

    // Another company's sessions are not sent.
    const QString otherCompany = m_server.createCompany(QStringLiteral("Elsewhere Inc"));
    HttpClient otherAdmin(m_server.port(), m_server.token(api::Role::Admin, otherCompany));
    const HttpResult foreign
        = otherAdmin.post(QStringLiteral("/api/cs/sessions"), sessionBody(otherCompany, QStringLiteral("x1")));
    QCOMPARE(foreign.status, 201);
    const QString sentinel = newSession();
    QVERIFY(!ws.waitFor(QStringLiteral("created"), sentinel).isEmpty());
    QCOMPARE(ws.find(QStringLiteral("created"), foreign.json().value(QLatin1String("id")).toString()), -1);
}

void TestCsApiWebSocket::clientCannotSubscribeToCompany()
{
    WsClient ws;
    QVERIFY(ws.open(m_server.port(), m_server.token(api::Role::Client)));
    ws.send(
        {{QStringLiteral("type"), QStringLiteral("subscribe")}, {QStringLiteral("companyId"), m_server.companyId()}});
    const QJsonObject error = ws.waitFor(QStringLiteral("error"));
    QCOMPARE(error.value(QLatin1String("error")).toObject().value(QLatin1String("code")).toString(),
        QStringLiteral("CS_013"));
    const QString id = newSession();
    QVERIFY(!id.isEmpty());
    ws.send({{QStringLiteral("type"), QStringLiteral("ping")}});
    QVERIFY(!ws.waitFor(QStringLiteral("pong")).isEmpty());
    QCOMPARE(ws.find(QStringLiteral("created")), -1);
}

void TestCsApiWebSocket::otherCompanysSessionIsNotFound()
{
    const QString id = newSession();
    QVERIFY(!id.isEmpty());
    const QString otherCompany = m_server.createCompany(QStringLiteral("Nosy Ltd"));
    WsClient ws;
    QVERIFY(ws.open(m_server.port(), m_server.token(api::Role::Admin, otherCompany)));
    ws.send({{QStringLiteral("type"), QStringLiteral("subscribe")}, {QStringLiteral("sessionId"), id}});
    QJsonObject error = ws.waitFor(QStringLiteral("error"));
    QCOMPARE(error.value(QLatin1String("error")).toObject().value(QLatin1String("code")).toString(),
        QStringLiteral("CS_002"));
    ws.send(
        {{QStringLiteral("type"), QStringLiteral("subscribe")}, {QStringLiteral("companyId"), m_server.companyId()}});
    error = ws.waitFor(QStringLiteral("error"));
    QCOMPARE(error.value(QLatin1String("error")).toObject().value(QLatin1String("code")).toString(),
        QStringLiteral("CS_014"));
    QCOMPARE(m_admin
                 ->post(QStringLiteral("/api/cs/sessions/%1/messages").arg(id),
                     {{QStringLiteral("message"), QStringLiteral("Hello")}})
                 .status,
        201);
    ws.send({{QStringLiteral("type"), QStringLiteral("ping")}});
    QVERIFY(!ws.waitFor(QStringLiteral("pong")).isEmpty());
    QCOMPARE(ws.find(QStringLiteral("message")), -1);
    QCOMPARE(ws.find(QStringLiteral("subscribed")), -1);
}

void TestCsApiWebSocket::pingAndBadFrames()
{
    WsClient ws;
    QVERIFY(ws.open(m_server.port(), m_server.token(api::Role::Client)));
    ws.send({{QStringLiteral("type"), QStringLiteral("ping")}});
    QVERIFY(!ws.waitFor(QStringLiteral("pong")).isEmpty());
    ws.socket.sendTextMessage(QStringLiteral("this is not json"));
    QCOMPARE(ws.waitFor(QStringLiteral("error"))
                 .value(QLatin1String("error"))
                 .toObject()
                 .value(QLatin1String("code"))
                 .toString(),
        QStringLiteral("CS_011"));
    ws.send({{QStringLiteral("type"), QStringLiteral("subscribe")}});
    QCOMPARE(ws.waitFor(QStringLiteral("error"))
                 .value(QLatin1String("error"))
                 .toObject()
                 .value(QLatin1String("code"))
                 .toString(),
        QStringLiteral("CS_011"));
    ws.send({{QStringLiteral("type"), QStringLiteral("subscribe")},
        {QStringLiteral("sessionId"), QStringLiteral("sess_missing")}});
    QCOMPARE(ws.waitFor(QStringLiteral("error"))
                 .value(QLatin1String("error"))
                 .toObject()
                 .value(QLatin1String("code"))
                 .toString(),
        QStringLiteral("CS_002"));
    // The connection survives bad frames.
    QVERIFY(ws.socket.state() == QAbstractSocket::ConnectedState);
}

QTEST_GUILESS_MAIN(TestCsApiWebSocket)
#include "tst_csapi_websocket.moc"
