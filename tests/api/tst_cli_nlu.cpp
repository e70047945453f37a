// The NLU commands of the command line: `nlu eval` and `sentiment eval` (a contract
// that benchmarks read: JSON fields, predictions CSV, exit 2 on bad input) and
// `nlu train` (a model stored versioned per company).
#include "tests/api/ApiTestSupport.h"
#include "tests/support/TestPaths.h"

#include "core/nlu/IntentClassifier.h"
#include "core/nlu/LabelledCsv.h"
#include "core/nlu/TrainingData.h"

#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QSqlDatabase>
#include <QSqlQuery>
#include <QTemporaryDir>
#include <QTest>

using namespace tierdesk;
using namespace tierdesk::test;

class TestCliNlu : public QObject {
    Q_OBJECT

private slots:
    void initTestCase();
    void nluEvalJson();
    void nluEvalPredictionsAndText();
    void nluEvalCountsOutOfScopeWhenLabelled();
    void sentimentEval();
    void badInput_data();
    void badInput();
    void nluTrainStoresVersions();
    void nluTrainErrors();

private:
    QString write(const QString &name, const QByteArray &content)
    {
        const QString path = m_dir.filePath(name);
        QFile f(path);
        if (f.open(QIODevice::WriteOnly))
            f.write(content);
        return path;
    }
    QStringList in(const QStringList &args) const
    {
        return QStringList{QStringLiteral("--data-dir"), m_dir.filePath(QStringLiteral("data"))} + args;
    }
    QTemporaryDir m_dir;
    QString m_train;
    QString m_test;
    int m_testRows = 0;
};

namespace {

QByteArray csvField(const QString &s)
{
    return '"' + QString(s).replace(QLatin1Char('"'), QStringLiteral("\"\"")).toUtf8() + '"';
}

QJsonObject parseJson(const QByteArray &out)
{
    QJsonParseError error{};
    const QJsonDocument doc = QJsonDocument::fromJson(out, &error);
    return error.error == QJsonParseError::NoError ? doc.object() : QJsonObject();
}

} // namespace

void TestCliNlu::initTestCase()
{
    QVERIFY(m_dir.isValid());
    // The default intents, split by the hash of the text, as two CSV files.
    QByteArray train = "text,label\n", test = "label,text\n"; // column order is free
    for (const nlu::IntentExample &e : nlu::IntentClassifier::builtInExamples()) {
        if (nlu::isHeldOut(e.text)) {
            test += e.intent.toUtf8() + ',' + csvField(e.text) + '\n';
            ++m_testRows;
        } else {
            train += csvField(e.text) + ',' + e.intent.toUtf8() + '\n';
        }
    }
    m_train = write(QStringLiteral("train.csv"), train);
    m_test = write(QStringLiteral("test.csv"), test);
}

void TestCliNlu::nluEvalJson()
{
    const CliResult r = runTierdesk({QStringLiteral("nlu"), QStringLiteral("eval"), QStringLiteral("--train"), m_train,
                                        QStringLiteral("--test"), m_test, QStringLiteral("--json")},
        60000);
    QVERIFY2(r.exitCode == 0, r.err.constData());
    QCOMPARE(r.out.trimmed().count('\n'), 0); // one object, one line
    const QJsonObject json = parseJson(r.out);
    for (const char *key : {"accuracy", "macro_f1", "n", "train_ms", "p50_us", "p99_us", "peak_rss_kb", "labels"})
        QVERIFY2(json.contains(QLatin1String(key)), key);
    QCOMPARE(json.value(QLatin1String("n")).toInt(), m_testRows);
    const double accuracy = json.value(QLatin1String("accuracy")).toDouble();
    QVERIFY2(accuracy >= 0.96, qPrintable(QString::number(accuracy))); // measured 0.978
    QVERIFY(json.value(QLatin1String("macro_f1")).toDouble() > 0.85);
    QVERIFY(json.value(QLatin1String("p50_us")).toDouble() > 0);
    QVERIFY(json.value(QLatin1String("p99_us")).toDouble() >= json.value(QLatin1String("p50_us")).toDouble());
    QVERIFY(json.value(QLatin1String("peak_rss_kb")).toInt() > 1000);
    const QJsonObject labels = json.value(QLatin1String("labels")).toObject();
    QCOMPARE(labels.size(), 24);
    int support = 0;
    for (const QJsonValue &v : labels) {
        const QJsonObject l = v.toObject();
        for (const char *key : {"precision", "recall", "f1", "support"})
            QVERIFY2(l.contains(QLatin1String(key)), key);
        support += l.value(QLatin1String("support")).toInt();
    }
    QCOMPARE(support, m_testRows);
}

