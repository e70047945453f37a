// A turn's gather phase against real company systems on loopback (connector_servers.py): order
// facts come from the company's system and nowhere else; a system that fails, is slow, answers
// garbage, too much or a redirect gives an honest reply and a responsive engine; another
// customer's order is an unknown number; answers are kept a minute.
#include "core/engine/actions/OrderBook.h"
#include "core/engine/reply/ReplyGuard.h"
#include "tests/engine/EngineFixture.h"
#include "tests/engine/ShopDraft.h"
#include "tests/support/ConnectorServer.h"
#include "tests/support/ScriptedModelServer.h"

using namespace tierdesk;
using tierdesk::test::ConnectorServer;
using tierdesk::test::ReceivedRequest;
using tierdesk::test::ScriptedModelServer;

namespace {

QString replyOf(const Result<MessageOutcome> &o)
{
    return o && o->aiResponse ? o->aiResponse->content : QString();
}

QStringList guardNotesOf(const Result<MessageOutcome> &o)
{
    return o && o->aiResponse && o->aiResponse->meta.ai ? o->aiResponse->meta.ai->guardNotes : QStringList();
}

// The failure shapes of the scripted order API, and a pattern that reads them as order numbers.
constexpr auto kShapesPattern = R"(\b(?:ORD-\d{5}|SLOW-1|ERR-500|GARBAGE|HUGE|MOVED)\b)";

} // namespace

class TestOrderGatherer : public QObject {
    Q_OBJECT

private slots:
    void init();
    void cleanup();
    void lambdaTellsStatusAndDeliveryOnly();
    void shopTellsTheOrder();
    void cancellingAShopsOrderGoesToAPerson();
    void failureGivesAnHonestReply_data();
    void failureGivesAnHonestReply();
    void unknownNumberIsSaidSo();
    void storeOrderBesideAShopsList();
    void germanRepliesSayItToo();
    void anotherCustomersOrderIsAnUnknownNumber();
    void answersAreKeptAMinute();
    void slowSystemHoldsUpNoOtherSession();
    void firstMessageOfANewSessionGathers();
    void bookDecidesWhoseOrderItIs();
    void guardRefusesOrderFactsNobodyGave();
    void modelGetsTheSourcesFactsOnly();

private:
    bool useShop(int timeoutMs = 1000, const QString &pattern = {});
    // Registers `fn` (seed 004's function) as the connector "orders-fn" serving `order`.
    bool addLambda(const ConnectorServer &fn);
    // How many requests for `path` reached the scripted server.
    int requestsFor(const QString &path);
    Result<MessageOutcome> ask(const QString &customer, const QString &text);

    std::unique_ptr<test::EngineFixture> m_fx;
    std::unique_ptr<ConnectorServer> m_shop;
};

void TestOrderGatherer::init()
{
    m_fx = std::make_unique<test::EngineFixture>();
    QVERIFY(m_fx->setUp());
}

void TestOrderGatherer::cleanup()
{
    m_fx.reset();
    m_shop.reset();
}

bool TestOrderGatherer::useShop(int timeoutMs, const QString &pattern)
{
    m_shop = std::make_unique<ConnectorServer>(QStringLiteral("orders"));
    if (!m_shop->isRunning())
        return false;
    bool created = false;
    if (!m_fx->engine->connectors().put(
            m_fx->companyId, test::shopConnector(m_shop->url(), timeoutMs), Actor{}, &created))
        return false;
    QJsonObject connectors{
        {QStringLiteral("order"), QStringLiteral("shop")}, {QStringLiteral("orders"), QStringLiteral("shop")}};
    if (!pattern.isEmpty())
        connectors.insert(QStringLiteral("orderNumberPattern"), pattern);
    return m_fx->configure(QJsonObject{{QStringLiteral("connectors"), connectors}});
}

