// The support agent API as a client meets it: `tierdesk serve` running, a key made
// with `tierdesk token create --company ID --kind apikey` beside it, and seed 002's
// example requests against the served port; the key stops working once revoked.
#include "tests/api/agent/AgentTestSupport.h"

#include <QTest>

using namespace tierdesk;
using namespace tierdesk::test;

class TestAgentApiCli : public QObject {
    Q_OBJECT

private slots:
    void keyFromTheCommandLineServesTheSeedsExamples();
};

void TestAgentApiCli::keyFromTheCommandLineServesTheSeedsExamples()
{
    QTemporaryDir dir;
    QVERIFY(dir.isValid());
    ServeProcess serve;
    QString error;
    QVERIFY2(serve.start(dir.path(), {QStringLiteral("--demo")}, &error), qPrintable(error));
    const QString company = serve.companyId();
    QVERIFY(!company.isEmpty());
    const CliResult made
        = runTierdesk({QStringLiteral("--data-dir"), dir.path(), QStringLiteral("token"), QStringLiteral("create"),
            QStringLiteral("--company"), company, QStringLiteral("--kind"), QStringLiteral("apikey")});
    QVERIFY2(made.exitCode == 0, made.err.constData());
    const QByteArray key = made.out.trimmed();
    QVERIFY2(key.startsWith("tdk_"), made.out.constData());

    AgentClient client(serve.port(), key);
    HttpResult r = client.post(QStringLiteral("/api/query"),
        {{QStringLiteral("query"), QStringLiteral("What are your hours?")},
            {QStringLiteral("session_id"), QStringLiteral("test_1")},
            {QStringLiteral("customer_id"), QStringLiteral("test_user")}});
    QVERIFY2(r.status == 200, describe(r));
    QVERIFY(!r.json().value(QLatin1String("response")).toString().isEmpty());
    r = client.post(QStringLiteral("/api/escalation"),
        {{QStringLiteral("session_id"), QStringLiteral("test_1")},
            {QStringLiteral("reason"), QStringLiteral("manual_request")},
            {QStringLiteral("priority"), QStringLiteral("medium")}});
    QVERIFY2(r.status == 201, describe(r));
    QCOMPARE(
        client.get(QStringLiteral("/api/session/test_1")).json().value(QLatin1String("escalations")).toArray().size(),
        1);

    // Revoked over the canonical API by the company's admin: refused from then on.
    const CliResult admin
        = runTierdesk({QStringLiteral("--data-dir"), dir.path(), QStringLiteral("token"), QStringLiteral("create"),
            QStringLiteral("--company"), company, QStringLiteral("--role"), QStringLiteral("admin")});
    QVERIFY2(admin.exitCode == 0, admin.err.constData());
    HttpClient http(serve.port(), admin.out.trimmed());
    QString keyId;
    for (const QJsonValue &v :
        http.get(QStringLiteral("/api/cs/tokens")).json().value(QLatin1String("tokens")).toArray())
        if (v.toObject().value(QLatin1String("kind")).toString() == QLatin1String("apikey"))
            keyId = v.toObject().value(QLatin1String("id")).toString();
    QVERIFY(!keyId.isEmpty());
    const HttpResult revoked = http.del(QStringLiteral("/api/cs/tokens/") + keyId);
    QVERIFY2(revoked.status == 200 || revoked.status == 204, describe(revoked));
    r = client.get(QStringLiteral("/api/status"));
    QVERIFY2(checkAgentError(r, 401, QStringLiteral("AUTHENTICATION_ERROR")).isEmpty(), describe(r));
    QVERIFY(serve.terminate());
}

QTEST_GUILESS_MAIN(TestAgentApiCli)
#include "tst_agentapi_cli.moc"
