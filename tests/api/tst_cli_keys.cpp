// tierdesk token create --kind sigv4|apikey|widget: what it prints, what it
// stores (the secret sealed with the data directory's own data key, so the
// server can open it), its usage errors, and the same beside a running server.
#include "tests/api/ApiTestSupport.h"

#include "core/runtime/Runtime.h"

#include <QJsonDocument>
#include <QRegularExpression>
#include <QSqlDatabase>
#include <QSqlQuery>
#include <QTest>

using namespace tierdesk;
using namespace tierdesk::test;

namespace {

const QString kToken = QStringLiteral("token"), kCreate = QStringLiteral("create"),
              kCompany = QStringLiteral("--company"), kKind = QStringLiteral("--kind");

// One value from the data directory's database, on a read-only connection of its own.
QVariant readScalar(const QString &dataDir, const QString &sql, const QVariantList &binds = {})
{
    const QString name = QStringLiteral("cli-keys-reader");
    QVariant out;
    {
        QSqlDatabase db = QSqlDatabase::addDatabase(QStringLiteral("QSQLITE"), name);
        db.setDatabaseName(dataDir + QStringLiteral("/tierdesk.db"));
        db.setConnectOptions(QStringLiteral("QSQLITE_OPEN_READONLY;QSQLITE_BUSY_TIMEOUT=5000"));
        if (db.open()) {
            QSqlQuery q(db);
            q.prepare(sql);
            for (const QVariant &b : binds)
                q.addBindValue(b);
            if (q.exec() && q.next())
                out = q.value(0);
        }
        db.close();
    }
    QSqlDatabase::removeDatabase(name);
    return out;
}

// The secret access key the data directory's owner would open for this access key id.
QByteArray openedSecret(const QString &dataDir, const QString &accessKeyId)
{
    auto rt = api::Runtime::open(dataDir);
    if (!rt)
        return {};
    const auto key = rt.value()->apiTokens().sigv4Key(accessKeyId);
    return key ? key->secret : QByteArray();
}

} // namespace

class TestCliKeys : public QObject {
    Q_OBJECT

private slots:
    void initTestCase();
    void sigv4PrintsOneJsonObject();
    void apiKeyAndWidgetPrintTheKey();
    void usageErrors_data();
    void usageErrors();
    void unknownCompanyIsARuntimeError();
    void keysBesideARunningServer();

private:
    CliResult run(const QStringList &args, const QString &dir = {})
    {
        return runTierdesk(QStringList{QStringLiteral("--data-dir"), dir.isEmpty() ? m_dir.path() : dir} + args);
    }
    QString createCompany(const QString &dir = {});

    QTemporaryDir m_dir;
    QString m_company;
};

QString TestCliKeys::createCompany(const QString &dir)
{
    const CliResult r
        = run({QStringLiteral("company"), kCreate, QStringLiteral("--name"), QStringLiteral("Keys Co")}, dir);
    return r.exitCode == 0 ? QString::fromUtf8(r.out).trimmed() : QString();
}

void TestCliKeys::initTestCase()
{
    QVERIFY(m_dir.isValid());
    m_company = createCompany();
    QVERIFY(!m_company.isEmpty());
}

