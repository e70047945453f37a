// Money moves once, whatever crashes: the real `tierdesk serve` with a stripe refund connector
// is killed (SIGKILL) while the scripted Stripe is answering a confirmed refund (it made the
// refund and holds the answer), the answer is let go to nobody, and the server is started
// again: it calls Stripe again with the same idempotency key, settles from the replayed answer,
// and tells the customer in the session. Exactly one refund at Stripe, one ledger row with its id.
#include "tests/api/ApiTestSupport.h"
#include "tests/support/ConnectorServer.h"
#include "tests/support/PgServer.h"
#include "tests/support/SqlScalar.h"
#include "tests/support/TestPaths.h"

#include <QFileInfo>
#include <QJsonArray>
#include <QNetworkAccessManager>
#include <QNetworkReply>
#include <QSqlDatabase>
#include <QTest>

using namespace tierdesk;
using namespace tierdesk::test;

namespace {

const QString kStripeKey = QStringLiteral("sk_test_tierdesk");

QString str(const QJsonObject &o, const char *key)
{
    return o.value(QLatin1String(key)).toString();
}

} // namespace

class TestMoneyCrash : public QObject {
    Q_OBJECT

private slots:
    void initTestCase();
    void killedWhileStripeAnswersRefundsOnce();
    void teamTakesOverAKilledInstancesRefund();

private:
    // The stripe refund connector named by the company's config; the session asking `ask`, answered by a summary.
    QString sessionAsking(
        HttpClient &admin, const QString &company, const QString &customer, const QString &ask, int timeoutMs);
    // "yes" sent and not waited for; true once Stripe holds its answer (the refund made there).
    bool confirmWhileStripeHolds(quint16 port, const QByteArray &token, const QString &sessionId);
    static int toldMessages(HttpClient &http, const QString &sessionId, const QString &amount);
    QStringList refundKeys(const QString &reference); // the Idempotency-Key of each refund call for it
    int refundsOf(const QString &reference); // refunds Stripe made of it

    QNetworkAccessManager m_nam;
    HttpResult stripe(const QByteArray &method, const QString &path, const QJsonObject &body = {});
    QJsonArray refundsAtStripe()
    {
        return stripe("GET", QStringLiteral("/_control/refunds")).json().value(QLatin1String("refunds")).toArray();
    }

    std::unique_ptr<ConnectorServer> m_stripe;
};

void TestMoneyCrash::initTestCase()
{
    QVERIFY2(QFileInfo(tierdeskExecutable()).isExecutable(), qPrintable(tierdeskExecutable()));
    m_stripe = std::make_unique<ConnectorServer>(QStringLiteral("stripe"),
        QStringList{QStringLiteral("--paid"), QStringLiteral("pi_demo_10005=11500"), QStringLiteral("--paid"),
            QStringLiteral("pi_demo_10012=26800")});
    QVERIFY2(m_stripe->isRunning(), qPrintable(m_stripe->error()));
}

HttpResult TestMoneyCrash::stripe(const QByteArray &method, const QString &path, const QJsonObject &body)
{
    HttpClient http(m_stripe->port());
    return http.send(method, path, body.isEmpty() ? QByteArray() : QJsonDocument(body).toJson(),
        {{"Content-Type", "application/json"}}, false);
}

QString TestMoneyCrash::sessionAsking(
    HttpClient &admin, const QString &company, const QString &customer, const QString &ask, int timeoutMs)
{
    const QJsonObject connector{{QStringLiteral("kind"), QStringLiteral("stripe")},
        {QStringLiteral("purposes"), QJsonArray{QStringLiteral("refund")}}, {QStringLiteral("url"), m_stripe->url()},
        {QStringLiteral("timeoutMs"), timeoutMs},
        {QStringLiteral("auth"),
            QJsonObject{{QStringLiteral("type"), QStringLiteral("bearer")}, {QStringLiteral("token"), kStripeKey}}}};
    HttpResult r = admin.put(
        withQuery(QStringLiteral("/api/cs/connectors/stripe"), {{QStringLiteral("companyId"), company}}), connector);
    if (r.status != 201)
        return {};
    r = admin.put(QStringLiteral("/api/cs/config"),
        {{QStringLiteral("companyId"), company},
            {QStringLiteral("connectors"), QJsonObject{{QStringLiteral("refund"), QStringLiteral("stripe")}}}});
    if (r.status != 200)
        return {};
    r = admin.post(QStringLiteral("/api/cs/sessions"), sessionBody(company, customer));
    const QString id = str(r.json(), "id");
    r = admin.post(QStringLiteral("/api/cs/sessions/%1/messages").arg(id), {{QStringLiteral("message"), ask}});
    const bool asked
        = str(r.json().value(QLatin1String("aiResponse")).toObject(), "content").contains(QLatin1String("Shall I"));
    return asked ? id : QString();
}

