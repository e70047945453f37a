// A person's refunds and credits on a real server (POST /api/cs/sessions/:id/actions):
// within the HUMAN_AGENT tier's caps and what the order still owes, written to
// the ledger and the audit log as that agent's, confirmed to the customer over
// the WebSocket; and the customer's orders in GET session for staff only.
#include "tests/api/ApiTestSupport.h"

#include <QSqlQuery>
#include <QTest>
#include <QWebSocket>

using namespace tierdesk;
using namespace tierdesk::test;

namespace {

QString str(const QJsonObject &o, const char *key)
{
    return o.value(QLatin1String(key)).toString();
}

QJsonObject obj(const QJsonObject &o, const char *key)
{
    return o.value(QLatin1String(key)).toObject();
}

QJsonObject refund(const QString &orderId, double amount, const QString &reason = {})
{
    QJsonObject body{{QStringLiteral("type"), QStringLiteral("refund")}, {QStringLiteral("orderId"), orderId},
        {QStringLiteral("amount"), amount}};
    if (!reason.isEmpty())
        body.insert(QStringLiteral("reason"), reason);
    return body;
}

QJsonObject credit(double amount)
{
    return {{QStringLiteral("type"), QStringLiteral("credit")}, {QStringLiteral("amount"), amount}};
}

} // namespace

class TestCsApiDeskActions : public QObject {
    Q_OBJECT

private slots:
    void initTestCase();
    void cleanupTestCase();
    void refundWithinTheCapReachesTheCustomer();
    void refundBeyondWhatIsLeftIsRefused();
    void unchargedOrdersAreNotOwed();
    void capsOfTheHumanTier();
    void creditToTheAccount();
    void onlyTheHolderOrASupervisor();
    void badInput();
    void staffSeeTheCustomersOrders();

private:
    // A session of `customer` escalated to HUMAN_AGENT and claimed by Ann.
    QString claimedSession(const QString &customer);
    QString path(const QString &sessionId) const
    {
        return QStringLiteral("/api/cs/sessions/") + sessionId + QStringLiteral("/actions");
    }
    bool addAgent(const QString &id, const QString &name, const QString &role)
    {
        return m_server.addAgent(id, name, role, {QStringLiteral("orders")});
    }
    QVariant scalar(const QString &sql, const QVariantList &binds = {}) { return m_server.scalar(sql, binds); }
    int ledgerRows(const QString &orderId)
    {
        return scalar(QStringLiteral("SELECT COUNT(*) FROM ledger WHERE order_id = ?"), {orderId}).toInt();
    }
    QStringList auditActions();
    bool setHumanCaps(const QJsonObject &caps);

    ServerFixture m_server;
    std::unique_ptr<HttpClient> m_admin;
    std::unique_ptr<HttpClient> m_ann; // agent
    std::unique_ptr<HttpClient> m_bob; // agent
    std::unique_ptr<HttpClient> m_sue; // supervisor
};

void TestCsApiDeskActions::initTestCase()
{
    QString error;
    QVERIFY2(m_server.start({}, false, &error), qPrintable(error));
    QVERIFY(addAgent(QStringLiteral("agt_ann"), QStringLiteral("Ann Archer"), QStringLiteral("agent")));
    QVERIFY(addAgent(QStringLiteral("agt_bob"), QStringLiteral("Bob Baker"), QStringLiteral("agent")));
    QVERIFY(addAgent(QStringLiteral("agt_sue"), QStringLiteral("Sue Stone"), QStringLiteral("supervisor")));
    m_admin = m_server.client(api::Role::Admin);
    m_ann = std::make_unique<HttpClient>(
        m_server.port(), m_server.token(api::Role::Agent, {}, 3600, QStringLiteral("agt_ann")));
    m_bob = std::make_unique<HttpClient>(
        m_server.port(), m_server.token(api::Role::Agent, {}, 3600, QStringLiteral("agt_bob")));
    m_sue = std::make_unique<HttpClient>(
        m_server.port(), m_server.token(api::Role::Supervisor, {}, 3600, QStringLiteral("agt_sue")));
}

void TestCsApiDeskActions::cleanupTestCase()
{
    m_admin.reset();
    m_ann.reset();
    m_bob.reset();
    m_sue.reset();
    m_server.stop();
}

QStringList TestCsApiDeskActions::auditActions()
{
    QStringList out;
    const HttpResult r
        = m_sue->get(QStringLiteral("/api/cs/audit?companyId=") + m_server.companyId() + QStringLiteral("&limit=500"));
    for (const QJsonValue &e : r.json().value(QLatin1String("entries")).toArray())
        out << str(e.toObject(), "action");
    return out;
}

