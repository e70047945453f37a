// Team mode from the command line: --database on a real PostgreSQL server the test starts
// itself (db migrate, db check, db backup, serve), and what a wrong URL gets.
#include "core/store/Schema.h"
#include "tests/api/ApiTestSupport.h"
#include "tests/support/PgServer.h"
#include "tests/support/TestPaths.h"

#include <QDir>
#include <QFile>
#include <QJsonObject>
#include <QProcess>
#include <QTemporaryDir>
#include <QTest>

using namespace tierdesk;
using namespace tierdesk::test;

class TestCliPostgres : public QObject {
    Q_OBJECT

private slots:
    void initTestCase();
    void migrateIsOnceAndSaysTheVersion();
    void checkAndBackup();
    void serveKeepsTheStoreInPostgres();
    void badUrlsAreRefusedWithoutThePassword();
    void secondInstanceNeedsTheSameKeys();
    void passwordFromTheSecretStore();
    void threeInstancesMigrateOnce();

private:
    QStringList in(const QTemporaryDir &dir, const QString &url, const QStringList &args) const
    {
        return QStringList{QStringLiteral("--data-dir"), dir.path(), QStringLiteral("--database"), url} + args;
    }
    // "schema version N" of the newest PostgreSQL migration.
    static QByteArray versionLine()
    {
        return "schema version " + QByteArray::number(schema::postgresMigrations().last().version);
    }
    // The versions a migrated database lists in schema_version: "18,19,…".
    static QString appliedVersions()
    {
        QStringList versions;
        for (const schema::Migration &m : schema::postgresMigrations())
            versions << QString::number(m.version);
        return versions.join(QLatin1Char(','));
    }
    PgServer *m_pg = nullptr;
};

void TestCliPostgres::initTestCase()
{
    m_pg = &PgServer::shared();
}

void TestCliPostgres::migrateIsOnceAndSaysTheVersion()
{
    QTemporaryDir dir;
    const QString url = m_pg->createDatabase();
    QVERIFY(!url.isEmpty());
    CliResult r = runTierdesk(in(dir, url, {QStringLiteral("db"), QStringLiteral("migrate")}));
    QVERIFY2(r.exitCode == 0, r.err.constData());
    QVERIFY2(r.out.contains(QByteArray(versionLine() + " (postgresql, postgresql://tierdesk@127.0.0.1:")),
        r.out.constData());
    QVERIFY2(
        !r.out.contains(m_pg->password().toUtf8()) && !r.err.contains(m_pg->password().toUtf8()), "password shown");
    r = runTierdesk(in(dir, url, {QStringLiteral("db"), QStringLiteral("migrate")}));
    QVERIFY2(r.exitCode == 0, r.err.constData());
    QString versions;
    QVERIFY(m_pg->psql(url.section(QLatin1Char('/'), -1),
        QStringLiteral("SELECT string_agg(version::text, ',' ORDER BY version) FROM schema_version"), &versions));
    QCOMPARE(versions, appliedVersions());
    // The store is in PostgreSQL: no SQLite file in the data directory.
    QVERIFY(!QFile::exists(dir.filePath(QStringLiteral("tierdesk.db"))));
}

void TestCliPostgres::checkAndBackup()
{
    QTemporaryDir dir;
    const QString url = m_pg->createDatabase();
    QCOMPARE(runTierdesk(in(dir, url, {QStringLiteral("demo"), QStringLiteral("seed")})).exitCode, 0);
    CliResult r = runTierdesk(in(dir, url, {QStringLiteral("db"), QStringLiteral("check")}));
    QVERIFY2(r.exitCode == 0, r.err.constData());
    QCOMPARE(r.out.trimmed(), QByteArray("ok"));
    const QString dump = dir.filePath(QStringLiteral("backup.dump"));
    r = runTierdesk(in(dir, url, {QStringLiteral("db"), QStringLiteral("backup"), dump}), 60000);
    QVERIFY2(r.exitCode == 0, r.err.constData());
    QFile file(dump);
    QVERIFY(file.open(QIODevice::ReadOnly));
    QCOMPARE(file.read(5), QByteArray("PGDMP")); // pg_dump's custom format
    QCOMPARE(file.permissions() & (QFile::ReadGroup | QFile::ReadOther), QFile::Permissions());
    // A second backup to the same file is refused, and the first is left as it was.
    r = runTierdesk(in(dir, url, {QStringLiteral("db"), QStringLiteral("backup"), dump}));
    QCOMPARE(r.exitCode, 1);
    QVERIFY(r.err.contains("already exists"));
}

