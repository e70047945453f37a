// Money at the company's payment provider over real HTTP: a stripe connector named for refunds
// and credits, the scripted Stripe on loopback (connector_servers.py --kind stripe). A refund the
// customer confirmed is made there once, with its idempotency key, and recorded with the
// provider's id; what Stripe refuses is said and handed to a person; a pending refund is said to
// be requested and settled by a signed webhook; a person's refund and credit take the same path.
#include "core/integrations/connectors/StripeProtocol.h"
#include "tests/api/ApiTestSupport.h"
#include "tests/support/ConnectorServer.h"

#include <QJsonArray>
#include <QTest>

using namespace tierdesk;
using namespace tierdesk::test;

namespace {

const QString kStripeKey = QStringLiteral("sk_test_tierdesk");
const QByteArray kWebhookSecret = "whsec_tierdesk_test";

QString str(const QJsonObject &o, const char *key)
{
    return o.value(QLatin1String(key)).toString();
}

} // namespace

class TestCsApiMoney : public QObject {
    Q_OBJECT

private slots:
    void initTestCase();
    void cleanupTestCase();
    void confirmedRefundIsMadeOnceAndRecorded();
    void noAnswerIsCalledAgainWithTheSameKey();
    void alreadyRefundedIsSaidAndEscalated();
    void overRefundIsSaidAndEscalated();
    void pendingThenFailedWebhook();
    void badSignatureIsRefused();
    void creditIsABalanceTransaction();
    void deskRefundTakesTheSamePath();
    void requestedThenSucceededWebhook();
    void httpRefundConnectorWithItsKey();

private:
    // A session of `customer` with `ask` answered by a summary, then "yes": the reply to the yes.
    QJsonObject askAndConfirm(const QString &customer, const QString &ask, QString *sessionId);
    QJsonObject session(const QString &id);
    QList<QJsonObject> stripeRequests(const QString &path);
    HttpResult stripeControl(const QString &path, const QJsonObject &body);
    void refundAtStripe(const QString &reference, int cents); // the company refunds there itself
    QVariant scalar(const QString &sql, const QVariantList &binds = {}) { return m_server.scalar(sql, binds); }
    QString webhookUrl() const
    {
        return QStringLiteral("http://127.0.0.1:%1/api/cs/connectors/stripe/webhook?companyId=%2")
            .arg(m_server.port())
            .arg(m_server.companyId());
    }
    QString claimedSession(const QString &customer);

    ServerFixture m_server;
    std::unique_ptr<ConnectorServer> m_stripe;
    std::unique_ptr<HttpClient> m_admin;
    std::unique_ptr<HttpClient> m_ann;
};

void TestCsApiMoney::initTestCase()
{
    QString error;
    QVERIFY2(m_server.start({}, false, &error), qPrintable(error));
    // The demo orders' payments (resources/demo/payments.json) as Stripe knows them.
    QStringList args;
    for (const char *paid : {"pi_demo_10005=11500", "pi_demo_10012=26800", "pi_demo_10018=9100", "pi_demo_10015=18300",
             "pi_demo_10007=37800", "pi_demo_10001=12900", "pi_demo_10003=27300"})
        args << QStringLiteral("--paid") << QString::fromLatin1(paid);
    args << QStringLiteral("--pending") << QStringLiteral("pi_demo_10015") << QStringLiteral("--pending")
         << QStringLiteral("pi_demo_10003");
    m_stripe = std::make_unique<ConnectorServer>(QStringLiteral("stripe"), args);
    QVERIFY2(m_stripe->isRunning(), qPrintable(m_stripe->error()));
    m_admin = m_server.client(api::Role::Admin);
    QVERIFY(m_server.addAgent(
        QStringLiteral("agt_ann"), QStringLiteral("Ann Archer"), QStringLiteral("agent"), {QStringLiteral("orders")}));
    m_ann = std::make_unique<HttpClient>(
        m_server.port(), m_server.token(api::Role::Agent, {}, 3600, QStringLiteral("agt_ann")));

    const QJsonObject connector{{QStringLiteral("kind"), QStringLiteral("stripe")},
        {QStringLiteral("purposes"), QJsonArray{QStringLiteral("refund"), QStringLiteral("credit")}},
        {QStringLiteral("url"), m_stripe->url()}, {QStringLiteral("timeoutMs"), 1500},
        {QStringLiteral("webhookSecret"), QString::fromLatin1(kWebhookSecret)},
        {QStringLiteral("auth"),
            QJsonObject{{QStringLiteral("type"), QStringLiteral("bearer")}, {QStringLiteral("token"), kStripeKey}}}};
    HttpResult r = m_admin->put(
        withQuery(QStringLiteral("/api/cs/connectors/stripe"), {{QStringLiteral("companyId"), m_server.companyId()}}),
        connector);
    QVERIFY2(r.status == 201, describe(r));
    r = m_admin->put(QStringLiteral("/api/cs/config"),
        {{QStringLiteral("companyId"), m_server.companyId()},
            {QStringLiteral("connectors"),
                QJsonObject{{QStringLiteral("refund"), QStringLiteral("stripe")},
                    {QStringLiteral("credit"), QStringLiteral("stripe")}}}});
    QVERIFY2(r.status == 200, describe(r));
}

