// Money moves once, whatever crashes: the real `tierdesk serve` with a stripe refund connector
// is killed (SIGKILL) while the scripted Stripe is answering a confirmed refund (it made the
// refund and holds the answer), the answer is let go to nobody, and the server is started
// again: it calls Stripe again with the same idempotency key, settles from the replayed answer,
// and tells the customer in the session. Exactly one refund at Stripe, one ledger row with its id.
#include "tests/api/ApiTestSupport.h"
#include "tests/support/ConnectorServer.h"
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

private:
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
    m_stripe = std::make_unique<ConnectorServer>(
        QStringLiteral("stripe"), QStringList{QStringLiteral("--paid"), QStringLiteral("pi_demo_10005=11500")});
    QVERIFY2(m_stripe->isRunning(), qPrintable(m_stripe->error()));
}

HttpResult TestMoneyCrash::stripe(const QByteArray &method, const QString &path, const QJsonObject &body)
{
    HttpClient http(m_stripe->port());
    return http.send(method, path, body.isEmpty() ? QByteArray() : QJsonDocument(body).toJson(),
        {{"Content-Type", "application/json"}}, false);
}

void TestMoneyCrash::killedWhileStripeAnswersRefundsOnce()
{
    QTemporaryDir dir;
    QVERIFY(dir.isValid());
    const QStringList args{QStringLiteral("--demo"), QStringLiteral("--no-rate-limit")};
    ServeProcess serve;
    QString error;
    QVERIFY2(serve.start(dir.path(), args, &error), qPrintable(error));
    const QString company = serve.companyId();
    const QByteArray token = serve.adminToken();
    QString sessionId;
    {
        HttpClient admin(serve.port(), token);
        const QJsonObject connector{{QStringLiteral("kind"), QStringLiteral("stripe")},
            {QStringLiteral("purposes"), QJsonArray{QStringLiteral("refund")}},
            {QStringLiteral("url"), m_stripe->url()}, {QStringLiteral("timeoutMs"), 30000},
            {QStringLiteral("auth"),
                QJsonObject{
                    {QStringLiteral("type"), QStringLiteral("bearer")}, {QStringLiteral("token"), kStripeKey}}}};
        HttpResult r = admin.put(
            withQuery(QStringLiteral("/api/cs/connectors/stripe"), {{QStringLiteral("companyId"), company}}),
            connector);
        QVERIFY2(r.status == 201, describe(r));
        r = admin.put(QStringLiteral("/api/cs/config"),
            {{QStringLiteral("companyId"), company},
                {QStringLiteral("connectors"), QJsonObject{{QStringLiteral("refund"), QStringLiteral("stripe")}}}});
        QVERIFY2(r.status == 200, describe(r));
        r = admin.post(QStringLiteral("/api/cs/sessions"), sessionBody(company, QStringLiteral("cust_ben")));
        QVERIFY2(r.status == 201, describe(r));
        sessionId = str(r.json(), "id");
        r = admin.post(QStringLiteral("/api/cs/sessions/%1/messages").arg(sessionId),
            {{QStringLiteral("message"), QStringLiteral("i want my money back for the pants from ORD-10005")}});
        QVERIFY2(r.status == 201, describe(r));
        QVERIFY2(
            str(r.json().value(QLatin1String("aiResponse")).toObject(), "content").contains(QLatin1String("Shall I")),
            r.body.constData());
    }

    // Stripe makes the refund and holds its answer; the confirmation goes out and is not waited for.
    QCOMPARE(stripe("POST", QStringLiteral("/_control/hold"), {{QStringLiteral("count"), 1}}).status, 200);
    QNetworkAccessManager nam;
    QNetworkRequest yes(
        QUrl(QStringLiteral("http://127.0.0.1:%1/api/cs/sessions/%2/messages").arg(serve.port()).arg(sessionId)));
    yes.setHeader(QNetworkRequest::ContentTypeHeader, QStringLiteral("application/json"));
    yes.setRawHeader("Authorization", "Bearer " + token);
    QNetworkReply *pending = nam.post(yes, QByteArray(R"({"message": "yes"})"));
    QTRY_COMPARE_WITH_TIMEOUT(
        stripe("GET", QStringLiteral("/_control/held")).json().value(QLatin1String("held")).toInt(), 1, 20000);
    QCOMPARE(refundsAtStripe().size(), 1); // the money moved at Stripe; Tierdesk has not heard
    serve.kill();
    pending->abort();
    QCOMPARE(stripe("POST", QStringLiteral("/_control/release")).status, 200); // the answer goes to nobody

    // The next start calls again with the same key and settles from Stripe's replayed answer.
    QVERIFY2(serve.start(dir.path(), args, &error), qPrintable(error));
    HttpClient admin(serve.port(), serve.adminToken());
    const auto toldMessages = [&] {
        int n = 0;
        const HttpResult r = admin.get(QStringLiteral("/api/cs/sessions/") + sessionId);
        for (const QJsonValue &m : r.json().value(QLatin1String("messages")).toArray())
            n += str(m.toObject(), "content")
                     .startsWith(QLatin1String("Update on your refund: our payment provider has now refunded $79.00"));
        return n;
    };
    QTRY_COMPARE_WITH_TIMEOUT(toldMessages(), 1, 30000);

    const QJsonArray refunds = refundsAtStripe();
    QCOMPARE(refunds.size(), 1); // exactly one refund at the provider
    const QString refundId = str(refunds.at(0).toObject(), "id");
    QCOMPARE(refunds.at(0).toObject().value(QLatin1String("amount")).toInt(), 7900);
    HttpClient stripeHttp(m_stripe->port());
    QStringList keys;
    for (const QJsonValue &v : stripeHttp.send("GET", QStringLiteral("/_requests"), {}, {}, false).doc.array())
        if (str(v.toObject(), "path") == QLatin1String("/v1/refunds"))
            keys << str(v.toObject().value(QLatin1String("headers")).toObject(), "idempotency-key");
    QCOMPARE(keys.size(), 2); // the call before the kill and the one after it
    QCOMPARE(keys.at(0), keys.at(1)); // with one key
    QVERIFY(serve.terminate());

    // One ledger row, with Stripe's refund id; the customer told once.
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

QTEST_GUILESS_MAIN(TestMoneyCrash)
#include "tst_money_crash.moc"
