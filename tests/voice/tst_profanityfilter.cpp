#include "core/voice/ProfanityFilter.h"

#include <QTest>

using namespace tierdesk::voice;

class TestProfanityFilter : public QObject {
    Q_OBJECT

private slots:
    void masked_data();
    void masked();
};

void TestProfanityFilter::masked_data()
{
    QTest::addColumn<QString>("heard");
    QTest::addColumn<QString>("shown");
    const auto row = [](const char *name, const char *heard, const char *shown) {
        QTest::newRow(name) << QString::fromLatin1(heard) << QString::fromLatin1(shown);
    };
    row("one word", "this is damn slow", "this is d*** slow");
    row("endings", "the shitty fucking parcel", "the s***** f****** parcel");
    row("case kept", "Damn it", "D*** it");
    row("whole words only", "hello scrap shell dickens assessment", "hello scrap shell dickens assessment");
    row("hell alone", "what the hell", "what the h***");
    row("clean", "where is my order", "where is my order");
    row("empty", "", "");
}

void TestProfanityFilter::masked()
{
    QFETCH(QString, heard);
    QFETCH(QString, shown);
    QCOMPARE(ProfanityFilter::mask(heard), shown);
}

QTEST_GUILESS_MAIN(TestProfanityFilter)
#include "tst_profanityfilter.moc"