bool TestOrderGatherer::addLambda(const ConnectorServer &fn)
{
    ConnectorDraft d;
    d.name = QStringLiteral("orders-fn");
    d.kind = QStringLiteral("lambda");
    d.purposes = {QStringLiteral("order")};
    d.url = fn.url(QStringLiteral("/"));
    bool created = false;
    return m_fx->engine->connectors().put(m_fx->companyId, d, Actor{}, &created).ok();
}

int TestOrderGatherer::requestsFor(const QString &path)
{
    OutboundRequest r;
    r.method = "GET";
    r.url = QUrl(m_shop->url(QStringLiteral("/_requests")));
    r.keepResponseBytes = 4 * 1024 * 1024;
    const OutboundResult got = m_fx->engine->connectors().transport()->post(r);
    int n = 0;
    for (const QJsonValue &v : QJsonDocument::fromJson(got.body).array())
        n += v.toObject().value(QLatin1String("path")).toString() == path ? 1 : 0;
    return n;
}

Result<MessageOutcome> TestOrderGatherer::ask(const QString &customer, const QString &text)
{
    auto s = m_fx->open(customer);
    if (!s)
        return s.error();
    m_fx->clock.advanceSecs(5);
    return m_fx->say(s->id, text);
}

void TestOrderGatherer::lambdaTellsStatusAndDeliveryOnly()
{
    ConnectorServer fn(QStringLiteral("lambda"));
    QVERIFY2(fn.isRunning(), qPrintable(fn.error()));
    QVERIFY(addLambda(fn));
    QVERIFY(m_fx->configure(R"({"connectors": {"order": "orders-fn"}})"));

    auto s = m_fx->open(QStringLiteral("cust_caller"));
    QVERIFY(s);
    auto o = m_fx->say(s->id, QStringLiteral("hi, where is my order 12345?"));
    QVERIFY2(o, o ? "" : qPrintable(o.error().message));
    const QString reply = replyOf(o);
    QVERIFY2(reply.contains(QLatin1String("12345")) && reply.contains(QLatin1String("shipped"))
            && reply.contains(QLatin1String("2025-01-10")),
        qPrintable(reply));
    QVERIFY2(!reply.contains(QLatin1Char('$')) && !reply.contains(QLatin1String(" on ")), qPrintable(reply));
    QVERIFY(test::actionsOf(*o).contains(QLatin1String("order_lookup")));
    QVERIFY(guardNotesOf(o).isEmpty());

    // No money on an order whose source names nobody: refused, with a person offered.
    o = m_fx->say(s->id, QStringLiteral("ok then refund order 12345 please"));
    QVERIFY(o);
    QVERIFY2(replyOf(o).contains(QLatin1String("only see its status and delivery date")), qPrintable(replyOf(o)));
    QVERIFY2(replyOf(o).contains(QLatin1String("person")), qPrintable(replyOf(o)));
    o = m_fx->say(s->id, QStringLiteral("yes"));
    QVERIFY(o);
    QVERIFY(!test::actionsOf(*o).contains(QLatin1String("process_refund")));
    QCOMPARE(m_fx->ledgerRows(QStringLiteral("refund")), 0);
    o = m_fx->say(s->id, QStringLiteral("cancel order 12345"));
    QVERIFY(o);
    QVERIFY2(replyOf(o).contains(QLatin1String("only see its status")), qPrintable(replyOf(o)));
}

