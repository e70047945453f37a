// Each connector kind over real HTTP against a scripted server on loopback that speaks its
// API (tests/support/connectors/connector_servers.py): seed 004's Lambda handler behind a
// function URL, a shop's order API, a stateful Stripe. Every failure shape is a clear failure.
#include "core/integrations/connectors/ConnectorClient.h"
#include "tests/integrations/LoopbackReceiver.h"
#include "tests/support/ConnectorServer.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QTest>

using namespace tierdesk;
using namespace tierdesk::connectors;
using tierdesk::test::ConnectorServer;

namespace {

std::shared_ptr<OutboundHttp> transport()
{
    return std::make_shared<CurlOutboundHttp>(AddressPolicy::forConnectors(false));
}

Connector lambdaConnector(const ConnectorServer &server)
{
    Connector c;
    c.name = QStringLiteral("orders-fn");
    c.kind = ConnectorKind::Lambda;
    c.purposes = {ConnectorPurpose::Order};
    c.url = QUrl(server.url(QStringLiteral("/")));
    return c;
}

Connector shopConnector(const ConnectorServer &server, int timeoutMs = 3000)
{
    Connector c;
    c.name = QStringLiteral("shop");
    c.kind = ConnectorKind::Http;
    c.purposes = {ConnectorPurpose::Order, ConnectorPurpose::Orders, ConnectorPurpose::Ticket};
    c.url = QUrl(server.url());
    c.timeoutMs = timeoutMs;
    c.auth.type = ConnectorAuth::Type::Bearer;
    c.auth.secret = "shop-token";
    ConnectorRequest order;
    order.path = QStringLiteral("/orders/{orderId}");
    c.requests.insert(ConnectorPurpose::Order, order);
    ConnectorRequest orders;
    orders.path = QStringLiteral("/customers/{customerId}/orders");
    c.requests.insert(ConnectorPurpose::Orders, orders);
    ConnectorRequest ticket;
    ticket.method = QStringLiteral("POST");
    ticket.path = QStringLiteral("/tickets");
    ticket.body = QStringLiteral(R"({"subject": "Escalated: {reason}", "session": "{sessionId}"})");
    c.requests.insert(ConnectorPurpose::Ticket, ticket);
    FieldPointers fields;
    fields.fields
        = {{QStringLiteral("id"), QStringLiteral("/number")}, {QStringLiteral("status"), QStringLiteral("/state")},
            {QStringLiteral("total"), QStringLiteral("/amounts/total")},
            {QStringLiteral("refundedAmount"), QStringLiteral("/amounts/refunded")},
            {QStringLiteral("currency"), QStringLiteral("/currency")},
            {QStringLiteral("customerId"), QStringLiteral("/customer/id")},
            {QStringLiteral("customerEmail"), QStringLiteral("/customer/email")},
            {QStringLiteral("paymentReference"), QStringLiteral("/payment/reference")},
            {QStringLiteral("deliveredAt"), QStringLiteral("/delivered")},
            {QStringLiteral("carrier"), QStringLiteral("/shipping/carrier")}};
    fields.items = ItemPointers{
        QStringLiteral("/lines"), QStringLiteral("/title"), QStringLiteral("/qty"), QStringLiteral("/unit")};
    c.fields.insert(ConnectorPurpose::Order, fields);
    fields.fields.insert(QStringLiteral("at"), QStringLiteral("/orders"));
    c.fields.insert(ConnectorPurpose::Orders, fields);
    FieldPointers ticketFields;
    ticketFields.fields = {{QStringLiteral("id"), QStringLiteral("/ticket/id")}};
    c.fields.insert(ConnectorPurpose::Ticket, ticketFields);
    return c;
}

Connector stripeConnector(const ConnectorServer &server)
{
    Connector c;
    c.name = QStringLiteral("stripe");
    c.kind = ConnectorKind::Stripe;
    c.purposes = {ConnectorPurpose::Refund, ConnectorPurpose::Credit};
    c.url = QUrl(server.url());
    c.auth.type = ConnectorAuth::Type::Bearer;
    c.auth.secret = "sk_test_tierdesk";
    c.webhookSecret = "whsec_test";
    return c;
}

ConnectorInput ask(ConnectorPurpose purpose, const RequestTemplate::Values &values)
{
    ConnectorInput in;
    in.purpose = purpose;
    in.values = values;
    in.contact.contactId = QStringLiteral("sess_1");
    return in;
}

ConnectorInput orderAsk(const QString &number)
{
    return ask(ConnectorPurpose::Order, {{QStringLiteral("orderId"), number}});
}

ConnectorInput refundAsk(const QString &reference, const QString &amount, const QString &key)
{
    return ask(ConnectorPurpose::Refund,
        {{QStringLiteral("paymentReference"), reference}, {QStringLiteral("amount"), amount},
            {QStringLiteral("currency"), QStringLiteral("USD")}, {QStringLiteral("idempotencyKey"), key},
            {QStringLiteral("sessionId"), QStringLiteral("sess_1")},
            {QStringLiteral("orderId"), QStringLiteral("ORD-10005")}});
}

// What the scripted server received, in order.
QJsonArray received(const ConnectorServer &server)
{
    OutboundRequest r;
    r.method = "GET";
    r.url = QUrl(server.url(QStringLiteral("/_requests")));
    r.keepResponseBytes = 4 * 1024 * 1024;
    return QJsonDocument::fromJson(CurlOutboundHttp(AddressPolicy::forConnectors(false)).post(r).body).array();
}

} // namespace

