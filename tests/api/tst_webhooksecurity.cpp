// Webhooks against abuse: targets that must not be reachable (SSRF) at
// registration and at delivery, receiver answers that must not be shown back,
// and secrets that must not sit in the database in plain text.
#include "tests/api/ApiTestSupport.h"

#include "core/integrations/WebhookSigner.h"
#include "tests/integrations/LoopbackReceiver.h"

#include <QDateTime>
#include <QFile>
#include <QSqlDatabase>
#include <QSqlError>
#include <QSqlQuery>
#include <QTest>

using namespace tierdesk;
using namespace tierdesk::test;

namespace {

const QByteArray kSecret = "whsec_security_0123456789";

QJsonObject hookBody(const QString &companyId, const QString &url, const QByteArray &secret = kSecret)
{
    return {{QStringLiteral("companyId"), companyId}, {QStringLiteral("url"), url},
        {QStringLiteral("events"), QJsonArray{QStringLiteral("session.created")}},
        {QStringLiteral("secret"), QString::fromLatin1(secret)}};
}

// The database file and its write-ahead log, byte for byte.
QByteArray rawDatabase(const QString &dataDir)
{
    QByteArray all;
    for (const char *name : {"tierdesk.db", "tierdesk.db-wal"}) {
        QFile f(dataDir + QLatin1Char('/') + QLatin1String(name));
        if (f.open(QIODevice::ReadOnly))
            all += f.readAll();
    }
    return all;
}

// One SQL query on the database file through a connection of our own.
QVariant rawQuery(const QString &dataDir, const QString &sql, const QVariantList &binds = {})
{
    const QString name = QStringLiteral("raw-check");
    QVariant out;
    {
        QSqlDatabase db = QSqlDatabase::addDatabase(QStringLiteral("QSQLITE"), name);
        db.setDatabaseName(dataDir + QStringLiteral("/tierdesk.db"));
        if (db.open()) {
            QSqlQuery q(db);
            q.prepare(sql);
            for (const QVariant &b : binds)
                q.addBindValue(b);
            if (q.exec() && q.next())
                out = q.value(0);
            else if (!sql.startsWith(QLatin1String("SELECT")))
                out = q.lastError().text().isEmpty() ? QVariant(true) : QVariant();
        }
        db.close();
    }
    QSqlDatabase::removeDatabase(name);
    return out;
}

QJsonObject deliveryOf(HttpClient &admin, const QString &companyId, const QString &webhookId)
{
    const HttpResult list
        = admin.get(withQuery(QStringLiteral("/api/cs/webhooks"), {{QStringLiteral("companyId"), companyId}}));
    for (const QJsonValue &d : list.json().value(QLatin1String("deliveries")).toArray())
        if (d.toObject().value(QLatin1String("webhookId")).toString() == webhookId)
            return d.toObject();
    return {};
}

} // namespace

class TestWebhookSecurity : public QObject {
    Q_OBJECT

private slots:
    void initTestCase();
    void cleanupTestCase();
    void forbiddenTargetsAreRefused_data();
    void forbiddenTargetsAreRefused();
    void privateTargetsNeedTheSetting_data();
    void privateTargetsNeedTheSetting();
    void publicTargetsAreAccepted();
    void forbiddenAddressAtDeliveryIsDeadAtOnce();
    void receiverAnswerIsNeverShown();
    void secretIsSealedInTheDatabase();
    void plainTextSecretsAreSealedAtStartup();

private:
    ServerFixture m_open; // webhooks/allowPrivateNetworks=true (the fixture's default)
    ServerFixture m_strict; // the shipped default: false
    std::unique_ptr<HttpClient> m_openAdmin;
    std::unique_ptr<HttpClient> m_strictAdmin;
};

void TestWebhookSecurity::initTestCase()
{
    QString error;
    QVERIFY2(m_open.start("[webhooks]\nbaseDelayMs=200\n", false, &error), qPrintable(error));
    QVERIFY2(m_strict.start("[webhooks]\nallowPrivateNetworks=false\n", false, &error), qPrintable(error));
    m_openAdmin = m_open.client(api::Role::Admin);
    m_strictAdmin = m_strict.client(api::Role::Admin);
}

void TestWebhookSecurity::cleanupTestCase()
{
    m_openAdmin.reset();
    m_strictAdmin.reset();
    m_open.stop();
    m_strict.stop();
}

