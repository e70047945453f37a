#include "core/nlu/IntentClassifier.h"
#include "core/nlu/Intents.h"
#include "core/nlu/TrainingData.h"
#include "tests/support/TestPaths.h"

#include <QElapsedTimer>
#include <QFile>
#include <QSet>
#include <QTemporaryFile>
#include <QtTest>

#include <cmath>
#include <set>

using namespace tierdesk;
using namespace tierdesk::nlu;

class TestIntentClassifier : public QObject {
    Q_OBJECT

private slots:
    void intentNamesAndCategories();
    void intentValuesAndLabels();
    void csvParsing();
    void loadExamples();
    void untrained();
    void features();
    void trainedDefault();
    void defaultPredictions_data();
    void defaultPredictions();
    void rankedAndConfidence();
    void heldOutAccuracy();
    void confidenceIsCalibrated();
    void outOfScope();
    void bitextHeldOut();
    void smallTrainingSet();
    void serializeRoundTrip();
    void damagedBytesAreRefused();
    void bitextImport();
    void predictSpeed();
};

void TestIntentClassifier::intentNamesAndCategories()
{
    const QStringList all = allIntents();
    QCOMPARE(all.size(), 24);
    QCOMPARE(QSet<QString>(all.begin(), all.end()).size(), 24);
    QCOMPARE(toString(categoryOfIntent(QLatin1String(intent::OrderStatus))), toString(IssueCategory::Shipping));
    QCOMPARE(toString(categoryOfIntent(QLatin1String(intent::DeleteAccount))), toString(IssueCategory::Cancellation));
    QCOMPARE(toString(categoryOfIntent(QLatin1String(intent::CreditRequest))), toString(IssueCategory::Billing));
    QCOMPARE(toString(categoryOfIntent(QLatin1String(intent::ProductIssue))), toString(IssueCategory::ProductQuality));
    QCOMPARE(toString(categoryOfIntent(QLatin1String(intent::TechnicalProblem))), toString(IssueCategory::Technical));
    QCOMPARE(
        toString(categoryOfIntent(QLatin1String(intent::SubscriptionCancel))), toString(IssueCategory::Subscription));
    QCOMPARE(toString(categoryOfIntent(QLatin1String(intent::RefundStatus))), toString(IssueCategory::Refund));
    QCOMPARE(toString(categoryOfIntent(QLatin1String(intent::Complaint))), toString(IssueCategory::Complaint));
    QCOMPARE(
        toString(categoryOfIntent(QLatin1String(intent::ManagerRequest))), toString(IssueCategory::GeneralInquiry));
    QCOMPARE(toString(categoryOfIntent(QStringLiteral("no_such_intent"))), toString(IssueCategory::GeneralInquiry));
}

void TestIntentClassifier::intentValuesAndLabels()
{
    // Every label of the vocabulary is a value of its own, and back to the same label.
    QStringList labels = allIntents();
    labels << QLatin1String(intent::OutOfScope);
    std::set<Intent> seen;
    for (const QString &label : std::as_const(labels)) {
        const Intent id = parseIntent(label);
        QVERIFY2(id != Intent::Other, qPrintable(label));
        QCOMPARE(QString(intentLabel(id)), label);
        seen.insert(id);
    }
    QCOMPARE(int(seen.size()), int(Intent::Other));
    QCOMPARE(parseIntent(QStringLiteral("order_status")), Intent::OrderStatus);
    QCOMPARE(parseIntent(QStringLiteral("out_of_scope")), Intent::OutOfScope);
    // A company model's own intent, a label in other case, none at all: Other.
    QCOMPARE(parseIntent(QStringLiteral("warranty_claim")), Intent::Other);
    QCOMPARE(parseIntent(QStringLiteral("ORDER_STATUS")), Intent::Other);
    QCOMPARE(parseIntent(QString()), Intent::Other);
    QVERIFY(intentLabel(Intent::Other).isEmpty());
    IntentPrediction p;
    p.intent = QLatin1String(intent::Greeting);
    QCOMPARE(p.id(), Intent::Greeting);
}

