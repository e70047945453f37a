// The command line contract: exit codes, output, and tokens that work against `serve`.
#include "tests/api/ApiTestSupport.h"
#include "tests/support/FileProbes.h"

#include "tests/support/TestPaths.h"

#include <QCryptographicHash>
#include <QDir>
#include <QFileInfo>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QSqlDatabase>
#include <QSqlQuery>
#include <QTest>
#include <QUuid>

#include <grp.h>
#include <sys/stat.h>
#include <unistd.h>

using namespace tierdesk;
using namespace tierdesk::test;

class TestCli : public QObject {
    Q_OBJECT

private slots:
    void initTestCase();
    void versionAndHelp();
    void usageErrors_data();
    void usageErrors();
    void demoSeedIsIdempotent();
    void companyCreate();
    void kbImport();
    void customersImportAndErase();
    void tokenCreateErrors();
    void clientTokenIsBoundToItsCustomer();
    void tokenWorksAgainstServe();
    void emptyDataDirIsAUsageError();
    void secondInstanceIsRefusedWithTheHoldersPid();
    void damagedDatabaseIsRefusedAtStart();
    void truncatedDatabaseIsRefused();
    void readOnlyDatabaseOrDirectoryIsReportedAtStart();
    void dbCheckAndBackupWhileServing();
    void cleanupTestCase();

private:
    QStringList in(const QStringList &args) const
    {
        return QStringList{QStringLiteral("--data-dir"), m_dir.path()} + args;
    }
    QTemporaryDir m_dir;
    mode_t m_umask = 0;
};

namespace {

QByteArray digest(const QString &path)
{
    QFile f(path);
    return f.open(QIODevice::ReadOnly) ? QCryptographicHash::hash(f.readAll(), QCryptographicHash::Sha256)
                                       : QByteArray();
}

// The unprivileged account tests run the program as when they run as root
// (root may write any file, so "read-only" means nothing to it).
constexpr uid_t kNobody = 65534;

// Runs the built tierdesk as `uid` (when the test runs as root), without the
// test's D-Bus session (another user may not use it).
CliResult runTierdeskAs(uid_t uid, const QStringList &args)
{
    QProcess p;
    QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
    env.remove(QStringLiteral("DBUS_SESSION_BUS_ADDRESS"));
    p.setProcessEnvironment(env);
    if (uid != ::geteuid()) {
        p.setChildProcessModifier([uid] {
            if (::setgroups(0, nullptr) != 0 || ::setgid(uid) != 0 || ::setuid(uid) != 0)
                ::_exit(127);
        });
    }
    return runTierdesk(p, args);
}

bool chownTree(const QString &path, uid_t uid)
{
    if (::chown(QFile::encodeName(path).constData(), uid, uid) != 0)
        return false;
    const QFileInfoList entries = QDir(path).entryInfoList(QDir::AllEntries | QDir::Hidden | QDir::NoDotAndDotDot);
    for (const QFileInfo &e : entries)
        if (e.isDir() ? !chownTree(e.filePath(), uid)
                      : ::chown(QFile::encodeName(e.filePath()).constData(), uid, uid) != 0)
            return false;
    return true;
}

} // namespace

void TestCli::initTestCase()
{
    QVERIFY2(QFileInfo(tierdeskExecutable()).isExecutable(), qPrintable(tierdeskExecutable()));
    QVERIFY(m_dir.isValid());
    // The programs started here inherit the usual desktop umask: files would
    // be 0644 and directories 0755 unless Tierdesk says otherwise.
    m_umask = ::umask(022);
}

