// The connectors service: registration checked field by field, secrets sealed, every change
// audited; a test runs off the engine thread and is logged; a refund's test is a dry run;
// the order sources (builtin and a connector's) say found, not found or failed.
#include "core/engine/sources/OrderSource.h"
#include "tests/engine/EngineFixture.h"
#include "tests/support/ConnectorServer.h"

#include <QSemaphore>

#include <atomic>

using namespace tierdesk;
using tierdesk::test::ConnectorServer;

namespace {

ConnectorDraft shopDraft(const QString &url)
{
    ConnectorDraft d;
    d.name = QStringLiteral("shop");
    d.kind = QStringLiteral("http");
    d.purposes = {QStringLiteral("order")};
    d.url = url;
    d.authType = QStringLiteral("bearer");
    d.secret = "shop-token";
    d.timeoutMs = 2000;
    ConnectorRequest r;
    r.path = QStringLiteral("/orders/{orderId}");
    d.requests.insert(QStringLiteral("order"), r);
    FieldPointers f;
    f.fields = {{QStringLiteral("id"), QStringLiteral("/number")}, {QStringLiteral("status"), QStringLiteral("/state")},
        {QStringLiteral("customerId"), QStringLiteral("/customer/id")}};
    d.fields.insert(QStringLiteral("order"), f);
    return d;
}

ConnectorDraft stripeDraft(const QString &url)
{
    ConnectorDraft d;
    d.name = QStringLiteral("stripe");
    d.kind = QStringLiteral("stripe");
    d.purposes = {QStringLiteral("refund"), QStringLiteral("credit")};
    d.url = url;
    d.authType = QStringLiteral("bearer");
    d.secret = "sk_test_tierdesk";
    d.webhookSecret = "whsec_test";
    return d;
}

// A transport whose calls wait until released, counting how many are in flight at once.
class HeldHttp final : public OutboundHttp {
public:
    OutboundResult post(const OutboundRequest &) override
    {
        const int now = ++inFlight;
        int seen = most.load();
        while (now > seen && !most.compare_exchange_weak(seen, now)) { }
        gate.acquire();
        --inFlight;
        OutboundResult r;
        r.status = 404;
        return r;
    }
    std::atomic<int> inFlight{0};
    std::atomic<int> most{0};
    QSemaphore gate;
};

} // namespace

class TestConnectors : public QObject {
    Q_OBJECT

private slots:
    void init();
    void cleanup() { m_fx.reset(); }
    void putChecksEveryField_data();
    void putChecksEveryField();
    void putCreatesReplacesAndRemovesAudited();
    void testRunsOffTheEngineThreadAndIsLogged();
    void refundTestIsADryRun();
    void orderSourcesSayFoundNotFoundOrFailed();
    void atMostMaxConcurrentCallsInFlight();

private:
    Result<ConnectorTest> runTest(const QString &name, const QString &purpose, const QMap<QString, QString> &input);
    Connectors &connectors() { return m_fx->engine->connectors(); }

    std::unique_ptr<test::EngineFixture> m_fx;
};

void TestConnectors::init()
{
    m_fx = std::make_unique<test::EngineFixture>();
    QVERIFY(m_fx->setUp());
}

Result<ConnectorTest> TestConnectors::runTest(
    const QString &name, const QString &purpose, const QMap<QString, QString> &input)
{
    std::optional<Result<ConnectorTest>> got;
    QObject context;
    connectors().test(m_fx->companyId, name, purpose, input, Actor{}, &context,
        [&got](Result<ConnectorTest> r) { got = std::move(r); });
    [&] { QTRY_VERIFY_WITH_TIMEOUT(got.has_value(), 15000); }();
    if (!got)
        return makeError(ErrorKind::Internal, QStringLiteral("no answer"));
    return *got;
}