void TestCsApiMoney::cleanupTestCase()
{
    m_admin.reset();
    m_ann.reset();
    m_server.stop();
}

QJsonObject TestCsApiMoney::askAndConfirm(const QString &customer, const QString &ask, QString *sessionId)
{
    const HttpResult created = m_admin->post(
        QStringLiteral("/api/cs/sessions"), sessionBody(m_server.companyId(), customer, QStringLiteral("hi")));
    *sessionId = str(created.json(), "id");
    const QString messages = QStringLiteral("/api/cs/sessions/%1/messages").arg(*sessionId);
    const HttpResult asked = m_admin->post(messages, {{QStringLiteral("message"), ask}});
    const QString summary = str(asked.json().value(QLatin1String("aiResponse")).toObject(), "content");
    if (asked.status != 201 || !summary.contains(QLatin1String("Shall I")))
        return {{QStringLiteral("unexpected"), summary}};
    const HttpResult yes = m_admin->post(messages, {{QStringLiteral("message"), QStringLiteral("yes")}});
    return yes.status == 201 ? yes.json() : QJsonObject{{QStringLiteral("unexpected"), QString::fromUtf8(yes.body)}};
}

QJsonObject TestCsApiMoney::session(const QString &id)
{
    return m_admin->get(QStringLiteral("/api/cs/sessions/") + id).json();
}

QList<QJsonObject> TestCsApiMoney::stripeRequests(const QString &path)
{
    HttpClient stripe(m_stripe->port());
    QList<QJsonObject> out;
    for (const QJsonValue &v : stripe.send("GET", QStringLiteral("/_requests"), {}, {}, false).doc.array())
        if (str(v.toObject(), "path") == path)
            out << v.toObject();
    return out;
}

HttpResult TestCsApiMoney::stripeControl(const QString &path, const QJsonObject &body)
{
    HttpClient stripe(m_stripe->port());
    return stripe.send("POST", path, QJsonDocument(body).toJson(QJsonDocument::Compact),
        {{"Content-Type", "application/json"}}, false, 20000);
}

void TestCsApiMoney::refundAtStripe(const QString &reference, int cents)
{
    HttpClient stripe(m_stripe->port());
    const HttpResult r = stripe.send("POST", QStringLiteral("/v1/refunds"),
        QStringLiteral("payment_intent=%1&amount=%2").arg(reference).arg(cents).toUtf8(),
        {{"Authorization", "Bearer " + kStripeKey.toUtf8()}, {"Content-Type", "application/x-www-form-urlencoded"}},
        false);
    QVERIFY2(r.status == 200, describe(r));
}