void TestCli::cleanupTestCase()
{
    ::umask(m_umask);
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
    QTest::newRow("unknown option") << QStringList{
        QStringLiteral("serve"), QStringLiteral("--colour"), QStringLiteral("red")};
    QTest::newRow("unknown flag") << QStringList{
        QStringLiteral("demo"), QStringLiteral("seed"), QStringLiteral("--fast")};
    QTest::newRow("missing value") << QStringList{
        QStringLiteral("company"), QStringLiteral("create"), QStringLiteral("--name")};
    QTest::newRow("empty name") << QStringList{
        QStringLiteral("company"), QStringLiteral("create"), QStringLiteral("--name"), QString()};
    QTest::newRow("bad port") << QStringList{
        QStringLiteral("serve"), QStringLiteral("--port"), QStringLiteral("99999")};
    const QString company = QStringLiteral("company"), create = QStringLiteral("create"),
                  token = QStringLiteral("token");
    const QString serve = QStringLiteral("serve"), db = QStringLiteral("db");
    const QStringList tokenBase{token, create, QStringLiteral("--company"), QStringLiteral("some-company")};
    QTest::newRow("blank name") << QStringList{company, create, QStringLiteral("--name"), QStringLiteral("   ")};
    QTest::newRow("inline empty name") << QStringList{company, create, QStringLiteral("--name=")};
    QTest::newRow("name too long") << QStringList{
        company, create, QStringLiteral("--name"), QString(201, QLatin1Char('n'))};
    QTest::newRow("name with a newline") << QStringList{
        company, create, QStringLiteral("--name"), QStringLiteral("Acme\nInc")};
    QTest::newRow("no name") << QStringList{company, create};
    QTest::newRow("name twice") << QStringList{
        company, create, QStringLiteral("--name"), QStringLiteral("A"), QStringLiteral("--name"), QStringLiteral("B")};
    QTest::newRow("stray argument") << QStringList{
        QStringLiteral("demo"), QStringLiteral("seed"), QStringLiteral("now")};
    QTest::newRow("half a command") << QStringList{QStringLiteral("demo")};
    QTest::newRow("option of another command") << QStringList{
        company, create, QStringLiteral("--name"), QStringLiteral("A"), QStringLiteral("--port"), QStringLiteral("80")};
    QTest::newRow("flag with a value") << QStringList{serve, QStringLiteral("--demo=yes")};
    QTest::newRow("flag twice") << QStringList{serve, QStringLiteral("--demo"), QStringLiteral("--demo")};
    QTest::newRow("host not an IP") << QStringList{serve, QStringLiteral("--host"), QStringLiteral("localhost")};
    QTest::newRow("empty host") << QStringList{serve, QStringLiteral("--host"), QString()};
    QTest::newRow("port with letters") << QStringList{serve, QStringLiteral("--port"), QStringLiteral("80a")};
    QTest::newRow("negative port") << QStringList{serve, QStringLiteral("--port"), QStringLiteral("-1")};
    QTest::newRow("port with a sign") << QStringList{serve, QStringLiteral("--port"), QStringLiteral("+80")};
    QTest::newRow("sip port too big") << QStringList{serve, QStringLiteral("--sip-port"), QStringLiteral("65536")};
    QTest::newRow("sip port with letters") << QStringList{serve, QStringLiteral("--sip-port"), QStringLiteral("sip")};
    QTest::newRow("sip port of the console") << QStringList{QStringLiteral("--sip-port"), QStringLiteral("5060")};
    QTest::newRow("console port too big") << QStringList{QStringLiteral("--port"), QStringLiteral("70000")};
    QTest::newRow("console server not a URL")
        << QStringList{QStringLiteral("--server"), QStringLiteral("desk.example.com")};
    QTest::newRow("console server not http")
        << QStringList{QStringLiteral("--server"), QStringLiteral("ftp://desk.example.com")};
    QTest::newRow("console server with a query")
        << QStringList{QStringLiteral("--server"), QStringLiteral("http://h/?a=b")};
    QTest::newRow("console server and port") << QStringList{
        QStringLiteral("--server"), QStringLiteral("http://h:8080"), QStringLiteral("--port"), QStringLiteral("9000")};
    QTest::newRow("server for serve") << QStringList{serve, QStringLiteral("--server"), QStringLiteral("http://h")};
    QTest::newRow("bad company id") << QStringList{token, create, QStringLiteral("--company"),
        QStringLiteral("no spaces"), QStringLiteral("--role"), QStringLiteral("admin")};
    QTest::newRow("company id too long") << QStringList{token, create, QStringLiteral("--company"),
        QString(129, QLatin1Char('c')), QStringLiteral("--role"), QStringLiteral("admin")};
    QTest::newRow("role in capitals") << tokenBase + QStringList{QStringLiteral("--role"), QStringLiteral("ADMIN")};
    QTest::newRow("role twice") << tokenBase
            + QStringList{
                QStringLiteral("--role"), QStringLiteral("admin"), QStringLiteral("--role"), QStringLiteral("agent")};
    QTest::newRow("ttl with a unit") << tokenBase
            + QStringList{
                QStringLiteral("--role"), QStringLiteral("admin"), QStringLiteral("--ttl"), QStringLiteral("5s")};
    QTest::newRow("ttl too long") << tokenBase
            + QStringList{
                QStringLiteral("--role"), QStringLiteral("admin"), QStringLiteral("--ttl"), QStringLiteral("31622401")};
    QTest::newRow("empty subject") << tokenBase
            + QStringList{QStringLiteral("--role"), QStringLiteral("admin"), QStringLiteral("--subject"), QString()};
    QTest::newRow("client without customer")
        << tokenBase + QStringList{QStringLiteral("--role"), QStringLiteral("client")};
    QTest::newRow("customer of an agent") << tokenBase
            + QStringList{QStringLiteral("--role"), QStringLiteral("agent"), QStringLiteral("--customer"),
                QStringLiteral("cust_ben")};
    QTest::newRow("bad customer id") << tokenBase
            + QStringList{QStringLiteral("--role"), QStringLiteral("client"), QStringLiteral("--customer"),
                QStringLiteral("-ben")};
    QTest::newRow("empty customer id") << tokenBase
            + QStringList{QStringLiteral("--role"), QStringLiteral("client"), QStringLiteral("--customer"), QString()};
    QTest::newRow("customer id too long") << tokenBase
            + QStringList{QStringLiteral("--role"), QStringLiteral("client"), QStringLiteral("--customer"),
                QString(129, QLatin1Char('b'))};
    QTest::newRow("backup without a path") << QStringList{db, QStringLiteral("backup")};
    QTest::newRow("backup with an empty path") << QStringList{db, QStringLiteral("backup"), QString()};
    QTest::newRow("backup with two paths")
        << QStringList{db, QStringLiteral("backup"), QStringLiteral("a.db"), QStringLiteral("b.db")};
    QTest::newRow("check with an argument") << QStringList{db, QStringLiteral("check"), QStringLiteral("now")};
    QTest::newRow("unknown db command") << QStringList{db, QStringLiteral("repair")};
}

