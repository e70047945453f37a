// `tierdesk db copy --to URL` on a real PostgreSQL server the test starts itself: the demo
// store with sessions made through a server, then a server on the copy answers as the SQLite
// one did; a non-empty target, a bad URL and an unreachable server are refused; a generated
// store is copied and verified.
#include "core/common/Time.h"
#include "tests/api/ApiTestSupport.h"
#include "tests/support/ConnectorServer.h"
#include "tests/support/PgServer.h"

#include <QDateTime>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QRegularExpression>
#include <QTemporaryDir>
#include <QTest>

using namespace tierdesk;
using namespace tierdesk::test;

class TestCliDbCopy : public QObject {
    Q_OBJECT

private slots:
    void initTestCase();
    void demoStoreAnswersTheSameOnPostgres();
    void nonEmptyTargetIsRefused();
    void badTargetsAreRefusedWithoutThePassword();
    void generatedStoreIsCopiedAndVerified();
    void connectorsAreCopiedWithTheirSealedSecrets();

private:
    static QStringList in(const QTemporaryDir &dir, const QStringList &args)
    {
        return QStringList{QStringLiteral("--data-dir"), dir.path()} + args;
    }
    static QStringList copyTo(const QString &url)
    {
        return {QStringLiteral("db"), QStringLiteral("copy"), QStringLiteral("--to"), url};
    }
    // The database's name in a URL the server handed out.
    static QString nameOf(const QString &url) { return url.section(QLatin1Char('/'), -1); }
    struct Answers {
        QList<QJsonObject> transcripts;
        QJsonObject analytics;
        QStringList kbSlugs;
    };
    // `now`: the end of the analytics' range, the same for both servers.
    static Answers answers(HttpClient &http, const QString &company, const QStringList &sessions, qint64 now);

    PgServer *m_pg = nullptr;
};

void TestCliDbCopy::initTestCase()
{
    m_pg = &PgServer::shared();
}

TestCliDbCopy::Answers TestCliDbCopy::answers(
    HttpClient &http, const QString &company, const QStringList &sessions, qint64 now)
{
    Answers a;
    for (const QString &id : sessions) {
        const HttpResult r = http.get(QStringLiteral("/api/cs/sessions/") + id);
        if (r.status != 200)
            continue;
        // How long a desk item has waited is the clock's, not the store's.
        QJsonObject session = r.json();
        QJsonObject desk = session.value(QLatin1String("desk")).toObject();
        desk.remove(QStringLiteral("waitingSeconds"));
        if (!desk.isEmpty())
            session.insert(QStringLiteral("desk"), desk);
        a.transcripts << session;
    }
    a.analytics = http.get(QStringLiteral("/api/cs/analytics?companyId=%1&startDate=%2&endDate=%3")
                               .arg(company, timefmt::iso(now - 40LL * 86400000), timefmt::iso(now + 3600000)))
                      .json();
    const HttpResult kb = http.get(QStringLiteral("/api/cs/kb?companyId=%1&q=refund").arg(company));
    for (const QJsonValue &article : kb.json().value(QLatin1String("articles")).toArray())
        a.kbSlugs << article.toObject().value(QLatin1String("slug")).toString();
    return a;
}