class TestConnectorClient : public QObject {
    Q_OBJECT

private slots:
    void lambdaRunsTheSeedsHandler();
    void lambdaRawResultAndSigV4();
    void httpReadsTheShopsOrder();
    void httpFailureShapes();
    void httpOrdersAndTicket();
    void stripeRefundsOnceWithItsKey();
    void stripeRefusals();
    void stripePendingThenSignedFailure();
    void stripeCreditAndDryRun();
    void forbiddenAddressesAreRefused();
};

void TestConnectorClient::lambdaRunsTheSeedsHandler()
{
    ConnectorServer fn(QStringLiteral("lambda"));
    QVERIFY2(fn.isRunning(), qPrintable(fn.error()));
    const ConnectorClient client(transport());
    const Connector c = lambdaConnector(fn);
    ConnectorAnswer a = client.call(c, orderAsk(QStringLiteral("12345")));
    QVERIFY2(a.ok, qPrintable(a.error));
    QVERIFY(a.found);
    QCOMPARE(a.order->order.status, QStringLiteral("Shipped"));
    QCOMPARE(a.order->deliveryDate, QStringLiteral("2025-01-10"));
    QCOMPARE(a.order->source, QStringLiteral("orders-fn"));
    QVERIFY(!a.order->has(QStringLiteral("customerId")));
    const QJsonObject event
        = QJsonDocument::fromJson(received(fn).at(0).toObject().value(QLatin1String("body")).toString().toUtf8())
              .object();
    QCOMPARE(event.value(QLatin1String("Name")).toString(), QStringLiteral("ContactFlowEvent"));
    // Unknown: the handler's 404.
    a = client.call(c, orderAsk(QStringLiteral("99999")));
    QVERIFY(a.ok);
    QVERIFY(!a.found);
    QCOMPARE(a.status, 404);
    // The handler's own failure (an item without deliveryDate): its statusCode 500.
    a = client.call(c, orderAsk(QStringLiteral("BROKEN-1")));
    QVERIFY(!a.ok);
    QCOMPARE(a.status, 500);
    QVERIFY(a.error.contains(QLatin1String("500")));
    QVERIFY(!a.error.contains(QLatin1String("deliveryDate"))); // never the answer's body
}

void TestConnectorClient::lambdaRawResultAndSigV4()
{
    ConnectorServer raw(QStringLiteral("lambda"), {QStringLiteral("--raw")});
    QVERIFY2(raw.isRunning(), qPrintable(raw.error()));
    const ConnectorClient client(transport());
    ConnectorAnswer a = client.call(lambdaConnector(raw), orderAsk(QStringLiteral("ORD-10001")));
    QVERIFY2(a.ok && a.found, qPrintable(a.error));
    QCOMPARE(a.order->order.status, QStringLiteral("Delivered"));
    a = client.call(lambdaConnector(raw), orderAsk(QStringLiteral("nope")));
    QVERIFY(a.ok && !a.found); // {"statusCode": 404} in a 200

    ConnectorServer iam(QStringLiteral("lambda"), {QStringLiteral("--sigv4"), QStringLiteral("AKIDTEST:secretKey")});
    QVERIFY2(iam.isRunning(), qPrintable(iam.error()));
    Connector c = lambdaConnector(iam);
    c.auth.type = ConnectorAuth::Type::SigV4;
    c.auth.accessKeyId = QStringLiteral("AKIDTEST");
    c.auth.region = QStringLiteral("eu-west-1");
    c.auth.secret = "secretKey";
    a = client.call(c, orderAsk(QStringLiteral("12345")));
    QVERIFY2(a.ok && a.found, qPrintable(a.error)); // botocore's signature of the same request matched
    c.auth.secret = "wrongKey";
    a = client.call(c, orderAsk(QStringLiteral("12345")));
    QVERIFY(!a.ok);
    QCOMPARE(a.status, 403);
}