bool TestCsApiDeskActions::setHumanCaps(const QJsonObject &caps)
{
    const QJsonObject patch{{QStringLiteral("companyId"), m_server.companyId()},
        {QStringLiteral("tiers"),
            QJsonObject{{QStringLiteral("humanAgent"), QJsonObject{{QStringLiteral("capabilities"), caps}}}}}};
    return m_admin->put(QStringLiteral("/api/cs/config"), patch).status == 200;
}

QString TestCsApiDeskActions::claimedSession(const QString &customer)
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

void TestCsApiDeskActions::refundWithinTheCapReachesTheCustomer()
{
    const QString id = claimedSession(QStringLiteral("cust_ben"));
    QVERIFY(!id.isEmpty());
    // The customer's own client listens to the session.
    QWebSocket ws;
    QList<QJsonObject> frames;
    connect(&ws, &QWebSocket::textMessageReceived, this,
        [&frames](const QString &text) { frames << QJsonDocument::fromJson(text.toUtf8()).object(); });
    ws.open(QUrl(QStringLiteral("ws://127.0.0.1:%1/api/cs/ws?token=%2")
                     .arg(m_server.port())
                     .arg(QString::fromLatin1(m_server.token(api::Role::Client)))));
    QTRY_VERIFY_WITH_TIMEOUT(ws.state() == QAbstractSocket::ConnectedState, 5000);
    ws.sendTextMessage(QStringLiteral("{\"type\":\"subscribe\",\"sessionId\":\"%1\"}").arg(id));
    QTRY_VERIFY_WITH_TIMEOUT(std::any_of(frames.cbegin(), frames.cend(),
                                 [](const QJsonObject &f) { return str(f, "type") == QLatin1String("subscribed"); }),
        5000);

    const HttpResult r
        = m_ann->post(path(id), refund(QStringLiteral("ORD-10005"), 25, QStringLiteral("Late delivery")));
    QVERIFY2(r.status == 201, describe(r).constData());
    const QJsonObject action = obj(r.json(), "action");
    QCOMPARE(str(action, "type"), QStringLiteral("refund"));
    QCOMPARE(str(action, "orderId"), QStringLiteral("ORD-10005"));
    QCOMPARE(action.value(QLatin1String("amount")).toDouble(), 25.0);
    QCOMPARE(str(action, "tier"), QStringLiteral("HUMAN_AGENT"));
    QCOMPARE(str(action, "agentId"), QStringLiteral("agt_ann"));
    QCOMPARE(str(action, "agentName"), QStringLiteral("Ann Archer"));
    QCOMPARE(obj(r.json(), "order").value(QLatin1String("refundedAmount")).toDouble(), 25.0);
    const QString confirmation = QStringLiteral("I've refunded $25.00 for ORD-10005 to your original payment method.");
    const QJsonObject message = obj(r.json(), "message");
    QCOMPARE(str(message, "role"), QStringLiteral("human_agent"));
    QCOMPARE(str(message, "content"), confirmation);

    // The customer sees the confirmation live.
    QTRY_VERIFY_WITH_TIMEOUT(std::any_of(frames.cbegin(), frames.cend(),
                                 [&](const QJsonObject &f) {
                                     return str(f, "type") == QLatin1String("message")
                                         && str(obj(obj(f, "data"), "message"), "content") == confirmation;
                                 }),
        5000);

    // The ledger row is the agent's, at the human tier.
    QCOMPARE(ledgerRows(QStringLiteral("ORD-10005")), 1);
    QCOMPARE(scalar(QStringLiteral("SELECT amount FROM ledger WHERE order_id = 'ORD-10005'")).toDouble(), 25.0);
    QCOMPARE(scalar(QStringLiteral("SELECT kind FROM ledger WHERE order_id = 'ORD-10005'")).toString(),
        QStringLiteral("refund"));
    QCOMPARE(scalar(QStringLiteral("SELECT tier FROM ledger WHERE order_id = 'ORD-10005'")).toString(),
        QStringLiteral("HUMAN_AGENT"));
    QCOMPARE(scalar(QStringLiteral("SELECT session_id FROM ledger WHERE order_id = 'ORD-10005'")).toString(), id);
    const QJsonObject details = QJsonDocument::fromJson(
        scalar(QStringLiteral("SELECT details FROM ledger WHERE order_id = 'ORD-10005'")).toByteArray())
                                    .object();
    QCOMPARE(str(details, "agentId"), QStringLiteral("agt_ann"));
    QCOMPARE(str(details, "agentName"), QStringLiteral("Ann Archer"));
    QCOMPARE(str(details, "reason"), QStringLiteral("Late delivery"));
    QVERIFY(auditActions().contains(QStringLiteral("desk.refund")));

    // GET session shows the action and the order's new refunded amount.
    const QJsonObject session = m_ann->get(QStringLiteral("/api/cs/sessions/") + id).json();
    const QJsonObject last = session.value(QLatin1String("messages")).toArray().last().toObject();
    QCOMPARE(str(last, "content"), confirmation);
    QVERIFY(obj(last, "metadata")
                .value(QLatin1String("actionsTaken"))
                .toArray()
                .contains(QStringLiteral("process_refund")));
    QCOMPARE(str(obj(obj(last, "metadata"), "action"), "agentName"), QStringLiteral("Ann Archer"));
    for (const QJsonValue &o : obj(session, "context").value(QLatin1String("orders")).toArray())
        if (str(o.toObject(), "id") == QLatin1String("ORD-10005"))
            QCOMPARE(o.toObject().value(QLatin1String("refundedAmount")).toDouble(), 25.0);
}

