// The command line contract: exit codes, output, and tokens that work against `serve`.
#include "tests/api/ApiTestSupport.h"

#include "tests/support/TestPaths.h"

#include <QFileInfo>
#include <QTest>
#include <QUuid>

using namespace tierdesk;
using namespace tierdesk::test;

class TestCli : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();
    void versionAndHelp();
    void usageErrors_data();
    void usageErrors();
    void demoSeedIsIdempotent();
    void companyCreate();
    void tokenCreateErrors();
    void tokenWorksAgainstServe();

private:
    QStringList in(const QStringList &args) const
    {
        return QStringList{QStringLiteral("--data-dir"), m_dir.path()} + args;
    }
    QTemporaryDir m_dir;
};

void TestCli::initTestCase()
{
    QVERIFY2(QFileInfo(tierdeskExecutable()).isExecutable(), qPrintable(tierdeskExecutable()));
    QVERIFY(m_dir.isValid());
}

void TestCli::versionAndHelp()
{
    CliResult r = runTierdesk({QStringLiteral("--version")});
    QCOMPARE(r.exitCode, 0);
    QVERIFY2(r.out.startsWith("tierdesk " TIERDESK_VERSION), r.out.constData());
    r = runTierdesk({QStringLiteral("--help")});
    QCOMPARE(r.exitCode, 0);
    QVERIFY(r.out.contains("Usage"));
    QVERIFY(r.out.contains("serve"));
    QVERIFY(r.out.contains("token create"));
}

void TestCli::usageErrors_data()
{
    QTest::addColumn<QStringList>("args");
    QTest::newRow("unknown command") << QStringList{QStringLiteral("frobnicate")};
    QTest::newRow("unknown option") << QStringList{QStringLiteral("serve"), QStringLiteral("--colour"), QStringLiteral("red")};
    QTest::newRow("unknown flag") << QStringList{QStringLiteral("demo"), QStringLiteral("seed"), QStringLiteral("--fast")};
    QTest::newRow("missing value") << QStringList{QStringLiteral("company"), QStringLiteral("create"), QStringLiteral("--name")};
    QTest::newRow("empty name") << QStringList{QStringLiteral("company"), QStringLiteral("create"), QStringLiteral("--name"), QString()};
    QTest::newRow("bad port") << QStringList{QStringLiteral("serve"), QStringLiteral("--port"), QStringLiteral("99999")};
}

void TestCli::usageErrors()
{
    QFETCH(QStringList, args);
    const CliResult r = runTierdesk(in(args));
    QCOMPARE(r.crashed, false);
    QCOMPARE(r.exitCode, 2);
    QVERIFY2(r.err.startsWith("tierdesk: "), r.err.constData());
    QVERIFY(!r.out.contains("serving"));
}

void TestCli::demoSeedIsIdempotent()
{
    const CliResult first = runTierdesk(in({QStringLiteral("demo"), QStringLiteral("seed")}));
    QVERIFY2(first.exitCode == 0, first.err.constData());
    const QJsonObject a = QJsonDocument::fromJson(first.out).object();
    QVERIFY2(!a.value(QLatin1String("companyId")).toString().isEmpty(), first.out.constData());
    QVERIFY(a.value(QLatin1String("customerIds")).toArray().contains(QStringLiteral("cust_alice")));
    QVERIFY(!a.value(QLatin1String("orderIds")).toArray().isEmpty());
    const CliResult second = runTierdesk(in({QStringLiteral("demo"), QStringLiteral("seed")}));
    QVERIFY2(second.exitCode == 0, second.err.constData());
    const QJsonObject b = QJsonDocument::fromJson(second.out).object();
    QCOMPARE(b.value(QLatin1String("companyId")), a.value(QLatin1String("companyId")));
    QCOMPARE(b.value(QLatin1String("customerIds")), a.value(QLatin1String("customerIds")));
    QCOMPARE(b.value(QLatin1String("orderIds")), a.value(QLatin1String("orderIds")));
}

