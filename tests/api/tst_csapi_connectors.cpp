// /api/cs/connectors on a real server against scripted company systems on loopback: an admin
// registers, lists, tests and removes connectors; secrets are write-only; a refund's test is a
// dry run; the call log; the config's "connectors" section; a slow system holds up nothing.
#include "tests/api/ApiTestSupport.h"
#include "tests/support/ConnectorServer.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QNetworkReply>
#include <QSignalSpy>
#include <QTest>

using namespace tierdesk;
using namespace tierdesk::test;

namespace {

const QString kToken = QStringLiteral("shop-token-0123456789");
const QString kStripeKey = QStringLiteral("sk_test_tierdesk");

QJsonObject obj(const char *json)
{
    return QJsonDocument::fromJson(QByteArray(json)).object();
}

QString fieldOf(const HttpResult &r)
{
    return r.error().value(QLatin1String("details")).toObject().value(QLatin1String("field")).toString();
}

} // namespace

class TestCsApiConnectors : public QObject {
    Q_OBJECT

private slots:
    void initTestCase();
    void registerListTestRemove();
    void refundTestIsADryRun();
    void refusedNamingTheField_data();
    void refusedNamingTheField();
    void onlyAdminsManageConnectors();
    void configNamesConnectorsServingThePurpose();
    void aSlowSystemHoldsUpNothingElse();
    void replacingWithoutTheSecretKeepsIt();

private:
    QString path(const QString &rest = {}) const
    {
        return withQuery(
            QStringLiteral("/api/cs/connectors") + rest, {{QStringLiteral("companyId"), m_server.companyId()}});
    }
    QJsonObject shopBody(int timeoutMs = 3000) const
    {
        QJsonObject body = obj(R"({"kind": "http", "purposes": ["order", "orders"],
            "requests": {"order": {"method": "GET", "path": "/orders/{orderId}"},
                         "orders": {"method": "GET", "path": "/customers/{customerId}/orders", "query": {"limit": "5"}}},
            "fields": {"order": {"id": "/number", "status": "/state", "total": "/amounts/total",
                                 "customerId": "/customer/id", "customerEmail": "/customer/email",
                                 "items": {"at": "/lines", "name": "/title", "quantity": "/qty", "price": "/unit"}},
                       "orders": {"at": "/orders", "id": "/number", "status": "/state"}}})");
        body.insert(QStringLiteral("url"), m_shop->url());
        body.insert(QStringLiteral("timeoutMs"), timeoutMs);
        body.insert(QStringLiteral("auth"),
            QJsonObject{{QStringLiteral("type"), QStringLiteral("bearer")}, {QStringLiteral("token"), kToken}});
        return body;
    }

    ServerFixture m_server;
    std::unique_ptr<ConnectorServer> m_shop;
    std::unique_ptr<ConnectorServer> m_stripe;
    std::unique_ptr<HttpClient> m_admin;
};

void TestCsApiConnectors::initTestCase()
{
    QString error;
    QVERIFY2(m_server.start({}, false, &error), qPrintable(error));
    m_shop
        = std::make_unique<ConnectorServer>(QStringLiteral("orders"), QStringList{QStringLiteral("--token"), kToken});
    QVERIFY2(m_shop->isRunning(), qPrintable(m_shop->error()));
    m_stripe = std::make_unique<ConnectorServer>(QStringLiteral("stripe"));
    QVERIFY2(m_stripe->isRunning(), qPrintable(m_stripe->error()));
    m_admin = m_server.client(api::Role::Admin);
}