void TestConnectorClient::httpReadsTheShopsOrder()
{
    ConnectorServer shop(QStringLiteral("orders"), {QStringLiteral("--token"), QStringLiteral("shop-token")});
    QVERIFY2(shop.isRunning(), qPrintable(shop.error()));
    const ConnectorClient client(transport());
    ConnectorAnswer a = client.call(shopConnector(shop), orderAsk(QStringLiteral("ORD-10005")));
    QVERIFY2(a.ok && a.found, qPrintable(a.error));
    const SourcedOrder &o = *a.order;
    QCOMPARE(o.order.id, QStringLiteral("ORD-10005"));
    QCOMPARE(o.order.total, 79.0);
    QCOMPARE(o.order.customerId, QStringLiteral("cust_1"));
    QCOMPARE(o.customerEmail, QStringLiteral("ann@example.com"));
    QCOMPARE(o.paymentReference, QStringLiteral("pi_paid_7900"));
    QCOMPARE(o.order.carrier, QStringLiteral("UPS"));
    QCOMPARE(o.order.items.size(), 2);
    QCOMPARE(o.order.items.at(0).name, QStringLiteral("Switchback Hiking Pants"));
    QCOMPARE(o.order.items.at(1).quantity, 3);
    QVERIFY(o.order.deliveredAt > 0);
    a = client.call(shopConnector(shop), orderAsk(QStringLiteral("ORD-404")));
    QVERIFY(a.ok && !a.found);
    Connector wrongToken = shopConnector(shop);
    wrongToken.auth.secret = "nope";
    a = client.call(wrongToken, orderAsk(QStringLiteral("ORD-10005")));
    QVERIFY(!a.ok);
    QCOMPARE(a.error, QStringLiteral("HTTP 401"));
}

void TestConnectorClient::httpFailureShapes()
{
    ConnectorServer shop(QStringLiteral("orders"));
    QVERIFY2(shop.isRunning(), qPrintable(shop.error()));
    const ConnectorClient client(transport());
    const Connector c = shopConnector(shop, 1000);
    ConnectorAnswer a = client.call(c, orderAsk(QStringLiteral("SLOW-1")));
    QVERIFY(!a.ok);
    QCOMPARE(a.error, QStringLiteral("no answer within 1000 ms"));
    a = client.call(c, orderAsk(QStringLiteral("ERR-500")));
    QVERIFY(!a.ok);
    QCOMPARE(a.status, 500);
    QCOMPARE(a.error, QStringLiteral("HTTP 500"));
    a = client.call(c, orderAsk(QStringLiteral("GARBAGE")));
    QVERIFY(!a.ok);
    QCOMPARE(a.error, QStringLiteral("the answer is not JSON"));
    a = client.call(c, orderAsk(QStringLiteral("HUGE")));
    QVERIFY(!a.ok);
    QVERIFY2(a.error.contains(QLatin1String("larger than 1048576 bytes")), qPrintable(a.error));
    a = client.call(c, orderAsk(QStringLiteral("MOVED")));
    QVERIFY(!a.ok);
    QCOMPARE(a.status, 302);
    QVERIFY2(a.error.contains(QLatin1String("orders.elsewhere.example")), qPrintable(a.error));
    // Still answering after all of it.
    a = client.call(c, orderAsk(QStringLiteral("ORD-10006")));
    QVERIFY2(a.ok && a.found, qPrintable(a.error));
}