void TestWebhookSecurity::forbiddenTargetsAreRefused_data()
{
    QTest::addColumn<QString>("url");
    QTest::newRow("metadata") << QStringLiteral("http://169.254.169.254/latest/meta-data/");
    QTest::newRow("metadata short form") << QStringLiteral("http://169.254.43518/latest/meta-data/");
    QTest::newRow("metadata mapped") << QStringLiteral("http://[::ffff:169.254.169.254]/");
    QTest::newRow("metadata v6") << QStringLiteral("http://[fd00:ec2::254]/latest/meta-data/");
    QTest::newRow("metadata alibaba") << QStringLiteral("http://100.100.100.200/latest/meta-data/");
    QTest::newRow("link-local") << QStringLiteral("http://169.254.10.1/h");
    QTest::newRow("link-local v6") << QStringLiteral("http://[fe80::1]/h");
    QTest::newRow("unspecified") << QStringLiteral("http://0.0.0.0:9/h");
    QTest::newRow("unspecified v6") << QStringLiteral("http://[::]:9/h");
    QTest::newRow("multicast") << QStringLiteral("http://224.0.0.1/h");
    QTest::newRow("broadcast") << QStringLiteral("http://255.255.255.255/h");
    QTest::newRow("credentials") << QStringLiteral("http://user:pass@127.0.0.1:9/h");
    QTest::newRow("credentials https") << QStringLiteral("https://user:pass@hooks.example.com/h");
    QTest::newRow("user only") << QStringLiteral("https://token@hooks.example.com/h");
}

void TestWebhookSecurity::forbiddenTargetsAreRefused()
{
    // Refused even where private networks are allowed.
    QFETCH(QString, url);
    const HttpResult r = m_openAdmin->post(QStringLiteral("/api/cs/webhooks"), hookBody(m_open.companyId(), url));
    const QString problem = checkErrorBody(r, 400, QStringLiteral("CS_011"));
    QVERIFY2(problem.isEmpty(), qPrintable(problem));
    QCOMPARE(r.error().value(QLatin1String("details")).toObject().value(QLatin1String("field")).toString(),
        QStringLiteral("url"));
}

void TestWebhookSecurity::privateTargetsNeedTheSetting_data()
{
    QTest::addColumn<QString>("url");
    QTest::newRow("loopback") << QStringLiteral("http://127.0.0.1:9/h");
    QTest::newRow("hex") << QStringLiteral("http://0x7f000001:9/h");
    QTest::newRow("decimal") << QStringLiteral("http://2130706433:9/h");
    QTest::newRow("octal") << QStringLiteral("http://0177.0.0.1:9/h");
    QTest::newRow("short") << QStringLiteral("http://127.1:9/h");
    QTest::newRow("mapped") << QStringLiteral("http://[::ffff:127.0.0.1]:9/h");
    QTest::newRow("ipv6 loopback") << QStringLiteral("http://[::1]:9/h");
    QTest::newRow("10/8") << QStringLiteral("http://10.0.0.1/h");
    QTest::newRow("172.16/12") << QStringLiteral("http://172.16.0.1/h");
    QTest::newRow("192.168/16") << QStringLiteral("https://192.168.1.1/h");
    QTest::newRow("cgnat") << QStringLiteral("http://100.64.0.1/h");
    QTest::newRow("unique local") << QStringLiteral("http://[fc00::1]/h");
    // A name is resolved at registration; localhost resolves to loopback.
    QTest::newRow("localhost") << QStringLiteral("http://localhost:9/h");
}

void TestWebhookSecurity::privateTargetsNeedTheSetting()
{
    QFETCH(QString, url);
    const HttpResult r = m_strictAdmin->post(QStringLiteral("/api/cs/webhooks"), hookBody(m_strict.companyId(), url));
    const QString problem = checkErrorBody(r, 400, QStringLiteral("CS_011"));
    QVERIFY2(problem.isEmpty(), qPrintable(problem));
    const QJsonObject e = r.error();
    QCOMPARE(
        e.value(QLatin1String("details")).toObject().value(QLatin1String("field")).toString(), QStringLiteral("url"));
    QVERIFY2(e.value(QLatin1String("message")).toString().contains(QLatin1String("webhooks/allowPrivateNetworks")),
        describe(r));

    // The same target is fine where the setting allows private networks.
    const HttpResult allowed = m_openAdmin->post(QStringLiteral("/api/cs/webhooks"), hookBody(m_open.companyId(), url));
    QVERIFY2(allowed.status == 201, describe(allowed));
    QCOMPARE(
        m_openAdmin->del(QStringLiteral("/api/cs/webhooks/") + allowed.json().value(QLatin1String("id")).toString())
            .status,
        204);
}