void TestCli::usageErrors()
{
    QFETCH(QStringList, args);
    const CliResult r = runTierdesk(in(args));
    QCOMPARE(r.crashed, false);
    QCOMPARE(r.exitCode, 2);
    QVERIFY2(r.err.startsWith("tierdesk: "), r.err.constData());
    QVERIFY2(r.err.count('\n') == 1, r.err.constData()); // one line
    QVERIFY(r.out.isEmpty());
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
    const CliResult again = runTierdesk(in({QStringLiteral("company"), QStringLiteral("create"),
        QStringLiteral("--name"), QStringLiteral("Acme Widgets")}));
    QVERIFY(QString::fromUtf8(again.out).trimmed() != id);
}

void TestCli::kbImport()
{
    const CliResult made = runTierdesk(
        in({QStringLiteral("company"), QStringLiteral("create"), QStringLiteral("--name"), QStringLiteral("Kb Co")}));
    const QString company = QString::fromUtf8(made.out).trimmed();
    QTemporaryDir folder;
    QVERIFY(QDir(folder.path()).mkdir(QStringLiteral("more")));
    auto write = [&folder](const QString &name, const QByteArray &bytes) {
        QFile f(folder.filePath(name));
        return f.open(QIODevice::WriteOnly) && f.write(bytes) == bytes.size();
    };
    QVERIFY(write(QStringLiteral("gift-wrap.md"),
        "---\ntitle: Gift wrapping\ncategory: GENERAL_INQUIRY\nkeywords: gift, wrap\n---\n"
        "We wrap any order for $4.50.\n"));
    QVERIFY(write(QStringLiteral("more/two.json"),
        R"([{"title":"Repairs","category":"PRODUCT_QUALITY","content":"We repair jackets for free.","steps":["Bring it in"]},)"
        R"( {"title":"","category":"BILLING","content":"no title"}])"));
    QVERIFY(write(QStringLiteral("broken.json"), "{not json"));
    CliResult r = runTierdesk(
        in({QStringLiteral("kb"), QStringLiteral("import"), folder.path(), QStringLiteral("--company"), company}));
    QCOMPARE(r.exitCode, 1); // two files had problems
    QJsonObject summary = QJsonDocument::fromJson(r.out).object();
    QCOMPARE(summary.value(QLatin1String("created")).toInt(), 2);
    QCOMPARE(summary.value(QLatin1String("failed")).toArray().size(), 2);
    QVERIFY2(r.err.contains("[3/3]"), r.err.constData()); // progress, one line a file

    // Again: the same slugs are updated, not duplicated.
    QVERIFY(write(QStringLiteral("broken.json"),
        R"({"slug":"gift-wrap","title":"Gift wrapping","category":"GENERAL_INQUIRY","content":"Now $5."})"));
    r = runTierdesk(
        in({QStringLiteral("kb"), QStringLiteral("import"), folder.path(), QStringLiteral("--company"), company}));
    summary = QJsonDocument::fromJson(r.out).object();
    QCOMPARE(summary.value(QLatin1String("created")).toInt(), 0);
    QCOMPARE(summary.value(QLatin1String("updated")).toInt(), 3);

    r = runTierdesk(in({QStringLiteral("kb"), QStringLiteral("import"), folder.filePath(QStringLiteral("none"))}));
    QCOMPARE(r.exitCode, 2); // no --company
    r = runTierdesk(in({QStringLiteral("kb"), QStringLiteral("import"), folder.filePath(QStringLiteral("none")),
        QStringLiteral("--company"), company}));
    QCOMPARE(r.exitCode, 2);
    QVERIFY(r.err.contains("neither a folder nor a file"));
}