bool TestMoneyCrash::confirmWhileStripeHolds(quint16 port, const QByteArray &token, const QString &sessionId)
{
    if (stripe("POST", QStringLiteral("/_control/hold"), {{QStringLiteral("count"), 1}}).status != 200)
        return false;
    QNetworkRequest yes(
        QUrl(QStringLiteral("http://127.0.0.1:%1/api/cs/sessions/%2/messages").arg(port).arg(sessionId)));
    yes.setHeader(QNetworkRequest::ContentTypeHeader, QStringLiteral("application/json"));
    yes.setRawHeader("Authorization", "Bearer " + token);
    QNetworkReply *pending = m_nam.post(yes, QByteArray(R"({"message": "yes"})"));
    connect(pending, &QNetworkReply::finished, pending, &QObject::deleteLater);
    const auto held = [this] {
        return stripe("GET", QStringLiteral("/_control/held")).json().value(QLatin1String("held")).toInt();
    };
    return QTest::qWaitFor([&held] { return held() == 1; }, 20000);
}

int TestMoneyCrash::toldMessages(HttpClient &http, const QString &sessionId, const QString &amount)
{
    int n = 0;
    const HttpResult r = http.get(QStringLiteral("/api/cs/sessions/") + sessionId);
    for (const QJsonValue &m : r.json().value(QLatin1String("messages")).toArray())
        n += str(m.toObject(), "content")
                 .startsWith(QStringLiteral("Update on your refund: our payment provider has now refunded ") + amount);
    return n;
}

QStringList TestMoneyCrash::refundKeys(const QString &reference)
{
    HttpClient http(m_stripe->port());
    QStringList keys;
    for (const QJsonValue &v : http.send("GET", QStringLiteral("/_requests"), {}, {}, false).doc.array())
        if (str(v.toObject(), "path") == QLatin1String("/v1/refunds") && str(v.toObject(), "body").contains(reference))
            keys << str(v.toObject().value(QLatin1String("headers")).toObject(), "idempotency-key");
    return keys;
}

int TestMoneyCrash::refundsOf(const QString &reference)
{
    int n = 0;
    for (const QJsonValue &r : refundsAtStripe())
        n += str(r.toObject(), "payment_intent") == reference;
    return n;
}

void TestMoneyCrash::killedWhileStripeAnswersRefundsOnce()
{
    QTemporaryDir dir;
    QVERIFY(dir.isValid());
    const QStringList args{QStringLiteral("--demo"), QStringLiteral("--no-rate-limit")};
    ServeProcess serve;
    QString error;
    QVERIFY2(serve.start(dir.path(), args, &error), qPrintable(error));
    const QByteArray token = serve.adminToken();
    QString sessionId;
    {
        HttpClient admin(serve.port(), token);
        sessionId = sessionAsking(admin, serve.companyId(), QStringLiteral("cust_ben"),
            QStringLiteral("i want my money back for the pants from ORD-10005"), 30000);
        QVERIFY(!sessionId.isEmpty());
    }
    // Stripe makes the refund and holds its answer: the server dies while Stripe is answering.
    QVERIFY(confirmWhileStripeHolds(serve.port(), token, sessionId));
    QCOMPARE(refundsOf(QStringLiteral("pi_demo_10005")), 1); // the money moved; Tierdesk has not heard
    serve.kill();
    QCOMPARE(stripe("POST", QStringLiteral("/_control/release")).status, 200); // the answer goes to nobody

    // The next start calls again with the same key and settles from Stripe's replayed answer.
    QVERIFY2(serve.start(dir.path(), args, &error), qPrintable(error));
    HttpClient admin(serve.port(), serve.adminToken());
    QTRY_COMPARE_WITH_TIMEOUT(toldMessages(admin, sessionId, QStringLiteral("$79.00")), 1, 30000);
    QCOMPARE(refundsOf(QStringLiteral("pi_demo_10005")), 1); // exactly one refund at the provider
    const QStringList keys = refundKeys(QStringLiteral("pi_demo_10005"));
    QCOMPARE(keys.size(), 2); // the call before the kill and the one after it
    QCOMPARE(keys.at(0), keys.at(1)); // with one key
    QVERIFY(serve.terminate());

    // One ledger row, with Stripe's refund id; the customer told once.
    QString refundId;
    for (const QJsonValue &r : refundsAtStripe())
        if (str(r.toObject(), "payment_intent") == QLatin1String("pi_demo_10005"))
            refundId = str(r.toObject(), "id");
    {
        QSqlDatabase db = QSqlDatabase::addDatabase(QStringLiteral("QSQLITE"), QStringLiteral("crash-check"));
        db.setDatabaseName(api::Runtime::databasePath(dir.path()));
        QVERIFY(db.open());
        QCOMPARE(scalarOf(db, QStringLiteral("SELECT COUNT(*) FROM ledger WHERE order_id = 'ORD-10005'")).toInt(), 1);
        QVERIFY(scalarOf(db, QStringLiteral("SELECT details FROM ledger WHERE order_id = 'ORD-10005'"))
                    .toString()
                    .contains(refundId));
        QCOMPARE(
            scalarOf(db, QStringLiteral("SELECT state FROM money_actions")).toString(), QStringLiteral("succeeded"));
        QCOMPARE(scalarOf(db, QStringLiteral("SELECT told FROM money_actions")).toInt(), 1);
        db.close();
    }
    QSqlDatabase::removeDatabase(QStringLiteral("crash-check"));
}