void TestOrderGatherer::shopTellsTheOrder()
{
    QVERIFY(useShop());
    auto o = ask(QStringLiteral("cust_1"), QStringLiteral("where is order ORD-10005"));
    QVERIFY2(o, o ? "" : qPrintable(o.error().message));
    QString reply = replyOf(o);
    QVERIFY2(reply.contains(QLatin1String("ORD-10005")) && reply.contains(QLatin1String("delivered"))
            && reply.contains(QLatin1String("UPS")) && reply.contains(QLatin1String("1Z999")),
        qPrintable(reply));
    // "my order": the latest of the customer's orders, from the shop's list.
    o = ask(QStringLiteral("cust_1"), QStringLiteral("where is my order?"));
    QVERIFY(o);
    QVERIFY2(replyOf(o).contains(QLatin1String("ORD-10005")), qPrintable(replyOf(o)));
    // A refund is planned on the shop's facts: its delivery date (outside the return window now)...
    o = ask(QStringLiteral("cust_1"), QStringLiteral("refund order ORD-10005 please"));
    QVERIFY(o);
    QVERIFY2(replyOf(o).contains(QLatin1String("outside our return window")), qPrintable(replyOf(o)));
    // ...and what it says is owed (total - refundedAmount), put to the customer first.
    m_fx->clock.set(QDateTime::fromString(QStringLiteral("2025-01-10T12:00:00Z"), Qt::ISODate));
    o = ask(QStringLiteral("cust_1"), QStringLiteral("refund order ORD-10005 please"));
    QVERIFY(o);
    QVERIFY2(replyOf(o).contains(QLatin1String("$79.00")) && replyOf(o).contains(QLatin1String("Shall I")),
        qPrintable(replyOf(o)));
    QCOMPARE(m_fx->ledgerRows(QStringLiteral("refund")), 0);
    // Every call is in the connector's log.
    QVERIFY(m_fx->store->batch().flush());
    QVERIFY(m_fx->engine->connectors().calls(m_fx->companyId, QStringLiteral("shop"), 100)->size() >= 2);
}

void TestOrderGatherer::cancellingAShopsOrderGoesToAPerson()
{
    // The order is the shop's and no connector cancels there: a person does it, and no reply says it is done.
    QVERIFY(useShop());
    auto o = ask(QStringLiteral("cust_5"), QStringLiteral("please cancel order ORD-10009"));
    QVERIFY2(o, o ? "" : qPrintable(o.error().message));
    const QString reply = replyOf(o);
    QVERIFY2(!reply.contains(QLatin1String("has been cancelled")) && !reply.contains(QLatin1String("Shall I")),
        qPrintable(reply));
    QVERIFY(!test::actionsOf(*o).contains(QLatin1String("cancel_order")));
    QVERIFY(o->session.currentTier == Tier::HumanAgent);
    QCOMPARE(m_fx->ledgerRows(QStringLiteral("cancel")), 0);
}

void TestOrderGatherer::failureGivesAnHonestReply_data()
{
    QTest::addColumn<QString>("number");
    QTest::newRow("timeout") << "SLOW-1";
    QTest::newRow("500") << "ERR-500";
    QTest::newRow("garbage") << "GARBAGE";
    QTest::newRow("2 MB") << "HUGE";
    QTest::newRow("redirect") << "MOVED";
}

void TestOrderGatherer::failureGivesAnHonestReply()
{
    QFETCH(QString, number);
    QVERIFY(useShop(300, QLatin1String(kShapesPattern)));
    auto s = m_fx->open(QStringLiteral("cust_1"));
    QVERIFY(s);
    auto o = m_fx->say(s->id, QStringLiteral("where is order %1?").arg(number));
    QVERIFY2(o, o ? "" : qPrintable(o.error().message));
    QString reply = replyOf(o);
    QVERIFY2(reply.contains(QStringLiteral("can't check order %1 right now").arg(number)), qPrintable(reply));
    QVERIFY2(reply.contains(QLatin1String("person")), qPrintable(reply));
    for (const char *invented : {"delivered", "shipped", "UPS", "$", "couldn't find"})
        QVERIFY2(!reply.contains(QLatin1String(invented)), qPrintable(reply));
    QVERIFY(guardNotesOf(o).isEmpty());
    QCOMPARE(o->aiResponse->meta.ai->suggestedActions.contains(QLatin1String("talk_to_person")), true);
    // Nothing is decided on it: no refund put to the customer, none made.
    o = m_fx->say(s->id, QStringLiteral("just refund order %1 then").arg(number));
    QVERIFY(o);
    reply = replyOf(o);
    QVERIFY2(reply.contains(QStringLiteral("can't check order %1").arg(number)), qPrintable(reply));
    QVERIFY2(!reply.contains(QLatin1String("Shall I")) && !reply.contains(QLatin1Char('$')), qPrintable(reply));
    o = m_fx->say(s->id, QStringLiteral("yes"));
    QVERIFY(o);
    QCOMPARE(m_fx->ledgerRows(QStringLiteral("refund")), 0);
    // A failure is not kept: the next turn asks again.
    QVERIFY(requestsFor(QStringLiteral("/orders/") + number) >= 2);
    // The person offered is there when asked for.
    o = m_fx->say(s->id, QStringLiteral("I'd like to talk to a person"));
    QVERIFY(o);
    QVERIFY(o->session.currentTier == Tier::HumanAgent);
}