void TestCsApiConnectors::registerListTestRemove()
{
    HttpResult r = m_admin->put(path(QStringLiteral("/shop")), shopBody());
    QVERIFY2(r.status == 201, describe(r).constData());
    QCOMPARE(r.json().value(QLatin1String("name")).toString(), QStringLiteral("shop"));
    QCOMPARE(r.json().value(QLatin1String("auth")).toObject(), obj(R"({"type": "bearer", "hasSecret": true})"));
    QVERIFY(!r.body.contains(kToken.toUtf8()));
    r = m_admin->put(path(QStringLiteral("/shop")), shopBody(4000));
    QVERIFY2(r.status == 200, describe(r).constData());
    QCOMPARE(r.json().value(QLatin1String("timeoutMs")).toInt(), 4000);

    r = m_admin->get(path());
    QCOMPARE(r.status, 200);
    const QJsonArray all = r.json().value(QLatin1String("connectors")).toArray();
    QCOMPARE(all.size(), 1);
    const QJsonObject shown = all.at(0).toObject();
    QCOMPARE(shown.value(QLatin1String("purposes")).toArray(),
        QJsonArray({QStringLiteral("order"), QStringLiteral("orders")}));
    QCOMPARE(shown.value(QLatin1String("requests"))
                 .toObject()
                 .value(QLatin1String("order"))
                 .toObject()
                 .value(QLatin1String("path"))
                 .toString(),
        QStringLiteral("/orders/{orderId}"));
    QCOMPARE(shown.value(QLatin1String("fields"))
                 .toObject()
                 .value(QLatin1String("order"))
                 .toObject()
                 .value(QLatin1String("status"))
                 .toString(),
        QStringLiteral("/state"));
    QVERIFY(!shown.value(QLatin1String("createdAt")).toString().isEmpty());
    QVERIFY(!r.body.contains(kToken.toUtf8()));

    r = m_admin->post(
        path(QStringLiteral("/shop/test")), obj(R"({"purpose": "order", "input": {"orderId": "ORD-10005"}})"));
    QVERIFY2(r.status == 200, describe(r).constData());
    QVERIFY2(r.json().value(QLatin1String("ok")).toBool(), describe(r).constData());
    const QJsonObject order
        = r.json().value(QLatin1String("result")).toObject().value(QLatin1String("order")).toObject();
    QCOMPARE(order.value(QLatin1String("customerId")).toString(), QStringLiteral("cust_1"));
    QCOMPARE(order.value(QLatin1String("total")).toDouble(), 79.0);
    QCOMPARE(order.value(QLatin1String("items")).toArray().size(), 2);
    QVERIFY(!order.contains(QLatin1String("carrier"))); // no pointer for it: not said
    QCOMPARE(r.json().value(QLatin1String("request")).toObject(),
        QJsonObject({{QStringLiteral("method"), QStringLiteral("GET")},
            {QStringLiteral("url"), m_shop->url(QStringLiteral("/orders/ORD-10005"))}}));

    r = m_admin->post(
        path(QStringLiteral("/shop/test")), obj(R"({"purpose": "order", "input": {"orderId": "GARBAGE"}})"));
    QCOMPARE(r.status, 200);
    QCOMPARE(r.json().value(QLatin1String("ok")).toBool(), false);
    QCOMPARE(r.json().value(QLatin1String("error")).toString(), QStringLiteral("the answer is not JSON"));

    r = m_admin->post(
        path(QStringLiteral("/shop/test")), obj(R"({"purpose": "orders", "input": {"customerId": "cust_1"}})"));
    QVERIFY2(r.json().value(QLatin1String("ok")).toBool(), describe(r).constData());
    QCOMPARE(r.json().value(QLatin1String("result")).toObject().value(QLatin1String("orders")).toArray().size(), 1);

    r = m_admin->get(path(QStringLiteral("/shop/calls")));
    QCOMPARE(r.status, 200);
    const QJsonArray calls = r.json().value(QLatin1String("calls")).toArray();
    QCOMPARE(calls.size(), 3);
    QCOMPARE(calls.at(1).toObject().value(QLatin1String("error")).toString(), QStringLiteral("the answer is not JSON"));
    QCOMPARE(calls.at(1).toObject().value(QLatin1String("status")).toInt(), 200);
    QVERIFY(calls.at(1).toObject().value(QLatin1String("sessionId")).isNull());
    QCOMPARE(m_admin->get(path(QStringLiteral("/shop/calls")) + QStringLiteral("&limit=1"))
                 .json()
                 .value(QLatin1String("calls"))
                 .toArray()
                 .size(),
        1);
    r = m_admin->get(path(QStringLiteral("/shop/calls")) + QStringLiteral("&limit=5000"));
    QVERIFY2(checkErrorBody(r, 400, QStringLiteral("CS_011")).isEmpty(), describe(r).constData());

    // The audit names the changes, never the secret.
    r = m_admin->get(withQuery(QStringLiteral("/api/cs/audit"), {{QStringLiteral("companyId"), m_server.companyId()}}));
    QVERIFY(r.body.contains("connector.put"));
    QVERIFY(!r.body.contains(kToken.toUtf8()));

    QCOMPARE(m_admin->del(path(QStringLiteral("/shop"))).status, 204);
    r = m_admin->del(path(QStringLiteral("/shop")));
    QVERIFY2(checkErrorBody(r, 404, QStringLiteral("CS_014")).isEmpty(), describe(r).constData());
    r = m_admin->post(path(QStringLiteral("/shop/test")), obj(R"({"purpose": "order"})"));
    QCOMPARE(r.status, 404);
}