void TestCli::customersImportAndErase()
{
    const CliResult made = runTierdesk(
        in({QStringLiteral("company"), QStringLiteral("create"), QStringLiteral("--name"), QStringLiteral("Shop Co")}));
    const QString company = QString::fromUtf8(made.out).trimmed();
    QTemporaryDir folder;
    QFile csv(folder.filePath(QStringLiteral("customers.csv")));
    QVERIFY(csv.open(QIODevice::WriteOnly));
    csv.write("id,name,email,loyaltyId\ncus_1,Una One,una@example.com,L-1\ncus_2,Bad,not-mail,\n");
    csv.close();
    const QStringList import{
        QStringLiteral("customers"), QStringLiteral("import"), csv.fileName(), QStringLiteral("--company"), company};
    CliResult r = runTierdesk(in(import + QStringList{QStringLiteral("--dry-run")}));
    QCOMPARE(r.exitCode, 0);
    QJsonObject report = QJsonDocument::fromJson(r.out).object();
    QCOMPARE(report.value(QLatin1String("created")).toInt(), 1);
    QCOMPARE(
        report.value(QLatin1String("failed")).toArray().first().toObject().value(QLatin1String("line")).toInt(), 3);
    r = runTierdesk(in(import));
    QCOMPARE(QJsonDocument::fromJson(r.out).object().value(QLatin1String("created")).toInt(), 1);
    r = runTierdesk(in(import)); // the dry run wrote nothing, the real run did: now unchanged
    QCOMPARE(QJsonDocument::fromJson(r.out).object().value(QLatin1String("unchanged")).toInt(), 1);

    r = runTierdesk(in({QStringLiteral("customers"), QStringLiteral("erase"), QStringLiteral("cus_1"),
        QStringLiteral("--company"), company}));
    QVERIFY2(r.exitCode == 0, r.err.constData());
    r = runTierdesk(in(import)); // erased: the record kept only its id, so the row fills it again
    QCOMPARE(QJsonDocument::fromJson(r.out).object().value(QLatin1String("updated")).toInt(), 1);
    r = runTierdesk(in({QStringLiteral("customers"), QStringLiteral("erase"), QStringLiteral("cus_none"),
        QStringLiteral("--company"), company}));
    QCOMPARE(r.exitCode, 2);
    r = runTierdesk(in({QStringLiteral("customers"), QStringLiteral("import"), csv.fileName()}));
    QCOMPARE(r.exitCode, 2); // no --company
    QVERIFY(r.err.contains("--company"));
}