void TestIntentClassifier::csvParsing()
{
    const auto rows = parseCsv(u"a,b,c\n\"x, y\",\"say \"\"hi\"\"\",\"multi\nline\"\r\nlast,,\n");
    QCOMPARE(rows.size(), 3);
    QCOMPARE(rows.at(0), (QStringList{QStringLiteral("a"), QStringLiteral("b"), QStringLiteral("c")}));
    QCOMPARE(rows.at(1).at(0), QStringLiteral("x, y"));
    QCOMPARE(rows.at(1).at(1), QStringLiteral("say \"hi\""));
    QCOMPARE(rows.at(1).at(2), QStringLiteral("multi\nline"));
    QCOMPARE(rows.at(2), (QStringList{QStringLiteral("last"), QString(), QString()}));
}

void TestIntentClassifier::loadExamples()
{
    QTemporaryFile file;
    QVERIFY(file.open());
    file.write("# comment\n\norder_status\twhere is my parcel\nbad line without tab\nthanks\t thank you \n");
    file.close();
    const auto read = IntentClassifier::loadExamples(file.fileName());
    QVERIFY(read);
    const QList<IntentExample> &examples = read->examples;
    QCOMPARE(examples.size(), 2);
    QCOMPARE(examples.at(1).intent, QStringLiteral("thanks"));
    QCOMPARE(examples.at(1).text, QStringLiteral("thank you"));
    QVERIFY(read->skipped.contains(QStringLiteral(":4:")));
    const auto missing = IntentClassifier::loadExamples(QStringLiteral("/nonexistent.tsv"));
    QVERIFY(!missing);
    QVERIFY(missing.error().message.contains(QStringLiteral("cannot open")));
}

void TestIntentClassifier::untrained()
{
    const IntentClassifier c;
    QVERIFY(!c.isTrained());
    const IntentPrediction p = c.predict(QStringLiteral("where is my order"));
    QCOMPARE(p.intent, QLatin1String(intent::GeneralQuestion));
    QCOMPARE(p.confidence, 0.0);
}

void TestIntentClassifier::features()
{
    const QStringList words = IntentClassifier::features(QStringLiteral("Where's ORD-10001?? I paid $25.50!"));
    QCOMPARE(words,
        (QStringList{QStringLiteral("where's"), QStringLiteral("<order>"), QStringLiteral("?"), QStringLiteral("i"),
            QStringLiteral("paid"), QStringLiteral("$"), QStringLiteral("<num>"), QStringLiteral("!")}));
}

void TestIntentClassifier::trainedDefault()
{
    QElapsedTimer timer;
    timer.start();
    const IntentClassifier c = IntentClassifier::trainedDefault();
    qInfo("trainedDefault(): %lld ms, %d features, %d intents, temperature %.3f, %zu kB", timer.elapsed(),
        c.vocabularySize(), int(c.intents().size()), c.temperature(), c.memoryBytes() / 1024);
    QVERIFY(c.isTrained());
    QCOMPARE(c.intents().size(), 24); // every intent has examples
    QVERIFY(c.temperature() > 0 && c.temperature() < 10);
    // The time is reported, never asserted: benchmarks measure speed, tests behaviour.
}

void TestIntentClassifier::defaultPredictions_data()
{
    QTest::addColumn<QString>("text");
    QTest::addColumn<QString>("intent");
    auto row = [](const char *text, const char *expected) {
        QTest::newRow(text) << QString::fromUtf8(text) << QString::fromLatin1(expected);
    };
    // Phrasings that appear in neither training source.
    row("hey where's my stuff, it was supposed to come yesterday", intent::OrderStatus);
    row("I need to update the address my package goes to", intent::ChangeAddress);
    row("please cancel order ORD-55123 before it ships", intent::CancelOrder);
    row("I want my money back for the broken lamp", intent::RefundRequest);
    row("has my refund been processed yet", intent::RefundStatus);
    row("I forgot my password and can't get in", intent::AccountAccess);
    row("I'd like to close my account for good", intent::DeleteAccount);
    row("please cancel my monthly membership", intent::SubscriptionCancel);
    row("I want to upgrade to the premium plan", intent::SubscriptionChange);
    row("the app crashes every time I try to pay", intent::TechnicalProblem);
    row("the mug arrived cracked", intent::ProductIssue);
    row("let me speak to your supervisor", intent::ManagerRequest);
    row("I want to talk to a real human", intent::HumanRequest);
    row("can I get some credit for the trouble", intent::CreditRequest);
    row("good morning!", intent::Greeting);
    row("thanks a lot, that's great", intent::Thanks);
    row("ok bye, have a good day", intent::Goodbye);
    row("how do I send back the sweater", intent::ReturnItem);
}