void TestCsApiMoney::confirmedRefundIsMadeOnceAndRecorded()
{
    QString id;
    const QJsonObject yes = askAndConfirm(
        QStringLiteral("cust_ben"), QStringLiteral("i want my money back for the pants from ORD-10005"), &id);
    const QString reply = str(yes.value(QLatin1String("aiResponse")).toObject(), "content");
    QVERIFY2(reply.contains(QLatin1String("I've refunded $79.00")), qPrintable(reply));

    const QList<QJsonObject> refunds = stripeRequests(QStringLiteral("/v1/refunds"));
    QCOMPARE(refunds.size(), 1);
    const QString body = str(refunds.first(), "body");
    QVERIFY2(body.contains(QLatin1String("payment_intent=pi_demo_10005")) && body.contains(QLatin1String("amount=7900"))
            && body.contains(QLatin1String("reason=requested_by_customer"))
            && body.contains(QStringLiteral("metadata%5BsessionId%5D=") + id),
        qPrintable(body));
    const QString key = str(refunds.first().value(QLatin1String("headers")).toObject(), "idempotency-key");
    QVERIFY2(key.startsWith(QLatin1String("tierdesk-mny_")), qPrintable(key));

    // One ledger row, carrying Stripe's refund id; the builtin order counts it.
    QCOMPARE(
        scalar(QStringLiteral("SELECT COUNT(*) FROM ledger WHERE order_id = 'ORD-10005' AND kind = 'refund'")).toInt(),
        1);
    const QString providerId
        = scalar(QStringLiteral("SELECT provider_id FROM money_actions WHERE session_id = ?"), {id}).toString();
    QVERIFY2(providerId.startsWith(QLatin1String("re_")), qPrintable(providerId));
    QVERIFY(scalar(QStringLiteral("SELECT details FROM ledger WHERE order_id = 'ORD-10005' AND kind = 'refund'"))
                .toString()
                .contains(providerId));
    QCOMPARE(scalar(QStringLiteral("SELECT refunded_amount FROM orders WHERE id = 'ORD-10005'")).toDouble(), 79.0);
    QCOMPARE(scalar(QStringLiteral("SELECT state FROM money_actions WHERE session_id = ?"), {id}).toString(),
        QStringLiteral("succeeded"));
    QCOMPARE(scalar(QStringLiteral("SELECT told FROM money_actions WHERE session_id = ?"), {id}).toInt(), 1);
}

void TestCsApiMoney::noAnswerIsCalledAgainWithTheSameKey()
{
    // Stripe makes the refund but its answer does not come within the connector's timeout.
    QVERIFY2(stripeControl(QStringLiteral("/_control/hold"), {{QStringLiteral("count"), 1}}).status == 200, "hold");
    QString id;
    const QJsonObject yes = askAndConfirm(
        QStringLiteral("cust_emma"), QStringLiteral("i want my money back for the sleeping pad from ORD-10012"), &id);
    const QString reply = str(yes.value(QLatin1String("aiResponse")).toObject(), "content");
    QVERIFY2(reply.contains(QLatin1String("has not answered yet")) && !reply.contains(QLatin1String("I've refunded")),
        qPrintable(reply));
    QCOMPARE(scalar(QStringLiteral("SELECT state FROM money_actions WHERE session_id = ?"), {id}).toString(),
        QStringLiteral("pending"));
    QCOMPARE(scalar(QStringLiteral("SELECT COUNT(*) FROM ledger WHERE order_id = 'ORD-10012'")).toInt(), 0);
    QVERIFY(stripeControl(QStringLiteral("/_control/release"), {}).status == 200);

    // Called again (the outbox's sweep) with the same key: Stripe replays its answer.
    QTRY_COMPARE_WITH_TIMEOUT(
        scalar(QStringLiteral("SELECT state FROM money_actions WHERE session_id = ?"), {id}).toString(),
        QStringLiteral("succeeded"), 30000);
    QList<QJsonObject> calls;
    for (const QJsonObject &r : stripeRequests(QStringLiteral("/v1/refunds")))
        if (str(r, "body").contains(QLatin1String("pi_demo_10012")))
            calls << r;
    QVERIFY(calls.size() >= 2);
    for (const QJsonObject &c : std::as_const(calls))
        QCOMPARE(str(c.value(QLatin1String("headers")).toObject(), "idempotency-key"),
            str(calls.first().value(QLatin1String("headers")).toObject(), "idempotency-key"));
    QCOMPARE(scalar(QStringLiteral("SELECT COUNT(*) FROM ledger WHERE order_id = 'ORD-10012'")).toInt(), 1);
    QCOMPARE(scalar(QStringLiteral("SELECT refunded_amount FROM orders WHERE id = 'ORD-10012'")).toDouble(), 89.0);
    // The customer is told in the session, once.
    QTRY_VERIFY_WITH_TIMEOUT(
        scalar(QStringLiteral("SELECT told FROM money_actions WHERE session_id = ?"), {id}).toInt() == 1, 10000);
    int updates = 0;
    for (const QJsonValue &m : session(id).value(QLatin1String("messages")).toArray())
        updates += str(m.toObject(), "content")
                       .startsWith(QLatin1String("Update on your refund: our payment provider "
                                                 "has now refunded $89.00"));
    QCOMPARE(updates, 1);
}

