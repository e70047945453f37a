// The NLU commands: `nlu train` (a company's intent model, stored versioned),
// `nlu eval` and `sentiment eval` (quality and speed on labelled CSV files, a
// contract that benchmarks and other tools read; see docs/nlu.md).
#include "app/CliSupport.h"

#include "core/nlu/ClassificationReport.h"
#include "core/nlu/IntentClassifier.h"
#include "core/nlu/IntentModels.h"
#include "core/nlu/Intents.h"
#include "core/nlu/LabelledCsv.h"
#include "core/nlu/SentimentAnalyzer.h"
#include "core/runtime/Runtime.h"

#include <QDateTime>
#include <QElapsedTimer>
#include <QEventLoop>
#include <QFileInfo>
#include <QFutureWatcher>
#include <QJsonDocument>
#include <QSaveFile>
#include <QTextStream>
#include <QtConcurrent/QtConcurrentRun>

#include <algorithm>
#include <cmath>
#include <optional>
#include <sys/resource.h>

namespace tierdesk::cli {
namespace {

long peakRssKb()
{
    rusage usage{};
    ::getrusage(RUSAGE_SELF, &usage);
    return usage.ru_maxrss; // kilobytes on Linux
}

// Per-text latencies in nanoseconds -> the q-quantile in microseconds.
double quantileUs(std::vector<qint64> ns, double q)
{
    if (ns.empty())
        return 0;
    std::sort(ns.begin(), ns.end());
    const size_t i = std::min(ns.size() - 1, size_t(std::ceil(q * double(ns.size()))) - (q > 0 ? 1 : 0));
    return qRound(double(ns[i]) / 100.0) / 10.0;
}

QString csvField(const QString &s)
{
    if (!s.contains(QLatin1Char(',')) && !s.contains(QLatin1Char('"')) && !s.contains(QLatin1Char('\n'))
        && !s.contains(QLatin1Char('\r')))
        return s;
    return QLatin1Char('"') + QString(s).replace(QLatin1Char('"'), QStringLiteral("\"\"")) + QLatin1Char('"');
}

// Writes the predictions CSV; false (with *error) if the file cannot be written.
bool writePredictions(const QString &path, const QString &header, const QStringList &lines, QString *error)
{
    QSaveFile file(path);
    if (!file.open(QIODevice::WriteOnly)) {
        *error = path + QStringLiteral(": cannot write: ") + file.errorString();
        return false;
    }
    file.write(header.toUtf8() + '\n');
    for (const QString &line : lines)
        file.write(line.toUtf8() + '\n');
    if (!file.commit()) {
        *error = path + QStringLiteral(": cannot write: ") + file.errorString();
        return false;
    }
    return true;
}

struct EvalSummary {
    nlu::ClassificationReport report;
    std::vector<qint64> latencyNs;
    qint64 trainMs = 0;
    QJsonObject extra;
};

int printSummary(const Args &args, const EvalSummary &s)
{
    QTextStream out(stdout);
    QJsonObject json{{QStringLiteral("accuracy"), qRound(s.report.accuracy() * 10000) / 10000.0},
        {QStringLiteral("macro_f1"), qRound(s.report.macroF1() * 10000) / 10000.0},
        {QStringLiteral("n"), s.report.count()}, {QStringLiteral("train_ms"), s.trainMs},
        {QStringLiteral("p50_us"), quantileUs(s.latencyNs, 0.5)},
        {QStringLiteral("p99_us"), quantileUs(s.latencyNs, 0.99)}, {QStringLiteral("peak_rss_kb"), qint64(peakRssKb())},
        {QStringLiteral("labels"), s.report.perLabel()}};
    for (auto it = s.extra.constBegin(); it != s.extra.constEnd(); ++it)
        json.insert(it.key(), it.value());
    if (args.flags.contains(QStringLiteral("json"))) {
        out << QJsonDocument(json).toJson(QJsonDocument::Compact) << Qt::endl;
        return 0;
    }
    out << QStringLiteral("n %1  accuracy %2  macro F1 %3  train %4 ms  p50 %5 us  p99 %6 us  peak RSS %7 kB")
               .arg(s.report.count())
               .arg(s.report.accuracy(), 0, 'f', 4)
               .arg(s.report.macroF1(), 0, 'f', 4)
               .arg(s.trainMs)
               .arg(json.value(QLatin1String("p50_us")).toDouble())
               .arg(json.value(QLatin1String("p99_us")).toDouble())
               .arg(json.value(QLatin1String("peak_rss_kb")).toInteger())
        << Qt::endl;
    const QJsonObject labels = s.report.perLabel();
    for (auto it = labels.constBegin(); it != labels.constEnd(); ++it) {
        const QJsonObject l = it.value().toObject();
        out << QStringLiteral("  %1  precision %2  recall %3  f1 %4  support %5")
                   .arg(it.key(), -22)
                   .arg(l.value(QLatin1String("precision")).toDouble(), 0, 'f', 3)
                   .arg(l.value(QLatin1String("recall")).toDouble(), 0, 'f', 3)
                   .arg(l.value(QLatin1String("f1")).toDouble(), 0, 'f', 3)
                   .arg(l.value(QLatin1String("support")).toInt())
            << Qt::endl;
    }
    return 0;
}

QList<nlu::IntentExample> toExamples(const QList<nlu::LabelledText> &rows)
{
    QList<nlu::IntentExample> out;
    out.reserve(rows.size());
    for (const nlu::LabelledText &r : rows)
        out.append({r.text, r.label});
    return out;
}

} // namespace

int runNluEval(const Args &args)
{
    const auto train = nlu::readLabelledCsv(args.options.value(QStringLiteral("train")));
    if (!train)
        return fail(2, train.error().message);
    const auto test = nlu::readLabelledCsv(args.options.value(QStringLiteral("test")));
    if (!test)
        return fail(2, test.error().message);

    EvalSummary s;
    QElapsedTimer timer;
    timer.start();
    nlu::IntentClassifier classifier;
    classifier.train(toExamples(*train));
    s.trainMs = timer.elapsed();

    // Out-of-scope answers count only when the test set has out-of-scope rows: without
    // them the figures measure the classifier alone, as its peers are measured.
    const QString outOfScope = QLatin1String(nlu::intent::OutOfScope);
    const bool detect = std::any_of(test->cbegin(), test->cend(), [&](const auto &r) { return r.label == outOfScope; });
    QStringList lines;
    for (const nlu::LabelledText &row : *test) {
        timer.restart();
        const nlu::IntentPrediction p = classifier.predict(row.text);
        s.latencyNs.push_back(timer.nsecsElapsed());
        const QString predicted = p.ranked.isEmpty() || (detect && p.outOfScope) ? outOfScope : p.ranked.first().first;
        s.report.add(row.label, predicted);
        lines << QStringList{csvField(row.text), csvField(row.label), csvField(predicted),
            QString::number(p.confidence, 'f', 4)}
                     .join(QLatin1Char(','));
    }
    s.extra.insert(QStringLiteral("features"), classifier.vocabularySize());
    s.extra.insert(QStringLiteral("model_kb"), qint64(classifier.memoryBytes() / 1024));
    s.extra.insert(QStringLiteral("temperature"), qRound(classifier.temperature() * 10000) / 10000.0);
    if (args.options.contains(QStringLiteral("predictions"))) {
        QString error;
        if (!writePredictions(args.options.value(QStringLiteral("predictions")),
                QStringLiteral("text,label,predicted,confidence"), lines, &error))
            return fail(1, error);
    }
    return printSummary(args, s);
}

namespace {

// A gold sentiment label as a polarity -1 / 0 / 1: a whole number -4..4 (its sign;
// -1/0/1 included) or a level name of seed 001 (HAPPY and SATISFIED positive, NEUTRAL
// neutral, FRUSTRATED, ANGRY and IRATE negative), in any case. Empty if neither.
std::optional<int> polarityOfLabel(const QString &label)
{
    bool isNumber = false;
    const int n = label.toInt(&isNumber);
    if (isNumber)
        return n >= -4 && n <= 4 ? std::optional<int>((n > 0) - (n < 0)) : std::nullopt;
    const QString level = label.toUpper();
    for (const Sentiment s : {Sentiment::Happy, Sentiment::Satisfied, Sentiment::Neutral, Sentiment::Frustrated,
             Sentiment::Angry, Sentiment::Irate})
        if (toString(s) == level)
            return isNegative(s) ? -1 : s == Sentiment::Neutral ? 0 : 1;
    return std::nullopt;
}

int polarityOfLevel(Sentiment s)
{
    return isNegative(s) ? -1 : s == Sentiment::Neutral ? 0 : 1;
}

QString polarityName(int p)
{
    return p < 0 ? QStringLiteral("negative") : p > 0 ? QStringLiteral("positive") : QStringLiteral("neutral");
}

} // namespace

int runSentimentEval(const Args &args)
{
    const QString path = args.options.value(QStringLiteral("test"));
    const auto test = nlu::readLabelledCsv(path);
    if (!test)
        return fail(2, test.error().message);
    std::vector<int> gold;
    for (qsizetype i = 0; i < test->size(); ++i) {
        const auto p = polarityOfLabel(test->at(i).label);
        if (!p)
            return fail(2,
                QStringLiteral("%1: row %2: label '%3' is not a number from -4 to 4 or a sentiment level")
                    .arg(path)
                    .arg(i + 2)
                    .arg(test->at(i).label));
        gold.push_back(*p);
    }

    EvalSummary s;
    QElapsedTimer timer;
    timer.start();
    const nlu::SentimentAnalyzer analyzer;
    s.trainMs = timer.elapsed(); // loading the lexicon
    if (!analyzer.isValid())
        return fail(1, analyzer.errorString());
    int polar = 0, signCorrect = 0;
    QStringList lines;
    for (qsizetype i = 0; i < test->size(); ++i) {
        const nlu::LabelledText &row = test->at(i);
        timer.restart();
        const nlu::SentimentResult r = analyzer.analyze(row.text);
        s.latencyNs.push_back(timer.nsecsElapsed());
        const double score = 2 * r.score - 1; // -1..1
        s.report.add(polarityName(gold[size_t(i)]), polarityName(polarityOfLevel(r.level)));
        if (gold[size_t(i)] != 0) {
            ++polar;
            signCorrect += (score > 0 ? 1 : score < 0 ? -1 : 0) == gold[size_t(i)] ? 1 : 0;
        }
        lines << QStringList{csvField(row.text), csvField(row.label), toString(r.level),
            QString::number(std::abs(score), 'f', 4), QString::number(score, 'f', 4)}
                     .join(QLatin1Char(','));
    }
    // The sign of the score alone, on the rows labelled positive or negative: how
    // binary sentiment benchmarks score their tools.
    s.extra.insert(QStringLiteral("sign_accuracy"), polar ? qRound(10000.0 * signCorrect / polar) / 10000.0 : 0.0);
    if (args.options.contains(QStringLiteral("predictions"))) {
        QString error;
        if (!writePredictions(args.options.value(QStringLiteral("predictions")),
                QStringLiteral("text,label,predicted,confidence,score"), lines, &error))
            return fail(1, error);
    }
    return printSummary(args, s);
}

int runNluTrain(const Args &args)
{
    const bool fromFile = args.options.contains(QStringLiteral("data"));
    QList<nlu::IntentExample> examples;
    if (fromFile) {
        const auto rows = nlu::readLabelledCsv(args.options.value(QStringLiteral("data")));
        if (!rows)
            return fail(2, rows.error().message);
        examples = toExamples(*rows);
    } else {
        examples = nlu::IntentClassifier::builtInExamples();
    }

    auto rt = api::Runtime::open(dataDir(args), SystemClock::instance(), databaseUrl(args));
    if (!rt)
        return fail(1, rt.error().message);
    const QString company = args.options.value(QStringLiteral("company"), nlu::IntentModels::installationKey());
    if (args.options.contains(QStringLiteral("company")) && !rt.value()->engine().company(company))
        return fail(1, QStringLiteral("no company with id ") + company);

    // Training takes seconds: it runs on the thread pool, never on the engine's thread.
    QElapsedTimer timer;
    timer.start();
    QFutureWatcher<nlu::IntentClassifier> watcher;
    QEventLoop loop;
    QObject::connect(&watcher, &QFutureWatcher<nlu::IntentClassifier>::finished, &loop, &QEventLoop::quit);
    watcher.setFuture(QtConcurrent::run([examples] {
        nlu::IntentClassifier c;
        c.train(examples);
        return c;
    }));
    if (!watcher.isFinished())
        loop.exec();
    const nlu::IntentClassifier model = watcher.result();
    const qint64 trainMs = timer.elapsed();
    if (!model.isTrained())
        return fail(2, QStringLiteral("no examples to train on"));

    StoredNluModel stored;
    stored.companyId = company;
    stored.model = model.serialize();
    stored.examples = int(examples.size());
    stored.intents = model.intents();
    stored.source
        = fromFile ? QFileInfo(args.options.value(QStringLiteral("data"))).fileName() : QStringLiteral("default");
    stored.createdAt = QDateTime::currentMSecsSinceEpoch();
    const auto version = rt.value()->saveIntentModel(stored);
    if (!version)
        return fail(1, version.error().message);
    const QJsonObject result{{QStringLiteral("companyId"), company}, {QStringLiteral("version"), *version},
        {QStringLiteral("examples"), stored.examples}, {QStringLiteral("intents"), int(stored.intents.size())},
        {QStringLiteral("features"), model.vocabularySize()}, {QStringLiteral("bytes"), int(stored.model.size())},
        {QStringLiteral("trainMs"), trainMs}};
    QTextStream(stdout) << QJsonDocument(result).toJson(QJsonDocument::Compact) << Qt::endl;
    return 0;
}

} // namespace tierdesk::cli
