#include "core/nlu/SlotExtractor.h"

#include <QtTest>

using namespace tierdesk::nlu;

class TestSlotExtractor : public QObject {
    Q_OBJECT

private slots:
    void orderId_data();
    void orderId();
    void amount_data();
    void amount();
    void email_data();
    void email();
    void combined();
    void everyOrderId();
};

void TestSlotExtractor::orderId_data()
{
    QTest::addColumn<QString>("text");
    QTest::addColumn<QString>("orderId");
    QTest::newRow("canonical") << QStringLiteral("status of ORD-12345?") << QStringLiteral("ORD-12345");
    QTest::newRow("lower, space") << QStringLiteral("ord 12345 is late") << QStringLiteral("ORD-12345");
    QTest::newRow("glued") << QStringLiteral("ORD12345") << QStringLiteral("ORD-12345");
    QTest::newRow("hash") << QStringLiteral("my order #12345 never came") << QStringLiteral("ORD-12345");
    QTest::newRow("number colon") << QStringLiteral("Order number: 98765") << QStringLiteral("ORD-98765");
    QTest::newRow("no.") << QStringLiteral("order no. 4567") << QStringLiteral("ORD-4567");
    QTest::newRow("id") << QStringLiteral("order id 55501") << QStringLiteral("ORD-55501");
    QTest::newRow("purchase") << QStringLiteral("how can I cancel purchase 113542617735902?")
                              << QStringLiteral("ORD-113542617735902");
    QTest::newRow("leading zeros kept") << QStringLiteral("change order 00123842") << QStringLiteral("ORD-00123842");
    QTest::newRow("plain count") << QStringLiteral("I ordered 2 items") << QString();
    QTest::newRow("order of items") << QStringLiteral("my order of 3 items is late") << QString();
    QTest::newRow("plain number") << QStringLiteral("call me at 5551234") << QString();
    QTest::newRow("ordinary word") << QStringLiteral("an ordinary 12345 thing") << QString();
    QTest::newRow("ordered") << QStringLiteral("ordered 12345 pens") << QString();
    QTest::newRow("too short") << QStringLiteral("order 12") << QString();
    QTest::newRow("empty") << QString() << QString();
}

void TestSlotExtractor::orderId()
{
    QFETCH(QString, text);
    QFETCH(QString, orderId);
    QCOMPARE(extractSlots(text).orderId, orderId);
}

void TestSlotExtractor::amount_data()
{
    QTest::addColumn<QString>("text");
    QTest::addColumn<bool>("found");
    QTest::addColumn<double>("amount");
    QTest::addColumn<QString>("currency");
    QTest::newRow("dollar sign") << QStringLiteral("refund $25 please") << true << 25.0 << QStringLiteral("USD");
    QTest::newRow("dollar space cents") << QStringLiteral("it was $ 19.99") << true << 19.99 << QStringLiteral("USD");
    QTest::newRow("dollars word") << QStringLiteral("I paid 25 dollars") << true << 25.0 << QStringLiteral("USD");
    QTest::newRow("usd after") << QStringLiteral("charged 25.50 USD twice") << true << 25.5 << QStringLiteral("USD");
    QTest::newRow("usd before") << QStringLiteral("USD 40") << true << 40.0 << QStringLiteral("USD");
    QTest::newRow("euro sign") << QStringLiteral("I want my \u20AC10 back") << true << 10.0 << QStringLiteral("EUR");
    QTest::newRow("euros word") << QStringLiteral("about 15 euros") << true << 15.0 << QStringLiteral("EUR");
    QTest::newRow("pound") << QStringLiteral("\u00A37.50 delivery fee") << true << 7.5 << QStringLiteral("GBP");
    QTest::newRow("thousands") << QStringLiteral("a refund of $1,250.00") << true << 1250.0 << QStringLiteral("USD");
    QTest::newRow("thousands word") << QStringLiteral("1,250.00 dollars is a lot") << true << 1250.0
                                    << QStringLiteral("USD");
    QTest::newRow("sign after") << QStringLiteral("it cost 30$") << true << 30.0 << QStringLiteral("USD");
    QTest::newRow("bucks") << QStringLiteral("give me 20 bucks credit") << true << 20.0 << QStringLiteral("USD");
    QTest::newRow("first wins") << QStringLiteral("I paid $30 but was charged 45 dollars") << true << 30.0
                                << QStringLiteral("USD");
    QTest::newRow("no currency") << QStringLiteral("I bought 25 of them") << false << 0.0 << QString();
    QTest::newRow("order id is no amount") << QStringLiteral("order #12345") << false << 0.0 << QString();
    QTest::newRow("percent") << QStringLiteral("you promised 20% off") << false << 0.0 << QString();
}

void TestSlotExtractor::amount()
{
    QFETCH(QString, text);
    QFETCH(bool, found);
    QFETCH(double, amount);
    QFETCH(QString, currency);
    const Slots s = extractSlots(text);
    QCOMPARE(s.amount.has_value(), found);
    if (found) {
        QCOMPARE(*s.amount, amount);
        QCOMPARE(s.currency, currency);
    }
}

void TestSlotExtractor::email_data()
{
    QTest::addColumn<QString>("text");
    QTest::addColumn<QString>("email");
    QTest::newRow("simple") << QStringLiteral("my email is jane.doe@example.com")
                            << QStringLiteral("jane.doe@example.com");
    QTest::newRow("plus, caps") << QStringLiteral("use John+Shop@Mail.Example.co.uk, thanks")
                                << QStringLiteral("john+shop@mail.example.co.uk");
    QTest::newRow("no tld") << QStringLiteral("user@localhost") << QString();
    QTest::newRow("at sign only") << QStringLiteral("meet @ 5pm") << QString();
}

void TestSlotExtractor::email()
{
    QFETCH(QString, text);
    QFETCH(QString, email);
    QCOMPARE(extractSlots(text).email, email);
}

void TestSlotExtractor::combined()
{
    const Slots s = extractSlots(QStringLiteral("Order ORD-777123 was $89.90, send the receipt to a.b@shop.io"));
    QCOMPARE(s.orderId, QStringLiteral("ORD-777123"));
    QVERIFY(s.amount.has_value());
    QCOMPARE(*s.amount, 89.9);
    QCOMPARE(s.email, QStringLiteral("a.b@shop.io"));
}

void TestSlotExtractor::everyOrderId()
{
    const Slots s = extractSlots(QStringLiteral("ORD-10007 arrived fine but order #10009 hasnt yet, unlike ord 10007"));
    QCOMPARE(s.orderIds, (QStringList{QStringLiteral("ORD-10007"), QStringLiteral("ORD-10009")}));
    QCOMPARE(s.orderId, QStringLiteral("ORD-10007"));
    QVERIFY(extractSlots(QStringLiteral("2 items, call 5551234")).orderIds.isEmpty());
}

QTEST_GUILESS_MAIN(TestSlotExtractor)
#include "tst_slotextractor.moc"
