// What the AI says on a call (CallWords): every word in English and in German, the German its own
// (not the English left in), a place or company put where %1 is, and no markup to read aloud.
#include "core/voice/calls/CallWords.h"

#include <QTest>

using namespace tierdesk;
using namespace tierdesk::voice;

class TestCallWords : public QObject {
    Q_OBJECT

private slots:
    void everyWordInBothLanguages();
    void thePlaceInLineIsSaid();
};

void TestCallWords::everyWordInBothLanguages()
{
    for (int w = int(CallWord::Greeting); w <= int(kLastCallWord); ++w) {
        const QString en = callWords(CallWord(w), Language::En, QStringLiteral("Northwind"));
        const QString de = callWords(CallWord(w), Language::De, QStringLiteral("Northwind"));
        QVERIFY2(!en.isEmpty() && !de.isEmpty(), qPrintable(QString::number(w)));
        QVERIFY2(en != de, qPrintable(en));
        for (const QString &said : {en, de}) {
            QVERIFY2(!said.contains(QLatin1String("%1")), qPrintable(said));
            QVERIFY2(!said.contains(QLatin1Char('*')) && !said.contains(QLatin1String("http")), qPrintable(said));
        }
    }
}

void TestCallWords::thePlaceInLineIsSaid()
{
    QCOMPARE(
        callWords(CallWord::InLine, Language::En, QStringLiteral("2")), QStringLiteral("You are number 2 in line."));
    QCOMPARE(callWords(CallWord::InLine, Language::De, QStringLiteral("2")),
        QStringLiteral("Sie sind Nummer 2 in der Warteschlange."));
    QVERIFY(callWords(CallWord::StillWaiting, Language::De, QStringLiteral("3")).contains(QLatin1String("Nummer 3")));
}

QTEST_GUILESS_MAIN(TestCallWords)
#include "tst_callwords.moc"
