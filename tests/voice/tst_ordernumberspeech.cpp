#include "core/voice/OrderNumberSpeech.h"

#include <QTest>

using namespace tierdesk::voice;

class TestOrderNumberSpeech : public QObject {
    Q_OBJECT

private slots:
    void digitsSaid();
    void orderNumberUnderThePattern();
    void wordsAsMeantDropOnlyAnEchoThatBreaksTheNumber();
    void engineReadsTheNumberOrTheDigits();
    void literalPrefixOfPatterns();
};

void TestOrderNumberSpeech::digitsSaid()
{
    QCOMPARE(OrderNumberSpeech::digits(QStringLiteral("order one zero zero zero five")), QStringLiteral("10005"));
    QCOMPARE(OrderNumberSpeech::digits(QStringLiteral("nine oh double five")), QStringLiteral("9055"));
    QCOMPARE(OrderNumberSpeech::digits(QStringLiteral("triple seven two")), QStringLiteral("7772"));
    QCOMPARE(OrderNumberSpeech::digits(QStringLiteral("4 2 7")), QStringLiteral("427")); // keypad
    QCOMPARE(OrderNumberSpeech::digits(QStringLiteral("i do not know")), QString());
}

void TestOrderNumberSpeech::orderNumberUnderThePattern()
{
    const QString demo = QStringLiteral("ORD-\\d{5}");
    QCOMPARE(OrderNumberSpeech::orderNumber(QStringLiteral("order one zero zero zero five"), demo),
        QStringLiteral("ORD-10005"));
    QCOMPARE(
        OrderNumberSpeech::orderNumber(QStringLiteral("one zero zero zero five"), demo), QStringLiteral("ORD-10005"));
    QVERIFY(!OrderNumberSpeech::orderNumber(QStringLiteral("one zero zero five"), demo)); // four digits
    // The last zero's vowel heard twice: six digits the pattern refuses, five without the echo.
    QCOMPARE(OrderNumberSpeech::orderNumber(QStringLiteral("one zero zero zero oh four"), demo),
        QStringLiteral("ORD-10004"));
    // An "oh" said as a digit stays one when the number fits with it.
    QCOMPARE(
        OrderNumberSpeech::orderNumber(QStringLiteral("one zero oh zero four"), demo), QStringLiteral("ORD-10004"));
    QVERIFY(!OrderNumberSpeech::orderNumber(QStringLiteral("one zero oh four"), demo));
    QVERIFY(!OrderNumberSpeech::orderNumber(QStringLiteral("where is my order"), demo));
    QCOMPARE(
        OrderNumberSpeech::orderNumber(QStringLiteral("four two"), QStringLiteral("\\d{2,8}")), QStringLiteral("42"));
    QCOMPARE(OrderNumberSpeech::orderNumber(QStringLiteral("one two three"), QStringLiteral("^#\\d+$")),
        QStringLiteral("#123"));
    QVERIFY(!OrderNumberSpeech::orderNumber(QStringLiteral("one"), QStringLiteral("(unclosed")));
}

void TestOrderNumberSpeech::wordsAsMeantDropOnlyAnEchoThatBreaksTheNumber()
{
    const QString demo = OrderNumberSpeech::patternOrStore(QString());
    QCOMPARE(demo, QStringLiteral("ORD-\\d{5}"));
    QCOMPARE(OrderNumberSpeech::meant(QStringLiteral("order one zero zero zero oh five"), demo),
        QStringLiteral("order one zero zero zero five"));
    QCOMPARE(OrderNumberSpeech::meant(QStringLiteral("one zero oh zero four"), demo),
        QStringLiteral("one zero oh zero four")); // fits as heard: the "oh" was said
    QCOMPARE(OrderNumberSpeech::meant(QStringLiteral("one zero oh four"), demo),
        QStringLiteral("one zero oh four")); // no reading fits: shown as heard
    QCOMPARE(OrderNumberSpeech::meant(QStringLiteral("zero oh seven"), QStringLiteral("\\d{3}")),
        QStringLiteral("zero oh seven"));
    QCOMPARE(OrderNumberSpeech::patternOrStore(QStringLiteral("#\\d+")), QStringLiteral("#\\d+"));
}

void TestOrderNumberSpeech::engineReadsTheNumberOrTheDigits()
{
    const QString demo = OrderNumberSpeech::patternOrStore(QString());
    const auto words = [](const char *text) { return QString::fromLatin1(text).split(u' '); };
    QCOMPARE(
        OrderNumberSpeech::engineText(words("order one zero zero zero oh five"), demo), QStringLiteral("ORD-10005"));
    QCOMPARE(OrderNumberSpeech::engineText(words("one two three"), QStringLiteral("#\\d+")), QStringLiteral("#123"));
    QCOMPARE(OrderNumberSpeech::engineText(words("one two three"), demo), QStringLiteral("order 123"));
    QCOMPARE(OrderNumberSpeech::engineText(words("i do not know"), demo), QStringLiteral("i do not know"));
}

void TestOrderNumberSpeech::literalPrefixOfPatterns()
{
    QCOMPARE(OrderNumberSpeech::literalPrefix(QStringLiteral("ORD-\\d{5}")), QStringLiteral("ORD-"));
    QCOMPARE(OrderNumberSpeech::literalPrefix(QStringLiteral("^INV\\-[0-9]{6}$")), QStringLiteral("INV-"));
    QCOMPARE(OrderNumberSpeech::literalPrefix(QStringLiteral("\\d+")), QString());
}

QTEST_GUILESS_MAIN(TestOrderNumberSpeech)
#include "tst_ordernumberspeech.moc"