void TestOrderGatherer::germanRepliesSayItToo()
{
    QVERIFY(useShop(300, QLatin1String(kShapesPattern)));
    QVERIFY(m_fx->configure(R"({"language": "de"})"));
    auto o = ask(QStringLiteral("cust_1"), QStringLiteral("where is order ERR-500?"));
    QVERIFY(o);
    QVERIFY2(replyOf(o).contains(QStringLiteral("kann die Bestellung ERR-500 gerade nicht prüfen"))
            && replyOf(o).contains(QLatin1String("Person aus unserem Team")),
        qPrintable(replyOf(o)));
    ConnectorServer fn(QStringLiteral("lambda"));
    QVERIFY2(fn.isRunning(), qPrintable(fn.error()));
    QVERIFY(addLambda(fn));
    QVERIFY(
        m_fx->configure(R"({"connectors": {"order": "orders-fn", "orders": "builtin", "orderNumberPattern": ""}})"));
    o = ask(QStringLiteral("cust_2"), QStringLiteral("please refund order 12345"));
    QVERIFY(o);
    QVERIFY2(
        replyOf(o).contains(QLatin1String("sehe ich nur den Status und den Liefertermin")), qPrintable(replyOf(o)));
}

void TestOrderGatherer::storeOrderBesideAShopsList()
{
    // `order` builtin, `orders` the shop: one order by number is the store's, read as the store reads numbers.
    QVERIFY(useShop());
    QVERIFY(m_fx->configure(R"({"connectors": {"order": "builtin"}})"));
    const auto o = ask(QStringLiteral("cust_ben"), QStringLiteral("where is order 10005"));
    QVERIFY(o);
    QVERIFY2(replyOf(o).contains(QLatin1String("ORD-10005")) && replyOf(o).contains(QLatin1String("delivered")),
        qPrintable(replyOf(o)));
    QCOMPARE(requestsFor(QStringLiteral("/customers/cust_ben/orders")), 1);
}

void TestOrderGatherer::unknownNumberIsSaidSo()
{
    QVERIFY(useShop());
    const auto o = ask(QStringLiteral("cust_1"), QStringLiteral("where is order ORD-99999"));
    QVERIFY(o);
    QVERIFY2(replyOf(o).contains(QLatin1String("couldn't find an order ORD-99999")), qPrintable(replyOf(o)));
}

void TestOrderGatherer::anotherCustomersOrderIsAnUnknownNumber()
{
    QVERIFY(useShop());
    // ORD-10005 is cust_1's at the shop: cust_2 asks for it, cust_3 for a number nobody has.
    const auto theirs = ask(QStringLiteral("cust_2"), QStringLiteral("what is the status of order ORD-10005"));
    const auto nobodys = ask(QStringLiteral("cust_3"), QStringLiteral("what is the status of order ORD-99999"));
    QVERIFY(theirs && nobodys);
    const QString said = replyOf(theirs);
    QCOMPARE(said, QString(replyOf(nobodys)).replace(QLatin1String("ORD-99999"), QLatin1String("ORD-10005")));
    for (const char *leak : {"delivered", "UPS", "1Z999", "79", "Pants", "Socks", "ann@"})
        QVERIFY2(!said.contains(QLatin1String(leak)), qPrintable(said));
    // Nor can money be asked for on it.
    const auto refund = ask(QStringLiteral("cust_4"), QStringLiteral("refund order ORD-10005"));
    QVERIFY(refund);
    QVERIFY2(!replyOf(refund).contains(QLatin1Char('$')), qPrintable(replyOf(refund)));
}

