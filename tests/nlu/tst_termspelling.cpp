#include "core/nlu/text/TermSpelling.h"

#include <QTest>

using namespace tierdesk::nlu;

class TestTermSpelling : public QObject {
    Q_OBJECT

private slots:
    void editsAreCounted();
    void aMisspellingIsReadAsWritten();
    void knownShortAndNumberedTermsStay();
    void theCommonestOfTheNearestWins();
};

void TestTermSpelling::editsAreCounted()
{
    QCOMPARE(TermSpelling::distance(u"password", u"password", 2), 0);
    QCOMPARE(TermSpelling::distance(u"pasword", u"password", 2), 1); // a letter dropped
    QCOMPARE(TermSpelling::distance(u"passwrod", u"password", 2), 1); // two swapped
    QCOMPARE(TermSpelling::distance(u"pasward", u"password", 2), 2);
    QCOMPARE(TermSpelling::distance(u"printer", u"password", 2), 3); // beyond the limit: limit + 1
    QCOMPARE(TermSpelling::distance(u"", u"abc", 5), 3);
}

void TestTermSpelling::aMisspellingIsReadAsWritten()
{
    const QHash<QString, int> vocabulary{{QStringLiteral("password"), 12}, {QStringLiteral("printer"), 30},
        {QStringLiteral("bluetooth"), 4}, {QStringLiteral("screenshot"), 7}};
    QCOMPARE(TermSpelling::nearest(QStringLiteral("pasword"), vocabulary), QStringLiteral("password"));
    QCOMPARE(TermSpelling::nearest(QStringLiteral("passwrd"), vocabulary), QStringLiteral("password"));
    QCOMPARE(TermSpelling::nearest(QStringLiteral("prnter"), vocabulary), QStringLiteral("printer"));
    QCOMPARE(TermSpelling::nearest(QStringLiteral("bluetoht"), vocabulary), QStringLiteral("bluetooth")); // two edits
    QCOMPARE(TermSpelling::nearest(QStringLiteral("scrensht"), vocabulary), QStringLiteral("screenshot"));
    // Two edits in a word too short for them, a different first letter, or nothing near: as typed.
    QCOMPARE(TermSpelling::nearest(QStringLiteral("pintr"), vocabulary), QStringLiteral("pintr"));
    QCOMPARE(TermSpelling::nearest(QStringLiteral("assword"), vocabulary), QStringLiteral("assword"));
    QCOMPARE(TermSpelling::nearest(QStringLiteral("holiday"), vocabulary), QStringLiteral("holiday"));
}

void TestTermSpelling::knownShortAndNumberedTermsStay()
{
    const QHash<QString, int> vocabulary{{QStringLiteral("wife"), 3}, {QStringLiteral("order"), 5},
        {QStringLiteral("ord12345"), 1}, {QStringLiteral("printer"), 2}, {QStringLiteral("printers"), 9}};
    QCOMPARE(TermSpelling::nearest(QStringLiteral("wifi"), vocabulary), QStringLiteral("wifi")); // too short
    QCOMPARE(TermSpelling::nearest(QStringLiteral("ord12346"), vocabulary), QStringLiteral("ord12346"));
    QCOMPARE(TermSpelling::nearest(QStringLiteral("printer"), vocabulary), QStringLiteral("printer")); // known
    QCOMPARE(TermSpelling::nearest(QStringLiteral("order"), {}), QStringLiteral("order"));
}

void TestTermSpelling::theCommonestOfTheNearestWins()
{
    // "chargr": one edit from both; the one more passages hold is meant, and a tie goes by order.
    QCOMPARE(TermSpelling::nearest(
                 QStringLiteral("chargr"), {{QStringLiteral("charge"), 2}, {QStringLiteral("charger"), 8}}),
        QStringLiteral("charger"));
    QCOMPARE(TermSpelling::nearest(
                 QStringLiteral("chargr"), {{QStringLiteral("charger"), 3}, {QStringLiteral("charge"), 3}}),
        QStringLiteral("charge"));
    // Nearer beats commoner.
    QCOMPARE(TermSpelling::nearest(
                 QStringLiteral("scheduel"), {{QStringLiteral("schedule"), 1}, {QStringLiteral("schedules"), 40}}),
        QStringLiteral("schedule"));
}

QTEST_GUILESS_MAIN(TestTermSpelling)
#include "tst_termspelling.moc"