// Team mode on PostgreSQL: instance A is killed while Stripe answers its refund; instance B,
// alive all along, takes the pending action once A's hold on it runs out (the connector's
// timeout and 30 s), calls Stripe with the same key, records it and tells the customer.
void TestMoneyCrash::teamTakesOverAKilledInstancesRefund()
{
    PgServer pg;
    QString error;
    QVERIFY2(pg.start(&error), qPrintable(error));
    const QString url = pg.createDatabase(&error);
    QVERIFY2(!url.isEmpty(), qPrintable(error));
    QTemporaryDir dirA, dirB;
    const QStringList common{QStringLiteral("--database"), url, QStringLiteral("--no-rate-limit")};
    ServeProcess a, b;
    QVERIFY2(a.start(dirA.path(), common + QStringList{QStringLiteral("--demo")}, &error), qPrintable(error));
    const CliResult keys
        = runTierdesk({QStringLiteral("--data-dir"), dirA.path(), QStringLiteral("secrets"), QStringLiteral("export")});
    QVERIFY2(keys.exitCode == 0, keys.err.constData());
    QVERIFY(
        runTierdeskWithInput(
            {QStringLiteral("--data-dir"), dirB.path(), QStringLiteral("secrets"), QStringLiteral("import")}, keys.out)
            .exitCode
        == 0);
    QVERIFY2(b.start(dirB.path(), common, &error), qPrintable(error));
    const QByteArray token = a.adminToken(); // the team shares its signing key
    QString sessionId;
    {
        HttpClient admin(a.port(), token);
        sessionId = sessionAsking(admin, a.companyId(), QStringLiteral("cust_emma"),
            QStringLiteral("i want my money back for the sleeping pad from ORD-10012"), 3000);
        QVERIFY(!sessionId.isEmpty());
    }
    QVERIFY(confirmWhileStripeHolds(a.port(), token, sessionId));
    a.kill();
    QCOMPARE(stripe("POST", QStringLiteral("/_control/release")).status, 200);

    HttpClient atB(b.port(), token);
    QTRY_COMPARE_WITH_TIMEOUT(toldMessages(atB, sessionId, QStringLiteral("$89.00")), 1, 90000);
    QCOMPARE(refundsOf(QStringLiteral("pi_demo_10012")), 1);
    const QStringList sent = refundKeys(QStringLiteral("pi_demo_10012"));
    QCOMPARE(sent.size(), 2);
    QCOMPARE(sent.at(0), sent.at(1));
    QVERIFY(b.terminate());
    const QString database = QUrl(url).path().mid(1);
    QString out;
    QVERIFY(pg.psql(database,
        QStringLiteral(
            "SELECT COUNT(*) FROM ledger WHERE order_id = 'ORD-10012' AND details LIKE '%\"providerId\":\"re%'"),
        &out, &error));
    QCOMPARE(out.trimmed(), QStringLiteral("1"));
    QVERIFY(pg.psql(database, QStringLiteral("SELECT state || ' ' || told FROM money_actions"), &out, &error));
    QCOMPARE(out.trimmed(), QStringLiteral("succeeded 1"));
}

QTEST_GUILESS_MAIN(TestMoneyCrash)
#include "tst_money_crash.moc"