void TestCsApiMoney::alreadyRefundedIsSaidAndEscalated()
{
    refundAtStripe(QStringLiteral("pi_demo_10007"), 37800); // refunded at Stripe, not in Tierdesk's store
    QString id;
    const QJsonObject yes = askAndConfirm(
        QStringLiteral("cust_chloe"), QStringLiteral("i want my money back for the sleeping pad from ORD-10007"), &id);
    const QString reply = str(yes.value(QLatin1String("aiResponse")).toObject(), "content");
    QVERIFY2(reply.contains(QLatin1String("did not go through")) && !reply.contains(QLatin1String("I've refunded")),
        qPrintable(reply));
    QCOMPARE(str(session(id), "currentTier"), QStringLiteral("HUMAN_AGENT"));
    QCOMPARE(scalar(QStringLiteral("SELECT COUNT(*) FROM ledger WHERE order_id = 'ORD-10007'")).toInt(), 0);
    QCOMPARE(scalar(QStringLiteral("SELECT refunded_amount FROM orders WHERE id = 'ORD-10007'")).toDouble(), 0.0);
    QVERIFY(scalar(QStringLiteral("SELECT error FROM money_actions WHERE session_id = ?"), {id})
                .toString()
                .contains(QLatin1String("already been refunded")));
}

void TestCsApiMoney::overRefundIsSaidAndEscalated()
{
    refundAtStripe(QStringLiteral("pi_demo_10018"), 8000); // $11.00 left at Stripe
    QString id;
    const QJsonObject yes = askAndConfirm(
        QStringLiteral("cust_grace"), QStringLiteral("i want my money back for the fleece from ORD-10018"), &id);
    const QString reply = str(yes.value(QLatin1String("aiResponse")).toObject(), "content");
    QVERIFY2(reply.contains(QLatin1String("did not go through")) && !reply.contains(QLatin1String("I've refunded")),
        qPrintable(reply));
    QCOMPARE(str(session(id), "currentTier"), QStringLiteral("HUMAN_AGENT"));
    QCOMPARE(scalar(QStringLiteral("SELECT COUNT(*) FROM ledger WHERE order_id = 'ORD-10018'")).toInt(), 0);
    QCOMPARE(scalar(QStringLiteral("SELECT state FROM money_actions WHERE session_id = ?"), {id}).toString(),
        QStringLiteral("failed"));
}

void TestCsApiMoney::pendingThenFailedWebhook()
{
    QString id;
    const QJsonObject yes = askAndConfirm(
        QStringLiteral("cust_farid"), QStringLiteral("i want my money back for the socks from ORD-10015"), &id);
    const QString reply = str(yes.value(QLatin1String("aiResponse")).toObject(), "content");
    QVERIFY2(reply.contains(QLatin1String("not confirmed the refund yet"))
            && !reply.contains(QLatin1String("I've refunded")),
        qPrintable(reply));
    QCOMPARE(scalar(QStringLiteral("SELECT state FROM money_actions WHERE session_id = ?"), {id}).toString(),
        QStringLiteral("requested"));
    const QString refundId
        = scalar(QStringLiteral("SELECT provider_id FROM money_actions WHERE session_id = ?"), {id}).toString();
    const int before = session(id).value(QLatin1String("messages")).toArray().size();

    // Stripe fails it and sends the signed refund.failed event, twice.
    const QJsonObject fail{{QStringLiteral("refund"), refundId}, {QStringLiteral("url"), webhookUrl()},
        {QStringLiteral("secret"), QString::fromLatin1(kWebhookSecret)}};
    for (int i = 0; i < 2; ++i) {
        const HttpResult r = stripeControl(QStringLiteral("/_control/fail-refund"), fail);
        QVERIFY2(r.status == 200 && r.json().value(QLatin1String("delivered")).toInt() == 200, describe(r));
    }
    QCOMPARE(scalar(QStringLiteral("SELECT state FROM money_actions WHERE session_id = ?"), {id}).toString(),
        QStringLiteral("failed"));
    const QJsonObject after = session(id);
    const QJsonArray messages = after.value(QLatin1String("messages")).toArray();
    QCOMPARE(messages.size(), before + 1); // told once
    QVERIFY2(str(messages.last().toObject(), "content").contains(QLatin1String("did not go through")),
        qPrintable(str(messages.last().toObject(), "content")));
    QCOMPARE(str(after, "currentTier"), QStringLiteral("HUMAN_AGENT"));
    QCOMPARE(scalar(QStringLiteral("SELECT COUNT(*) FROM ledger WHERE order_id = 'ORD-10015'")).toInt(), 0);
}