void TestWebhookSecurity::publicTargetsAreAccepted()
{
    const HttpResult r = m_strictAdmin->post(QStringLiteral("/api/cs/webhooks"),
        hookBody(m_strict.companyId(), QStringLiteral("https://93.184.215.14/hooks/cs")));
    QVERIFY2(r.status == 201, describe(r));
    QCOMPARE(
        m_strictAdmin->del(QStringLiteral("/api/cs/webhooks/") + r.json().value(QLatin1String("id")).toString()).status,
        204);
    // A name that does not resolve cannot be checked, so it is refused.
    const HttpResult unknown = m_strictAdmin->post(QStringLiteral("/api/cs/webhooks"),
        hookBody(m_strict.companyId(), QStringLiteral("https://no-such-host.invalid/h")));
    const QString problem = checkErrorBody(unknown, 400, QStringLiteral("CS_011"));
    QVERIFY2(problem.isEmpty(), qPrintable(problem));
}

void TestWebhookSecurity::forbiddenAddressAtDeliveryIsDeadAtOnce()
{
    // A hook whose name resolved to a public address at registration and to a
    // loopback one now (DNS rebinding), simulated by a row put in directly.
    LoopbackReceiver rx;
    QVERIFY(rx.isListening());
    const QString id = QStringLiteral("wh_rebound");
    QVERIFY(m_strict.runtime().store().webhooks().insert(
        Webhook{id, m_strict.companyId(), rx.url().toString(), {QStringLiteral("session.created")}, kSecret, 0}));
    const HttpResult s = m_strictAdmin->post(
        QStringLiteral("/api/cs/sessions"), sessionBody(m_strict.companyId(), QStringLiteral("cust_alice")));
    QVERIFY2(s.status == 201, describe(s));
    QTRY_COMPARE_WITH_TIMEOUT(
        deliveryOf(*m_strictAdmin, m_strict.companyId(), id).value(QLatin1String("state")).toString(),
        QStringLiteral("dead"), 10000);
    const QJsonObject d = deliveryOf(*m_strictAdmin, m_strict.companyId(), id);
    QCOMPARE(d.value(QLatin1String("attempts")).toInt(), 1); // permanent: no retries
    QVERIFY2(d.value(QLatin1String("lastError")).toString().startsWith(QLatin1String("address not allowed: 127.0.0.1")),
        qPrintable(d.value(QLatin1String("lastError")).toString()));
    QCOMPARE(rx.count(), 0);
}

void TestWebhookSecurity::receiverAnswerIsNeverShown()
{
    LoopbackReceiver rx;
    QVERIFY(rx.isListening());
    rx.setStatus(500);
    rx.setBody("internal-only: db_password=hunter2");
    const HttpResult hook
        = m_openAdmin->post(QStringLiteral("/api/cs/webhooks"), hookBody(m_open.companyId(), rx.url().toString()));
    QVERIFY2(hook.status == 201, describe(hook));
    const QString id = hook.json().value(QLatin1String("id")).toString();
    QVERIFY(
        m_openAdmin
            ->post(QStringLiteral("/api/cs/sessions"), sessionBody(m_open.companyId(), QStringLiteral("cust_alice")))
            .status
        == 201);
    QTRY_VERIFY_WITH_TIMEOUT(
        deliveryOf(*m_openAdmin, m_open.companyId(), id).value(QLatin1String("attempts")).toInt() >= 1, 10000);
    QCOMPARE(deliveryOf(*m_openAdmin, m_open.companyId(), id).value(QLatin1String("lastError")).toString(),
        QStringLiteral("HTTP 500"));
    const HttpResult list = m_openAdmin->get(
        withQuery(QStringLiteral("/api/cs/webhooks"), {{QStringLiteral("companyId"), m_open.companyId()}}));
    QVERIFY(!list.body.contains("hunter2"));
    QVERIFY(!rawDatabase(m_open.dataDir()).contains("hunter2"));
    QCOMPARE(m_openAdmin->del(QStringLiteral("/api/cs/webhooks/") + id).status, 204);
}

void TestWebhookSecurity::secretIsSealedInTheDatabase()
{
    const QByteArray canary = "whsec_canary_ZYXW9876543210";
    LoopbackReceiver rx;
    QVERIFY(rx.isListening());
    const HttpResult hook = m_openAdmin->post(
        QStringLiteral("/api/cs/webhooks"), hookBody(m_open.companyId(), rx.url().toString(), canary));
    QVERIFY2(hook.status == 201, describe(hook));
    const QString id = hook.json().value(QLatin1String("id")).toString();
    QVERIFY(m_open.runtime().store().batch().flush());

    const QString stored
        = rawQuery(m_open.dataDir(), QStringLiteral("SELECT secret FROM webhooks WHERE id = ?"), {id}).toString();
    QVERIFY2(stored.startsWith(QLatin1String("sb1:")), qPrintable(stored));
    QVERIFY(!rawDatabase(m_open.dataDir()).contains(canary));

    // Still signed with the secret as registered.
    const HttpResult s = m_openAdmin->post(
        QStringLiteral("/api/cs/sessions"), sessionBody(m_open.companyId(), QStringLiteral("cust_alice")));
    QVERIFY2(s.status == 201, describe(s));
    QTRY_COMPARE_WITH_TIMEOUT(rx.count(), 1, 10000);
    const ReceivedRequest r = rx.requests().constFirst();
    QVERIFY(
        verifyWebhookSignature(canary, r.header("x-tierdesk-signature"), r.body, QDateTime::currentSecsSinceEpoch()));
    QCOMPARE(m_openAdmin->del(QStringLiteral("/api/cs/webhooks/") + id).status, 204);
}

