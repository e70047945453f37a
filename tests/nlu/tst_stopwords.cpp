#include "core/nlu/text/StopWords.h"

#include <QTest>

using namespace tierdesk::nlu;

class TestStopWords : public QObject {
    Q_OBJECT

private slots:
    void grammarIsNoiseToBoth();
    void searchKeepsWordsThatPointAtSomething();
    void passagesKeepWordsEveryArticleHolds();
    void shortWordsNameNothingInPassages();
};

void TestStopWords::grammarIsNoiseToBoth()
{
    for (const char *w : {"the", "and", "what", "please", "would", "about"}) {
        QVERIFY2(StopWords::isSearchNoise(QLatin1String(w)), w);
        QVERIFY2(StopWords::isFunctionWord(QLatin1String(w)), w);
    }
}

void TestStopWords::searchKeepsWordsThatPointAtSomething()
{
    for (const char *w : {"thing", "first", "time", "one", "very", "what's"}) {
        QVERIFY2(!StopWords::isSearchNoise(QLatin1String(w)), w);
        QVERIFY2(StopWords::isFunctionWord(QLatin1String(w)), w);
    }
}

void TestStopWords::passagesKeepWordsEveryArticleHolds()
{
    for (const char *w : {"help", "need", "why", "did", "has", "hello"}) {
        QVERIFY2(StopWords::isSearchNoise(QLatin1String(w)), w);
        QVERIFY2(!StopWords::isFunctionWord(QLatin1String(w)), w);
    }
    for (const char *w : {"refund", "warranty", "tent", "crypto"}) {
        QVERIFY2(!StopWords::isSearchNoise(QLatin1String(w)), w);
        QVERIFY2(!StopWords::isFunctionWord(QLatin1String(w)), w);
    }
}

void TestStopWords::shortWordsNameNothingInPassages()
{
    QVERIFY(StopWords::isFunctionWord(QStringLiteral("uk")));
    QVERIFY(!StopWords::isSearchNoise(QStringLiteral("uk")));
    QVERIFY(StopWords::isSearchNoise(QStringLiteral("my")));
    QVERIFY(StopWords::isFunctionWord(QString()));
}

QTEST_APPLESS_MAIN(TestStopWords)
#include "tst_stopwords.moc"
