// A company's trained intent model is stored versioned, loaded when the runtime opens,
// and is the model the message analyser uses for that company's messages.
#include "tests/api/ApiTestSupport.h"

#include "core/engine/pipeline/MessageAnalysis.h"
#include "core/nlu/IntentModels.h"
#include "core/nlu/Intents.h"
#include "core/runtime/Runtime.h"

#include <QTemporaryDir>
#include <QTest>

using namespace tierdesk;

class TestCompanyIntentModel : public QObject {
    Q_OBJECT

private slots:
    void repoKeepsVersions();
    void storedModelIsUsedAfterRestart();
    void damagedModelFallsBackToDefault();
};

namespace {

const Actor kTestActor{QStringLiteral("test"), QStringLiteral("admin"), QStringLiteral("local")};

// A model whose answers no default model gives: parcel questions are "where_is_it".
nlu::IntentClassifier unusualModel()
{
    nlu::IntentClassifier c;
    c.train({{QStringLiteral("where is my parcel"), QStringLiteral("where_is_it")},
        {QStringLiteral("where is my order"), QStringLiteral("where_is_it")},
        {QStringLiteral("has my order shipped"), QStringLiteral("where_is_it")},
        {QStringLiteral("i want my money back"), QStringLiteral("money_back")},
        {QStringLiteral("refund my order"), QStringLiteral("money_back")}});
    return c;
}

StoredNluModel stored(const QString &company, const QByteArray &bytes)
{
    StoredNluModel m;
    m.companyId = company;
    m.model = bytes;
    m.examples = 5;
    m.intents = {QStringLiteral("where_is_it"), QStringLiteral("money_back")};
    m.source = QStringLiteral("test");
    m.createdAt = 1000;
    return m;
}

QString createCompany(api::Runtime &rt, const QString &name)
{
    const auto company = rt.engine().createCompany(name, kTestActor);
    rt.store().batch().flush();
    return company ? company->id : QString();
}

} // namespace

void TestCompanyIntentModel::repoKeepsVersions()
{
    QTemporaryDir dir;
    auto rt = api::Runtime::open(dir.path());
    QVERIFY2(rt.ok(), rt.ok() ? "" : qPrintable(rt.error().message));
    Store &store = rt.value()->store();
    const QString a = createCompany(*rt.value(), QStringLiteral("A"));
    const QString b = createCompany(*rt.value(), QStringLiteral("B"));
    QVERIFY(!store.nluModels().latest(a));
    QCOMPARE(store.nluModels().insert(stored(a, "one")).value(), 1);
    QCOMPARE(store.nluModels().insert(stored(a, "two")).value(), 2);
    QCOMPARE(store.nluModels().insert(stored(b, "bee")).value(), 1);
    QVERIFY(store.batch().flush());
    QCOMPARE(store.nluModels().latest(a)->model, QByteArray("two"));
    QCOMPARE(store.nluModels().latest(a)->intents,
        (QStringList{QStringLiteral("where_is_it"), QStringLiteral("money_back")}));
    const auto versions = store.nluModels().versions(a);
    QCOMPARE(versions.size(), 2);
    QCOMPARE(versions.first().version, 2);
    QVERIFY(versions.first().model.isEmpty()); // listed without the bytes
    const auto latest = store.nluModels().latestPerCompany();
    QCOMPARE(latest.size(), 2);
    for (const StoredNluModel &m : latest)
        QCOMPARE(m.model, m.companyId == a ? QByteArray("two") : QByteArray("bee"));
}

void TestCompanyIntentModel::storedModelIsUsedAfterRestart()
{
    QTemporaryDir dir;
    QString trained, other;
    {
        auto rt = api::Runtime::open(dir.path());
        QVERIFY(rt.ok());
        trained = createCompany(*rt.value(), QStringLiteral("Trained"));
        other = createCompany(*rt.value(), QStringLiteral("Other"));
        rt.value()->store().nluModels().insert(stored(trained, unusualModel().serialize()));
        QVERIFY(rt.value()->store().batch().flush());
    }
    auto rt = api::Runtime::open(dir.path());
    QVERIFY(rt.ok());
    QCOMPARE(nlu::IntentModels::shared().versionFor(trained), 1);
    QCOMPARE(nlu::IntentModels::shared().versionFor(other), 0);

    const MessageAnalyzer analyzer;
    const IrateProtocol protocol;
    const QString text = QStringLiteral("where is my parcel?");
    QCOMPARE(analyzer.analyze(text, protocol, trained).intent.intent, QStringLiteral("where_is_it"));
    QCOMPARE(analyzer.analyze(text, protocol, other).intent.intent, QLatin1String(nlu::intent::OrderStatus));
    QCOMPARE(analyzer.analyze(text, protocol).intent.intent, QLatin1String(nlu::intent::OrderStatus));
}

void TestCompanyIntentModel::damagedModelFallsBackToDefault()
{
    QTemporaryDir dir;
    QString company;
    {
        auto rt = api::Runtime::open(dir.path());
        QVERIFY(rt.ok());
        company = createCompany(*rt.value(), QStringLiteral("Damaged"));
        rt.value()->store().nluModels().insert(stored(company, QByteArrayLiteral("not a model")));
        QVERIFY(rt.value()->store().batch().flush());
    }
    QTest::ignoreMessage(QtWarningMsg, QRegularExpression(QStringLiteral("intent model 1 of .* not used")));
    auto rt = api::Runtime::open(dir.path());
    QVERIFY(rt.ok());
    QCOMPARE(nlu::IntentModels::shared().versionFor(company), 0);
    const MessageAnalyzer analyzer;
    QCOMPARE(analyzer.analyze(QStringLiteral("where is my parcel?"), IrateProtocol(), company).intent.intent,
        QLatin1String(nlu::intent::OrderStatus));
}

QTEST_GUILESS_MAIN(TestCompanyIntentModel)
#include "tst_companyintentmodel.moc"