void TestConnectors::putChecksEveryField_data()
{
    QTest::addColumn<QString>("change");
    QTest::addColumn<QString>("field");
    QTest::newRow("name") << "name=Shop!"
                          << "name";
    QTest::newRow("builtin") << "name=builtin"
                             << "name";
    QTest::newRow("kind") << "kind=ftp"
                          << "kind";
    QTest::newRow("purposes empty") << "purposes="
                                    << "purposes";
    QTest::newRow("purpose unknown") << "purposes=orderz"
                                     << "purposes";
    QTest::newRow("purpose twice") << "purposes=order,order"
                                   << "purposes";
    QTest::newRow("url") << "url=ftp://x"
                         << "url";
    QTest::newRow("metadata url") << "url=http://169.254.169.254/"
                                  << "url";
    QTest::newRow("token over http") << "url=http://shop.example"
                                     << "url";
    QTest::newRow("auth type") << "auth=oauth"
                               << "auth";
    QTest::newRow("auth secret") << "secret="
                                 << "auth";
    QTest::newRow("timeout") << "timeoutMs=50"
                             << "timeoutMs";
    QTest::newRow("request missing") << "purposes=order,orders"
                                     << "requests";
    QTest::newRow("placeholder") << "path=/orders/{order}"
                                 << "requests";
    QTest::newRow("pointer") << "pointer=status"
                             << "fields";
    QTest::newRow("webhookSecret") << "webhookSecret=whsec_x"
                                   << "webhookSecret";
}

void TestConnectors::putChecksEveryField()
{
    QFETCH(QString, change);
    QFETCH(QString, field);
    ConnectorDraft d = shopDraft(QStringLiteral("http://127.0.0.1:9"));
    const QString key = change.section(QLatin1Char('='), 0, 0);
    const QString value = change.section(QLatin1Char('='), 1);
    if (key == QLatin1String("name"))
        d.name = value;
    else if (key == QLatin1String("kind"))
        d.kind = value;
    else if (key == QLatin1String("purposes"))
        d.purposes = value.split(QLatin1Char(','), Qt::SkipEmptyParts);
    else if (key == QLatin1String("url"))
        d.url = value;
    else if (key == QLatin1String("auth"))
        d.authType = value;
    else if (key == QLatin1String("secret"))
        d.secret = value.toUtf8();
    else if (key == QLatin1String("timeoutMs"))
        d.timeoutMs = value.toInt();
    else if (key == QLatin1String("path"))
        d.requests[QStringLiteral("order")].path = value;
    else if (key == QLatin1String("pointer"))
        d.fields[QStringLiteral("order")].fields.insert(QStringLiteral("status"), value);
    else if (key == QLatin1String("webhookSecret"))
        d.webhookSecret = value.toUtf8();
    bool created = false;
    const Result<Connector> put = connectors().put(m_fx->companyId, d, Actor{}, &created);
    QVERIFY(!put);
    QCOMPARE(put.error().kind, ErrorKind::InvalidArgument);
    QCOMPARE(put.error().field, field);
    QCOMPARE(connectors().list(m_fx->companyId)->size(), 0);
}

void TestConnectors::putCreatesReplacesAndRemovesAudited()
{
    bool created = false;
    Result<Connector> put
        = connectors().put(m_fx->companyId, shopDraft(QStringLiteral("http://127.0.0.1:9")), Actor{}, &created);
    QVERIFY2(put, put ? "" : qPrintable(put.error().message));
    QVERIFY(created);
    ConnectorDraft changed = shopDraft(QStringLiteral("http://localhost:9/api/"));
    changed.timeoutMs = 3000;
    put = connectors().put(m_fx->companyId, changed, Actor{}, &created);
    QVERIFY(put);
    QVERIFY(!created);
    QCOMPARE(put->url.toString(), QStringLiteral("http://localhost:9/api"));
    const auto all = connectors().list(m_fx->companyId);
    QCOMPARE(all->size(), 1);
    QCOMPARE(all->at(0).timeoutMs, 3000);
    QCOMPARE(all->at(0).auth.secret, QByteArray("shop-token"));
    QVERIFY(m_fx->store->batch().flush());
    // The database holds the token sealed.
    QVERIFY(!m_fx->scalar(QStringLiteral("SELECT sealed_secret FROM connectors"))
                 .toString()
                 .contains(QLatin1String("shop-token")));
    QVERIFY(connectors().remove(m_fx->companyId, QStringLiteral("shop"), Actor{}));
    QCOMPARE(connectors().remove(m_fx->companyId, QStringLiteral("shop"), Actor{}).error().kind, ErrorKind::NotFound);
    QCOMPARE(connectors().find(m_fx->companyId, QStringLiteral("shop")).error().kind, ErrorKind::NotFound);
    QVERIFY(m_fx->store->batch().flush());
    QCOMPARE(m_fx->scalar(QStringLiteral("SELECT COUNT(*) FROM audit_log WHERE action = 'connector.put'")).toInt(), 2);
    QCOMPARE(
        m_fx->scalar(QStringLiteral("SELECT COUNT(*) FROM audit_log WHERE action = 'connector.delete'")).toInt(), 1);
    QVERIFY(!m_fx->scalar(QStringLiteral("SELECT group_concat(details) FROM audit_log"))
                 .toString()
                 .contains(QLatin1String("shop-token")));
    // Another company does not see it, nor can it test it.
    QCOMPARE(connectors().list(QStringLiteral("co_nobody")).error().kind, ErrorKind::NotFound);
}

