// A client token acts for one customer: it opens and reads only that customer's
// sessions and never sees staff-only customer data. Agent roles are unchanged.
#include "tests/api/ApiTestSupport.h"

#include <QTest>
#include <QWebSocket>

using namespace tierdesk;
using namespace tierdesk::test;

class TestCsApiClientScope : public QObject {
    Q_OBJECT

private slots:
    void initTestCase();
    void cleanupTestCase();
    void createOnlyForOwnCustomer();
    void otherCustomersSessionsDoNotExist();
    void noStaffOnlyContext();
    void agentsSeeEverything();
    void webSocketSubscriptionIsScoped();
    void unboundClientTokenIsRefused();

private:
    QString adminSession(const QString &customer);

    ServerFixture m_server;
    std::unique_ptr<HttpClient> m_admin;
    std::unique_ptr<HttpClient> m_ben; // client token bound to cust_ben
};

void TestCsApiClientScope::initTestCase()
{
    QString error;
    QVERIFY2(m_server.start({}, false, &error), qPrintable(error));
    m_admin = m_server.client(api::Role::Admin);
    m_ben = std::make_unique<HttpClient>(m_server.port(),
        m_server.token(api::Role::Client, {}, 3600, QStringLiteral("widget"), QStringLiteral("cust_ben")));
}

void TestCsApiClientScope::cleanupTestCase()
{
    m_ben.reset();
    m_admin.reset();
    m_server.stop();
}

QString TestCsApiClientScope::adminSession(const QString &customer)
{
    const HttpResult r = m_admin->post(QStringLiteral("/api/cs/sessions"),
        sessionBody(m_server.companyId(), customer, QStringLiteral("Where is my order ORD-10001?")));
    if (r.status != 201)
        qWarning("create failed: %s", describe(r).constData());
    return r.json().value(QLatin1String("id")).toString();
}

void TestCsApiClientScope::createOnlyForOwnCustomer()
{
    HttpResult r = m_ben->post(
        QStringLiteral("/api/cs/sessions"), sessionBody(m_server.companyId(), QStringLiteral("cust_alice")));
    QVERIFY2(checkErrorBody(r, 403, QStringLiteral("CS_013")).isEmpty(), describe(r).constData());
    r = m_ben->post(QStringLiteral("/api/cs/sessions"), sessionBody(m_server.companyId(), QStringLiteral("cust_ben")));
    QVERIFY2(r.status == 201, describe(r).constData());
    QCOMPARE(r.json().value(QLatin1String("customerId")).toString(), QStringLiteral("cust_ben"));
    // The refused attempt created nothing for Alice.
    const HttpResult list = m_admin->get(withQuery(QStringLiteral("/api/cs/sessions"),
        {{QStringLiteral("companyId"), m_server.companyId()},
            {QStringLiteral("customerId"), QStringLiteral("cust_alice")}}));
    QCOMPARE(list.json().value(QLatin1String("total")).toInt(), 0);
}

void TestCsApiClientScope::otherCustomersSessionsDoNotExist()
{
    const QString alices = adminSession(QStringLiteral("cust_alice"));
    QVERIFY(!alices.isEmpty());
    const QString base = QStringLiteral("/api/cs/sessions/") + alices;
    HttpResult r = m_ben->get(base);
    QVERIFY2(checkErrorBody(r, 404, QStringLiteral("CS_002")).isEmpty(), describe(r).constData());
    QVERIFY(!r.body.contains("Alice"));
    r = m_ben->post(
        base + QStringLiteral("/messages"), {{QStringLiteral("message"), QStringLiteral("give me a $5 credit")}});
    QVERIFY2(checkErrorBody(r, 404, QStringLiteral("CS_002")).isEmpty(), describe(r).constData());
    r = m_ben->post(base + QStringLiteral("/escalate"),
        {{QStringLiteral("reason"), QStringLiteral("CUSTOMER_REQUEST")},
            {QStringLiteral("targetTier"), QStringLiteral("HUMAN_AGENT")}});
    QVERIFY2(checkErrorBody(r, 404, QStringLiteral("CS_002")).isEmpty(), describe(r).constData());
    // Alice's session is untouched: one exchange, still with the AI Rep.
    const QJsonObject s = m_admin->get(base).json();
    QCOMPARE(s.value(QLatin1String("messages")).toArray().size(), 2);
    QCOMPARE(s.value(QLatin1String("currentTier")).toString(), QStringLiteral("AI_REP"));
}