void TestCliDbCopy::demoStoreAnswersTheSameOnPostgres()
{
    QTemporaryDir dir, dir2;
    // Webhook deliveries to a port nothing listens on stay in the outbox (its payload a BLOB).
    QFile ini(dir.filePath(QStringLiteral("tierdesk.ini")));
    QVERIFY(ini.open(QIODevice::WriteOnly));
    ini.write("[webhooks]\nallowPrivateNetworks=true\n");
    ini.close();
    CliResult r = runTierdesk(in(dir, {QStringLiteral("demo"), QStringLiteral("seed"), QStringLiteral("--desk")}));
    QVERIFY2(r.exitCode == 0, r.err.constData());

    ServeProcess sqlite;
    QString error;
    QVERIFY2(sqlite.start(dir.path(), {QStringLiteral("--demo")}, &error), qPrintable(error));
    HttpClient http(sqlite.port(), sqlite.adminToken());
    const QString company = sqlite.companyId();
    HttpResult made = http.post(QStringLiteral("/api/cs/webhooks"),
        {{QStringLiteral("companyId"), company}, {QStringLiteral("url"), QStringLiteral("http://127.0.0.1:1/hook")},
            {QStringLiteral("events"),
                QJsonArray{QStringLiteral("session.created"), QStringLiteral("session.escalated")}},
            {QStringLiteral("secret"), QStringLiteral("0123456789abcdef0123456789abcdef")}});
    QVERIFY2(made.status == 201, describe(made));
    QStringList sessions;
    for (const char *text : {"Where is my order?", "I want a refund, this is the third time!", "Héllo — ünïcode ✓"}) {
        made = http.post(QStringLiteral("/api/cs/sessions"),
            sessionBody(company, QStringLiteral("cust_ben"), QString::fromUtf8(text)));
        QVERIFY2(made.status == 201, describe(made));
        sessions << made.json().value(QLatin1String("id")).toString();
        QCOMPARE(http.post(QStringLiteral("/api/cs/sessions/%1/messages").arg(sessions.constLast()),
                         {{QStringLiteral("message"), QStringLiteral("Any news? It's been a week.")}})
                     .status,
            201);
    }
    sessions << escalatedSession(http, company, QStringLiteral("cust_ben"));
    QVERIFY(!sessions.constLast().isEmpty());
    const qint64 now = QDateTime::currentMSecsSinceEpoch();
    const Answers before = answers(http, company, sessions, now);
    QCOMPARE(before.transcripts.size(), sessions.size());
    QVERIFY(!before.kbSlugs.isEmpty());

    // Beside the running server: the source is only read.
    const QString url = m_pg->createDatabase();
    r = runTierdesk(in(dir, copyTo(url)), 120000);
    QVERIFY2(r.exitCode == 0, r.err.constData());
    QVERIFY2(r.out.contains("verified: counts of "), r.out.constData());
    QVERIFY2(r.err.contains("messages: "), r.err.constData()); // a progress line per table
    QVERIFY(!r.out.contains(m_pg->password().toUtf8()) && !r.err.contains(m_pg->password().toUtf8()));
    QVERIFY(sqlite.terminate());
    QString outbox;
    QVERIFY(m_pg->psql(
        nameOf(url), QStringLiteral("SELECT count(*) FROM webhook_outbox WHERE length(payload) > 0"), &outbox));
    QVERIFY2(outbox.trimmed().toInt() > 0, qPrintable(outbox));

    const CliResult keys = runTierdesk(in(dir, {QStringLiteral("secrets"), QStringLiteral("export")}));
    QVERIFY2(keys.exitCode == 0, keys.err.constData());
    r = runTierdeskWithInput(in(dir2, {QStringLiteral("secrets"), QStringLiteral("import")}), keys.out);
    QVERIFY2(r.exitCode == 0, r.err.constData());
    ServeProcess postgres;
    QVERIFY2(postgres.start(dir2.path(), {QStringLiteral("--database"), url}, &error), qPrintable(error));
    HttpClient onCopy(postgres.port(), sqlite.adminToken());
    QCOMPARE(onCopy.get(QStringLiteral("/api/cs/health")).json().value(QLatin1String("backend")).toString(),
        QStringLiteral("postgresql"));
    const Answers after = answers(onCopy, company, sessions, now);
    QCOMPARE(after.transcripts, before.transcripts);
    QCOMPARE(QJsonDocument(after.analytics).toJson(), QJsonDocument(before.analytics).toJson());
    QVERIFY2(after.kbSlugs.contains(before.kbSlugs.constFirst()), qPrintable(after.kbSlugs.join(QLatin1Char(','))));
    // New rows go on after the copied ones.
    made = onCopy.post(QStringLiteral("/api/cs/sessions"),
        sessionBody(company, QStringLiteral("cust_ben"), QStringLiteral("Hello again")));
    QVERIFY2(made.status == 201, describe(made));
}