void TestCliNlu::nluEvalPredictionsAndText()
{
    const QString predictions = m_dir.filePath(QStringLiteral("predictions.csv"));
    const CliResult r = runTierdesk({QStringLiteral("nlu"), QStringLiteral("eval"), QStringLiteral("--train"), m_train,
                                        QStringLiteral("--test"), m_test, QStringLiteral("--predictions"), predictions},
        60000);
    QVERIFY2(r.exitCode == 0, r.err.constData());
    QVERIFY(r.out.contains("accuracy"));
    QVERIFY(r.out.contains("order_status"));
    QFile f(predictions);
    QVERIFY(f.open(QIODevice::ReadOnly));
    const QList<QStringList> rows = nlu::parseCsv(QString::fromUtf8(f.readAll()));
    QCOMPARE(rows.first(),
        (QStringList{QStringLiteral("text"), QStringLiteral("label"), QStringLiteral("predicted"),
            QStringLiteral("confidence")}));
    QCOMPARE(rows.size(), m_testRows + 1);
    int agree = 0;
    for (qsizetype i = 1; i < rows.size(); ++i) {
        const double confidence = rows.at(i).at(3).toDouble();
        QVERIFY(confidence >= 0 && confidence <= 1);
        agree += rows.at(i).at(1) == rows.at(i).at(2) ? 1 : 0;
    }
    QVERIFY(agree > m_testRows * 0.95);
}

// With out-of-scope rows in the test file, out-of-scope answers are scored too.
void TestCliNlu::nluEvalCountsOutOfScopeWhenLabelled()
{
    QByteArray test = "text,label\nwhere is my order,order_status\n";
    QFile oos(sourceDir() + QStringLiteral("/tests/nlu/data/out_of_scope.txt"));
    QVERIFY(oos.open(QIODevice::ReadOnly));
    for (const QByteArray &line : oos.readAll().split('\n'))
        if (!line.trimmed().isEmpty() && !line.startsWith('#'))
            test += csvField(QString::fromUtf8(line.trimmed())) + ",out_of_scope\n";
    const CliResult r
        = runTierdesk({QStringLiteral("nlu"), QStringLiteral("eval"), QStringLiteral("--train"), m_train,
                          QStringLiteral("--test"), write(QStringLiteral("oos.csv"), test), QStringLiteral("--json")},
            60000);
    QVERIFY2(r.exitCode == 0, r.err.constData());
    const QJsonObject outOfScope
        = parseJson(r.out).value(QLatin1String("labels")).toObject().value(QLatin1String("out_of_scope")).toObject();
    QCOMPARE(outOfScope.value(QLatin1String("support")).toInt(), 40);
    QVERIFY2(outOfScope.value(QLatin1String("recall")).toDouble() >= 0.6, r.out.constData()); // measured 0.725
}