void TestOrderGatherer::answersAreKeptAMinute()
{
    QVERIFY(useShop());
    auto s = m_fx->open(QStringLiteral("cust_1"));
    QVERIFY(s);
    QVERIFY(m_fx->say(s->id, QStringLiteral("where is order ORD-10005")));
    m_fx->clock.advanceSecs(30);
    auto o = m_fx->say(s->id, QStringLiteral("and ORD-10005 again, when did it arrive?"));
    QVERIFY(o);
    QVERIFY2(replyOf(o).contains(QLatin1String("delivered")), qPrintable(replyOf(o)));
    QCOMPARE(requestsFor(QStringLiteral("/orders/ORD-10005")), 1);
    m_fx->clock.advanceSecs(31); // a minute after the answer
    QVERIFY(m_fx->say(s->id, QStringLiteral("where is order ORD-10005")));
    QCOMPARE(requestsFor(QStringLiteral("/orders/ORD-10005")), 2);
}

void TestOrderGatherer::slowSystemHoldsUpNoOtherSession()
{
    QVERIFY(useShop(4000, QLatin1String(kShapesPattern))); // SLOW-1 answers after 5 s
    auto slow = m_fx->open(QStringLiteral("cust_1"));
    auto quick = m_fx->open(QStringLiteral("cust_1"));
    QVERIFY(slow && quick);
    QStringList answered;
    std::optional<Result<MessageOutcome>> slowOutcome;
    QObject context;
    m_fx->engine->postMessage(m_fx->companyId, slow->id, QStringLiteral("where is order SLOW-1"), Actor{}, &context,
        [&](Result<MessageOutcome> r) {
            answered << QStringLiteral("slow");
            slowOutcome = std::move(r);
        });
    // The slow call is at the shop: the other session's message is answered meanwhile.
    QTRY_VERIFY_WITH_TIMEOUT(requestsFor(QStringLiteral("/orders/SLOW-1")) == 1, 5000);
    m_fx->engine->postMessage(m_fx->companyId, quick->id, QStringLiteral("where is order ORD-10005"), Actor{}, &context,
        [&](Result<MessageOutcome> r) {
            QVERIFY2(replyOf(r).contains(QLatin1String("delivered")), qPrintable(replyOf(r)));
            answered << QStringLiteral("quick");
        });
    QTRY_VERIFY_WITH_TIMEOUT(answered.size() == 2, 15000);
    QCOMPARE(answered, QStringList({QStringLiteral("quick"), QStringLiteral("slow")}));
    QVERIFY2(
        replyOf(*slowOutcome).contains(QLatin1String("can't check order SLOW-1")), qPrintable(replyOf(*slowOutcome)));
}