void TestCsApiConnectors::refundTestIsADryRun()
{
    QJsonObject body{{QStringLiteral("kind"), QStringLiteral("stripe")},
        {QStringLiteral("purposes"), QJsonArray{QStringLiteral("refund"), QStringLiteral("credit")}},
        {QStringLiteral("url"), m_stripe->url()}, {QStringLiteral("webhookSecret"), QStringLiteral("whsec_abc")},
        {QStringLiteral("auth"),
            QJsonObject{{QStringLiteral("type"), QStringLiteral("bearer")}, {QStringLiteral("token"), kStripeKey}}}};
    HttpResult r = m_admin->put(path(QStringLiteral("/stripe")), body);
    QVERIFY2(r.status == 201, describe(r).constData());
    QCOMPARE(r.json().value(QLatin1String("hasWebhookSecret")).toBool(), true);
    QVERIFY(!r.body.contains("whsec_abc") && !r.body.contains(kStripeKey.toUtf8()));
    r = m_admin->post(path(QStringLiteral("/stripe/test")),
        obj(R"({"purpose": "refund", "input": {"paymentReference": "pi_paid_7900", "amount": 79, "currency": "USD"}})"));
    QVERIFY2(r.status == 200, describe(r).constData());
    QVERIFY2(r.json().value(QLatin1String("ok")).toBool(), describe(r).constData());
    QCOMPARE(r.json().value(QLatin1String("result")).toObject().value(QLatin1String("dryRun")).toBool(), true);
    QCOMPARE(r.json().value(QLatin1String("request")).toObject().value(QLatin1String("url")).toString(),
        m_stripe->url(QStringLiteral("/v1/refunds")));
    // Nothing reached Stripe, and the log has nothing to say.
    QCOMPARE(
        m_admin->get(path(QStringLiteral("/stripe/calls"))).json().value(QLatin1String("calls")).toArray().size(), 0);
    r = m_admin->post(path(QStringLiteral("/stripe/test")),
        obj(R"({"purpose": "refund", "input": {"paymentReference": "ORD-1", "amount": 5}})"));
    QCOMPARE(r.status, 200);
    QCOMPARE(r.json().value(QLatin1String("ok")).toBool(), false);
    QVERIFY(r.json().value(QLatin1String("error")).toString().contains(QLatin1String("paymentReference")));
}

void TestCsApiConnectors::refusedNamingTheField_data()
{
    QTest::addColumn<QString>("key");
    QTest::addColumn<QString>("value"); // JSON
    QTest::addColumn<QString>("field");
    QTest::newRow("kind") << "kind"
                          << R"("gopher")"
                          << "kind";
    QTest::newRow("purposes type") << "purposes"
                                   << R"("order")"
                                   << "purposes";
    QTest::newRow("purposes value") << "purposes"
                                    << R"(["refund"])"
                                    << "requests";
    QTest::newRow("purpose unknown") << "purposes"
                                     << R"(["everything"])"
                                     << "purposes";
    QTest::newRow("url metadata") << "url"
                                  << R"("http://169.254.169.254/latest")"
                                  << "url";
    QTest::newRow("url scheme") << "url"
                                << R"("file:///etc/passwd")"
                                << "url";
    QTest::newRow("auth type") << "auth"
                               << R"({"type": "kerberos"})"
                               << "auth";
    QTest::newRow("auth shape") << "auth"
                                << R"("bearer")"
                                << "auth";
    QTest::newRow("timeout") << "timeoutMs"
                             << R"("soon")"
                             << "timeoutMs";
    QTest::newRow("timeout range") << "timeoutMs"
                                   << "99999"
                                   << "timeoutMs";
    QTest::newRow("requests")
        << "requests"
        << R"({"order": {"method": "GET", "path": "/o/{nope}"}, "orders": {"method": "GET", "path": "/x"}})"
        << "requests";
    QTest::newRow("fields") << "fields"
                            << R"({"order": {"status": "state"}, "orders": {"id": "/id"}})"
                            << "fields";
    QTest::newRow("webhookSecret") << "webhookSecret"
                                   << R"("whsec_1")"
                                   << "webhookSecret";
}

