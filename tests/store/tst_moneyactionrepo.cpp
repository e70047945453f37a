#include "core/store/MoneyActionRepo.h"
#include "core/store/Store.h"
#include "tests/support/TestStore.h"

#include <QTemporaryDir>
#include <QtTest>

using namespace tierdesk;

// The money_actions table and the orders' payment_reference (migration 23): an action is taken
// by one caller under its lease, settled once from the state it is in, retried with its key;
// what Tierdesk refunded of an order at a provider is summed for what the order still owes.
class TestMoneyActionRepo : public QObject {
    Q_OBJECT

private slots:
    void init();
    void insertFindAndTheUniqueKey();
    void takenOnceUnderItsLease();
    void settledOnceFromItsState();
    void retriedLaterKeepsItPending();
    void untoldUntilTold();
    void refundedAtProviderSumsTheOrdersRefunds();
    void ordersKeepTheirPaymentReference();

private:
    MoneyAction action(const QString &id, const QString &order = QStringLiteral("ORD-1"), double amount = 10) const;

    QTemporaryDir m_dir;
    std::unique_ptr<Store> m_store;
};

void TestMoneyActionRepo::init()
{
    m_store.reset();
    QVERIFY(m_dir.isValid());
    QFile::remove(m_dir.filePath(QStringLiteral("money.db")));
    auto store = test::openTestStore(m_dir.filePath(QStringLiteral("money.db")));
    QVERIFY(store.ok());
    m_store = std::move(store.value());
    // Each test starts with no actions (a PostgreSQL database is reused by the next test).
    QVERIFY(m_store->db().exec(QStringLiteral("DELETE FROM money_actions")));
}

MoneyAction TestMoneyActionRepo::action(const QString &id, const QString &order, double amount) const
{
    MoneyAction a;
    a.id = id;
    a.companyId = QStringLiteral("co_a");
    a.sessionId = QStringLiteral("sess_1");
    a.customerId = QStringLiteral("cust_1");
    a.orderId = order;
    a.item = QStringLiteral("Switchback Hiking Pants");
    a.amount = amount;
    a.connector = QStringLiteral("stripe");
    a.target = QStringLiteral("pi_123");
    a.idempotencyKey = QStringLiteral("tierdesk-") + id;
    a.tier = QStringLiteral("AI_MANAGER");
    a.createdAt = a.updatedAt = 1000;
    return a;
}

void TestMoneyActionRepo::insertFindAndTheUniqueKey()
{
    MoneyActionRepo &repo = m_store->moneyActions();
    QVERIFY(repo.insert(action(QStringLiteral("mny_1"))));
    const std::optional<MoneyAction> a = repo.find(QStringLiteral("mny_1"));
    QVERIFY(a);
    QCOMPARE(toString(a->state), QStringLiteral("pending"));
    QCOMPARE(toString(a->kind), QStringLiteral("refund"));
    QCOMPARE(a->amount, 10.0);
    QCOMPARE(a->currency, QStringLiteral("USD"));
    QCOMPARE(a->item, QStringLiteral("Switchback Hiking Pants"));
    QCOMPARE(a->idempotencyKey, QStringLiteral("tierdesk-mny_1"));
    QCOMPARE(repo.ofSession(QStringLiteral("sess_1")).size(), 1);
    MoneyAction again = action(QStringLiteral("mny_2"));
    again.idempotencyKey = QStringLiteral("tierdesk-mny_1"); // one key, one action
    QVERIFY(!repo.insert(again));
    QVERIFY(!repo.find(QStringLiteral("mny_2")));
}

void TestMoneyActionRepo::takenOnceUnderItsLease()
{
    MoneyActionRepo &repo = m_store->moneyActions();
    QVERIFY(repo.insert(action(QStringLiteral("mny_1"))));
    QCOMPARE(repo.due(2000, 10), QList<QString>{QStringLiteral("mny_1")});
    QVERIFY(*repo.take(QStringLiteral("mny_1"), 2000, 5000));
    QVERIFY(!*repo.take(QStringLiteral("mny_1"), 3000, 6000)); // held by the first until 5000
    QVERIFY(repo.due(3000, 10).isEmpty());
    QVERIFY(*repo.take(QStringLiteral("mny_1"), 5000, 9000)); // its lease ran out: taken again
    QCOMPARE(repo.find(QStringLiteral("mny_1"))->attempts, 2);
}

void TestMoneyActionRepo::settledOnceFromItsState()
{
    using S = MoneyAction::State;
    MoneyActionRepo &repo = m_store->moneyActions();
    QVERIFY(repo.insert(action(QStringLiteral("mny_1"))));
    QVERIFY(*repo.settle(QStringLiteral("mny_1"), S::Requested, QStringLiteral("re_1"), {}, 2000, 0));
    QVERIFY(!*repo.settle(QStringLiteral("mny_1"), S::Requested, QStringLiteral("re_1"), {}, 2100, 0));
    QCOMPARE(repo.findByProvider(QStringLiteral("co_a"), QStringLiteral("re_1"))->id, QStringLiteral("mny_1"));
    QVERIFY(!repo.findByProvider(QStringLiteral("co_b"), QStringLiteral("re_1")));
    QVERIFY(*repo.settle(QStringLiteral("mny_1"), S::Failed, {}, QStringLiteral("expired_or_canceled_card"), 3000, 0));
    // A repeated event changes nothing: final is final.
    QVERIFY(!*repo.settle(QStringLiteral("mny_1"), S::Succeeded, QStringLiteral("re_1"), {}, 4000, 0));
    const MoneyAction a = *repo.find(QStringLiteral("mny_1"));
    QCOMPARE(toString(a.state), QStringLiteral("failed"));
    QCOMPARE(a.providerId, QStringLiteral("re_1")); // kept when an answer names none
    QCOMPARE(a.error, QStringLiteral("expired_or_canceled_card"));
    QVERIFY(!*repo.take(QStringLiteral("mny_1"), 5000, 9000)); // only a pending action is called
}