void TestCsApiMoney::badSignatureIsRefused()
{
    const QByteArray event = R"({"id": "evt_1", "type": "refund.failed", "data": {"object": {"id": "re_1"}}})";
    HttpClient anyone(m_server.port());
    HttpResult r
        = anyone.send("POST", QStringLiteral("/api/cs/connectors/stripe/webhook?companyId=") + m_server.companyId(),
            event, {{"Content-Type", "application/json"}, {"Stripe-Signature", "t=1700000000,v1=00ff"}}, false);
    QVERIFY2(checkErrorBody(r, 400, QStringLiteral("CS_011")).isEmpty(), describe(r));
    QCOMPARE(r.error().value(QLatin1String("details")).toObject().value(QLatin1String("field")).toString(),
        QStringLiteral("Stripe-Signature"));
    r = anyone.send("POST", QStringLiteral("/api/cs/connectors/stripe/webhook?companyId=") + m_server.companyId(),
        event, {{"Content-Type", "application/json"}}, false);
    QVERIFY2(checkErrorBody(r, 400, QStringLiteral("CS_011")).isEmpty(), describe(r));
}

QString TestCsApiMoney::claimedSession(const QString &customer)
{
    const HttpResult created = m_admin->post(QStringLiteral("/api/cs/sessions"),
        sessionBody(m_server.companyId(), customer, QStringLiteral("My order needs a look")));
    const QString id = str(created.json(), "id");
    const HttpResult esc = m_admin->post(QStringLiteral("/api/cs/sessions/%1/escalate").arg(id),
        {{QStringLiteral("reason"), QStringLiteral("CUSTOMER_REQUEST")},
            {QStringLiteral("targetTier"), QStringLiteral("HUMAN_AGENT")}});
    const HttpResult claim = m_ann->post(QStringLiteral("/api/cs/sessions/%1/claim").arg(id), {});
    return created.status == 201 && esc.status == 200 && claim.status == 200 ? id : QString();
}

void TestCsApiMoney::creditIsABalanceTransaction()
{
    HttpResult r = m_admin->put(
        withQuery(QStringLiteral("/api/cs/customers/cust_emma"), {{QStringLiteral("companyId"), m_server.companyId()}}),
        {{QStringLiteral("name"), QStringLiteral("Emma Lindqvist")},
            {QStringLiteral("attributes"),
                QJsonObject{{QStringLiteral("stripeCustomerId"), QStringLiteral("cus_ann")}}}});
    QVERIFY2(r.status == 200 || r.status == 201, describe(r));
    const QString id = claimedSession(QStringLiteral("cust_emma"));
    QVERIFY(!id.isEmpty());
    r = m_ann->post(QStringLiteral("/api/cs/sessions/%1/actions").arg(id),
        {{QStringLiteral("type"), QStringLiteral("credit")}, {QStringLiteral("amount"), 5.0}});
    QVERIFY2(r.status == 201, describe(r));
    const QJsonObject money = r.json().value(QLatin1String("moneyAction")).toObject();
    QCOMPARE(str(money, "state"), QStringLiteral("succeeded"));
    QVERIFY(str(money, "providerId").startsWith(QLatin1String("cbtxn_")));
    const QList<QJsonObject> sent = stripeRequests(QStringLiteral("/v1/customers/cus_ann/balance_transactions"));
    QCOMPARE(sent.size(), 1);
    QVERIFY2(str(sent.first(), "body").contains(QLatin1String("amount=-500"))
            && str(sent.first(), "body").contains(QLatin1String("currency=usd")),
        qPrintable(str(sent.first(), "body")));
    QVERIFY(!str(sent.first().value(QLatin1String("headers")).toObject(), "idempotency-key").isEmpty());
    QVERIFY(scalar(QStringLiteral("SELECT details FROM ledger WHERE session_id = ? AND kind = 'credit'"), {id})
                .toString()
                .contains(str(money, "providerId")));

    // A customer without a Stripe customer id: refused, nothing sent.
    const QString other = claimedSession(QStringLiteral("cust_daniel"));
    r = m_ann->post(QStringLiteral("/api/cs/sessions/%1/actions").arg(other),
        {{QStringLiteral("type"), QStringLiteral("credit")}, {QStringLiteral("amount"), 5.0}});
    QVERIFY2(r.status == 409, describe(r));
    QCOMPARE(stripeRequests(QStringLiteral("/v1/customers/cus_ann/balance_transactions")).size(), 1);
}