void TestCsApiConnectors::refusedNamingTheField()
{
    QFETCH(QString, key);
    QFETCH(QString, value);
    QFETCH(QString, field);
    QJsonObject body = shopBody();
    body.insert(key, QJsonDocument::fromJson("[" + value.toUtf8() + "]").array().at(0));
    const HttpResult r = m_admin->put(path(QStringLiteral("/bad")), body);
    QVERIFY2(checkErrorBody(r, 400, QStringLiteral("CS_011")).isEmpty(), describe(r).constData());
    QCOMPARE(fieldOf(r), field);
    QVERIFY(m_admin->get(path()).json().value(QLatin1String("connectors")).toArray().isEmpty()
        || !m_admin->get(path()).body.contains("\"bad\""));
}

void TestCsApiConnectors::onlyAdminsManageConnectors()
{
    const auto agent = m_server.client(api::Role::Agent);
    QCOMPARE(agent->get(path()).status, 403);
    QCOMPARE(agent->put(path(QStringLiteral("/x")), shopBody()).status, 403);
    // Another company's id is answered as one that does not exist.
    const HttpResult r = m_admin->get(
        withQuery(QStringLiteral("/api/cs/connectors"), {{QStringLiteral("companyId"), QStringLiteral("co_other")}}));
    QCOMPARE(r.status, 404);
}

