// A cancellation of an order kept in the company's shop, through its `cancel` connector, against
// the scripted shop on loopback (connector_servers.py): made there exactly once with its
// idempotency key, said only as the shop answered (done, awaiting, not done), sent again after
// no answer and told later, and handed to a person when the shop refuses.
#include "tests/engine/EngineFixture.h"
#include "tests/engine/ShopDraft.h"
#include "tests/support/ConnectorServer.h"

using namespace tierdesk;
using tierdesk::test::ConnectorServer;

namespace {

QString replyOf(const Result<MessageOutcome> &o)
{
    return o && o->aiResponse ? o->aiResponse->content : QString();
}

} // namespace

class TestShopCancel : public QObject {
    Q_OBJECT

private slots:
    void init();
    void cleanup();
    void cancelledAtTheShopOnce();
    void askedAgainIsNotSentAgain();
    void noAnswerIsSentAgainAndToldLater();
    void refusedByTheShopGoesToAPerson();
    void anotherCustomersOrderIsNotCancelled();

private:
    bool useShop();
    // The cancellations the shop made: {"order", "key"} each.
    QJsonArray shopCancels();
    bool shopControl(const QJsonObject &body);
    bool cancelShopOrderBehindOurBack(const QString &number);
    Result<MessageOutcome> askToCancel(const QString &customer, const QString &number, QString *sessionId);

    std::unique_ptr<test::EngineFixture> m_fx;
    std::unique_ptr<ConnectorServer> m_shop;
};

void TestShopCancel::init()
{
    m_fx = std::make_unique<test::EngineFixture>();
    QVERIFY(m_fx->setUp());
    QVERIFY(useShop());
}

void TestShopCancel::cleanup()
{
    m_fx.reset();
    m_shop.reset();
}

bool TestShopCancel::useShop()
{
    m_shop = std::make_unique<ConnectorServer>(QStringLiteral("orders"));
    if (!m_shop->isRunning())
        return false;
    bool created = false;
    if (!m_fx->engine->connectors().put(m_fx->companyId, test::shopConnector(m_shop->url()), Actor{}, &created))
        return false;
    return m_fx->configure(R"({"connectors": {"order": "shop", "orders": "shop", "cancel": "shop"}})");
}

QJsonArray TestShopCancel::shopCancels()
{
    OutboundRequest r;
    r.method = "GET";
    r.url = QUrl(m_shop->url(QStringLiteral("/_control/cancels")));
    r.keepResponseBytes = 1024 * 1024;
    const OutboundResult got = m_fx->engine->connectors().transport()->post(r);
    return QJsonDocument::fromJson(got.body).object().value(QLatin1String("cancels")).toArray();
}

bool TestShopCancel::shopControl(const QJsonObject &body)
{
    OutboundRequest r;
    r.url = QUrl(m_shop->url(QStringLiteral("/_control/cancels")));
    r.body = QJsonDocument(body).toJson(QJsonDocument::Compact);
    r.keepResponseBytes = 4096;
    return m_fx->engine->connectors().transport()->post(r).status == 200;
}

bool TestShopCancel::cancelShopOrderBehindOurBack(const QString &number)
{
    OutboundRequest r;
    r.url = QUrl(m_shop->url(QStringLiteral("/orders/%1/cancel").arg(number)));
    r.headers.append({QByteArrayLiteral("Idempotency-Key"), QByteArrayLiteral("the-shop-s-own-staff")});
    r.keepResponseBytes = 64 * 1024;
    return m_fx->engine->connectors().transport()->post(r).status == 200;
}

Result<MessageOutcome> TestShopCancel::askToCancel(const QString &customer, const QString &number, QString *sessionId)
{
    auto s = m_fx->open(customer);
    if (!s)
        return s.error();
    *sessionId = s->id;
    m_fx->clock.advanceSecs(5);
    return m_fx->say(s->id, QStringLiteral("please cancel order %1").arg(number));
}

void TestShopCancel::cancelledAtTheShopOnce()
{
    QString sessionId;
    auto asked = askToCancel(QStringLiteral("cust_5"), QStringLiteral("ORD-10009"), &sessionId);
    QVERIFY2(asked, asked ? "" : qPrintable(asked.error().message));
    QVERIFY2(replyOf(asked).contains(QLatin1String("ORD-10009")), qPrintable(replyOf(asked)));
    QVERIFY(shopCancels().isEmpty()); // asked, not yet confirmed: nothing sent
    m_fx->clock.advanceSecs(5);
    auto done = m_fx->say(sessionId, QStringLiteral("yes please"));
    QVERIFY(done);
    QVERIFY2(replyOf(done).contains(QLatin1String("Order ORD-10009 is cancelled")), qPrintable(replyOf(done)));
    QVERIFY(test::actionsOf(*done).contains(QLatin1String("cancel_order")));
    QVERIFY(done->session.currentTier == Tier::AiRep);
    const QJsonArray made = shopCancels();
    QCOMPARE(made.size(), 1);
    QCOMPARE(made.first().toObject().value(QLatin1String("order")).toString(), QStringLiteral("ORD-10009"));
    QVERIFY(made.first().toObject().value(QLatin1String("key")).toString().startsWith(QLatin1String("tierdesk-mny_")));
    QCOMPARE(m_fx->ledgerRows(QStringLiteral("cancel")), 1);
    QCOMPARE(m_fx->scalar(QStringLiteral("SELECT state FROM money_actions WHERE kind = 'cancel'")).toString(),
        QStringLiteral("succeeded"));
    // From then on the order reads as cancelled, even within the minute its old answer is kept.
    m_fx->clock.advanceSecs(5);
    auto status = m_fx->say(sessionId, QStringLiteral("where is order ORD-10009?"));
    QVERIFY2(replyOf(status).contains(QLatin1String("cancelled")), qPrintable(replyOf(status)));
}