void TestCliKeys::sigv4PrintsOneJsonObject()
{
    CliResult r = run({kToken, kCreate, kCompany, m_company, kKind, QStringLiteral("sigv4"), QStringLiteral("--region"),
        QStringLiteral("eu-west-1")});
    QVERIFY2(r.exitCode == 0, r.err.constData());
    QCOMPARE(r.out.count('\n'), 1);
    static const QRegularExpression form(QStringLiteral("^\\{\"accessKeyId\":\"TDAK[A-Z2-7]{16}\",\"secretAccessKey\":"
                                                        "\"[A-Za-z0-9_-]{40}\",\"region\":\"eu-west-1\"\\}\n$"));
    QVERIFY2(form.match(QString::fromLatin1(r.out)).hasMatch(), r.out.constData());
    const QJsonObject o = QJsonDocument::fromJson(r.out).object();
    QCOMPARE(o.size(), 3);
    const QString accessKeyId = o.value(QLatin1String("accessKeyId")).toString();
    const QByteArray secret = o.value(QLatin1String("secretAccessKey")).toString().toLatin1();

    QCOMPARE(readScalar(m_dir.path(),
                 QStringLiteral("SELECT kind || ' ' || role || ' ' || region FROM api_tokens WHERE lookup = ?"),
                 {accessKeyId})
                 .toString(),
        QStringLiteral("sigv4 admin eu-west-1"));
    const QString sealed = readScalar(
        m_dir.path(), QStringLiteral("SELECT sealed_secret FROM api_tokens WHERE lookup = ?"), {accessKeyId})
                               .toString();
    QVERIFY2(
        sealed.startsWith(QLatin1String("sb1:")) && !sealed.contains(QString::fromLatin1(secret)), qPrintable(sealed));
    QCOMPARE(openedSecret(m_dir.path(), accessKeyId), secret);

    // The default region.
    r = run({kToken, kCreate, kCompany, m_company, kKind, QStringLiteral("sigv4")});
    QVERIFY2(r.exitCode == 0, r.err.constData());
    QCOMPARE(
        QJsonDocument::fromJson(r.out).object().value(QLatin1String("region")).toString(), QStringLiteral("us-east-1"));
}

void TestCliKeys::apiKeyAndWidgetPrintTheKey()
{
    CliResult r = run({kToken, kCreate, kCompany, m_company, kKind, QStringLiteral("apikey"), QStringLiteral("--role"),
        QStringLiteral("agent"), QStringLiteral("--name"), QStringLiteral("Agent API")});
    QVERIFY2(r.exitCode == 0, r.err.constData());
    const QByteArray key = r.out.trimmed();
    QVERIFY2(key.startsWith("tdk_") && r.out.count('\n') == 1, r.out.constData());
    QCOMPARE(readScalar(m_dir.path(),
                 QStringLiteral("SELECT name || ' ' || role FROM api_tokens WHERE kind = 'apikey' AND lookup = ?"),
                 {QString::fromLatin1(apiKeyHash(key))})
                 .toString(),
        QStringLiteral("Agent API agent"));

    r = run({kToken, kCreate, kCompany, m_company, kKind, QStringLiteral("widget"), QStringLiteral("--ttl"),
        QStringLiteral("3600")});
    QVERIFY2(r.exitCode == 0, r.err.constData());
    const QByteArray widget = r.out.trimmed();
    QVERIFY2(widget.startsWith("tdw_"), r.out.constData());
    QVERIFY(readScalar(m_dir.path(),
                QStringLiteral("SELECT expires_at - created_at FROM api_tokens WHERE kind = 'widget' AND lookup = ?"),
                {QString::fromLatin1(widget)})
                .toLongLong()
        == 3600 * 1000);
}

void TestCliKeys::usageErrors_data()
{
    QTest::addColumn<QStringList>("extra");
    const QString sigv4 = QStringLiteral("sigv4"), apikey = QStringLiteral("apikey"), widget = QStringLiteral("widget");
    QTest::newRow("unknown kind") << QStringList{kKind, QStringLiteral("oauth")};
    QTest::newRow("bad region") << QStringList{kKind, sigv4, QStringLiteral("--region"), QStringLiteral("EU WEST")};
    QTest::newRow("region of an api key")
        << QStringList{kKind, apikey, QStringLiteral("--region"), QStringLiteral("eu-west-1")};
    QTest::newRow("region of a jwt") << QStringList{
        QStringLiteral("--role"), QStringLiteral("admin"), QStringLiteral("--region"), QStringLiteral("eu-west-1")};
    QTest::newRow("role of a widget key")
        << QStringList{kKind, widget, QStringLiteral("--role"), QStringLiteral("agent")};
    QTest::newRow("client key") << QStringList{kKind, apikey, QStringLiteral("--role"), QStringLiteral("client")};
    QTest::newRow("customer of a key") << QStringList{kKind, sigv4, QStringLiteral("--customer"), QStringLiteral("c1")};
    QTest::newRow("subject of a key") << QStringList{kKind, sigv4, QStringLiteral("--subject"), QStringLiteral("me")};
    QTest::newRow("short ttl of a key") << QStringList{kKind, apikey, QStringLiteral("--ttl"), QStringLiteral("30")};
    QTest::newRow("name too long for a key")
        << QStringList{kKind, apikey, QStringLiteral("--name"), QString(150, QLatin1Char('n'))};
}