void TestCliPostgres::serveKeepsTheStoreInPostgres()
{
    QTemporaryDir dir;
    const QString url = m_pg->createDatabase();
    qputenv("TIERDESK_INSTANCE", "test-instance-a");
    ServeProcess serve;
    QString error;
    QVERIFY2(serve.start(dir.path(), {QStringLiteral("--demo"), QStringLiteral("--database"), url}, &error),
        qPrintable(error));
    qunsetenv("TIERDESK_INSTANCE");
    HttpClient http(serve.port(), serve.adminToken());
    HttpResult r = http.get(QStringLiteral("/api/cs/health"));
    QCOMPARE(r.status, 200);
    QCOMPARE(r.json().value(QLatin1String("backend")).toString(), QStringLiteral("postgresql"));
    QCOMPARE(r.json().value(QLatin1String("instance")).toString(), QStringLiteral("test-instance-a"));
    r = http.post(QStringLiteral("/api/cs/sessions"),
        sessionBody(serve.companyId(), QStringLiteral("cust_ben"), QStringLiteral("Where is my order?")));
    QVERIFY2(r.status == 201, describe(r));
    const QString id = r.json().value(QLatin1String("id")).toString();
    QVERIFY(serve.terminate());
    QString count;
    QVERIFY(m_pg->psql(url.section(QLatin1Char('/'), -1),
        QStringLiteral("SELECT count(*) FROM messages WHERE session_id = '%1'").arg(id), &count));
    QVERIFY2(count.toInt() >= 2, qPrintable(count)); // the customer's message and the reply
    QVERIFY(!QFile::exists(dir.filePath(QStringLiteral("tierdesk.db"))));
}

void TestCliPostgres::badUrlsAreRefusedWithoutThePassword()
{
    QTemporaryDir dir;
    CliResult r
        = runTierdesk(in(dir, QStringLiteral("mysql://u@h/db"), {QStringLiteral("db"), QStringLiteral("migrate")}));
    QCOMPARE(r.exitCode, 2);
    QVERIFY2(r.err.contains("--database: invalid database URL"), r.err.constData());
    r = runTierdesk(in(dir, QStringLiteral("postgresql://u:sekrit99@127.0.0.1/db?nosuch=1"),
        {QStringLiteral("db"), QStringLiteral("check")}));
    QCOMPARE(r.exitCode, 2);
    QVERIFY2(r.err.contains("unknown option nosuch"), r.err.constData());
    // Nothing listens on port 1: a clear error, exit 1, and the password never shown.
    r = runTierdesk(in(dir, QStringLiteral("postgresql://u:sekrit99@127.0.0.1:1/db?connect_timeout=2"),
        {QStringLiteral("db"), QStringLiteral("migrate")}));
    QCOMPARE(r.exitCode, 1);
    QVERIFY2(r.err.contains("cannot connect to postgresql://u@127.0.0.1:1/db"), r.err.constData());
    QVERIFY(!r.err.contains("sekrit99") && !r.out.contains("sekrit99"));
}

// Two instances on one database, each with a data directory (and secret store) of its own:
// the second refuses to start until it holds the first one's keys, then takes its tokens.
void TestCliPostgres::secondInstanceNeedsTheSameKeys()
{
    QTemporaryDir dirA, dirB;
    const QString url = m_pg->createDatabase();
    ServeProcess a;
    QString error;
    QVERIFY2(
        a.start(dirA.path(), {QStringLiteral("--demo"), QStringLiteral("--database"), url}, &error), qPrintable(error));
    CliResult r = runTierdesk(in(dirB, url, {QStringLiteral("db"), QStringLiteral("migrate")}));
    QCOMPARE(r.exitCode, 1);
    QVERIFY2(r.err.contains("are not the ones") && r.err.contains("tierdesk secrets import"), r.err.constData());

    const CliResult exported
        = runTierdesk({QStringLiteral("--data-dir"), dirA.path(), QStringLiteral("secrets"), QStringLiteral("export")});
    QVERIFY2(exported.exitCode == 0, exported.err.constData());
    QVERIFY(exported.out.contains("\"format\":\"tierdesk-keys-1\""));
    // A document cut short is refused and changes nothing.
    r = runTierdeskWithInput(
        {QStringLiteral("--data-dir"), dirB.path(), QStringLiteral("secrets"), QStringLiteral("import")},
        exported.out.left(exported.out.size() / 2));
    QCOMPARE(r.exitCode, 2);
    r = runTierdeskWithInput(
        {QStringLiteral("--data-dir"), dirB.path(), QStringLiteral("secrets"), QStringLiteral("import")}, exported.out);
    QVERIFY2(r.exitCode == 0, r.err.constData());
    QVERIFY(r.out.contains("keys imported (fingerprint "));

    ServeProcess b;
    QVERIFY2(b.start(dirB.path(), {QStringLiteral("--database"), url}, &error), qPrintable(error));
    HttpClient http(b.port(), a.adminToken()); // signed by instance A
    const QString list = QStringLiteral("/api/cs/sessions?companyId=") + a.companyId();
    QCOMPARE(http.get(list).status, 200);
    // A session started on A is read on B.
    HttpClient onA(a.port(), a.adminToken());
    HttpResult made = onA.post(QStringLiteral("/api/cs/sessions"),
        sessionBody(a.companyId(), QStringLiteral("cust_ben"), QStringLiteral("Hello")));
    QVERIFY2(made.status == 201, describe(made));
    QCOMPARE(
        http.get(QStringLiteral("/api/cs/sessions/") + made.json().value(QLatin1String("id")).toString()).status, 200);
}

