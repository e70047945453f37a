// `tierdesk ai provider add | list | test | remove` against a scripted provider on
// loopback: what the provider receives, that the key is sealed (in no file of the
// data directory and on no output), and the errors an admin gets.
#include "tests/api/ApiTestSupport.h"
#include "tests/support/ScriptedModelServer.h"

#include <QDirIterator>
#include <QJsonArray>
#include <QJsonDocument>
#include <QTest>

using namespace tierdesk;
using namespace tierdesk::test;

namespace {
const QByteArray kKey = QByteArrayLiteral("sk-cli-secret-4242424242");
}

class TestCliAi : public QObject {
    Q_OBJECT

private slots:
    void initTestCase();
    void addListTestRemove();
    void refusals();

private:
    QStringList in(const QStringList &args) const
    {
        return QStringList{QStringLiteral("--data-dir"), m_dir.path()} + args;
    }
    QStringList provider(const QString &verb, const QStringList &more) const
    {
        return in(
            QStringList{QStringLiteral("ai"), QStringLiteral("provider"), verb, QStringLiteral("--company"), m_company}
            + more);
    }
    // Whether any file under the data directory holds `bytes`.
    bool anyFileHolds(const QByteArray &bytes) const;

    QTemporaryDir m_dir;
    QString m_company;
};

void TestCliAi::initTestCase()
{
    QVERIFY(m_dir.isValid());
    const CliResult made = runTierdesk(in(
        {QStringLiteral("company"), QStringLiteral("create"), QStringLiteral("--name"), QStringLiteral("Model Co")}));
    QVERIFY2(made.exitCode == 0, made.err.constData());
    m_company = QString::fromUtf8(made.out).trimmed();
}

bool TestCliAi::anyFileHolds(const QByteArray &bytes) const
{
    QDirIterator files(m_dir.path(), QDir::Files | QDir::Hidden, QDirIterator::Subdirectories);
    while (files.hasNext()) {
        QFile f(files.next());
        if (f.open(QIODevice::ReadOnly) && f.readAll().contains(bytes))
            return true;
    }
    return false;
}

void TestCliAi::addListTestRemove()
{
    ScriptedModelServer server(ProviderKind::Anthropic, kKey);
    server.setAnswers({server.reply(QStringLiteral("Hello, this is the model."), 17, 6)});
    const CliResult added = runTierdeskWithInput(
        provider(QStringLiteral("add"),
            {QStringLiteral("--name"), QStringLiteral("claude"), QStringLiteral("--kind"), QStringLiteral("anthropic"),
                QStringLiteral("--base-url"), server.baseUrl().toString(), QStringLiteral("--api-key-stdin"),
                QStringLiteral("--price-input"), QStringLiteral("3"), QStringLiteral("--price-output"),
                QStringLiteral("15")}),
        kKey + "\n");
    QVERIFY2(added.exitCode == 0, added.err.constData());
    const QJsonObject shown = QJsonDocument::fromJson(added.out).object();
    QCOMPARE(shown.value(QLatin1String("name")).toString(), QStringLiteral("claude"));
    QCOMPARE(shown.value(QLatin1String("hasKey")).toBool(), true);
    QCOMPARE(shown.value(QLatin1String("priceOutput")).toDouble(), 15.0);
    QVERIFY(!added.out.contains(kKey));

    const CliResult listed = runTierdesk(provider(QStringLiteral("list"), {QStringLiteral("--json")}));
    QCOMPARE(listed.exitCode, 0);
    const QJsonArray all = QJsonDocument::fromJson(listed.out).array();
    QCOMPARE(all.size(), 1);
    QCOMPARE(all.first().toObject().value(QLatin1String("kind")).toString(), QStringLiteral("anthropic"));
    QVERIFY(!listed.out.contains(kKey));

    const CliResult tested = runTierdesk(provider(QStringLiteral("test"),
        {QStringLiteral("--name"), QStringLiteral("claude"), QStringLiteral("--model"),
            QStringLiteral("claude-haiku")}));
    QVERIFY2(tested.exitCode == 0, tested.err.constData());
    QVERIFY2(tested.out.contains("Hello, this is the model."), tested.out.constData());
    QVERIFY2(tested.out.contains("17 tokens in, 6 out"), tested.out.constData());
    QCOMPARE(server.count(), 1);
    const ReceivedRequest got = server.requests().constFirst();
    QCOMPARE(got.header("x-api-key"), kKey); // opened from the store, in the provider's own header
    QCOMPARE(got.json().value(QLatin1String("model")).toString(), QStringLiteral("claude-haiku"));

    QVERIFY2(!anyFileHolds(kKey), "the key is kept in plain text in the data directory");

    // The provider's refusal is shown, the key never.
    server.setAnswers({server.error(529, QStringLiteral("Overloaded"))});
    const CliResult overloaded = runTierdesk(provider(QStringLiteral("test"),
        {QStringLiteral("--name"), QStringLiteral("claude"), QStringLiteral("--model"),
            QStringLiteral("claude-haiku")}));
    QCOMPARE(overloaded.exitCode, 1);
    QVERIFY2(overloaded.err.contains("HTTP 529: Overloaded"), overloaded.err.constData());

    QCOMPARE(
        runTierdesk(provider(QStringLiteral("remove"), {QStringLiteral("--name"), QStringLiteral("claude")})).exitCode,
        0);
    const CliResult gone
        = runTierdesk(provider(QStringLiteral("remove"), {QStringLiteral("--name"), QStringLiteral("claude")}));
    QCOMPARE(gone.exitCode, 1);
    QVERIFY2(gone.err.contains("no provider named \"claude\""), gone.err.constData());
}

