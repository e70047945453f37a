#include "core/voice/SpeechRecognizer.h"
#include "core/voice/SpeechVocabulary.h"

#include <QFile>
#include <QRegularExpression>
#include <QSet>
#include <QTemporaryDir>
#include <QTemporaryFile>
#include <QTest>

using namespace tierdesk::voice;

namespace {

// The words of a pronunciation dictionary ("to(2)" is "to").
QSet<QString> wordsIn(const QString &path)
{
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly))
        return {};
    QSet<QString> words;
    while (!file.atEnd()) {
        const QByteArray line = file.readLine();
        const QByteArray word = line.left(line.indexOf(' '));
        words.insert(QString::fromUtf8(word.left(word.indexOf('(') < 0 ? word.size() : word.indexOf('('))));
    }
    return words;
}

} // namespace

class TestSpeechVocabulary : public QObject {
    Q_OBJECT

private slots:
    void initTestCase();
    void theModelsMostLikelyWords();
    void extraWordsTheModelKnowsAreAdded();
    void theSameWordsAreTheSameFile();
    void sizeZeroIsTheWholeDictionary();
    void anUnwritableCacheFallsBackToTheWholeDictionary();

private:
    QTemporaryDir m_cache;
};

void TestSpeechVocabulary::initTestCase()
{
    QVERIFY(m_cache.isValid());
    qputenv("XDG_CACHE_HOME", QFile::encodeName(m_cache.path())); // the user's cache folder, for this test
}

// The 20,000 most likely of the model's 72,547 words: common ones and the digits are in ("refund"
// is the model's 5,356th word), rare ones out ("invoices" 33,121st, "theodor" 40,000th).
void TestSpeechVocabulary::theModelsMostLikelyWords()
{
    const auto path = SpeechVocabulary::dictionary(SpeechRecognizer::defaultModelDir(), 20000, {});
    QVERIFY2(path.ok(), qPrintable(path.ok() ? QString() : path.error().message));
    QVERIFY2(path->startsWith(m_cache.path() + QStringLiteral("/tierdesk/speech/")), qPrintable(*path));
    const QSet<QString> words = wordsIn(*path);
    QVERIFY2(words.size() > 19000 && words.size() <= 20000, qPrintable(QString::number(words.size())));
    for (const char *common : {"where", "is", "my", "order", "refund", "zero", "oh", "nine", "number"})
        QVERIFY2(words.contains(QLatin1String(common)), common);
    for (const char *rare : {"invoices", "theodor", "decherd"})
        QVERIFY2(!words.contains(QLatin1String(rare)), rare);
    // Each pronunciation of a word kept is kept: "the" has two in the CMU dictionary.
    QFile file(*path);
    QVERIFY(file.open(QIODevice::ReadOnly));
    const QByteArray all = file.readAll();
    QVERIFY(all.contains("\nthe ") || all.startsWith("the "));
    QVERIFY(all.contains("\nthe(2) "));
}

void TestSpeechVocabulary::extraWordsTheModelKnowsAreAdded()
{
    const auto path = SpeechVocabulary::dictionary(
        SpeechRecognizer::defaultModelDir(), 20000, {QStringLiteral("invoices"), QStringLiteral("xqzzyv")});
    QVERIFY(path.ok());
    const QSet<QString> words = wordsIn(*path);
    QVERIFY(words.contains(QStringLiteral("invoices")));
    QVERIFY(!words.contains(QStringLiteral("xqzzyv"))); // no pronunciation, and the model cannot say it
    QVERIFY(!words.contains(QStringLiteral("theodor")));
}

void TestSpeechVocabulary::theSameWordsAreTheSameFile()
{
    const QString dir = SpeechRecognizer::defaultModelDir();
    const auto first = SpeechVocabulary::dictionary(dir, 20000, {QStringLiteral("invoices")});
    const auto again = SpeechVocabulary::dictionary(dir, 20000, {QStringLiteral("invoices")});
    const auto other = SpeechVocabulary::dictionary(dir, 10000, {QStringLiteral("invoices")});
    QVERIFY(first.ok() && again.ok() && other.ok());
    QCOMPARE(*again, *first);
    QVERIFY(*other != *first);
    // Gone from the cache (a cleaner emptied it): written again under the same name.
    QVERIFY(QFile::remove(*first));
    const auto rewritten = SpeechVocabulary::dictionary(dir, 20000, {QStringLiteral("invoices")});
    QVERIFY(rewritten.ok());
    QCOMPARE(*rewritten, *first);
    QVERIFY(wordsIn(*rewritten).contains(QStringLiteral("invoices")));
}

void TestSpeechVocabulary::sizeZeroIsTheWholeDictionary()
{
    const auto path = SpeechVocabulary::dictionary(SpeechRecognizer::defaultModelDir(), 0, {});
    QVERIFY(path.ok());
    QVERIFY(path->endsWith(QStringLiteral("/cmudict-en-us.dict")));
    QVERIFY(wordsIn(*path).contains(QStringLiteral("theodor")));
}

void TestSpeechVocabulary::anUnwritableCacheFallsBackToTheWholeDictionary()
{
    QTemporaryFile notAFolder;
    QVERIFY(notAFolder.open());
    qputenv("XDG_CACHE_HOME", QFile::encodeName(notAFolder.fileName()));
    QTest::ignoreMessage(QtWarningMsg, QRegularExpression(QStringLiteral("cannot write .*whole dictionary")));
    const auto path = SpeechVocabulary::dictionary(SpeechRecognizer::defaultModelDir(), 12345, {});
    qputenv("XDG_CACHE_HOME", QFile::encodeName(m_cache.path()));
    QVERIFY(path.ok());
    QVERIFY2(path->endsWith(QStringLiteral("/cmudict-en-us.dict")), qPrintable(*path));
}

QTEST_GUILESS_MAIN(TestSpeechVocabulary)
#include "tst_speechvocabulary.moc"