void TestConnectorClient::httpOrdersAndTicket()
{
    ConnectorServer shop(QStringLiteral("orders"));
    QVERIFY2(shop.isRunning(), qPrintable(shop.error()));
    const ConnectorClient client(transport());
    const Connector c = shopConnector(shop);
    ConnectorAnswer a
        = client.call(c, ask(ConnectorPurpose::Orders, {{QStringLiteral("customerId"), QStringLiteral("cust_2")}}));
    QVERIFY2(a.ok, qPrintable(a.error));
    QCOMPARE(a.orders.size(), 1);
    QCOMPARE(a.orders.at(0).order.id, QStringLiteral("ORD-10006"));
    a = client.call(c,
        ask(ConnectorPurpose::Ticket,
            {{QStringLiteral("reason"), QStringLiteral("customer said \"now\"")},
                {QStringLiteral("sessionId"), QStringLiteral("s1")}}));
    QVERIFY2(a.ok, qPrintable(a.error));
    QVERIFY(a.fields.value(QStringLiteral("id")).startsWith(QLatin1String("TKT-2024-")));
    const QJsonObject sent = received(shop).last().toObject();
    QCOMPARE(sent.value(QLatin1String("method")).toString(), QStringLiteral("POST"));
    const QJsonObject body = QJsonDocument::fromJson(sent.value(QLatin1String("body")).toString().toUtf8()).object();
    QCOMPARE(body.value(QLatin1String("subject")).toString(), QStringLiteral("Escalated: customer said \"now\""));
}

void TestConnectorClient::stripeRefundsOnceWithItsKey()
{
    ConnectorServer stripe(QStringLiteral("stripe"));
    QVERIFY2(stripe.isRunning(), qPrintable(stripe.error()));
    const ConnectorClient client(transport());
    const Connector c = stripeConnector(stripe);
    const ConnectorAnswer first
        = client.call(c, refundAsk(QStringLiteral("pi_paid_7900"), QStringLiteral("79.00"), QStringLiteral("k1")));
    QVERIFY2(first.ok, qPrintable(first.error));
    QVERIFY(first.refund->done());
    QCOMPARE(first.refund->amountMinor, qint64(7900));
    // The same key again (a retry after a crash): the same refund, no second one.
    const ConnectorAnswer again
        = client.call(c, refundAsk(QStringLiteral("pi_paid_7900"), QStringLiteral("79.00"), QStringLiteral("k1")));
    QVERIFY2(again.ok, qPrintable(again.error));
    QCOMPARE(again.refund->id, first.refund->id);
    const QJsonObject form = received(stripe).at(0).toObject();
    QCOMPARE(form.value(QLatin1String("headers")).toObject().value(QLatin1String("idempotency-key")).toString(),
        QStringLiteral("k1"));
    QCOMPARE(form.value(QLatin1String("headers")).toObject().value(QLatin1String("authorization")).toString(),
        QStringLiteral("Bearer sk_test_tierdesk"));
    QVERIFY(form.value(QLatin1String("body")).toString().contains(QLatin1String("metadata%5BsessionId%5D=sess_1")));
    // A new key on the fully refunded payment: Stripe's charge_already_refunded.
    const ConnectorAnswer third
        = client.call(c, refundAsk(QStringLiteral("pi_paid_7900"), QStringLiteral("1.00"), QStringLiteral("k2")));
    QVERIFY(!third.ok);
    QCOMPARE(third.errorKind, ErrorKind::Conflict);
    QVERIFY(third.error.contains(QLatin1String("already been refunded")));
}

void TestConnectorClient::stripeRefusals()
{
    ConnectorServer stripe(QStringLiteral("stripe"));
    QVERIFY2(stripe.isRunning(), qPrintable(stripe.error()));
    const ConnectorClient client(transport());
    Connector c = stripeConnector(stripe);
    ConnectorAnswer a
        = client.call(c, refundAsk(QStringLiteral("ch_paid_2050"), QStringLiteral("30.00"), QStringLiteral("k3")));
    QVERIFY(!a.ok);
    QCOMPARE(a.errorKind, ErrorKind::Conflict);
    QVERIFY2(a.error.contains(QLatin1String("greater than unrefunded amount")), qPrintable(a.error));
    c.auth.secret = "sk_test_wrong";
    a = client.call(c, refundAsk(QStringLiteral("ch_paid_2050"), QStringLiteral("1.00"), QStringLiteral("k4")));
    QVERIFY(!a.ok);
    QCOMPARE(a.errorKind, ErrorKind::Unauthenticated);
    a = client.call(c, refundAsk(QStringLiteral("ORD-10005"), QStringLiteral("1.00"), QStringLiteral("k5")));
    QVERIFY(!a.ok);
    QVERIFY(!a.sent); // no payment reference Stripe knows the shape of: nothing sent
    QCOMPARE(a.errorKind, ErrorKind::InvalidArgument);
}