void TestCsApiDeskActions::refundBeyondWhatIsLeftIsRefused()
{
    // ORD-10002 (Alice, delivered, $155).
    const QString id = claimedSession(QStringLiteral("cust_alice"));
    QVERIFY(!id.isEmpty());
    QCOMPARE(m_ann->post(path(id), refund(QStringLiteral("ORD-10002"), 100)).status, 201);
    HttpResult r = m_ann->post(path(id), refund(QStringLiteral("ORD-10002"), 60));
    QVERIFY2(checkErrorBody(r, 409, QStringLiteral("CS_030")).isEmpty(), describe(r).constData());
    QCOMPARE(obj(r.error(), "details").value(QLatin1String("refundable")).toDouble(), 55.0);
    QCOMPARE(ledgerRows(QStringLiteral("ORD-10002")), 1);
    r = m_ann->post(path(id), refund(QStringLiteral("ORD-10002"), 55));
    QVERIFY2(r.status == 201, describe(r).constData());
    QCOMPARE(str(obj(r.json(), "order"), "status"), QStringLiteral("refunded"));
    r = m_ann->post(path(id), refund(QStringLiteral("ORD-10002"), 1));
    QVERIFY2(checkErrorBody(r, 409, QStringLiteral("CS_030")).isEmpty(), describe(r).constData());
    QCOMPARE(ledgerRows(QStringLiteral("ORD-10002")), 2);
    QCOMPARE(scalar(QStringLiteral("SELECT refunded_amount FROM orders WHERE id = 'ORD-10002'")).toDouble(), 155.0);
}

void TestCsApiDeskActions::unchargedOrdersAreNotOwed()
{
    const QString id = claimedSession(QStringLiteral("cust_ben"));
    QVERIFY(!id.isEmpty());
    const int messages = int(
        m_ann->get(QStringLiteral("/api/cs/sessions/") + id).json().value(QLatin1String("messages")).toArray().size());
    // Pending (never charged) and cancelled orders owe nothing, whatever the cap.
    for (const QString &order : {QStringLiteral("ORD-10004"), QStringLiteral("ORD-10006")}) {
        const HttpResult r = m_ann->post(path(id), refund(order, 10));
        QVERIFY2(checkErrorBody(r, 409, QStringLiteral("CS_030")).isEmpty(), describe(r).constData());
        QCOMPARE(ledgerRows(order), 0);
    }
    // Another customer's order, or no such order: bad input, nothing revealed.
    for (const QString &order : {QStringLiteral("ORD-10001"), QStringLiteral("ORD-99999")}) {
        const HttpResult r = m_ann->post(path(id), refund(order, 10));
        QVERIFY2(checkErrorBody(r, 400, QStringLiteral("CS_011")).isEmpty(), describe(r).constData());
        QCOMPARE(str(obj(r.error(), "details"), "field"), QStringLiteral("orderId"));
    }
    QCOMPARE(ledgerRows(QStringLiteral("ORD-10001")), 0);
    // Nothing was said to the customer.
    QCOMPARE(
        m_ann->get(QStringLiteral("/api/cs/sessions/") + id).json().value(QLatin1String("messages")).toArray().size(),
        messages);
}