void TestCsApiMoney::deskRefundTakesTheSamePath()
{
    const QString id = claimedSession(QStringLiteral("cust_alice"));
    QVERIFY(!id.isEmpty());
    const HttpResult r = m_ann->post(QStringLiteral("/api/cs/sessions/%1/actions").arg(id),
        {{QStringLiteral("type"), QStringLiteral("refund")}, {QStringLiteral("orderId"), QStringLiteral("ORD-10001")},
            {QStringLiteral("amount"), 89.0}});
    QVERIFY2(r.status == 201, describe(r));
    const QJsonObject money = r.json().value(QLatin1String("moneyAction")).toObject();
    QCOMPARE(str(money, "state"), QStringLiteral("succeeded"));
    QVERIFY(str(money, "providerId").startsWith(QLatin1String("re_")));
    // The person's message asked; the provider's confirmation is told after it.
    const QString asked = str(r.json().value(QLatin1String("message")).toObject(), "content");
    QVERIFY2(asked.contains(QLatin1String("asked our payment provider")), qPrintable(asked));
    const QJsonArray messages = session(id).value(QLatin1String("messages")).toArray();
    QVERIFY2(str(messages.last().toObject(), "content").contains(QLatin1String("has now refunded $89.00")),
        qPrintable(str(messages.last().toObject(), "content")));
    QCOMPARE(scalar(QStringLiteral("SELECT COUNT(*) FROM ledger WHERE order_id = 'ORD-10001'")).toInt(), 1);
    QCOMPARE(scalar(QStringLiteral("SELECT refunded_amount FROM orders WHERE id = 'ORD-10001'")).toDouble(), 89.0);
    int refunds = 0;
    for (const QJsonObject &sent : stripeRequests(QStringLiteral("/v1/refunds")))
        refunds += str(sent, "body").contains(QLatin1String("pi_demo_10001"));
    QCOMPARE(refunds, 1);
}

void TestCsApiMoney::requestedThenSucceededWebhook()
{
    const QString id = claimedSession(QStringLiteral("cust_alice"));
    QVERIFY(!id.isEmpty());
    HttpResult r = m_ann->post(QStringLiteral("/api/cs/sessions/%1/actions").arg(id),
        {{QStringLiteral("type"), QStringLiteral("refund")}, {QStringLiteral("orderId"), QStringLiteral("ORD-10003")},
            {QStringLiteral("amount"), 34.0}});
    QVERIFY2(r.status == 201, describe(r));
    const QJsonObject money = r.json().value(QLatin1String("moneyAction")).toObject();
    QCOMPARE(str(money, "state"), QStringLiteral("requested"));
    const QString refundId = str(money, "providerId");
    QCOMPARE(scalar(QStringLiteral("SELECT COUNT(*) FROM ledger WHERE order_id = 'ORD-10003'")).toInt(), 0);

    // Stripe says it succeeded: a signed refund.updated, sent twice.
    const qint64 now = QDateTime::currentSecsSinceEpoch();
    const QJsonObject refund{{QStringLiteral("id"), refundId}, {QStringLiteral("object"), QStringLiteral("refund")},
        {QStringLiteral("amount"), 3400}, {QStringLiteral("currency"), QStringLiteral("usd")},
        {QStringLiteral("status"), QStringLiteral("succeeded")}};
    const QByteArray event = QJsonDocument(
        QJsonObject{{QStringLiteral("id"), QStringLiteral("evt_ok_1")},
            {QStringLiteral("object"), QStringLiteral("event")},
            {QStringLiteral("type"), QStringLiteral("refund.updated")}, {QStringLiteral("created"), now},
            {QStringLiteral("data"), QJsonObject{{QStringLiteral("object"), refund}}}})
                                 .toJson(QJsonDocument::Compact);
    const QByteArray signature = connectors::StripeProtocol::signatureHeader(event, kWebhookSecret, now);
    HttpClient stripe(m_server.port());
    const QString hook = QStringLiteral("/api/cs/connectors/stripe/webhook?companyId=") + m_server.companyId();
    for (int i = 0; i < 2; ++i) {
        r = stripe.send(
            "POST", hook, event, {{"Content-Type", "application/json"}, {"Stripe-Signature", signature}}, false);
        QVERIFY2(r.status == 200, describe(r));
    }
    QCOMPARE(scalar(QStringLiteral("SELECT COUNT(*) FROM ledger WHERE order_id = 'ORD-10003'")).toInt(), 1);
    QVERIFY(scalar(QStringLiteral("SELECT details FROM ledger WHERE order_id = 'ORD-10003'"))
                .toString()
                .contains(refundId));
    QCOMPARE(scalar(QStringLiteral("SELECT refunded_amount FROM orders WHERE id = 'ORD-10003'")).toDouble(), 34.0);
    int told = 0;
    for (const QJsonValue &m : session(id).value(QLatin1String("messages")).toArray())
        told += str(m.toObject(), "content").contains(QLatin1String("has now refunded $34.00"));
    QCOMPARE(told, 1);
}