void TestConnectorClient::stripePendingThenSignedFailure()
{
    ConnectorServer stripe(QStringLiteral("stripe"));
    QVERIFY2(stripe.isRunning(), qPrintable(stripe.error()));
    test::LoopbackReceiver hooks;
    const ConnectorClient client(transport());
    const Connector c = stripeConnector(stripe);
    const ConnectorAnswer a
        = client.call(c, refundAsk(QStringLiteral("pi_pending_5000"), QStringLiteral("50"), QStringLiteral("k6")));
    QVERIFY2(a.ok, qPrintable(a.error));
    QVERIFY(a.refund->requested());
    // Stripe later fails it and tells the webhook endpoint, signed.
    OutboundRequest control;
    control.url = QUrl(stripe.url(QStringLiteral("/_control/fail-refund")));
    control.body = QJsonDocument(
        QJsonObject{{QStringLiteral("refund"), a.refund->id}, {QStringLiteral("url"), hooks.url().toString()},
            {QStringLiteral("secret"), QStringLiteral("whsec_test")}})
                       .toJson();
    QCOMPARE(CurlOutboundHttp(AddressPolicy::forConnectors(false)).post(control).status, 200);
    QTRY_COMPARE(hooks.count(), 1);
    const test::ReceivedRequest hook = hooks.requests().at(0);
    const auto event = StripeProtocol::verifyWebhook(
        hook.body, hook.header("stripe-signature"), c.webhookSecret, QDateTime::currentSecsSinceEpoch());
    QVERIFY2(event, event ? "" : qPrintable(event.error().message));
    QCOMPARE(event->type, QStringLiteral("refund.failed"));
    QCOMPARE(event->refund.id, a.refund->id);
    QVERIFY(event->refund.state == StripeRefund::State::Failed);
    QVERIFY(!StripeProtocol::verifyWebhook(
        hook.body, hook.header("stripe-signature"), "whsec_other", QDateTime::currentSecsSinceEpoch()));
}

void TestConnectorClient::stripeCreditAndDryRun()
{
    ConnectorServer stripe(QStringLiteral("stripe"));
    QVERIFY2(stripe.isRunning(), qPrintable(stripe.error()));
    const ConnectorClient client(transport());
    const Connector c = stripeConnector(stripe);
    const ConnectorInput credit = ask(ConnectorPurpose::Credit,
        {{QStringLiteral("customerId"), QStringLiteral("cus_ann")}, {QStringLiteral("amount"), QStringLiteral("15")},
            {QStringLiteral("currency"), QStringLiteral("USD")},
            {QStringLiteral("idempotencyKey"), QStringLiteral("c1")},
            {QStringLiteral("reason"), QStringLiteral("late delivery")}});
    const ConnectorAnswer dry = ConnectorClient::dryRun(c, credit, QDateTime::currentDateTimeUtc());
    QVERIFY(dry.ok);
    QVERIFY(!dry.sent);
    QCOMPARE(dry.method, QByteArray("POST"));
    QCOMPARE(dry.url.path(), QStringLiteral("/v1/customers/cus_ann/balance_transactions"));
    QCOMPARE(received(stripe).size(), 0); // a dry run sends nothing
    const ConnectorAnswer a = client.call(c, credit);
    QVERIFY2(a.ok, qPrintable(a.error));
    QCOMPARE(a.credit->amountMinor, qint64(-1500));
    QCOMPARE(a.credit->endingBalanceMinor, qint64(-1500));
}

void TestConnectorClient::forbiddenAddressesAreRefused()
{
    const ConnectorClient client(transport());
    Connector c;
    c.name = QStringLiteral("meta");
    c.kind = ConnectorKind::Lambda;
    c.purposes = {ConnectorPurpose::Order};
    for (const char *url : {"http://169.254.169.254/latest/meta-data/", "http://10.0.0.1:9/"}) {
        c.url = QUrl(QLatin1String(url));
        const ConnectorAnswer a = client.call(c, orderAsk(QStringLiteral("1")));
        QVERIFY(!a.ok);
        QCOMPARE(a.errorKind, ErrorKind::Forbidden);
        QVERIFY2(a.error.contains(QLatin1String("not allowed")), qPrintable(a.error));
    }
}

QTEST_GUILESS_MAIN(TestConnectorClient)
#include "tst_connectorclient.moc"