void TestCliNlu::sentimentEval()
{
    const QString test = write(QStringLiteral("sentiment.csv"),
        "text,label\n"
        "\"I love it, thank you so much!\",1\n"
        "this is the worst service ever,-1\n"
        "the package arrived today,0\n"
        "absolutely fantastic experience,4\n"
        "you people are useless and I am furious,ANGRY\n"
        "great job,happy\n");
    const QString predictions = m_dir.filePath(QStringLiteral("sentiment-predictions.csv"));
    const CliResult r = runTierdesk({QStringLiteral("sentiment"), QStringLiteral("eval"), QStringLiteral("--test"),
        test, QStringLiteral("--json"), QStringLiteral("--predictions"), predictions});
    QVERIFY2(r.exitCode == 0, r.err.constData());
    const QJsonObject json = parseJson(r.out);
    for (const char *key : {"accuracy", "macro_f1", "n", "train_ms", "p50_us", "p99_us", "peak_rss_kb", "labels"})
        QVERIFY2(json.contains(QLatin1String(key)), key);
    QCOMPARE(json.value(QLatin1String("n")).toInt(), 6);
    const QJsonObject labels = json.value(QLatin1String("labels")).toObject();
    QCOMPARE(labels.value(QLatin1String("positive")).toObject().value(QLatin1String("support")).toInt(), 3);
    QCOMPARE(labels.value(QLatin1String("negative")).toObject().value(QLatin1String("support")).toInt(), 2);
    QCOMPARE(labels.value(QLatin1String("neutral")).toObject().value(QLatin1String("support")).toInt(), 1);
    QVERIFY(json.value(QLatin1String("accuracy")).toDouble() >= 0.5);

    QFile f(predictions);
    QVERIFY(f.open(QIODevice::ReadOnly));
    const QList<QStringList> rows = nlu::parseCsv(QString::fromUtf8(f.readAll()));
    QCOMPARE(rows.first(),
        (QStringList{QStringLiteral("text"), QStringLiteral("label"), QStringLiteral("predicted"),
            QStringLiteral("confidence"), QStringLiteral("score")}));
    QCOMPARE(rows.size(), 7);
    QCOMPARE(rows.at(1).at(0), QStringLiteral("I love it, thank you so much!"));
    const QStringList levels{QStringLiteral("HAPPY"), QStringLiteral("SATISFIED"), QStringLiteral("NEUTRAL"),
        QStringLiteral("FRUSTRATED"), QStringLiteral("ANGRY"), QStringLiteral("IRATE")};
    for (qsizetype i = 1; i < rows.size(); ++i) {
        QVERIFY2(levels.contains(rows.at(i).at(2)), qPrintable(rows.at(i).at(2)));
        const double score = rows.at(i).at(4).toDouble();
        QVERIFY(score >= -1 && score <= 1);
    }
    QVERIFY(rows.at(1).at(4).toDouble() > 0); // "I love it"
    QVERIFY(rows.at(2).at(4).toDouble() < 0); // "the worst service ever"
}

void TestCliNlu::badInput_data()
{
    QTest::addColumn<QStringList>("args");
    QTest::addColumn<QString>("message");
    const QString nlu = QStringLiteral("nlu"), eval = QStringLiteral("eval"), sentiment = QStringLiteral("sentiment");
    const QString train = QStringLiteral("--train"), test = QStringLiteral("--test");
    const QString missing = m_dir.filePath(QStringLiteral("no-such-file.csv"));
    const QString empty = write(QStringLiteral("empty.csv"), "");
    const QString noLabel = write(QStringLiteral("nolabel.csv"), "text,intent\nhello,greeting\n");
    const QString latin1 = write(QStringLiteral("latin1.csv"), "text,label\ncaf\xe9 au lait,1\n");
    const QString headerOnly = write(QStringLiteral("header.csv"), "text,label\n");
    const QString badLabel = write(QStringLiteral("badlabel.csv"), "text,label\ngreat,7\n");
    const QString shortRow = write(QStringLiteral("short.csv"), "text,label\nhello\n");
    QTest::newRow("unreadable") << QStringList{nlu, eval, train, missing, test, m_test}
                                << QStringLiteral("cannot read");
    QTest::newRow("empty") << QStringList{nlu, eval, train, m_train, test, empty} << QStringLiteral("empty file");
    QTest::newRow("no label column") << QStringList{nlu, eval, train, noLabel, test, m_test}
                                     << QStringLiteral("text and label");
    QTest::newRow("not UTF-8") << QStringList{sentiment, eval, test, latin1} << QStringLiteral("not UTF-8");
    QTest::newRow("no rows") << QStringList{sentiment, eval, test, headerOnly} << QStringLiteral("no rows");
    QTest::newRow("short row") << QStringList{nlu, eval, train, shortRow, test, m_test} << QStringLiteral("row 2");
    QTest::newRow("bad sentiment label") << QStringList{sentiment, eval, test, badLabel} << QStringLiteral("'7'");
    QTest::newRow("no --test") << QStringList{nlu, eval, train, m_train} << QStringLiteral("--test");
    QTest::newRow("sentiment without --test") << QStringList{sentiment, eval} << QStringLiteral("--test");
    QTest::newRow("train unreadable") << QStringList{QStringLiteral("nlu"), QStringLiteral("train"),
        QStringLiteral("--data"), missing}
                                      << QStringLiteral("cannot read");
}