void TestCli::tokenCreateErrors()
{
    const CliResult seeded = runTierdesk(in({QStringLiteral("demo"), QStringLiteral("seed")}));
    const QString company = QJsonDocument::fromJson(seeded.out).object().value(QLatin1String("companyId")).toString();
    QVERIFY(!company.isEmpty());
    CliResult r = runTierdesk(in({QStringLiteral("token"), QStringLiteral("create"), QStringLiteral("--company"),
        company, QStringLiteral("--role"), QStringLiteral("wizard")}));
    QCOMPARE(r.exitCode, 2);
    QVERIFY(r.out.isEmpty());
    QVERIFY(r.err.startsWith("tierdesk: "));
    r = runTierdesk(
        in({QStringLiteral("token"), QStringLiteral("create"), QStringLiteral("--role"), QStringLiteral("admin")}));
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

void TestCli::clientTokenIsBoundToItsCustomer()
{
    const CliResult seeded = runTierdesk(in({QStringLiteral("demo"), QStringLiteral("seed")}));
    const QString company = QJsonDocument::fromJson(seeded.out).object().value(QLatin1String("companyId")).toString();
    QVERIFY(!company.isEmpty());
    // The customer need not exist yet.
    const CliResult r = runTierdesk(in({QStringLiteral("token"), QStringLiteral("create"), QStringLiteral("--company"),
        company, QStringLiteral("--role"), QStringLiteral("client"), QStringLiteral("--customer"),
        QStringLiteral("new.customer@example.com")}));
    QVERIFY2(r.exitCode == 0, r.err.constData());
    const QList<QByteArray> parts = r.out.trimmed().split('.');
    QCOMPARE(parts.size(), 3);
    const QJsonObject claims
        = QJsonDocument::fromJson(QByteArray::fromBase64(parts.at(1), QByteArray::Base64UrlEncoding)).object();
    QCOMPARE(claims.value(QLatin1String("customer")).toString(), QStringLiteral("new.customer@example.com"));
    QCOMPARE(claims.value(QLatin1String("role")).toString(), QStringLiteral("client"));
}

void TestCli::tokenWorksAgainstServe()
{
    QTemporaryDir dir;
    QVERIFY(dir.isValid());
    const QStringList base{QStringLiteral("--data-dir"), dir.path()};
    const CliResult created = runTierdesk(base
        + QStringList{QStringLiteral("company"), QStringLiteral("create"), QStringLiteral("--name"),
            QStringLiteral("Token Test")});
    QVERIFY2(created.exitCode == 0, created.err.constData());
    const QString company = QString::fromUtf8(created.out).trimmed();
    auto token = [&](const QString &role) {
        QStringList args = base
            + QStringList{QStringLiteral("token"), QStringLiteral("create"), QStringLiteral("--company"), company,
                QStringLiteral("--role"), role};
        if (role == QLatin1String("client"))
            args << QStringLiteral("--customer") << QStringLiteral("c1");
        const CliResult r = runTierdesk(args);
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
    QCOMPARE(
        http.get(QStringLiteral("/api/cs/sessions/") + r.json().value(QLatin1String("id")).toString()).status, 200);

    // While the server holds the data directory, tokens can still be issued (they are stateless).
    const QByteArray beside = token(QStringLiteral("agent"));
    QVERIFY(!beside.isEmpty());
    http.setToken(beside);
    QCOMPARE(http.get(list).status, 200);
    const CliResult unknown = runTierdesk(base
        + QStringList{QStringLiteral("token"), QStringLiteral("create"), QStringLiteral("--company"),
            QStringLiteral("no-such-company"), QStringLiteral("--role"), QStringLiteral("admin")});
    QCOMPARE(unknown.exitCode, 1);
    QVERIFY2(unknown.err.contains("no company"), unknown.err.constData());
    QVERIFY(serve.terminate());
}

void TestCli::emptyDataDirIsAUsageError()
{
    for (const QString &dir : {QString(), QStringLiteral("  ")}) {
        const CliResult r
            = runTierdesk({QStringLiteral("--data-dir"), dir, QStringLiteral("demo"), QStringLiteral("seed")});
        QCOMPARE(r.exitCode, 2);
        QVERIFY2(r.err.contains("--data-dir"), r.err.constData());
    }
}

void TestCli::secondInstanceIsRefusedWithTheHoldersPid()
{
    QTemporaryDir dir;
    QVERIFY(dir.isValid());
    ServeProcess first;
    QString error;
    QVERIFY2(first.start(dir.path(), {}, &error), qPrintable(error));
    const QByteArray pid = "pid " + QByteArray::number(first.process().processId());
    const QStringList base{QStringLiteral("--data-dir"), dir.path()};

    CliResult r
        = runTierdesk(base + QStringList{QStringLiteral("serve"), QStringLiteral("--port"), QStringLiteral("0")});
    QCOMPARE(r.exitCode, 1);
    QVERIFY2(r.err.contains("is in use by") && r.err.contains(pid), r.err.constData());
    QVERIFY(!r.out.contains("serving"));
    r = runTierdesk(base
        + QStringList{
            QStringLiteral("company"), QStringLiteral("create"), QStringLiteral("--name"), QStringLiteral("Twice")});
    QCOMPARE(r.exitCode, 1);
    QVERIFY2(r.err.contains(pid), r.err.constData());
    QVERIFY(r.out.isEmpty());

    // Killed, the holder leaves its lock file behind: the next start takes it over.
    first.kill();
    QVERIFY(QFile::exists(dir.filePath(QStringLiteral("tierdesk.lock"))));
    r = runTierdesk(base
        + QStringList{
            QStringLiteral("company"), QStringLiteral("create"), QStringLiteral("--name"), QStringLiteral("After")});
    QVERIFY2(r.exitCode == 0, r.err.constData());
    QVERIFY(!QFile::exists(dir.filePath(QStringLiteral("tierdesk.lock")))); // and gives it back when done
}

void TestCli::damagedDatabaseIsRefusedAtStart()
{
    QTemporaryDir dir;
    QVERIFY(dir.isValid());
    const QStringList base{QStringLiteral("--data-dir"), dir.path()};
    CliResult r = runTierdesk(base + QStringList{QStringLiteral("demo"), QStringLiteral("seed")});
    QVERIFY2(r.exitCode == 0, r.err.constData());
    const QString db = dir.filePath(QStringLiteral("tierdesk.db"));
    QVERIFY2(!QFile::exists(db + QStringLiteral("-wal")), "the log is folded into the file when the program ends");
    QVERIFY(damagePages(db, 4096, 3, 6));
    const QByteArray damaged = digest(db);

    for (const QStringList &command :
        {QStringList{QStringLiteral("serve"), QStringLiteral("--port"), QStringLiteral("0")},
            QStringList{QStringLiteral("demo"), QStringLiteral("seed")}}) {
        r = runTierdesk(base + command);
        QVERIFY2(r.exitCode == 1,
            qPrintable(command.join(QLatin1Char(' ')) + QStringLiteral(": ") + QString::fromUtf8(r.err)));
        QVERIFY2(r.err.contains("is damaged") && r.err.contains("tierdesk db check"), r.err.constData());
        QVERIFY(!r.out.contains("serving"));
    }
    r = runTierdesk(base + QStringList{QStringLiteral("db"), QStringLiteral("check")});
    QCOMPARE(r.exitCode, 1);
    QVERIFY2(r.out.contains("Page "), r.out.constData());
    QVERIFY2(r.err.contains("is damaged"), r.err.constData());
    QCOMPARE(digest(db), damaged); // refused without writing a byte
}

void TestCli::truncatedDatabaseIsRefused()
{
    QTemporaryDir dir;
    QVERIFY(dir.isValid());
    const QStringList base{QStringLiteral("--data-dir"), dir.path()};
    CliResult r = runTierdesk(base
        + QStringList{
            QStringLiteral("company"), QStringLiteral("create"), QStringLiteral("--name"), QStringLiteral("A")});
    QVERIFY2(r.exitCode == 0, r.err.constData());
    {
        QFile ini(dir.filePath(QStringLiteral("tierdesk.ini")));
        QVERIFY(ini.open(QIODevice::WriteOnly));
        ini.write("[http]\nmaxConnections=100\n");
    }
    QVERIFY(QFile::resize(dir.filePath(QStringLiteral("tierdesk.db")), 0));
    r = runTierdesk(base
        + QStringList{
            QStringLiteral("company"), QStringLiteral("create"), QStringLiteral("--name"), QStringLiteral("B")});
    QCOMPARE(r.exitCode, 1);
    QVERIFY2(r.err.contains("is empty") && r.err.contains("tierdesk.ini"), r.err.constData());
    QCOMPARE(QFileInfo(dir.filePath(QStringLiteral("tierdesk.db"))).size(), 0); // not re-created
}

void TestCli::readOnlyDatabaseOrDirectoryIsReportedAtStart()
{
    QTemporaryDir tmp;
    QVERIFY(tmp.isValid());
    const QString dir = tmp.filePath(QStringLiteral("data"));
    const QStringList serve{
        QStringLiteral("--data-dir"), dir, QStringLiteral("serve"), QStringLiteral("--port"), QStringLiteral("0")};
    CliResult r = runTierdesk({QStringLiteral("--data-dir"), dir, QStringLiteral("demo"), QStringLiteral("seed")});
    QVERIFY2(r.exitCode == 0, r.err.constData());
    // As root every file is writable: run the program as nobody, who owns the files.
    const uid_t user = ::geteuid() == 0 ? kNobody : ::geteuid();
    if (user != ::geteuid())
        QVERIFY(chownTree(tmp.path(), user));
    const QByteArray db = QFile::encodeName(dir + QStringLiteral("/tierdesk.db"));

    QVERIFY(::chmod(db.constData(), 0400) == 0);
    r = runTierdeskAs(user, serve);
    QCOMPARE(r.exitCode, 1);
    QVERIFY2(r.err.contains("read-only"), r.err.constData());
    QVERIFY(!r.out.contains("serving"));

    QVERIFY(::chmod(db.constData(), 0600) == 0);
    QVERIFY(::chmod(QFile::encodeName(dir).constData(), 0500) == 0);
    r = runTierdeskAs(user, serve);
    QCOMPARE(r.exitCode, 1);
    QVERIFY2(r.err.contains("not writable"), r.err.constData());
    QVERIFY(!r.out.contains("serving"));

    // Writable again, the same user can start.
    QVERIFY(::chmod(QFile::encodeName(dir).constData(), 0700) == 0);
    r = runTierdeskAs(user, {QStringLiteral("--data-dir"), dir, QStringLiteral("demo"), QStringLiteral("seed")});
    QVERIFY2(r.exitCode == 0, r.err.constData());
}

void TestCli::dbCheckAndBackupWhileServing()
{
    QTemporaryDir dir;
    QVERIFY(dir.isValid());
    const QStringList base{QStringLiteral("--data-dir"), dir.path()};
    ServeProcess serve;
    QString error;
    QVERIFY2(serve.start(dir.path(), {QStringLiteral("--demo"), QStringLiteral("--no-rate-limit")}, &error),
        qPrintable(error));
    HttpClient http(serve.port(), serve.adminToken());
    QStringList sessions;
    for (int i = 0; i < 5; ++i) {
        const HttpResult r = http.post(QStringLiteral("/api/cs/sessions"),
            sessionBody(serve.companyId(), QStringLiteral("cust_ben"), QStringLiteral("Where is my order?")));
        QVERIFY2(r.status == 201, describe(r));
        sessions << r.json().value(QLatin1String("id")).toString();
    }

    CliResult r = runTierdesk(base + QStringList{QStringLiteral("db"), QStringLiteral("check")});
    QVERIFY2(r.exitCode == 0, r.err.constData());
    QCOMPARE(r.out.trimmed(), QByteArray("ok"));

    const QString backup = dir.filePath(QStringLiteral("copies/first.db"));
    QVERIFY(QDir().mkpath(dir.filePath(QStringLiteral("copies"))));
    r = runTierdesk(base + QStringList{QStringLiteral("db"), QStringLiteral("backup"), backup});
    QVERIFY2(r.exitCode == 0, r.err.constData());
    QCOMPARE(QString::fromUtf8(r.out.trimmed()), backup);
    QCOMPARE(QString::number(modeOf(backup), 8), QStringLiteral("600"));
    QCOMPARE(
        QDir(dir.filePath(QStringLiteral("copies"))).entryList(QDir::Files), QStringList{QStringLiteral("first.db")});
    // The copy holds every acknowledged session, and the server went on serving.
    {
        QSqlDatabase copy = QSqlDatabase::addDatabase(QStringLiteral("QSQLITE"), QStringLiteral("copy"));
        copy.setDatabaseName(backup);
        QVERIFY(copy.open());
        QSqlQuery q(copy);
        QVERIFY(q.exec(QStringLiteral("PRAGMA quick_check")) && q.next());
        QCOMPARE(q.value(0).toString(), QStringLiteral("ok"));
        for (const QString &id : std::as_const(sessions)) {
            QSqlQuery s(copy);
            QVERIFY(s.exec(QStringLiteral("SELECT COUNT(*) FROM sessions WHERE id = '%1'").arg(id)) && s.next());
            QVERIFY2(s.value(0).toInt() == 1, qPrintable(id));
        }
        copy.close();
    }
    QSqlDatabase::removeDatabase(QStringLiteral("copy"));
    QCOMPARE(http.get(QStringLiteral("/api/cs/sessions/") + sessions.first()).status, 200);

    // An existing file is never overwritten; a missing directory is an error.
    r = runTierdesk(base + QStringList{QStringLiteral("db"), QStringLiteral("backup"), backup});
    QCOMPARE(r.exitCode, 1);
    QVERIFY2(r.err.contains("already exists"), r.err.constData());
    r = runTierdesk(base
        + QStringList{QStringLiteral("db"), QStringLiteral("backup"), dir.filePath(QStringLiteral("nowhere/x.db"))});
    QCOMPARE(r.exitCode, 1);
    QVERIFY(serve.terminate());

    // Checking a data directory that holds no database creates nothing.
    const QString none = dir.filePath(QStringLiteral("none"));
    r = runTierdesk({QStringLiteral("--data-dir"), none, QStringLiteral("db"), QStringLiteral("check")});
    QCOMPARE(r.exitCode, 1);
    QVERIFY2(r.err.contains("no database"), r.err.constData());
    QVERIFY(!QFile::exists(none));
}

QTEST_GUILESS_MAIN(TestCli)
#include "tst_cli.moc"
