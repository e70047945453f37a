#include "core/nlu/text/Stemmer.h"

#include <QTest>

using namespace tierdesk::nlu;

class TestStemmer : public QObject {
    Q_OBJECT

private slots:
    void oneEndingComesOff();
    void shortWordsStayWhole();
    void inflectionsOfAStem();
};

void TestStemmer::oneEndingComesOff()
{
    QCOMPARE(Stemmer::stem(QStringLiteral("washing")), QStringLiteral("wash"));
    QCOMPARE(Stemmer::stem(QStringLiteral("returns")), QStringLiteral("return"));
    QCOMPARE(Stemmer::stem(QStringLiteral("charged")), QStringLiteral("charg"));
    QCOMPARE(Stemmer::stem(QStringLiteral("returned")), QStringLiteral("return"));
    QCOMPARE(Stemmer::stem(QStringLiteral("pauses")), QStringLiteral("paus"));
    QCOMPARE(Stemmer::stem(QStringLiteral("warranty")), QStringLiteral("warranty"));
}

void TestStemmer::shortWordsStayWhole()
{
    QCOMPARE(Stemmer::stem(QStringLiteral("bus")), QStringLiteral("bus"));
    QCOMPARE(Stemmer::stem(QStringLiteral("ring")), QStringLiteral("ring"));
    QCOMPARE(Stemmer::stem(QStringLiteral("fees")), QStringLiteral("fees"));
    QCOMPARE(Stemmer::stem(QString()), QString());
}

void TestStemmer::inflectionsOfAStem()
{
    QVERIFY(Stemmer::isInflection(u"er")); // "dry", "dryer"
    QVERIFY(Stemmer::isInflection(u"e")); // "paus", "pause"
    QVERIFY(Stemmer::isInflection(u"ing"));
    QVERIFY(!Stemmer::isInflection(u"pack")); // "day", "daypack"
    QVERIFY(!Stemmer::isInflection(u""));
}

QTEST_APPLESS_MAIN(TestStemmer)
#include "tst_stemmer.moc"