void TestOrderGatherer::firstMessageOfANewSessionGathers()
{
    QVERIFY(useShop());
    CreateSessionRequest req;
    req.companyId = m_fx->companyId;
    req.customerId = QStringLiteral("cust_1");
    req.initialMessage = QStringLiteral("hi, where is order ORD-10005?");
    std::optional<MessageOutcome> first;
    QObject context;
    m_fx->engine->createSession(req, Actor{}, &context, [&](Result<Session> s, std::optional<MessageOutcome> o) {
        QVERIFY(s);
        first = o;
    });
    QTRY_VERIFY_WITH_TIMEOUT(first.has_value(), 10000);
    QVERIFY2(first->aiResponse && first->aiResponse->content.contains(QLatin1String("delivered")),
        qPrintable(first->aiResponse ? first->aiResponse->content : QString()));
    // The waiting path too.
    std::optional<MessageOutcome> waited;
    req.initialMessage = QStringLiteral("status of ORD-10006 please");
    req.customerId = QStringLiteral("cust_2");
    QVERIFY(m_fx->engine->createSession(req, Actor{}, &waited));
    QVERIFY2(waited && waited->aiResponse->content.contains(QLatin1String("shipped")),
        qPrintable(waited ? waited->aiResponse->content : QString()));
}

void TestOrderGatherer::bookDecidesWhoseOrderItIs()
{
    GatheredOrders g;
    OrderLookup byMail;
    byMail.state = OrderLookup::State::Found;
    byMail.order.order.id = QStringLiteral("#1001");
    byMail.order.order.status = QStringLiteral("Shipped");
    byMail.order.order.total = 40;
    byMail.order.customerEmail = QStringLiteral("Ann@Example.com");
    byMail.order.source = QStringLiteral("shop");
    byMail.order.said
        = {QStringLiteral("id"), QStringLiteral("status"), QStringLiteral("total"), QStringLiteral("customerEmail")};
    g.byNumber.insert(QStringLiteral("#1001"), byMail);
    OrderLookup nobody = byMail;
    nobody.order.order.id = QStringLiteral("#1002");
    nobody.order.customerEmail.clear();
    nobody.order.deliveryDate = QStringLiteral("next Tuesday");
    g.byNumber.insert(QStringLiteral("#1002"), nobody);
    OrderLookup failed;
    failed.state = OrderLookup::State::Failed;
    g.byNumber.insert(QStringLiteral("#1003"), failed);

    const OrderBook ann(
        g, QStringLiteral("co"), QStringLiteral("cust_ann"), QStringLiteral("ann@example.com"), OrderNumbers());
    QVERIFY(ann.find(QStringLiteral("#1001")));
    QCOMPARE(ann.find(QStringLiteral("#1001"))->status, QStringLiteral("shipped"));
    QCOMPARE(ann.find(QStringLiteral("#1001"))->source, QStringLiteral("shop"));
    const OrderBook bob(
        g, QStringLiteral("co"), QStringLiteral("cust_bob"), QStringLiteral("bob@example.com"), OrderNumbers());
    QVERIFY(!bob.find(QStringLiteral("#1001")));
    QVERIFY(!bob.unavailable(QStringLiteral("#1001"))); // not found, as an unknown number
    const std::optional<Order> open = bob.find(QStringLiteral("#1002"));
    QVERIFY(open);
    QVERIFY(!open->customerNamed);
    QCOMPARE(open->total, 0.0); // only status and delivery date
    QCOMPARE(open->deliveryDate, QStringLiteral("next Tuesday"));
    QVERIFY(!bob.find(QStringLiteral("#1003")));
    QVERIFY(bob.unavailable(QStringLiteral("#1003")));
    QCOMPARE(bob.unavailableAsked(), QStringList{QStringLiteral("#1003")});
    QCOMPARE(ann.numbersIn(QStringLiteral("is #1001 or order 123456 or ORD-10005 here?")),
        QStringList({QStringLiteral("#1001"), QStringLiteral("123456"), QStringLiteral("ORD-10005")}));
    const OrderBook own(
        g, QStringLiteral("co"), QStringLiteral("c"), {}, OrderNumbers(QStringLiteral(R"(\bA(\d{6})\b)")));
    QCOMPARE(own.numbersIn(QStringLiteral("A123456 and #1001")), QStringList{QStringLiteral("123456")});
}