void TestCliAi::refusals()
{
    auto add = [this](const QString &name, const QString &kind, const QString &url) {
        return runTierdesk(provider(QStringLiteral("add"),
            {QStringLiteral("--name"), name, QStringLiteral("--kind"), kind, QStringLiteral("--base-url"), url}));
    };
    CliResult r = add(QStringLiteral("meta"), QStringLiteral("openai"), QStringLiteral("http://169.254.169.254/v1"));
    QCOMPARE(r.exitCode, 2);
    QVERIFY2(r.err.contains("cloud metadata address"), r.err.constData());
    r = add(QStringLiteral("lan"), QStringLiteral("openai"), QStringLiteral("http://10.0.0.7:8000/v1"));
    QCOMPARE(r.exitCode, 2);
    QVERIFY2(r.err.contains("ai/allowPrivateNetworks"), r.err.constData());
    r = add(QStringLiteral("local"), QStringLiteral("ollama"), QStringLiteral("http://127.0.0.1:11434"));
    QCOMPARE(r.exitCode, 2);
    r = add(QStringLiteral("Bad Name"), QStringLiteral("ollama"), QStringLiteral("http://127.0.0.1:11434"));
    QCOMPARE(r.exitCode, 2);
    r = add(QStringLiteral("x"), QStringLiteral("sigv4"), QStringLiteral("http://127.0.0.1:11434"));
    QCOMPARE(r.exitCode, 2);
    QVERIFY2(r.err.contains("openai, anthropic or ollama"), r.err.constData());
    // A key only over https, or to this machine.
    r = runTierdeskWithInput(provider(QStringLiteral("add"),
                                 {QStringLiteral("--name"), QStringLiteral("cloud"), QStringLiteral("--kind"),
                                     QStringLiteral("openai"), QStringLiteral("--base-url"),
                                     QStringLiteral("http://api.example.com/v1"), QStringLiteral("--api-key-stdin")}),
        "sk-1\n");
    QCOMPARE(r.exitCode, 2);
    QVERIFY2(r.err.contains("only over https"), r.err.constData());
    r = runTierdesk(in({QStringLiteral("ai"), QStringLiteral("provider"), QStringLiteral("add"),
        QStringLiteral("--company"), m_company}));
    QCOMPARE(r.exitCode, 2);
    QVERIFY2(r.err.contains("needs --company and --name and --kind and --base-url"), r.err.constData());
    // Same name twice: a fact of the data.
    QCOMPARE(
        add(QStringLiteral("ollama"), QStringLiteral("ollama"), QStringLiteral("http://localhost:11434")).exitCode, 0);
    r = add(QStringLiteral("ollama"), QStringLiteral("ollama"), QStringLiteral("http://localhost:11434"));
    QCOMPARE(r.exitCode, 1);
    QVERIFY2(r.err.contains("exists"), r.err.constData());
}

QTEST_GUILESS_MAIN(TestCliAi)
#include "tst_cli_ai.moc"