void TestCliDbCopy::nonEmptyTargetIsRefused()
{
    QTemporaryDir dir;
    QCOMPARE(runTierdesk(in(dir, {QStringLiteral("demo"), QStringLiteral("seed")})).exitCode, 0);
    const QString url = m_pg->createDatabase();
    CliResult r = runTierdesk(in(dir, copyTo(url)), 60000);
    QVERIFY2(r.exitCode == 0, r.err.constData());
    const QString count
        = QStringLiteral("SELECT (SELECT count(*) FROM sessions) || '/' || (SELECT count(*) FROM messages)");
    QString before, after;
    QVERIFY(m_pg->psql(nameOf(url), count, &before));
    r = runTierdesk(in(dir, copyTo(url)), 60000);
    QCOMPARE(r.exitCode, 1);
    QVERIFY2(r.err.contains("is not empty"), r.err.constData());
    QVERIFY(m_pg->psql(nameOf(url), count, &after));
    QCOMPARE(after, before);
}

void TestCliDbCopy::badTargetsAreRefusedWithoutThePassword()
{
    QTemporaryDir dir;
    QCOMPARE(runTierdesk(in(dir, {QStringLiteral("demo"), QStringLiteral("seed")})).exitCode, 0);
    CliResult r = runTierdesk(in(dir, copyTo(QStringLiteral("mysql://u:sekrit99@h/db"))));
    QCOMPARE(r.exitCode, 2);
    QVERIFY2(r.err.contains("--to: invalid database URL"), r.err.constData());
    QVERIFY(!r.err.contains("sekrit99"));
    r = runTierdesk(in(dir, {QStringLiteral("db"), QStringLiteral("copy")}));
    QCOMPARE(r.exitCode, 2);
    QVERIFY2(r.err.contains("db copy needs --to"), r.err.constData());
    // Nothing listens on port 1.
    r = runTierdesk(in(dir, copyTo(QStringLiteral("postgresql://u:sekrit99@127.0.0.1:1/db?connect_timeout=2"))));
    QCOMPARE(r.exitCode, 1);
    QVERIFY2(r.err.contains("cannot connect to postgresql://u@127.0.0.1:1/db"), r.err.constData());
    QVERIFY(!r.err.contains("sekrit99") && !r.out.contains("sekrit99"));
    // A data directory without a database.
    QTemporaryDir empty;
    r = runTierdesk(in(empty, copyTo(m_pg->url(QStringLiteral("postgres")))));
    QCOMPARE(r.exitCode, 1);
    QVERIFY2(r.err.contains("no database at"), r.err.constData());
}

// The 100,000-session figures are bench/db_copy.sh's; a smaller store here keeps the suite quick.
void TestCliDbCopy::generatedStoreIsCopiedAndVerified()
{
    QTemporaryDir dir;
    CliResult r = runTierdesk(
        in(dir, {QStringLiteral("demo"), QStringLiteral("seed"), QStringLiteral("--sessions"), QStringLiteral("5000")}),
        120000);
    QVERIFY2(r.exitCode == 0, r.err.constData());
    const QString url = m_pg->createDatabase();
    r = runTierdesk(in(dir, copyTo(url)), 240000);
    QVERIFY2(r.exitCode == 0, r.err.constData());
    QVERIFY2(r.out.contains("verified: counts of "), r.out.constData());
    QString sessions, messages;
    QVERIFY(m_pg->psql(nameOf(url), QStringLiteral("SELECT count(*) FROM sessions"), &sessions));
    QVERIFY(m_pg->psql(nameOf(url), QStringLiteral("SELECT count(*) FROM messages"), &messages));
    QVERIFY2(sessions.trimmed().toInt() >= 5000, qPrintable(sessions));
    // What it says it moved is what is there.
    const QRegularExpression line(QStringLiteral("\\n  sessions +(\\d+)\\n"));
    QCOMPARE(line.match(QString::fromUtf8(r.out)).captured(1), sessions.trimmed());
    QVERIFY2(r.out.contains(QStringLiteral(" tables and %1 messages (sha256 ").arg(messages.trimmed()).toUtf8()),
        r.out.constData());
}

