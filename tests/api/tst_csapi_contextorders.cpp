// A session's context.orders on a real server when the company's `orders` source is an `http`
// connector (a scripted shop on loopback): the customer's orders as the shop tells them, asked
// off the engine thread; a shop that fails (500, garbage, no answer in time) gives an empty
// list and "ordersError"; a slow shop holds up no other request; customers' clients see none.
#include "tests/api/ApiTestSupport.h"
#include "tests/support/ConnectorServer.h"

#include <QJsonArray>
#include <QNetworkReply>
#include <QSignalSpy>
#include <QTest>

using namespace tierdesk;
using namespace tierdesk::test;

namespace {

QJsonObject obj(const char *json)
{
    return QJsonDocument::fromJson(QByteArray(json)).object();
}

QJsonObject contextOf(const HttpResult &r)
{
    return r.json().value(QLatin1String("context")).toObject();
}

} // namespace

class TestCsApiContextOrders : public QObject {
    Q_OBJECT

private slots:
    void initTestCase();
    void ordersComeFromTheShop();
    void aFailingShopIsSaid_data();
    void aFailingShopIsSaid();
    void aSlowShopHoldsUpNothingElse();
    void customersClientsSeeNoOrders();
    void builtinStaysAsItWas();

private:
    QString sessionOf(const QString &customerId);
    QString sessionPath(const QString &id) const { return QStringLiteral("/api/cs/sessions/") + id; }

    ServerFixture m_server;
    std::unique_ptr<ConnectorServer> m_shop;
    std::unique_ptr<HttpClient> m_admin;
    QString m_company;
};

void TestCsApiContextOrders::initTestCase()
{
    QString error;
    QVERIFY2(m_server.start({}, false, &error), qPrintable(error));
    m_shop = std::make_unique<ConnectorServer>(QStringLiteral("orders"));
    QVERIFY2(m_shop->isRunning(), qPrintable(m_shop->error()));
    m_company = m_server.createCompany(QStringLiteral("Shop With Its Own Orders"));
    m_admin = m_server.client(api::Role::Admin, m_company);
    QJsonObject shop = obj(R"({"kind": "http", "purposes": ["order", "orders"], "timeoutMs": 1500,
        "requests": {"order": {"method": "GET", "path": "/orders/{orderId}"},
                     "orders": {"method": "GET", "path": "/customers/{customerId}/orders"}},
        "fields": {"order": {"id": "/number", "status": "/state"},
                   "orders": {"at": "/orders", "id": "/number", "status": "/state", "total": "/amounts/total",
                              "currency": "/currency", "placedAt": "/placed"}}})");
    shop.insert(QStringLiteral("url"), m_shop->url());
    const QString connector
        = withQuery(QStringLiteral("/api/cs/connectors/shop"), {{QStringLiteral("companyId"), m_company}});
    HttpResult r = m_admin->put(connector, shop);
    QVERIFY2(r.status == 201, describe(r).constData());
    QJsonObject config{{QStringLiteral("companyId"), m_company}};
    config.insert(QStringLiteral("connectors"), obj(R"({"order": "shop", "orders": "shop"})"));
    r = m_admin->put(QStringLiteral("/api/cs/config"), config);
    QVERIFY2(r.status == 200, describe(r).constData());
}

QString TestCsApiContextOrders::sessionOf(const QString &customerId)
{
    const HttpResult r = m_admin->post(QStringLiteral("/api/cs/sessions"), sessionBody(m_company, customerId));
    return r.status == 201 ? r.json().value(QLatin1String("id")).toString() : QString();
}

void TestCsApiContextOrders::ordersComeFromTheShop()
{
    const QString id = sessionOf(QStringLiteral("cust_1"));
    QVERIFY(!id.isEmpty());
    const HttpResult r = m_admin->get(sessionPath(id));
    QVERIFY2(r.status == 200, describe(r).constData());
    const QJsonObject context = contextOf(r);
    QVERIFY2(!context.contains(QLatin1String("ordersError")), describe(r).constData());
    const QJsonArray orders = context.value(QLatin1String("orders")).toArray();
    QCOMPARE(orders.size(), 1);
    const QJsonObject o = orders.first().toObject();
    QCOMPARE(o.value(QLatin1String("id")).toString(), QStringLiteral("ORD-10005"));
    QCOMPARE(o.value(QLatin1String("status")).toString(), QStringLiteral("delivered"));
    QCOMPARE(o.value(QLatin1String("total")).toDouble(), 79.0);
    QCOMPARE(o.value(QLatin1String("currency")).toString(), QStringLiteral("USD"));
    QCOMPARE(o.value(QLatin1String("source")).toString(), QStringLiteral("shop"));
    // What the shop was not asked to tell is not told.
    QVERIFY(o.value(QLatin1String("refundedAmount")).isNull());
    QVERIFY(o.value(QLatin1String("trackingNumber")).isNull());
    // The shop was asked for this customer, and the call is in the connector's log under the session.
    HttpClient shop(m_shop->port());
    QVERIFY(shop.get(QStringLiteral("/_requests")).body.contains("/customers/cust_1/orders"));
    const HttpResult calls = m_admin->get(
        withQuery(QStringLiteral("/api/cs/connectors/shop/calls"), {{QStringLiteral("companyId"), m_company}}));
    const QJsonObject last = calls.json().value(QLatin1String("calls")).toArray().first().toObject();
    QCOMPARE(last.value(QLatin1String("purpose")).toString(), QStringLiteral("orders"));
    QCOMPARE(last.value(QLatin1String("sessionId")).toString(), id);
    QVERIFY(last.value(QLatin1String("ok")).toBool());
}

