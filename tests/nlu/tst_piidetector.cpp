#include "core/nlu/text/PiiDetector.h"

#include <QTest>

using tierdesk::nlu::PiiDetector;

class TestPiiDetector : public QObject {
    Q_OBJECT

private:
    static QStringList kinds(const QString &text)
    {
        QStringList out;
        for (const auto &m : PiiDetector::find(text))
            out << PiiDetector::kindName(m.kind) + QLatin1Char(':') + text.mid(m.start, m.length);
        return out;
    }

private slots:
    void finds_data()
    {
        QTest::addColumn<QString>("text");
        QTest::addColumn<QStringList>("expected");
        QTest::newRow("email") << QStringLiteral("write to jane.doe+shop@example.co.uk please")
                               << QStringList{QStringLiteral("email:jane.doe+shop@example.co.uk")};
        QTest::newRow("phone us") << QStringLiteral("call me at (555) 123-4567 tonight")
                                  << QStringList{QStringLiteral("phone:(555) 123-4567")};
        QTest::newRow("phone intl") << QStringLiteral("my number is +49 30 1234567")
                                    << QStringList{QStringLiteral("phone:+49 30 1234567")};
        QTest::newRow("phone plain ten") << QStringLiteral("ring 5551234567")
                                         << QStringList{QStringLiteral("phone:5551234567")};
        QTest::newRow("card spaced") << QStringLiteral("card 4111 1111 1111 1111 exp 12/27")
                                     << QStringList{QStringLiteral("card_number:4111 1111 1111 1111")};
        QTest::newRow("card dashed") << QStringLiteral("5500-0000-0000-0004")
                                     << QStringList{QStringLiteral("card_number:5500-0000-0000-0004")};
        QTest::newRow("address") << QStringLiteral("ship it to 221B Baker Street, London")
                                 << QStringList{QStringLiteral("address:221B Baker Street")};
        QTest::newRow("address abbrev") << QStringLiteral("I live at 1600 Pennsylvania Ave. now")
                                        << QStringList{QStringLiteral("address:1600 Pennsylvania Ave.")};
        QTest::newRow("address german") << QStringLiteral("Lieferung an Hauptstraße 12a bitte")
                                        << QStringList{QStringLiteral("address:Hauptstraße 12a")};
        QTest::newRow("address german, street words")
            << QStringLiteral("Bitte an Am Mühlenweg 7 und Rosengasse 3")
            << QStringList{QStringLiteral("address:Mühlenweg 7"), QStringLiteral("address:Rosengasse 3")};
        QTest::newRow("address german abbreviated")
            << QStringLiteral("Haupt-Str. 12, 10115 Berlin") << QStringList{QStringLiteral("address:Haupt-Str. 12")};
        QTest::newRow("address after an email")
            << QStringLiteral("ann@x.de, 12 Elm Road")
            << QStringList{QStringLiteral("email:ann@x.de"), QStringLiteral("address:12 Elm Road")};
        QTest::newRow("two kinds") << QStringLiteral("a@b.io or 555-123-4567")
                                   << QStringList{QStringLiteral("email:a@b.io"), QStringLiteral("phone:555-123-4567")};
    }
    void finds()
    {
        QFETCH(QString, text);
        QFETCH(QStringList, expected);
        QCOMPARE(kinds(text), expected);
        QVERIFY(PiiDetector::contains(text));
    }

    void ignores_data()
    {
        QTest::addColumn<QString>("text");
        QTest::newRow("order id") << QStringLiteral("My order number is ORD-9876");
        QTest::newRow("iso date") << QStringLiteral("purchased on 2025-02-15");
        QTest::newRow("dotted date") << QStringLiteral("seit 15.02.2025 kaputt");
        QTest::newRow("amount") << QStringLiteral("refund $1,250.00 please");
        QTest::newRow("short number") << QStringLiteral("I waited 3 days for 2 items");
        QTest::newRow("seven digits plain") << QStringLiteral("ticket 1234567");
        QTest::newRow("no at") << QStringLiteral("support at example dot com");
        QTest::newRow("number then words") << QStringLiteral("I bought 3 red shoes");
    }
    void ignores()
    {
        QFETCH(QString, text);
        QCOMPARE(kinds(text), QStringList{});
        QVERIFY(!PiiDetector::contains(text));
    }

    void cardNeedsLuhn()
    {
        QVERIFY(PiiDetector::luhnValid(u"4111111111111111"));
        QVERIFY(PiiDetector::luhnValid(u"4111 1111 1111 1111"));
        QVERIFY(!PiiDetector::luhnValid(u"4111111111111112"));
        QVERIFY(!PiiDetector::luhnValid(u""));
        // Sixteen digits failing the check are no card; too long for a phone number either.
        QCOMPARE(kinds(QStringLiteral("ref 4111 1111 1111 1112")), QStringList{});
    }
};

QTEST_APPLESS_MAIN(TestPiiDetector)
#include "tst_piidetector.moc"