void TestMoneyActionRepo::retriedLaterKeepsItPending()
{
    MoneyActionRepo &repo = m_store->moneyActions();
    QVERIFY(repo.insert(action(QStringLiteral("mny_1"))));
    QVERIFY(*repo.take(QStringLiteral("mny_1"), 2000, 100000));
    QVERIFY(repo.retryLater(QStringLiteral("mny_1"), QStringLiteral("no answer within 1500 ms"), 2000, 7000));
    const MoneyAction a = *repo.find(QStringLiteral("mny_1"));
    QCOMPARE(toString(a.state), QStringLiteral("pending"));
    QCOMPARE(a.idempotencyKey, QStringLiteral("tierdesk-mny_1"));
    QVERIFY(repo.due(6999, 10).isEmpty());
    QCOMPARE(repo.due(7000, 10).size(), 1);
}

void TestMoneyActionRepo::untoldUntilTold()
{
    MoneyActionRepo &repo = m_store->moneyActions();
    QVERIFY(repo.insert(action(QStringLiteral("mny_1"))));
    QVERIFY(repo.insert(action(QStringLiteral("mny_2"))));
    // A turn settles mny_1 and holds it until its reply is stored.
    QVERIFY(
        *repo.settle(QStringLiteral("mny_1"), MoneyAction::State::Succeeded, QStringLiteral("re_1"), {}, 2000, 9000));
    QVERIFY(repo.untold(3000, 10).isEmpty()); // pending mny_2 is nothing to tell yet
    QCOMPARE(repo.untold(9000, 10), QList<QString>{QStringLiteral("mny_1")}); // a crash before the reply
    QVERIFY(*repo.takeToTell(QStringLiteral("mny_1"), 9000, 20000));
    QVERIFY(!*repo.takeToTell(QStringLiteral("mny_1"), 9000, 20000)); // another instance
    QVERIFY(repo.markTold(QStringLiteral("mny_1"), 9100));
    QVERIFY(repo.untold(30000, 10).isEmpty());
    QVERIFY(repo.find(QStringLiteral("mny_1"))->told);
}

void TestMoneyActionRepo::refundedAtProviderSumsTheOrdersRefunds()
{
    using S = MoneyAction::State;
    MoneyActionRepo &repo = m_store->moneyActions();
    QVERIFY(repo.insert(action(QStringLiteral("mny_1"), QStringLiteral("ORD-1"), 10)));
    QVERIFY(repo.insert(action(QStringLiteral("mny_2"), QStringLiteral("ORD-1"), 20)));
    QVERIFY(repo.insert(action(QStringLiteral("mny_3"), QStringLiteral("ORD-1"), 40)));
    QVERIFY(repo.insert(action(QStringLiteral("mny_4"), QStringLiteral("ORD-2"), 80)));
    QVERIFY(*repo.settle(QStringLiteral("mny_2"), S::Succeeded, QStringLiteral("re_2"), {}, 2000, 0));
    QVERIFY(*repo.settle(QStringLiteral("mny_3"), S::Failed, {}, QStringLiteral("charge_already_refunded"), 2000, 0));
    QCOMPARE(repo.refundedAtProvider(QStringLiteral("co_a"), QStringLiteral("ORD-1"), false), 10.0);
    QCOMPARE(repo.refundedAtProvider(QStringLiteral("co_a"), QStringLiteral("ORD-1"), true), 30.0);
    QCOMPARE(repo.refundedAtProvider(QStringLiteral("co_b"), QStringLiteral("ORD-1"), true), 0.0);
}

void TestMoneyActionRepo::ordersKeepTheirPaymentReference()
{
    Company c;
    c.id = QStringLiteral("co_a");
    c.name = c.id;
    c.createdAt = 1;
    if (!m_store->companies().find(c.id))
        QVERIFY(m_store->companies().insert(c));
    Order o;
    o.companyId = c.id;
    o.id = QStringLiteral("ORD-7");
    o.customerId = QStringLiteral("cust_1");
    o.status = QStringLiteral("delivered");
    o.total = 50;
    o.paymentReference = QStringLiteral("pi_777");
    QVERIFY(m_store->customers().upsertOrder(o));
    QCOMPARE(m_store->customers().findOrder(c.id, o.id)->paymentReference, QStringLiteral("pi_777"));
    QVERIFY(m_store->customers().recordRefund(c.id, o.id, 50, true));
    QCOMPARE(m_store->customers().findOrder(c.id, o.id)->paymentReference, QStringLiteral("pi_777"));
}

QTEST_GUILESS_MAIN(TestMoneyActionRepo)
#include "tst_moneyactionrepo.moc"