void TestCli::companyCreate()
{
    const CliResult r = runTierdesk(in({QStringLiteral("company"), QStringLiteral("create"), QStringLiteral("--name"),
                                        QStringLiteral("Acme Widgets")}));
    QVERIFY2(r.exitCode == 0, r.err.constData());
    const QString id = QString::fromUtf8(r.out).trimmed();
    QVERIFY2(!QUuid::fromString(id).isNull(), qPrintable(id));
    QVERIFY(!id.startsWith(QLatin1Char('{')));
    const CliResult again = runTierdesk(in({QStringLiteral("company"), QStringLiteral("create"), QStringLiteral("--name"),
                                            QStringLiteral("Acme Widgets")}));
    QVERIFY(QString::fromUtf8(again.out).trimmed() != id);
}

void TestCli::tokenCreateErrors()
{
    const CliResult seeded = runTierdesk(in({QStringLiteral("demo"), QStringLiteral("seed")}));
    const QString company = QJsonDocument::fromJson(seeded.out).object().value(QLatin1String("companyId")).toString();
    QVERIFY(!company.isEmpty());
    CliResult r = runTierdesk(in({QStringLiteral("token"), QStringLiteral("create"), QStringLiteral("--company"), company,
                                  QStringLiteral("--role"), QStringLiteral("wizard")}));
    QCOMPARE(r.exitCode, 2);
    QVERIFY(r.out.isEmpty());
    QVERIFY(r.err.startsWith("tierdesk: "));
    r = runTierdesk(in({QStringLiteral("token"), QStringLiteral("create"), QStringLiteral("--role"), QStringLiteral("admin")}));
    QCOMPARE(r.exitCode, 2);
    r = runTierdesk(in({QStringLiteral("token"), QStringLiteral("create"), QStringLiteral("--company"), company,
                        QStringLiteral("--role"), QStringLiteral("admin"), QStringLiteral("--ttl"), QStringLiteral("0")}));
    QCOMPARE(r.exitCode, 2);
    r = runTierdesk(in({QStringLiteral("token"), QStringLiteral("create"), QStringLiteral("--company"),
                        QStringLiteral("00000000-0000-0000-0000-000000000000"), QStringLiteral("--role"), QStringLiteral("admin")}));
    QCOMPARE(r.exitCode, 1);
    QVERIFY(r.out.isEmpty());
    QVERIFY2(r.err.contains("00000000-0000-0000-0000-000000000000"), r.err.constData());
}

void TestCli::tokenWorksAgainstServe()
{
    QTemporaryDir dir;
    QVERIFY(dir.isValid());
    const QStringList base{QStringLiteral("--data-dir"), dir.path()};
    const CliResult created = runTierdesk(base + QStringList{QStringLiteral("company"), QStringLiteral("create"),
                                                             QStringLiteral("--name"), QStringLiteral("Token Test")});
    QVERIFY2(created.exitCode == 0, created.err.constData());
    const QString company = QString::fromUtf8(created.out).trimmed();
    auto token = [&](const QString &role) {
        QStringList command{QStringLiteral("token"), QStringLiteral("create"), QStringLiteral("--company"), company,
                            QStringLiteral("--role"), role};
        if (role == QLatin1String("client"))
            command << QStringLiteral("--customer") << QStringLiteral("c1");
        const CliResult r = runTierdesk(base + command);
        return r.exitCode == 0 ? r.out.trimmed() : QByteArray();
    };
    const QByteArray admin = token(QStringLiteral("admin"));
    const QByteArray client = token(QStringLiteral("client"));
    QVERIFY(!admin.isEmpty() && !client.isEmpty());

    ServeProcess serve;
    QString error;
    QVERIFY2(serve.start(dir.path(), {}, &error), qPrintable(error));
    HttpClient http(serve.port(), admin);
    const QString list = withQuery(QStringLiteral("/api/cs/sessions"), {{QStringLiteral("companyId"), company}});
    HttpResult r = http.get(list);
    QVERIFY2(r.status == 200, describe(r));
    QCOMPARE(r.json().value(QLatin1String("total")).toInt(), 0);
    r = http.post(QStringLiteral("/api/cs/sessions"), sessionBody(company, QStringLiteral("c1")));
    QVERIFY2(r.status == 201, describe(r));
    // The role is carried by the token.
    http.setToken(client);
    QCOMPARE(http.get(list).status, 403);
    QCOMPARE(http.get(QStringLiteral("/api/cs/sessions/") + r.json().value(QLatin1String("id")).toString()).status, 200);
    QVERIFY(serve.terminate());
}

QTEST_GUILESS_MAIN(TestCli)
#include "tst_cli.moc"