void TestCliNlu::badInput()
{
    QFETCH(QStringList, args);
    QFETCH(QString, message);
    const CliResult r = runTierdesk(in(args));
    QCOMPARE(r.exitCode, 2);
    QVERIFY(r.out.isEmpty());
    QVERIFY2(r.err.startsWith("tierdesk: ") && r.err.trimmed().count('\n') == 0, r.err.constData());
    QVERIFY2(QString::fromUtf8(r.err).contains(message), r.err.constData());
}

void TestCliNlu::nluTrainStoresVersions()
{
    const CliResult created = runTierdesk(
        in({QStringLiteral("company"), QStringLiteral("create"), QStringLiteral("--name"), QStringLiteral("Acme")}));
    QVERIFY2(created.exitCode == 0, created.err.constData());
    const QString company = QString::fromUtf8(created.out).trimmed();
    const QString data = write(QStringLiteral("company.csv"),
        "text,label\nwhere is my parcel,track\ntrack my package,track\n"
        "i want my money back,refund\nrefund me please,refund\n");
    const QStringList trainArgs{QStringLiteral("nlu"), QStringLiteral("train"), QStringLiteral("--company"), company,
        QStringLiteral("--data"), data};
    CliResult r = runTierdesk(in(trainArgs));
    QVERIFY2(r.exitCode == 0, r.err.constData());
    QJsonObject json = parseJson(r.out);
    QCOMPARE(json.value(QLatin1String("companyId")).toString(), company);
    QCOMPARE(json.value(QLatin1String("version")).toInt(), 1);
    QCOMPARE(json.value(QLatin1String("examples")).toInt(), 4);
    QCOMPARE(json.value(QLatin1String("intents")).toInt(), 2);
    r = runTierdesk(in(trainArgs));
    QVERIFY2(r.exitCode == 0, r.err.constData());
    QCOMPARE(parseJson(r.out).value(QLatin1String("version")).toInt(), 2);
    // Without --company: the installation's model, from the built-in examples.
    r = runTierdesk(in({QStringLiteral("nlu"), QStringLiteral("train")}), 60000);
    QVERIFY2(r.exitCode == 0, r.err.constData());
    json = parseJson(r.out);
    QCOMPARE(json.value(QLatin1String("companyId")).toString(), QStringLiteral("*"));
    QCOMPARE(json.value(QLatin1String("intents")).toInt(), 24);

    {
        QSqlDatabase db = QSqlDatabase::addDatabase(QStringLiteral("QSQLITE"), QStringLiteral("nlu-check"));
        db.setDatabaseName(m_dir.filePath(QStringLiteral("data/tierdesk.db")));
        QVERIFY(db.open());
        QSqlQuery q(db);
        QVERIFY(q.exec(QStringLiteral("SELECT company_id, version, examples, source, length(model) FROM nlu_models"
                                      " ORDER BY company_id, version")));
        QStringList rows;
        while (q.next()) {
            rows << QStringLiteral("%1/%2/%3/%4")
                        .arg(q.value(0).toString())
                        .arg(q.value(1).toInt())
                        .arg(q.value(2).toInt())
                        .arg(q.value(3).toString());
            QVERIFY(q.value(4).toInt() > 100);
        }
        QCOMPARE(rows,
            (QStringList{QStringLiteral("*/1/%1/default").arg(json.value(QLatin1String("examples")).toInt()),
                company + QStringLiteral("/1/4/company.csv"), company + QStringLiteral("/2/4/company.csv")}));
    }
    QSqlDatabase::removeDatabase(QStringLiteral("nlu-check"));
}

void TestCliNlu::nluTrainErrors()
{
    const QString data = write(QStringLiteral("tiny.csv"), "text,label\nhello,greeting\n");
    const CliResult r = runTierdesk(in({QStringLiteral("nlu"), QStringLiteral("train"), QStringLiteral("--company"),
        QStringLiteral("no-such-company"), QStringLiteral("--data"), data}));
    QCOMPARE(r.exitCode, 1);
    QVERIFY2(r.err.contains("no company with id no-such-company"), r.err.constData());
    const CliResult bad = runTierdesk(
        in({QStringLiteral("nlu"), QStringLiteral("train"), QStringLiteral("--company"), QStringLiteral("bad id!")}));
    QCOMPARE(bad.exitCode, 2);
}

QTEST_GUILESS_MAIN(TestCliNlu)
#include "tst_cli_nlu.moc"