void TestIntentClassifier::defaultPredictions()
{
    static const IntentClassifier c = IntentClassifier::trainedDefault();
    QFETCH(QString, text);
    QFETCH(QString, intent);
    const IntentPrediction p = c.predict(text);
    QVERIFY2(p.intent == intent, qPrintable(QStringLiteral("%1 -> %2 (%3)").arg(text, p.intent).arg(p.confidence)));
    QCOMPARE(toString(p.category), toString(categoryOfIntent(intent)));
}

void TestIntentClassifier::rankedAndConfidence()
{
    const IntentClassifier c = IntentClassifier::trainedDefault();
    const IntentPrediction p = c.predict(QStringLiteral("where is my order"));
    QCOMPARE(p.ranked.size(), 3);
    QCOMPARE(p.ranked.first().first, p.intent);
    QCOMPARE(p.ranked.first().second, p.confidence);
    QVERIFY(p.ranked.at(0).second >= p.ranked.at(1).second);
    QVERIFY(p.ranked.at(1).second >= p.ranked.at(2).second);
    QVERIFY(p.confidence > 0.5 && p.confidence <= 1.0);
    QVERIFY(!p.outOfScope);
    // Text the model knows nothing about: out of scope, no confidence.
    const IntentPrediction unknown = c.predict(QStringLiteral("zxqv blorp"));
    QCOMPARE(unknown.intent, QLatin1String(intent::OutOfScope));
    QVERIFY(unknown.outOfScope);
    QVERIFY(unknown.confidence < c.outOfScopeThreshold());
    QCOMPARE(toString(unknown.category), toString(IssueCategory::GeneralInquiry));
    // A vague message is less certain than a clear one.
    QVERIFY(c.predict(QStringLiteral("I have a problem")).confidence < p.confidence);
}

namespace {

struct Split {
    QList<IntentExample> train;
    QList<IntentExample> test;
};

Split splitByHash(const QList<IntentExample> &all)
{
    Split s;
    for (const IntentExample &e : all)
        (isHeldOut(e.text) ? s.test : s.train).append(e);
    return s;
}

const Split &defaultSplit()
{
    static const Split s = splitByHash(IntentClassifier::builtInExamples());
    return s;
}

const IntentClassifier &modelOfDefaultSplit()
{
    static const IntentClassifier c = [] {
        IntentClassifier m;
        m.train(defaultSplit().train);
        return m;
    }();
    return c;
}

QStringList outOfScopeMessages()
{
    QFile f(test::sourceDir() + QStringLiteral("/tests/nlu/data/out_of_scope.txt"));
    QStringList out;
    if (!f.open(QIODevice::ReadOnly | QIODevice::Text))
        return out;
    for (const QString &line : QString::fromUtf8(f.readAll()).split(QLatin1Char('\n')))
        if (!line.trimmed().isEmpty() && !line.startsWith(QLatin1Char('#')))
            out << line.trimmed();
    return out;
}

} // namespace

// Train on ~80 % of intents.tsv, measure on the held-out ~20 % (split by a hash of the text).
void TestIntentClassifier::heldOutAccuracy()
{
    const Split &split = defaultSplit();
    QVERIFY(split.train.size() > 3000);
    QVERIFY(split.test.size() > 500);
    const IntentClassifier &c = modelOfDefaultSplit();
    int topCorrect = 0;
    for (const IntentExample &e : split.test)
        topCorrect += c.predict(e.text).ranked.first().first == e.intent ? 1 : 0;
    const IntentEvaluation eval = evaluate(c, split.test); // out-of-scope answers count as wrong here
    const double top = double(topCorrect) / split.test.size();
    qInfo("held-out: %d examples, best intent %.4f, with out-of-scope detection %.4f, category %.4f", eval.total, top,
        eval.accuracy(), eval.categoryAccuracy());
    // Measured 0.978 and 0.968 (naive Bayes, before: 0.955); Bitext utterances are templated,
    // so expect less on live traffic. The floors leave about 1.5 and 2.5 points.
    QVERIFY2(top >= 0.96, qPrintable(QString::number(top)));
    QVERIFY2(eval.accuracy() >= 0.94, qPrintable(QString::number(eval.accuracy())));
}