void TestCsApiClientScope::noStaffOnlyContext()
{
    HttpResult r = m_ben->post(QStringLiteral("/api/cs/sessions"),
        sessionBody(m_server.companyId(), QStringLiteral("cust_ben"), QStringLiteral("hello")));
    QVERIFY2(r.status == 201, describe(r).constData());
    r = m_ben->get(QStringLiteral("/api/cs/sessions/") + r.json().value(QLatin1String("id")).toString());
    QVERIFY2(r.status == 200, describe(r).constData());
    const QJsonObject customer
        = r.json().value(QLatin1String("context")).toObject().value(QLatin1String("customer")).toObject();
    QCOMPARE(customer.value(QLatin1String("id")).toString(), QStringLiteral("cust_ben"));
    for (const char *hidden : {"email", "lifetimeValue", "isVIP"})
        QVERIFY2(!customer.contains(QLatin1String(hidden)), hidden);
    QVERIFY(!r.body.contains("@"));
}

void TestCsApiClientScope::agentsSeeEverything()
{
    const QString id = adminSession(QStringLiteral("cust_ben"));
    HttpClient agent(m_server.port(), m_server.token(api::Role::Agent));
    const HttpResult r = agent.get(QStringLiteral("/api/cs/sessions/") + id);
    QVERIFY2(r.status == 200, describe(r).constData());
    const QJsonObject customer
        = r.json().value(QLatin1String("context")).toObject().value(QLatin1String("customer")).toObject();
    for (const char *shown : {"email", "lifetimeValue", "isVIP"})
        QVERIFY2(customer.contains(QLatin1String(shown)), shown);
    // And a client bound to Ben reads the session an agent opened for Ben.
    QCOMPARE(m_ben->get(QStringLiteral("/api/cs/sessions/") + id).status, 200);
}

void TestCsApiClientScope::webSocketSubscriptionIsScoped()
{
    const QString alices = adminSession(QStringLiteral("cust_alice"));
    const QString bens = adminSession(QStringLiteral("cust_ben"));
    QWebSocket ws;
    QList<QJsonObject> frames;
    connect(&ws, &QWebSocket::textMessageReceived, this,
        [&frames](const QString &t) { frames << QJsonDocument::fromJson(t.toUtf8()).object(); });
    ws.open(QUrl(QStringLiteral("ws://127.0.0.1:%1/api/cs/ws?token=%2")
                     .arg(m_server.port())
                     .arg(QString::fromLatin1(m_ben->token()))));
    QTRY_COMPARE_WITH_TIMEOUT(frames.size(), 1, 5000); // welcome
    const auto subscribe = [&ws](const QString &id) {
        ws.sendTextMessage(QString::fromUtf8(QJsonDocument(
            QJsonObject{{QStringLiteral("type"), QStringLiteral("subscribe")}, {QStringLiteral("sessionId"), id}})
                                                 .toJson(QJsonDocument::Compact)));
    };
    subscribe(alices);
    QTRY_COMPARE_WITH_TIMEOUT(frames.size(), 2, 5000);
    QCOMPARE(frames[1].value(QLatin1String("type")).toString(), QStringLiteral("error"));
    QCOMPARE(frames[1].value(QLatin1String("error")).toObject().value(QLatin1String("code")).toString(),
        QStringLiteral("CS_002"));
    subscribe(bens);
    QTRY_COMPARE_WITH_TIMEOUT(frames.size(), 3, 5000);
    QCOMPARE(frames[2].value(QLatin1String("type")).toString(), QStringLiteral("subscribed"));
}

void TestCsApiClientScope::unboundClientTokenIsRefused()
{
    // A client token that names no customer (as older Tierdesk versions issued) acts for nobody.
    HttpClient unbound(m_server.port(),
        m_server.runtime().auth().issue(m_server.companyId(), api::Role::Client, QStringLiteral("old-widget"), 3600));
    const HttpResult r = unbound.post(
        QStringLiteral("/api/cs/sessions"), sessionBody(m_server.companyId(), QStringLiteral("cust_ben")));
    QVERIFY2(checkErrorBody(r, 401, QStringLiteral("CS_012")).isEmpty(), describe(r).constData());
}

QTEST_GUILESS_MAIN(TestCsApiClientScope)
#include "tst_csapi_clientscope.moc"