void TestCsApiContextOrders::aFailingShopIsSaid_data()
{
    QTest::addColumn<QString>("customer");
    QTest::addColumn<QString>("error");
    QTest::newRow("500") << QStringLiteral("ERR-500") << QStringLiteral("HTTP 500");
    QTest::newRow("garbage") << QStringLiteral("GARBAGE") << QStringLiteral("the answer is not JSON");
    QTest::newRow("too slow") << QStringLiteral("SLOW-1") << QStringLiteral("no answer within 1500 ms");
}

void TestCsApiContextOrders::aFailingShopIsSaid()
{
    QFETCH(QString, customer);
    QFETCH(QString, error);
    const QString id = sessionOf(customer);
    QVERIFY(!id.isEmpty());
    const HttpResult r = m_admin->get(sessionPath(id));
    QVERIFY2(r.status == 200, describe(r).constData());
    const QJsonObject context = contextOf(r);
    QCOMPARE(context.value(QLatin1String("ordersError")).toString(), error);
    QVERIFY(context.value(QLatin1String("orders")).isArray());
    QVERIFY(context.value(QLatin1String("orders")).toArray().isEmpty());
    // Everything else of the session is there as always.
    QCOMPARE(r.json().value(QLatin1String("id")).toString(), id);
}

void TestCsApiContextOrders::aSlowShopHoldsUpNothingElse()
{
    const QString id = sessionOf(QStringLiteral("SLOW-1"));
    QVERIFY(!id.isEmpty());
    HttpClient shop(m_shop->port());
    const auto asked
        = [&shop] { return shop.get(QStringLiteral("/_requests")).body.count("/customers/SLOW-1/orders"); };
    const int before = asked();
    QNetworkAccessManager nam;
    QNetworkRequest request(QUrl(QStringLiteral("http://127.0.0.1:%1%2").arg(m_server.port()).arg(sessionPath(id))));
    request.setRawHeader("Authorization", "Bearer " + m_admin->token());
    std::unique_ptr<QNetworkReply> pending(nam.get(request));
    QTRY_VERIFY_WITH_TIMEOUT(asked() > before, 5000);
    // The shop holds the request; the server answers others meanwhile.
    QCOMPARE(m_admin->get(QStringLiteral("/api/cs/health")).status, 200);
    const QString other = sessionOf(QStringLiteral("cust_2"));
    QVERIFY(!other.isEmpty());
    QVERIFY(!pending->isFinished());
    QSignalSpy done(pending.get(), &QNetworkReply::finished);
    QVERIFY(done.wait(15000));
    const QJsonObject context
        = QJsonDocument::fromJson(pending->readAll()).object().value(QLatin1String("context")).toObject();
    QCOMPARE(context.value(QLatin1String("ordersError")).toString(), QStringLiteral("no answer within 1500 ms"));
}

void TestCsApiContextOrders::customersClientsSeeNoOrders()
{
    const QString id = sessionOf(QStringLiteral("cust_1"));
    QVERIFY(!id.isEmpty());
    HttpClient client(m_server.port(),
        m_server.token(api::Role::Client, m_company, 3600, QStringLiteral("cust_1"), QStringLiteral("cust_1")));
    const HttpResult r = client.get(sessionPath(id));
    QVERIFY2(r.status == 200, describe(r).constData());
    QVERIFY(!contextOf(r).contains(QLatin1String("orders")));
    QVERIFY(!contextOf(r).contains(QLatin1String("ordersError")));
}

void TestCsApiContextOrders::builtinStaysAsItWas()
{
    // The demo company keeps its orders in Tierdesk's own store.
    auto admin = m_server.client(api::Role::Admin);
    const QString customer = m_server.demo().value(QLatin1String("customerIds")).toArray().first().toString();
    const HttpResult made
        = admin->post(QStringLiteral("/api/cs/sessions"), sessionBody(m_server.companyId(), customer));
    QCOMPARE(made.status, 201);
    const HttpResult r = admin->get(sessionPath(made.json().value(QLatin1String("id")).toString()));
    const QJsonObject context = contextOf(r);
    QVERIFY(!context.contains(QLatin1String("ordersError")));
    const QJsonArray orders = context.value(QLatin1String("orders")).toArray();
    QVERIFY(!orders.isEmpty());
    QCOMPARE(orders.first().toObject().value(QLatin1String("source")).toString(), QStringLiteral("builtin"));
}

QTEST_MAIN(TestCsApiContextOrders)
#include "tst_csapi_contextorders.moc"