// Expected calibration error over ten confidence bins, on the held-out part.
void TestIntentClassifier::confidenceIsCalibrated()
{
    const IntentClassifier &c = modelOfDefaultSplit();
    double binConfidence[10] = {};
    double binCorrect[10] = {};
    int binCount[10] = {};
    for (const IntentExample &e : defaultSplit().test) {
        const IntentPrediction p = c.predict(e.text);
        const int bin = std::min(9, int(p.confidence * 10));
        binConfidence[bin] += p.confidence;
        binCorrect[bin] += p.ranked.first().first == e.intent ? 1 : 0;
        ++binCount[bin];
    }
    double ece = 0;
    for (int b = 0; b < 10; ++b)
        ece += std::abs(binConfidence[b] - binCorrect[b]) / defaultSplit().test.size();
    qInfo("expected calibration error %.4f (temperature %.3f)", ece, c.temperature());
    // Measured 0.008 to 0.013.
    QVERIFY2(ece < 0.05, qPrintable(QString::number(ece)));
}

// Hand-written messages about the weather, jokes, poems and competitors are out of
// scope; held-out customer messages mostly are not.
void TestIntentClassifier::outOfScope()
{
    const IntentClassifier &c = modelOfDefaultSplit();
    const QStringList messages = outOfScopeMessages();
    QVERIFY(messages.size() >= 40);
    int flagged = 0;
    for (const QString &m : messages)
        flagged += c.predict(m).outOfScope ? 1 : 0;
    int rejected = 0;
    for (const IntentExample &e : defaultSplit().test)
        rejected += c.predict(e.text).outOfScope ? 1 : 0;
    const double recall = double(flagged) / messages.size();
    const double rejectedShare = double(rejected) / defaultSplit().test.size();
    qInfo("out of scope: %d of %d flagged (%.3f); in-scope held-out rejected %.4f", flagged, int(messages.size()),
        recall, rejectedShare);
    // Measured 0.725 and 0.022.
    QVERIFY2(recall >= 0.6, qPrintable(QString::number(recall)));
    QVERIFY2(rejectedShare <= 0.03, qPrintable(QString::number(rejectedShare)));
    QVERIFY(c.predict(QStringLiteral("what's the weather like in paris tomorrow")).outOfScope);
    QVERIFY(!c.predict(QStringLiteral("where is my order ORD-10001")).outOfScope);
}

// The raw Bitext intents (27), split by the hash of the text.
void TestIntentClassifier::bitextHeldOut()
{
    const QString path = test::sharedDataDir()
        + QStringLiteral("/bitext_customer_support/Bitext_Sample_Customer_Support_Training_Dataset.csv");
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly))
        QSKIP("Bitext data not found");
    const QList<QStringList> rows = parseCsv(QString::fromUtf8(file.readAll()));
    const int textColumn = int(rows.first().indexOf(QStringLiteral("instruction")));
    const int intentColumn = int(rows.first().indexOf(QStringLiteral("intent")));
    QList<IntentExample> all;
    for (qsizetype r = 1; r < rows.size(); ++r)
        all.append({rows.at(r).at(textColumn).simplified(), rows.at(r).at(intentColumn)});
    const Split split = splitByHash(all);
    IntentClassifier c;
    c.train(split.train);
    QCOMPARE(c.intents().size(), 27);
    int correct = 0;
    for (const IntentExample &e : split.test)
        correct += c.predict(e.text).ranked.first().first == e.intent ? 1 : 0;
    const double accuracy = double(correct) / split.test.size();
    qInfo("Bitext: %d train, %d test, accuracy %.4f", int(split.train.size()), int(split.test.size()), accuracy);
    QVERIFY2(accuracy >= 0.985, qPrintable(QString::number(accuracy))); // measured 0.999
}