// A URL without its password: the data directory's secret store has it (`db password`).
void TestCliPostgres::passwordFromTheSecretStore()
{
    QTemporaryDir dir;
    const QString url = m_pg->createDatabase();
    const QString bare
        = QString(url).replace(QLatin1Char(':') + m_pg->password() + QLatin1Char('@'), QStringLiteral("@"));
    QVERIFY(!bare.contains(m_pg->password()));
    CliResult r = runTierdesk(in(dir, bare, {QStringLiteral("db"), QStringLiteral("migrate")}));
    QCOMPARE(r.exitCode, 1); // no password anywhere: the server refuses
    QVERIFY2(r.err.contains("cannot connect"), r.err.constData());
    r = runTierdesk({QStringLiteral("--data-dir"), dir.path(), QStringLiteral("db"), QStringLiteral("password")});
    QCOMPARE(r.exitCode, 2); // --password-stdin is required
    r = runTierdeskWithInput({QStringLiteral("--data-dir"), dir.path(), QStringLiteral("db"),
                                 QStringLiteral("password"), QStringLiteral("--password-stdin")},
        m_pg->password().toUtf8() + "\n");
    QVERIFY2(r.exitCode == 0, r.err.constData());
    QVERIFY(!r.out.contains(m_pg->password().toUtf8()));
    r = runTierdesk(in(dir, bare, {QStringLiteral("db"), QStringLiteral("migrate")}));
    QVERIFY2(r.exitCode == 0, r.err.constData());
    QVERIFY(r.out.contains(QByteArray(versionLine() + " (postgresql")));
}

// Three instances (data directories holding the same keys) start on a new database at once:
// one migrates, the others wait for its lock and find the schema done; all three go on.
void TestCliPostgres::threeInstancesMigrateOnce()
{
    QTemporaryDir source;
    QCOMPARE(runTierdesk({QStringLiteral("--data-dir"), source.path(), QStringLiteral("demo"), QStringLiteral("seed")})
                 .exitCode,
        0);
    const CliResult keys = runTierdesk(
        {QStringLiteral("--data-dir"), source.path(), QStringLiteral("secrets"), QStringLiteral("export")});
    QVERIFY2(keys.exitCode == 0, keys.err.constData());
    const QString url = m_pg->createDatabase();
    QTemporaryDir dirs[3];
    for (QTemporaryDir &dir : dirs)
        QCOMPARE(runTierdeskWithInput(
                     {QStringLiteral("--data-dir"), dir.path(), QStringLiteral("secrets"), QStringLiteral("import")},
                     keys.out)
                     .exitCode,
            0);
    QProcess instances[3];
    for (int i = 0; i < 3; ++i)
        instances[i].start(tierdeskExecutable(), in(dirs[i], url, {QStringLiteral("db"), QStringLiteral("migrate")}));
    for (QProcess &p : instances) {
        QVERIFY(p.waitForFinished(60000));
        QVERIFY2(p.exitStatus() == QProcess::NormalExit && p.exitCode() == 0, p.readAllStandardError().constData());
        QVERIFY(p.readAllStandardOutput().contains(QByteArray(versionLine() + " (postgresql")));
    }
    QString versions;
    QVERIFY(m_pg->psql(url.section(QLatin1Char('/'), -1),
        QStringLiteral("SELECT string_agg(version::text, ',' ORDER BY version) FROM schema_version"), &versions));
    QCOMPARE(versions, appliedVersions());
}

QTEST_GUILESS_MAIN(TestCliPostgres)
#include "tst_cli_postgres.moc"