void TestCsApiConnectors::configNamesConnectorsServingThePurpose()
{
    const QString config
        = withQuery(QStringLiteral("/api/cs/config"), {{QStringLiteral("companyId"), m_server.companyId()}});
    const QJsonObject defaults = m_admin->get(config).json().value(QLatin1String("connectors")).toObject();
    QCOMPARE(defaults.value(QLatin1String("order")).toString(), QStringLiteral("builtin"));
    QCOMPARE(defaults.value(QLatin1String("refund")).toString(), QStringLiteral("builtin"));
    QCOMPARE(m_admin->put(path(QStringLiteral("/erp")), shopBody()).status, 201);
    const auto put = [&](const char *connectors) {
        QJsonObject body{{QStringLiteral("companyId"), m_server.companyId()}};
        body.insert(QStringLiteral("connectors"), obj(connectors));
        return m_admin->put(QStringLiteral("/api/cs/config"), body);
    };
    HttpResult r = put(R"({"order": "erp", "orders": "erp", "orderNumberPattern": "\\bSO-[0-9]{6}\\b"})");
    QVERIFY2(r.status == 200, describe(r).constData());
    QCOMPARE(m_admin->get(config)
                 .json()
                 .value(QLatin1String("connectors"))
                 .toObject()
                 .value(QLatin1String("order"))
                 .toString(),
        QStringLiteral("erp"));
    r = put(R"({"refund": "erp"})"); // erp does not serve refunds
    QVERIFY2(checkErrorBody(r, 400, QStringLiteral("CS_011")).isEmpty(), describe(r).constData());
    QCOMPARE(fieldOf(r), QStringLiteral("connectors.refund"));
    r = put(R"({"customer": "nowhere"})");
    QCOMPARE(fieldOf(r), QStringLiteral("connectors.customer"));
    r = put(R"({"orderNumberPattern": "(["})");
    QVERIFY2(checkErrorBody(r, 400, QStringLiteral("CS_011")).isEmpty(), describe(r).constData());
    // The config's own checks name the path in the message, as for every other key.
    QVERIFY2(r.error()
                 .value(QLatin1String("message"))
                 .toString()
                 .startsWith(QLatin1String("connectors.orderNumberPattern: ")),
        describe(r).constData());
    r = put(R"({"order": 5})");
    QVERIFY2(checkErrorBody(r, 400, QStringLiteral("CS_011")).isEmpty(), describe(r).constData());
    // Named by the configuration: it stays until the configuration names another.
    r = m_admin->del(path(QStringLiteral("/erp")));
    QCOMPARE(r.status, 409);
    QCOMPARE(put(R"({"order": "builtin", "orders": "builtin", "orderNumberPattern": ""})").status, 200);
    QCOMPARE(m_admin->del(path(QStringLiteral("/erp"))).status, 204);
}

void TestCsApiConnectors::aSlowSystemHoldsUpNothingElse()
{
    QCOMPARE(m_admin->put(path(QStringLiteral("/slowshop")), shopBody(8000)).status, 201);
    QNetworkAccessManager nam;
    QNetworkRequest request(
        QUrl(QStringLiteral("http://127.0.0.1:%1%2").arg(m_server.port()).arg(path(QStringLiteral("/slowshop/test")))));
    request.setHeader(QNetworkRequest::ContentTypeHeader, QByteArrayLiteral("application/json"));
    request.setRawHeader("Authorization", "Bearer " + m_admin->token());
    std::unique_ptr<QNetworkReply> pending(
        nam.post(request, QByteArrayLiteral(R"({"purpose": "order", "input": {"orderId": "SLOW-1"}})")));
    // Once the shop has the request (it answers in 5 s), the server answers others meanwhile.
    HttpClient shop(m_shop->port());
    QTRY_VERIFY_WITH_TIMEOUT(shop.get(QStringLiteral("/_requests")).body.contains("SLOW-1"), 5000);
    QCOMPARE(m_admin->get(QStringLiteral("/api/cs/health")).status, 200);
    QCOMPARE(m_admin->get(path()).status, 200);
    QVERIFY(!pending->isFinished());
    QSignalSpy done(pending.get(), &QNetworkReply::finished);
    QVERIFY(done.wait(15000));
    QVERIFY(QJsonDocument::fromJson(pending->readAll()).object().value(QLatin1String("ok")).toBool());
    QCOMPARE(m_admin->del(path(QStringLiteral("/slowshop"))).status, 204);
}

// Secrets are write-only: a replacement that leaves the secret out (the console's edit) keeps the
// stored one while the auth type stays; another type needs its own.
void TestCsApiConnectors::replacingWithoutTheSecretKeepsIt()
{
    QCOMPARE(m_admin->put(path(QStringLiteral("/kept")), shopBody()).status, 201);
    QJsonObject body = shopBody(4000);
    body.insert(QStringLiteral("auth"), QJsonObject{{QStringLiteral("type"), QStringLiteral("bearer")}});
    HttpResult r = m_admin->put(path(QStringLiteral("/kept")), body);
    QVERIFY2(r.status == 200, describe(r).constData());
    QVERIFY(r.json().value(QLatin1String("auth")).toObject().value(QLatin1String("hasSecret")).toBool());
    QCOMPARE(r.json().value(QLatin1String("timeoutMs")).toInt(), 4000);
    // The shop asks for the token: the kept one still opens it.
    r = m_admin->post(
        path(QStringLiteral("/kept/test")), obj(R"({"purpose": "order", "input": {"orderId": "ORD-10005"}})"));
    QVERIFY2(r.json().value(QLatin1String("ok")).toBool(), describe(r).constData());
    body.insert(QStringLiteral("auth"),
        QJsonObject{
            {QStringLiteral("type"), QStringLiteral("header")}, {QStringLiteral("name"), QStringLiteral("X-Key")}});
    r = m_admin->put(path(QStringLiteral("/kept")), body);
    QVERIFY2(checkErrorBody(r, 400, QStringLiteral("CS_011")).isEmpty(), describe(r).constData());
    QCOMPARE(fieldOf(r), QStringLiteral("auth"));
    QCOMPARE(m_admin->del(path(QStringLiteral("/kept"))).status, 204);
}

QTEST_MAIN(TestCsApiConnectors)
#include "tst_csapi_connectors.moc"