void TestCliKeys::usageErrors()
{
    QFETCH(QStringList, extra);
    const CliResult r = run(QStringList{kToken, kCreate, kCompany, m_company} + extra);
    QCOMPARE(r.crashed, false);
    QCOMPARE(r.exitCode, 2);
    QVERIFY2(r.err.startsWith("tierdesk: ") && r.err.count('\n') == 1, r.err.constData());
    QVERIFY(r.out.isEmpty());
}

void TestCliKeys::unknownCompanyIsARuntimeError()
{
    const CliResult r
        = run({kToken, kCreate, kCompany, QStringLiteral("no-such-company"), kKind, QStringLiteral("apikey")});
    QCOMPARE(r.exitCode, 1);
    QVERIFY(r.out.isEmpty());
    QVERIFY2(r.err.contains("no-such-company"), r.err.constData());
}

void TestCliKeys::keysBesideARunningServer()
{
    QTemporaryDir dir;
    QVERIFY(dir.isValid());
    const QString company = createCompany(dir.path());
    QVERIFY(!company.isEmpty());
    ServeProcess serve;
    QString error;
    QVERIFY2(serve.start(dir.path(), {}, &error), qPrintable(error));

    const CliResult sigv4 = run({kToken, kCreate, kCompany, company, kKind, QStringLiteral("sigv4"),
                                    QStringLiteral("--region"), QStringLiteral("ap-south-1")},
        dir.path());
    QVERIFY2(sigv4.exitCode == 0, sigv4.err.constData());
    const QJsonObject credential = QJsonDocument::fromJson(sigv4.out).object();
    const QString accessKeyId = credential.value(QLatin1String("accessKeyId")).toString();
    QVERIFY(!accessKeyId.isEmpty());
    const CliResult apikey = run({kToken, kCreate, kCompany, company, kKind, QStringLiteral("apikey")}, dir.path());
    QVERIFY2(apikey.exitCode == 0, apikey.err.constData());
    const CliResult unknown
        = run({kToken, kCreate, kCompany, QStringLiteral("nobody"), kKind, QStringLiteral("widget")}, dir.path());
    QCOMPARE(unknown.exitCode, 1);

    // The running server sees both keys at once, and can revoke them.
    const CliResult admin
        = run({kToken, kCreate, kCompany, company, QStringLiteral("--role"), QStringLiteral("admin")}, dir.path());
    QVERIFY2(admin.exitCode == 0, admin.err.constData());
    HttpClient http(serve.port(), admin.out.trimmed());
    const HttpResult list = http.get(QStringLiteral("/api/cs/tokens"));
    QVERIFY2(list.status == 200, describe(list));
    QString sigv4Id;
    QStringList kinds;
    for (const QJsonValue &v : list.json().value(QLatin1String("tokens")).toArray()) {
        kinds << v.toObject().value(QLatin1String("kind")).toString();
        if (v.toObject().value(QLatin1String("accessKeyId")).toString() == accessKeyId)
            sigv4Id = v.toObject().value(QLatin1String("id")).toString();
    }
    kinds.sort();
    QCOMPARE(kinds, (QStringList{QStringLiteral("apikey"), QStringLiteral("sigv4")}));
    QVERIFY(!list.body.contains(credential.value(QLatin1String("secretAccessKey")).toString().toLatin1()));
    QCOMPARE(http.del(QStringLiteral("/api/cs/tokens/") + sigv4Id).status, 200);
    const HttpResult audit = http.get(QStringLiteral("/api/cs/audit?companyId=") + company);
    QVERIFY2(audit.body.contains("token.create") && audit.body.contains("\"cli\""), audit.body.left(400).constData());
    QVERIFY(serve.terminate());

    // Sealed with the owner's data key: the owner opens it.
    QCOMPARE(openedSecret(dir.path(), accessKeyId),
        credential.value(QLatin1String("secretAccessKey")).toString().toLatin1());
    QVERIFY(readScalar(dir.path(), QStringLiteral("SELECT revoked_at FROM api_tokens WHERE lookup = ?"), {accessKeyId})
                .toLongLong()
        > 0);
}

QTEST_MAIN(TestCliKeys)
#include "tst_cli_keys.moc"