void TestOrderGatherer::guardRefusesOrderFactsNobodyGave()
{
    ActionReport a;
    a.ordersUnavailable = {QStringLiteral("ERR-500")};
    const QList<KbHit> none;
    const QString message = QStringLiteral("where is order ERR-500");
    const ReplyGuard guard(a, none, message);
    QCOMPARE(guard.check(QStringLiteral("Good news: order ERR-500 shipped yesterday with UPS.")).size(), 1);
    QCOMPARE(guard.check(QStringLiteral("It is on its way and should arrive Friday.")).size(), 1);
    QCOMPARE(guard.check(QStringLiteral("Ihre Bestellung ERR-500 wurde versandt.")).size(), 1);
    QVERIFY(
        guard.check(QStringLiteral("I can't check order ERR-500 right now; a person on our team can help.")).isEmpty());
    // A found order's facts stay facts beside one that could not be checked.
    Order found;
    found.id = QStringLiteral("ORD-10005");
    found.status = QStringLiteral("delivered");
    a.orders = {found};
    const ReplyGuard beside(a, none, message);
    QVERIFY(beside.check(QStringLiteral("Order ORD-10005 was delivered.")).isEmpty());
    QCOMPARE(beside.check(QStringLiteral("Order ERR-500 was delivered.")).size(), 1);
}

void TestOrderGatherer::modelGetsTheSourcesFactsOnly()
{
    ConnectorServer fn(QStringLiteral("lambda"));
    QVERIFY2(fn.isRunning(), qPrintable(fn.error()));
    QVERIFY(useShop(300, QLatin1String(R"(\b(?:ORD-\d{5}|ERR-500|\d{5})\b)")));
    QVERIFY(addLambda(fn));
    ScriptedModelServer model(ProviderKind::OpenAi);
    QVERIFY(model.isListening());
    // A model that makes up where the order is.
    model.setScript([&model](const ReceivedRequest &) {
        return model.reply(QStringLiteral("Good news: it shipped yesterday with UPS and arrives Friday."));
    });
    AiProviderDraft provider;
    provider.name = QStringLiteral("scripted");
    provider.kind = QStringLiteral("openai");
    provider.baseUrl = model.baseUrl().toString();
    QVERIFY(m_fx->engine->aiProviders().add(m_fx->companyId, provider, Actor{}).ok());
    QVERIFY(m_fx->configure(R"({"ai": {"provider": "scripted", "models": {"aiRep": "small", "aiManager": "large"}}})"));

    auto o = ask(QStringLiteral("cust_1"), QStringLiteral("where is order ERR-500"));
    QVERIFY(o);
    QString facts = model.systemPrompt(model.requests().constLast());
    QVERIFY2(facts.contains(QLatin1String("could not be checked now")) && facts.contains(QLatin1String("ERR-500")),
        qPrintable(facts));
    // Its words are refused: the local reply says the order cannot be checked.
    QVERIFY2(replyOf(o).contains(QLatin1String("can't check order ERR-500")), qPrintable(replyOf(o)));
    QVERIFY(!guardNotesOf(o).isEmpty());

    // A status-only order (seed 004's function): the prompt holds its status and delivery date, nothing else.
    QVERIFY(m_fx->configure(R"({"connectors": {"order": "orders-fn", "orders": "builtin"}})"));
    model.setScript([&model](const ReceivedRequest &) { return model.reply(QStringLiteral("Let me check that.")); });
    o = ask(QStringLiteral("cust_caller"), QStringLiteral("where is order 12345"));
    QVERIFY(o);
    facts = model.systemPrompt(model.requests().constLast());
    QVERIFY2(facts.contains(QLatin1String("Order 12345 (from the company's order system): status shipped; delivery "
                                          "date 2025-01-10; only its status and delivery date are known")),
        qPrintable(facts));
    QVERIFY2(!facts.contains(QLatin1String("total")) && !facts.contains(QLatin1String("placed")), qPrintable(facts));
}

QTEST_GUILESS_MAIN(TestOrderGatherer)
#include "tst_ordergatherer.moc"