// Too few examples to hold some out: trained on all, default temperature; still right.
void TestIntentClassifier::smallTrainingSet()
{
    const QList<IntentExample> examples{
        {QStringLiteral("where is my parcel"), QStringLiteral("track")},
        {QStringLiteral("track my package"), QStringLiteral("track")},
        {QStringLiteral("has my parcel shipped"), QStringLiteral("track")},
        {QStringLiteral("i want my money back"), QStringLiteral("refund")},
        {QStringLiteral("refund me please"), QStringLiteral("refund")},
        {QStringLiteral("give me a refund"), QStringLiteral("refund")},
    };
    IntentClassifier c;
    c.train(examples);
    QCOMPARE(c.intents(), (QStringList{QStringLiteral("track"), QStringLiteral("refund")}));
    QCOMPARE(c.predict(QStringLiteral("where's my package")).ranked.first().first, QStringLiteral("track"));
    QCOMPARE(c.predict(QStringLiteral("can I get a refund")).ranked.first().first, QStringLiteral("refund"));
    IntentClassifier one;
    one.train({{QStringLiteral("hello"), QStringLiteral("greeting")}});
    QVERIFY(one.isTrained());
    QCOMPARE(one.predict(QStringLiteral("hello")).ranked.first().first, QStringLiteral("greeting"));
}

void TestIntentClassifier::serializeRoundTrip()
{
    const IntentClassifier &c = modelOfDefaultSplit();
    const QByteArray bytes = c.serialize();
    qInfo("serialised model: %lld bytes", qint64(bytes.size()));
    const auto restored = IntentClassifier::fromBytes(bytes);
    QVERIFY2(restored.ok(), restored.ok() ? "" : qPrintable(restored.error().message));
    QCOMPARE(restored->intents(), c.intents());
    QCOMPARE(restored->vocabularySize(), c.vocabularySize());
    QCOMPARE(restored->temperature(), c.temperature());
    int compared = 0;
    for (const IntentExample &e : defaultSplit().test) {
        const IntentPrediction a = c.predict(e.text), b = restored->predict(e.text);
        QCOMPARE(b.intent, a.intent);
        QVERIFY(std::abs(a.confidence - b.confidence) < 1e-9);
        if (++compared == 200)
            break;
    }
}

void TestIntentClassifier::damagedBytesAreRefused()
{
    const QByteArray bytes = modelOfDefaultSplit().serialize();
    QVERIFY(!IntentClassifier::fromBytes(QByteArray()).ok());
    QVERIFY(!IntentClassifier::fromBytes(QByteArrayLiteral("not a model at all")).ok());
    QVERIFY(!IntentClassifier::fromBytes(bytes.left(bytes.size() / 2)).ok());
    QByteArray wrongVersion = bytes;
    wrongVersion[5] = char(99);
    const auto refused = IntentClassifier::fromBytes(wrongVersion);
    QVERIFY(!refused.ok());
    QVERIFY(refused.error().message.contains(QStringLiteral("version")));
}

void TestIntentClassifier::bitextImport()
{
    const QString path = test::sharedDataDir()
        + QStringLiteral("/bitext_customer_support/Bitext_Sample_Customer_Support_Training_Dataset.csv");
    if (!QFile::exists(path))
        QSKIP("Bitext data not found");
    const auto read = importBitextCsv(path);
    QVERIFY2(read, read ? "" : qPrintable(read.error().message));
    const QList<IntentExample> &examples = *read;
    QVERIFY(!examples.isEmpty());
    QCOMPARE(examples.size(), 4514); // every Bitext intent is mapped
    QCOMPARE(examples.first().intent, QLatin1String(intent::CancelOrder));
    QCOMPARE(examples.first().text, QStringLiteral("how can I cancel purchase 113542617735902?"));
    for (const IntentExample &e : examples)
        QVERIFY2(isKnownIntent(e.intent), qPrintable(e.intent));
    QCOMPARE(mapBitextIntent(QStringLiteral("track_refund")), QLatin1String(intent::RefundStatus));
    QVERIFY(mapBitextIntent(QStringLiteral("unknown")).isEmpty());
}

// A benchmark, not a check: Qt Test reports the time per call; speed is never asserted.
void TestIntentClassifier::predictSpeed()
{
    const IntentClassifier c = IntentClassifier::trainedDefault();
    const QString text = QStringLiteral("I ordered a laptop three weeks ago and it still hasn't arrived, where is it?");
    int sink = 0;
    QBENCHMARK
    {
        sink += int(c.predict(text).intent.size());
    }
    QVERIFY(sink > 0);
}

QTEST_GUILESS_MAIN(TestIntentClassifier)
#include "tst_intentclassifier.moc"