void TestShopCancel::askedAgainIsNotSentAgain()
{
    QString sessionId;
    QVERIFY(askToCancel(QStringLiteral("cust_5"), QStringLiteral("ORD-10009"), &sessionId));
    m_fx->clock.advanceSecs(5);
    QVERIFY(m_fx->say(sessionId, QStringLiteral("yes")));
    m_fx->clock.advanceSecs(5);
    auto again = m_fx->say(sessionId, QStringLiteral("cancel order ORD-10009"));
    QVERIFY(again);
    QVERIFY2(!replyOf(again).contains(QLatin1String("Shall I")), qPrintable(replyOf(again)));
    QVERIFY(!test::actionsOf(*again).contains(QLatin1String("cancel_order")));
    QCOMPARE(shopCancels().size(), 1);
    QCOMPARE(m_fx->scalar(QStringLiteral("SELECT COUNT(*) FROM money_actions")).toInt(), 1);
}

void TestShopCancel::noAnswerIsSentAgainAndToldLater()
{
    QString sessionId;
    QVERIFY(askToCancel(QStringLiteral("cust_5"), QStringLiteral("ORD-10009"), &sessionId));
    QVERIFY(shopControl({{QStringLiteral("fail"), 1}})); // the next cancel call is answered 503
    m_fx->clock.advanceSecs(5);
    auto waiting = m_fx->say(sessionId, QStringLiteral("yes go ahead"));
    QVERIFY(waiting);
    const QString reply = replyOf(waiting);
    QVERIFY2(reply.contains(QLatin1String("has not answered yet")) && !reply.contains(QLatin1String("is cancelled")),
        qPrintable(reply));
    QVERIFY(!test::actionsOf(*waiting).contains(QLatin1String("cancel_order")));
    QVERIFY(shopCancels().isEmpty());
    QCOMPARE(m_fx->scalar(QStringLiteral("SELECT state FROM money_actions")).toString(), QStringLiteral("pending"));
    // Due again after the backoff: sent with the same key, settled, and told in the session once.
    m_fx->clock.advanceSecs(10);
    m_fx->engine->money().sweep(); // the call goes off the engine thread; its answer comes back on it
    QTRY_COMPARE_WITH_TIMEOUT(m_fx->scalar(QStringLiteral("SELECT told FROM money_actions")).toInt(), 1, 10000);
    QCOMPARE(m_fx->scalar(QStringLiteral("SELECT state FROM money_actions")).toString(), QStringLiteral("succeeded"));
    m_fx->engine->money().sweep(); // nothing left to send or tell
    QCOMPARE(shopCancels().size(), 1);
    const auto s = m_fx->engine->session(m_fx->companyId, sessionId);
    QVERIFY(s);
    QCOMPARE(s->messages.last().content,
        QStringLiteral("Update on your order: order ORD-10009 is now cancelled in our "
                       "order system."));
    int updates = 0;
    for (const Message &m : s->messages)
        updates += m.content.startsWith(QLatin1String("Update on your order")) ? 1 : 0;
    QCOMPARE(updates, 1);
}

void TestShopCancel::refusedByTheShopGoesToAPerson()
{
    QString sessionId;
    QVERIFY(askToCancel(QStringLiteral("cust_5"), QStringLiteral("ORD-10009"), &sessionId));
    // Meanwhile the shop's own staff cancel it; Tierdesk still holds the answer it read (a minute).
    QVERIFY(cancelShopOrderBehindOurBack(QStringLiteral("ORD-10009")));
    m_fx->clock.advanceSecs(5);
    auto refused = m_fx->say(sessionId, QStringLiteral("yes"));
    QVERIFY(refused);
    const QString reply = replyOf(refused);
    QVERIFY2(reply.contains(QLatin1String("did not cancel order ORD-10009")), qPrintable(reply));
    QVERIFY(!test::actionsOf(*refused).contains(QLatin1String("cancel_order")));
    QVERIFY(refused->session.currentTier == Tier::HumanAgent);
    QCOMPARE(m_fx->ledgerRows(QStringLiteral("cancel")), 0);
    QCOMPARE(m_fx->scalar(QStringLiteral("SELECT state FROM money_actions")).toString(), QStringLiteral("failed"));
}

void TestShopCancel::anotherCustomersOrderIsNotCancelled()
{
    QString sessionId;
    auto asked = askToCancel(QStringLiteral("cust_1"), QStringLiteral("ORD-10009"), &sessionId);
    QVERIFY(asked);
    m_fx->clock.advanceSecs(5);
    auto yes = m_fx->say(sessionId, QStringLiteral("yes"));
    QVERIFY(yes);
    QVERIFY(!test::actionsOf(*yes).contains(QLatin1String("cancel_order")));
    QVERIFY(shopCancels().isEmpty());
    QCOMPARE(m_fx->scalar(QStringLiteral("SELECT COUNT(*) FROM money_actions")).toInt(), 0);
}

QTEST_GUILESS_MAIN(TestShopCancel)
#include "tst_shopcancel.moc"
