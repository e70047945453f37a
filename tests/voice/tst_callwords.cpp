// What the AI says on a call (CallWords): every word in English and in German, the German its own
// (not the English left in), a place or company put where %1 is, and no markup to read aloud. And
// the words callers say that a call listens for beyond the speech model's most likely ones.
#include "core/voice/calls/CallVocabulary.h"
#include "core/voice/calls/CallWords.h"

#include <QTest>

using namespace tierdesk;
using namespace tierdesk::voice;

class TestCallWords : public QObject {
    Q_OBJECT

private slots:
    void everyWordInBothLanguages();
    void thePlaceInLineIsSaid();
    void callersWordsFromTheIntentExamples();
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

// The NLU's examples' words, written there at least twice: "reimbursements" (26 times) is beyond
// the model's 20,000 most likely words and is listened for; Bitext's "producr" (once) is a typo.
void TestCallWords::callersWordsFromTheIntentExamples()
{
    const QStringList words = CallVocabulary::serviceWords();
    QVERIFY2(words.size() > 500, qPrintable(QString::number(words.size())));
    for (const char *said : {"refund", "invoices", "reimbursements", "order", "cancel"})
        QVERIFY2(words.contains(QLatin1String(said)), said);
    QVERIFY(!words.contains(QStringLiteral("producr")));
    QStringList sorted = words;
    sorted.sort();
    QCOMPARE(words, sorted);
}

QTEST_GUILESS_MAIN(TestCallWords)
#include "tst_callwords.moc"