void TestCsApiDeskActions::capsOfTheHumanTier()
{
    // ORD-10015 (Farid, delivered, $183).
    const QString id = claimedSession(QStringLiteral("cust_farid"));
    QVERIFY(!id.isEmpty());
    QVERIFY(setHumanCaps({{QStringLiteral("maxRefundAmount"), 150}}));
    HttpResult r = m_ann->post(path(id), refund(QStringLiteral("ORD-10015"), 160));
    QVERIFY2(checkErrorBody(r, 403, QStringLiteral("CS_013")).isEmpty(), describe(r).constData());
    QCOMPARE(str(obj(r.error(), "details"), "cap"), QStringLiteral("maxRefundAmount"));
    QCOMPARE(obj(r.error(), "details").value(QLatin1String("max")).toDouble(), 150.0);
    // The default credit cap is $100.
    r = m_ann->post(path(id), credit(100.01));
    QVERIFY2(checkErrorBody(r, 403, QStringLiteral("CS_013")).isEmpty(), describe(r).constData());
    QCOMPARE(str(obj(r.error(), "details"), "cap"), QStringLiteral("maxCreditAmount"));
    QVERIFY(setHumanCaps({{QStringLiteral("canProcessRefunds"), false}}));
    r = m_ann->post(path(id), refund(QStringLiteral("ORD-10015"), 5));
    QVERIFY2(checkErrorBody(r, 403, QStringLiteral("CS_013")).isEmpty(), describe(r).constData());
    QCOMPARE(str(obj(r.error(), "details"), "capability"), QStringLiteral("canProcessRefunds"));
    QCOMPARE(ledgerRows(QStringLiteral("ORD-10015")), 0);
    QVERIFY(setHumanCaps({{QStringLiteral("canProcessRefunds"), true}, {QStringLiteral("maxRefundAmount"), 500}}));
    QCOMPARE(m_ann->post(path(id), refund(QStringLiteral("ORD-10015"), 160)).status, 201);
    // The caps are validated like the AI tiers'.
    QVERIFY(!setHumanCaps({{QStringLiteral("maxRefundAmount"), -1}}));
}

void TestCsApiDeskActions::creditToTheAccount()
{
    const QString id = claimedSession(QStringLiteral("cust_daniel"));
    QVERIFY(!id.isEmpty());
    const double before
        = scalar(QStringLiteral("SELECT credit_balance FROM customers WHERE id = 'cust_daniel'")).toDouble();
    const HttpResult r = m_ann->post(path(id), credit(12.5));
    QVERIFY2(r.status == 201, describe(r).constData());
    QVERIFY(obj(r.json(), "action").value(QLatin1String("orderId")).isNull());
    QCOMPARE(str(obj(r.json(), "message"), "content"),
        QStringLiteral("I've added a credit of $12.50 to your account; it is used on your next order."));
    QCOMPARE(scalar(QStringLiteral("SELECT credit_balance FROM customers WHERE id = 'cust_daniel'")).toDouble(),
        before + 12.5);
    QCOMPARE(
        scalar(QStringLiteral(
                   "SELECT COUNT(*) FROM ledger WHERE kind = 'credit' AND session_id = ? AND tier = 'HUMAN_AGENT'"),
            {id})
            .toInt(),
        1);
    QVERIFY(auditActions().contains(QStringLiteral("desk.credit")));
}

void TestCsApiDeskActions::onlyTheHolderOrASupervisor()
{
    const QString id = claimedSession(QStringLiteral("cust_emma"));
    QVERIFY(!id.isEmpty());
    HttpResult r = m_bob->post(path(id), credit(5));
    QVERIFY2(checkErrorBody(r, 409, QStringLiteral("CS_028")).isEmpty(), describe(r).constData());
    QCOMPARE(str(obj(obj(r.error(), "details"), "holder"), "id"), QStringLiteral("agt_ann"));
    // A customer's client has no such route.
    HttpClient customer(m_server.port(),
        m_server.token(api::Role::Client, {}, 3600, QStringLiteral("tester"), QStringLiteral("cust_emma")));
    QCOMPARE(customer.post(path(id), credit(5)).status, 403);
    QCOMPARE(scalar(QStringLiteral("SELECT COUNT(*) FROM ledger WHERE session_id = ?"), {id}).toInt(), 0);
    // A supervisor may act on someone else's claim.
    r = m_sue->post(path(id), credit(5));
    QVERIFY2(r.status == 201, describe(r).constData());
    QCOMPARE(str(obj(r.json(), "action"), "agentName"), QStringLiteral("Sue Stone"));
    // Unclaimed: claim it first. Still with the AI: not at the human tier.
    QCOMPARE(m_ann->post(QStringLiteral("/api/cs/sessions/%1/release").arg(id), {}).status, 200);
    r = m_ann->post(path(id), credit(5));
    QVERIFY2(checkErrorBody(r, 409, QStringLiteral("CS_028")).isEmpty(), describe(r).constData());
    const HttpResult fresh = m_admin->post(
        QStringLiteral("/api/cs/sessions"), sessionBody(m_server.companyId(), QStringLiteral("cust_emma")));
    r = m_ann->post(path(str(fresh.json(), "id")), credit(5));
    QVERIFY2(checkErrorBody(r, 409, QStringLiteral("CS_026")).isEmpty(), describe(r).constData());
    QCOMPARE(scalar(QStringLiteral("SELECT COUNT(*) FROM ledger WHERE session_id = ?"), {id}).toInt(), 1);
}