void TestConnectors::testRunsOffTheEngineThreadAndIsLogged()
{
    ConnectorServer shop(QStringLiteral("orders"), {QStringLiteral("--token"), QStringLiteral("shop-token")});
    QVERIFY2(shop.isRunning(), qPrintable(shop.error()));
    bool created = false;
    QVERIFY(connectors().put(m_fx->companyId, shopDraft(shop.url()), Actor{}, &created));
    Result<ConnectorTest> t = runTest(
        QStringLiteral("shop"), QStringLiteral("order"), {{QStringLiteral("orderId"), QStringLiteral("ORD-10005")}});
    QVERIFY(t);
    QVERIFY2(t->answer.ok, qPrintable(t->answer.error));
    QCOMPARE(t->answer.order->order.customerId, QStringLiteral("cust_1"));
    QCOMPARE(t->answer.url.path(), QStringLiteral("/orders/ORD-10005"));
    t = runTest(
        QStringLiteral("shop"), QStringLiteral("order"), {{QStringLiteral("orderId"), QStringLiteral("ERR-500")}});
    QVERIFY(t);
    QVERIFY(!t->answer.ok);
    const auto calls = connectors().calls(m_fx->companyId, QStringLiteral("shop"), 10);
    QVERIFY(calls);
    QCOMPARE(calls->size(), 2);
    QCOMPARE(calls->at(0).error, QStringLiteral("HTTP 500"));
    QCOMPARE(calls->at(0).status, 500);
    QVERIFY(calls->at(1).ok);
    // Refused before anything is sent: a purpose it does not serve, an unknown placeholder.
    t = runTest(QStringLiteral("shop"), QStringLiteral("refund"), {});
    QCOMPARE(t.error().field, QStringLiteral("purpose"));
    t = runTest(QStringLiteral("shop"), QStringLiteral("order"), {{QStringLiteral("order"), QStringLiteral("1")}});
    QCOMPARE(t.error().field, QStringLiteral("input"));
    t = runTest(QStringLiteral("nope"), QStringLiteral("order"), {});
    QCOMPARE(t.error().kind, ErrorKind::NotFound);
}

void TestConnectors::refundTestIsADryRun()
{
    ConnectorServer stripe(QStringLiteral("stripe"));
    QVERIFY2(stripe.isRunning(), qPrintable(stripe.error()));
    bool created = false;
    QVERIFY(connectors().put(m_fx->companyId, stripeDraft(stripe.url()), Actor{}, &created));
    const Result<ConnectorTest> t = runTest(QStringLiteral("stripe"), QStringLiteral("refund"),
        {{QStringLiteral("paymentReference"), QStringLiteral("pi_paid_7900")},
            {QStringLiteral("amount"), QStringLiteral("10")}, {QStringLiteral("currency"), QStringLiteral("USD")}});
    QVERIFY(t);
    QVERIFY(t->dryRun);
    QVERIFY2(t->answer.ok, qPrintable(t->answer.error));
    QVERIFY(!t->answer.sent);
    QCOMPARE(t->answer.method, QByteArray("POST"));
    QCOMPARE(t->answer.url.path(), QStringLiteral("/v1/refunds"));
    QVERIFY(connectors().calls(m_fx->companyId, QStringLiteral("stripe"), 10)->isEmpty());
}

