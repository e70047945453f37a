#include "core/voice/EarText.h"

#include <QTest>

using namespace tierdesk::voice;
using tierdesk::Language;

class TestEarText : public QObject {
    Q_OBJECT

private slots:
    void prepared_data();
    void prepared();
    void german_data();
    void german();
};

void TestEarText::prepared_data()
{
    QTest::addColumn<QString>("text");
    QTest::addColumn<QString>("ear");
    const auto row = [](const char *name, const char *text, const char *ear) {
        QTest::newRow(name) << QString::fromUtf8(text) << QString::fromUtf8(ear);
    };
    row("order number", "Your order ORD-10005 has shipped.", "Your order order one zero zero zero five has shipped.");
    row("whole dollars", "A refund of $79.00 is on its way.", "A refund of 79 dollars is on its way.");
    row("dollars and cents", "You paid $36.50.", "You paid 36 dollars and 50 cents.");
    row("one dollar", "It costs $1.", "It costs 1 dollar.");
    row("cents only", "A fee of $0.50 applies.", "A fee of 50 cents applies.");
    row("thousands", "The total is $1,250.00.", "The total is 1250 dollars.");
    row("code after", "That is 25.00 USD.", "That is 25 dollars.");
    row("euros", "That is €10.", "That is 10 euros.");
    row("bold and heading", "# Your order\n**Shipped** today", "Your order. Shipped today.");
    row("bullets", "Options:\n- return it\n* keep it\n1. exchange it", "Options: return it. keep it. exchange it.");
    row("link keeps its text", "See [our returns page](https://shop.example/returns) for details.",
        "See our returns page for details.");
    row("bare url goes", "Track it at https://track.example.com/ORD-10005 today.", "Track it at today.");
    row("www url goes", "Visit www.example.com.", "Visit.");
    row("abbreviations", "Some items (e.g. shoes & bags) cost 10% less, i.e. less.",
        "Some items (for example shoes and bags) cost 10 percent less, that is less.");
    row("inline code", "Type `RESET` now", "Type RESET now.");
    row("empty", "", "");
}

void TestEarText::prepared()
{
    QFETCH(QString, text);
    QFETCH(QString, ear);
    QCOMPARE(EarText::prepare(text), ear);
}

void TestEarText::german_data()
{
    QTest::addColumn<QString>("text");
    QTest::addColumn<QString>("ear");
    const auto row = [](const char *name, const char *text, const char *ear) {
        QTest::newRow(name) << QString::fromUtf8(text) << QString::fromUtf8(ear);
    };
    row("euro", "Wir erstatten 79,00 €.", "Wir erstatten 79 Euro.");
    row("euro und cent", "Sie zahlten 36,50 € für ORD-10005.",
        "Sie zahlten 36 Euro und 50 Cent für Bestellung eins null null null fünf.");
    row("tausender", "Gesamt: 1.250,00 EUR", "Gesamt: 1250 Euro.");
    row("dollar", "Das sind $79.00.", "Das sind 79 Dollar.");
    row("abkürzungen", "Z. B. Schuhe & Taschen, d.h. 10 % weniger usw.",
        "zum Beispiel Schuhe und Taschen, das heißt 10 Prozent weniger und so weiter");
}

void TestEarText::german()
{
    QFETCH(QString, text);
    QFETCH(QString, ear);
    QCOMPARE(EarText::prepare(text, Language::De), ear);
}

QTEST_GUILESS_MAIN(TestEarText)
#include "tst_eartext.moc"