void TestWebhookSecurity::plainTextSecretsAreSealedAtStartup()
{
    const QByteArray legacy = "whsec_legacy_plain_0123456789";
    LoopbackReceiver rx;
    QVERIFY(rx.isListening());
    QTemporaryDir dir;
    QVERIFY(dir.isValid());
    {
        QFile ini(dir.filePath(QStringLiteral("tierdesk.ini")));
        QVERIFY(ini.open(QIODevice::WriteOnly));
        ini.write("[webhooks]\nallowPrivateNetworks=true\n");
    }
    QString companyId;
    {
        auto rt = api::Runtime::open(dir.path());
        QVERIFY2(rt, qPrintable(rt ? QString() : rt.error().message));
        auto company = (*rt)->engine().createCompany(QStringLiteral("Legacy Co"), Actor{});
        QVERIFY(company);
        companyId = company->id;
        QVERIFY((*rt)->store().batch().flush());
    }
    // An older version stored secrets as they came.
    QVERIFY(rawQuery(dir.path(),
        QStringLiteral("INSERT INTO webhooks(id, company_id, url, events, secret, created_at)"
                       " VALUES ('wh_legacy', ?, ?, '[\"session.created\"]', ?, 0)"),
        {companyId, rx.url().toString(), QString::fromLatin1(legacy)})
                .isValid());
    QVERIFY(rawDatabase(dir.path()).contains(legacy)); // the check below can see it
    // It also kept the start of a receiver's answer in last_error (schema version 1).
    QVERIFY(rawQuery(dir.path(),
        QStringLiteral("INSERT INTO webhook_outbox(webhook_id, delivery_id, event, payload, attempts,"
                       " next_attempt_at, state, last_status, last_error, created_at) VALUES ('wh_legacy',"
                       " 'dlv_legacy', 'session.created', '{}', 8, 0, 'dead', 500,"
                       " 'HTTP 500: db_password=hunter2', 0)"))
                .isValid());
    // As if migration 2 had never run (every migration not recorded runs at start;
    // forgetting all above 1 would also re-run those that create tables).
    QVERIFY(rawQuery(dir.path(), QStringLiteral("DELETE FROM schema_version WHERE version = 2")).isValid());

    auto rt = api::Runtime::open(dir.path());
    QVERIFY2(rt, qPrintable(rt ? QString() : rt.error().message));
    const QString stored
        = rawQuery(dir.path(), QStringLiteral("SELECT secret FROM webhooks WHERE id = 'wh_legacy'")).toString();
    QVERIFY2(stored.startsWith(QLatin1String("sb1:")), qPrintable(stored));
    QVERIFY(!rawDatabase(dir.path()).contains(legacy));
    QCOMPARE(
        rawQuery(dir.path(), QStringLiteral("SELECT last_error FROM webhook_outbox WHERE delivery_id = 'dlv_legacy'"))
            .toString(),
        QStringLiteral("HTTP 500"));

    // And the hook still delivers, signed with its original secret.
    api::ServerHost host(**rt, api::ServerOptions{QHostAddress::LocalHost, 0, false});
    const Status started = host.start();
    QVERIFY2(started.ok(), started.ok() ? "" : qPrintable(started.error().message));
    HttpClient admin(host.port(), (*rt)->auth().issue(companyId, api::Role::Admin, QStringLiteral("tester"), 3600));
    const HttpResult s
        = admin.post(QStringLiteral("/api/cs/sessions"), sessionBody(companyId, QStringLiteral("cust_legacy")));
    QVERIFY2(s.status == 201, describe(s));
    QTRY_COMPARE_WITH_TIMEOUT(rx.count(), 1, 10000);
    const ReceivedRequest r = rx.requests().constFirst();
    QVERIFY(
        verifyWebhookSignature(legacy, r.header("x-tierdesk-signature"), r.body, QDateTime::currentSecsSinceEpoch()));
    host.stop();
}

QTEST_GUILESS_MAIN(TestWebhookSecurity)
#include "tst_webhooksecurity.moc"