// A company's connectors and their call log go along; the copy opens the secret with the
// same data key, and a test through it still reaches the shop with its token.
void TestCliDbCopy::connectorsAreCopiedWithTheirSealedSecrets()
{
    QTemporaryDir dir, dir2;
    const QByteArray token = "copy-shop-token-424242";
    ConnectorServer shop(QStringLiteral("orders"), {QStringLiteral("--token"), QString::fromLatin1(token)});
    QVERIFY2(shop.isRunning(), qPrintable(shop.error()));
    CliResult r = runTierdesk(in(dir, {QStringLiteral("demo"), QStringLiteral("seed")}));
    QVERIFY2(r.exitCode == 0, r.err.constData());
    const QString company = QJsonDocument::fromJson(r.out).object().value(QLatin1String("companyId")).toString();
    const QByteArray spec = R"({"kind": "http", "purposes": ["order"], "url": ")" + shop.url().toUtf8()
        + R"(", "auth": {"type": "bearer", "token": ")" + token + R"("},
        "requests": {"order": {"method": "GET", "path": "/orders/{orderId}"}},
        "fields": {"order": {"id": "/number", "status": "/state"}}})";
    const auto connector = [&](const QTemporaryDir &d, const QStringList &more) {
        return in(d, QStringList{QStringLiteral("connector")} + more);
    };
    r = runTierdeskWithInput(connector(dir,
                                 {QStringLiteral("add"), QStringLiteral("--company"), company, QStringLiteral("--name"),
                                     QStringLiteral("shop")}),
        spec);
    QVERIFY2(r.exitCode == 0, r.err.constData());
    const QStringList test{QStringLiteral("test"), QStringLiteral("--company"), company, QStringLiteral("--name"),
        QStringLiteral("shop"), QStringLiteral("--purpose"), QStringLiteral("order"), QStringLiteral("--input"),
        QStringLiteral(R"({"orderId": "ORD-10005"})")};
    r = runTierdesk(connector(dir, test), 30000);
    QVERIFY2(r.exitCode == 0, r.err.constData());

    const QString url = m_pg->createDatabase();
    r = runTierdesk(in(dir, copyTo(url)), 120000);
    QVERIFY2(r.exitCode == 0, r.err.constData());
    QString counts;
    QVERIFY(m_pg->psql(nameOf(url),
        QStringLiteral("SELECT (SELECT count(*) FROM connectors) || '/' || (SELECT count(*) FROM connector_calls)"
                       " || '/' || (SELECT count(*) FROM connectors WHERE sealed_secret LIKE '%copy-shop-token%')"),
        &counts));
    QCOMPARE(counts.trimmed(), QStringLiteral("1/1/0"));

    const CliResult keys = runTierdesk(in(dir, {QStringLiteral("secrets"), QStringLiteral("export")}));
    QVERIFY2(keys.exitCode == 0, keys.err.constData());
    r = runTierdeskWithInput(in(dir2, {QStringLiteral("secrets"), QStringLiteral("import")}), keys.out);
    QVERIFY2(r.exitCode == 0, r.err.constData());
    r = runTierdesk(connector(dir2, QStringList{QStringLiteral("--database"), url} + test), 30000);
    QVERIFY2(r.exitCode == 0, r.err.constData()); // the shop took the token opened on the copy
    QVERIFY(m_pg->psql(nameOf(url), QStringLiteral("SELECT count(*) FROM connector_calls"), &counts));
    QCOMPARE(counts.trimmed(), QStringLiteral("2"));
}

QTEST_GUILESS_MAIN(TestCliDbCopy)
#include "tst_cli_dbcopy.moc"