// The company's own refund API (an `http` connector): its request template with {idempotencyKey},
// its answer's id and status read by pointers; the same path and states.
void TestCsApiMoney::httpRefundConnectorWithItsKey()
{
    ConnectorServer shop(QStringLiteral("orders"));
    QVERIFY2(shop.isRunning(), qPrintable(shop.error()));
    QJsonObject connector = QJsonDocument::fromJson(R"({"kind": "http", "purposes": ["refund"], "timeoutMs": 3000,
            "requests": {"refund": {"method": "POST", "path": "/orders/{orderId}/refunds",
                                    "body": "{\"amount\": {amount}, \"reference\": \"{paymentReference}\", \"key\": \"{idempotencyKey}\"}"}},
            "fields": {"refund": {"id": "/refund/id", "status": "/refund/status"}}})")
                                .object();
    connector.insert(QStringLiteral("url"), shop.url());
    HttpResult r = m_admin->put(
        withQuery(QStringLiteral("/api/cs/connectors/shop"), {{QStringLiteral("companyId"), m_server.companyId()}}),
        connector);
    QVERIFY2(r.status == 201, describe(r));
    const auto refundVia = [&](const char *name) {
        return m_admin->put(QStringLiteral("/api/cs/config"),
            {{QStringLiteral("companyId"), m_server.companyId()},
                {QStringLiteral("connectors"), QJsonObject{{QStringLiteral("refund"), QLatin1String(name)}}}});
    };
    QVERIFY2(refundVia("shop").status == 200, "config");
    const QString id = claimedSession(QStringLiteral("cust_chloe"));
    QVERIFY(!id.isEmpty());
    r = m_ann->post(QStringLiteral("/api/cs/sessions/%1/actions").arg(id),
        {{QStringLiteral("type"), QStringLiteral("refund")}, {QStringLiteral("orderId"), QStringLiteral("ORD-10009")},
            {QStringLiteral("amount"), 22.0}});
    QVERIFY(refundVia("stripe").status == 200);
    QVERIFY2(r.status == 201, describe(r));
    const QJsonObject money = r.json().value(QLatin1String("moneyAction")).toObject();
    QCOMPARE(str(money, "state"), QStringLiteral("succeeded"));
    QCOMPARE(str(money, "providerId"), QStringLiteral("rf_1"));
    QCOMPARE(str(money, "connector"), QStringLiteral("shop"));
    HttpClient http(shop.port());
    const QJsonArray sent = http.send("GET", QStringLiteral("/_requests"), {}, {}, false).doc.array();
    QCOMPARE(sent.size(), 1);
    const QJsonObject ask = QJsonDocument::fromJson(str(sent.at(0).toObject(), "body").toUtf8()).object();
    QCOMPARE(ask.value(QLatin1String("amount")).toDouble(), 22.0);
    QCOMPARE(str(ask, "reference"), QStringLiteral("pi_demo_10009"));
    QVERIFY(str(ask, "key").startsWith(QLatin1String("tierdesk-mny_")));
    QCOMPARE(str(sent.at(0).toObject().value(QLatin1String("headers")).toObject(), "idempotency-key"), str(ask, "key"));
    QVERIFY(scalar(QStringLiteral("SELECT details FROM ledger WHERE order_id = 'ORD-10009'"))
                .toString()
                .contains(QLatin1String("rf_1")));
}

QTEST_GUILESS_MAIN(TestCsApiMoney)
#include "tst_csapi_money.moc"