void TestConnectors::orderSourcesSayFoundNotFoundOrFailed()
{
    BuiltinOrderSource builtin(*m_fx->store);
    OrderQuery q;
    q.companyId = m_fx->companyId;
    OrderLookup found = builtin.order(q, QStringLiteral("ORD-10001"));
    QVERIFY(found.state == OrderLookup::State::Found);
    QVERIFY(found.order.has(QStringLiteral("customerId")));
    QVERIFY(builtin.order(q, QStringLiteral("ORD-99999")).state == OrderLookup::State::NotFound);

    ConnectorServer fn(QStringLiteral("lambda"));
    QVERIFY2(fn.isRunning(), qPrintable(fn.error()));
    ConnectorDraft lambda;
    lambda.name = QStringLiteral("orders-fn");
    lambda.kind = QStringLiteral("lambda");
    lambda.purposes = {QStringLiteral("order")};
    lambda.url = fn.url(QStringLiteral("/"));
    bool created = false;
    const Result<Connector> c = connectors().put(m_fx->companyId, lambda, Actor{}, &created);
    QVERIFY2(c, c ? "" : qPrintable(c.error().message));
    ConnectorOrderSource source(*c, connectors().transport());
    QVERIFY(source.offEngineThread());
    q.sessionId = QStringLiteral("sess_1");
    found = source.order(q, QStringLiteral("12345"));
    QVERIFY(found.state == OrderLookup::State::Found);
    QCOMPARE(found.order.order.id, QStringLiteral("12345"));
    QCOMPARE(found.order.order.status, QStringLiteral("Shipped"));
    QVERIFY(!found.order.has(QStringLiteral("customerId"))); // names nobody: no money moves on it
    QVERIFY(source.order(q, QStringLiteral("4711")).state == OrderLookup::State::NotFound);
    const OrderLookup failed = source.order(q, QStringLiteral("BROKEN-1"));
    QVERIFY(failed.state == OrderLookup::State::Failed);
    QVERIFY(!failed.reason.isEmpty());
    QVERIFY(source.ordersOf(q, 5).state == OrderLookup::State::Failed); // a Lambda serves one order

    // Which source a turn gets: the store until the configuration names the connector.
    auto chosen = connectors().orderSource(m_fx->companyId, ConnectorPurpose::Order);
    QVERIFY(chosen);
    QCOMPARE((*chosen)->name(), QStringLiteral("builtin"));
    QVERIFY(m_fx->configure(R"({"connectors": {"order": "orders-fn"}})"));
    chosen = connectors().orderSource(m_fx->companyId, ConnectorPurpose::Order);
    QCOMPARE((*chosen)->name(), QStringLiteral("orders-fn"));
    QVERIFY((*chosen)->order(q, QStringLiteral("12345")).state == OrderLookup::State::Found);
    QCOMPARE((*connectors().orderSource(m_fx->companyId, ConnectorPurpose::Orders))->name(), QStringLiteral("builtin"));
    QVERIFY(!m_fx->configure(R"({"connectors": {"orders": "orders-fn"}})")); // a Lambda serves no list
}

void TestConnectors::atMostMaxConcurrentCallsInFlight()
{
    bool created = false;
    QVERIFY(connectors().put(m_fx->companyId, shopDraft(QStringLiteral("http://127.0.0.1:9")), Actor{}, &created));
    const auto held = std::make_shared<HeldHttp>();
    connectors().setTransport(held);
    connectors().setMaxConcurrent(2);
    const Connector shop = *connectors().find(m_fx->companyId, QStringLiteral("shop"));
    int answered = 0;
    QObject context;
    for (int i = 0; i < 5; ++i) {
        connectors::ConnectorInput in;
        in.values.insert(QStringLiteral("orderId"), QString::number(i));
        connectors().call(shop, in, QStringLiteral("s%1").arg(i), &context,
            [&answered](const connectors::ConnectorAnswer &a) { answered += a.ok && !a.found ? 1 : 0; });
    }
    QTRY_COMPARE(held->inFlight.load(), 2); // two are waiting at the system, three wait their turn
    held->gate.release(5);
    QTRY_COMPARE(answered, 5);
    QCOMPARE(held->most.load(), 2);
    QCOMPARE(connectors().calls(m_fx->companyId, QStringLiteral("shop"), 10)->size(), 5);
}

QTEST_GUILESS_MAIN(TestConnectors)
#include "tst_connectors.moc"