void TestCsApiDeskActions::badInput()
{
    const QString id = claimedSession(QStringLiteral("cust_grace"));
    QVERIFY(!id.isEmpty());
    const QList<QPair<QJsonObject, QString>> cases{
        {{{QStringLiteral("amount"), 5}}, QStringLiteral("type")},
        {{{QStringLiteral("type"), QStringLiteral("chargeback")}, {QStringLiteral("amount"), 5}},
            QStringLiteral("type")},
        {credit(0), QStringLiteral("amount")},
        {credit(-3), QStringLiteral("amount")},
        {credit(0.001), QStringLiteral("amount")},
        {credit(2e9), QStringLiteral("amount")},
        {{{QStringLiteral("type"), QStringLiteral("credit")}, {QStringLiteral("amount"), QStringLiteral("5")}},
            QStringLiteral("amount")},
        {{{QStringLiteral("type"), QStringLiteral("refund")}, {QStringLiteral("amount"), 5}},
            QStringLiteral("orderId")},
        {{{QStringLiteral("type"), QStringLiteral("refund")}, {QStringLiteral("orderId"), 18},
             {QStringLiteral("amount"), 5}},
            QStringLiteral("orderId")},
        {{{QStringLiteral("type"), QStringLiteral("credit")}, {QStringLiteral("orderId"), QStringLiteral("ORD-10018")},
             {QStringLiteral("amount"), 5}},
            QStringLiteral("orderId")},
        {refund(QStringLiteral("ORD-10018"), 5, QString(501, QLatin1Char('r'))), QStringLiteral("reason")},
    };
    for (const auto &[body, field] : cases) {
        const HttpResult r = m_ann->post(path(id), body);
        QVERIFY2(checkErrorBody(r, 400, QStringLiteral("CS_011")).isEmpty(), describe(r).constData());
        QCOMPARE(str(obj(r.error(), "details"), "field"), field);
    }
    QCOMPARE(ledgerRows(QStringLiteral("ORD-10018")), 0);
    QCOMPARE(m_ann->post(path(QStringLiteral("sess_missing")), credit(5)).errorCode(), QStringLiteral("CS_002"));
}

void TestCsApiDeskActions::staffSeeTheCustomersOrders()
{
    const HttpResult created = m_admin->post(
        QStringLiteral("/api/cs/sessions"), sessionBody(m_server.companyId(), QStringLiteral("cust_hugo")));
    const QString id = str(created.json(), "id");
    const QJsonArray orders = obj(m_ann->get(QStringLiteral("/api/cs/sessions/") + id).json(), "context")
                                  .value(QLatin1String("orders"))
                                  .toArray();
    QCOMPARE(orders.size(), 2);
    // Newest first: ORD-10019 (6 days ago, shipped) before ORD-10020 (28 days ago, refunded).
    const QJsonObject first = orders.first().toObject();
    QCOMPARE(str(first, "id"), QStringLiteral("ORD-10019"));
    QCOMPARE(str(first, "status"), QStringLiteral("shipped"));
    QCOMPARE(first.value(QLatin1String("total")).toDouble(), 161.0);
    QCOMPARE(first.value(QLatin1String("refundedAmount")).toDouble(), 0.0);
    QCOMPARE(str(first, "carrier"), QStringLiteral("FedEx"));
    QCOMPARE(str(first, "trackingNumber"), QStringLiteral("772845190879"));
    QCOMPARE(first.value(QLatin1String("itemCount")).toInt(), 3);
    QVERIFY(!str(first, "placedAt").isEmpty());
    QCOMPARE(str(orders.last().toObject(), "id"), QStringLiteral("ORD-10020"));
    // The customer's own client gets no order list in the session.
    HttpClient customer(m_server.port(),
        m_server.token(api::Role::Client, {}, 3600, QStringLiteral("tester"), QStringLiteral("cust_hugo")));
    const HttpResult own = customer.get(QStringLiteral("/api/cs/sessions/") + id);
    QCOMPARE(own.status, 200);
    QVERIFY(!obj(own.json(), "context").contains(QLatin1String("orders")));
}

QTEST_GUILESS_MAIN(TestCsApiDeskActions)
#include "tst_csapi_deskactions.moc"
