// The support agent API's door on a real server on 127.0.0.1 (seed 002): GET
// /health without a key, GET /api/status with one, X-API-Key refusals in the
// seed's error body (audited), and the server's own errors under its paths.
#include "tests/api/agent/AgentTestSupport.h"

#include <QTest>

using namespace tierdesk;
using namespace tierdesk::test;

class TestAgentApiStatus : public QObject {
    Q_OBJECT

private slots:
    void init();
    void cleanup();
    void healthNeedsNoKey();
    void statusCountsTheCompanysSessions();
    void missingKeyIsRefused();
    void unknownKeyIsRefusedAndAudited();
    void revokedKeyIsRefused();
    void jwtIsNoApiKey();
    void unknownPathTakesTheSeedsErrorBody();
    void csPathsKeepTheirOwnErrorBody();
    void wrongMethodTakesTheSeedsErrorBody();

private:
    std::unique_ptr<ServerFixture> m_fixture;
    ServerFixture &server() { return *m_fixture; }
    QByteArray m_key;
    QString m_keyId;
};

void TestAgentApiStatus::init()
{
    m_fixture = std::make_unique<ServerFixture>();
    QString error;
    QVERIFY2(server().start({}, false, &error), qPrintable(error));
    m_key = issueApiKey(server(), {}, &m_keyId);
    QVERIFY(!m_key.isEmpty());
}

void TestAgentApiStatus::cleanup()
{
    m_fixture.reset();
}

void TestAgentApiStatus::healthNeedsNoKey()
{
    AgentClient anonymous(server().port(), {});
    const HttpResult r = anonymous.get(QStringLiteral("/health"));
    QVERIFY2(r.status == 200, describe(r));
    const QJsonObject o = r.json();
    QCOMPARE(o.value(QLatin1String("status")).toString(), QStringLiteral("healthy"));
    QVERIFY(QDateTime::fromString(o.value(QLatin1String("timestamp")).toString(), Qt::ISODateWithMs).isValid());
    QCOMPARE(o.value(QLatin1String("version")).toString(), QStringLiteral(TIERDESK_VERSION));
    QCOMPARE(o.value(QLatin1String("services")).toObject().value(QLatin1String("database")).toString(),
        QStringLiteral("healthy"));
    QVERIFY(o.value(QLatin1String("uptime_seconds")).isDouble());
    QVERIFY(o.value(QLatin1String("uptime_seconds")).toDouble() >= 0);
}

void TestAgentApiStatus::statusCountsTheCompanysSessions()
{
    AgentClient client(server().port(), m_key);
    HttpResult r = client.get(QStringLiteral("/api/status"));
    QVERIFY2(r.status == 200, describe(r));
    const int before = r.json().value(QLatin1String("active_sessions")).toInt(-1);
    QVERIFY(before >= 0);
    // A session of the demo company counts; one of another company does not.
    auto agentOfDemo = server().client(api::Role::Admin);
    QCOMPARE(
        agentOfDemo
            ->post(QStringLiteral("/api/cs/sessions"), sessionBody(server().companyId(), QStringLiteral("cust_ben")))
            .status,
        201);
    const QString other = server().createCompany(QStringLiteral("Other Co"));
    auto adminOfOther = server().client(api::Role::Admin, other);
    QCOMPARE(
        adminOfOther->post(QStringLiteral("/api/cs/sessions"), sessionBody(other, QStringLiteral("cust_x"))).status,
        201);

    r = client.get(QStringLiteral("/api/status"));
    QVERIFY2(r.status == 200, describe(r));
    const QJsonObject o = r.json();
    QCOMPARE(o.value(QLatin1String("system_status")).toString(), QStringLiteral("operational"));
    QCOMPARE(o.value(QLatin1String("active_sessions")).toInt(), before + 1);
    QVERIFY(o.value(QLatin1String("queue_length")).isDouble());
    QVERIFY(o.value(QLatin1String("avg_response_time_ms")).isDouble());
    QVERIFY(o.value(QLatin1String("error_rate")).isDouble());
    QVERIFY(QDateTime::fromString(o.value(QLatin1String("last_deployment")).toString(), Qt::ISODateWithMs).isValid());
}

void TestAgentApiStatus::missingKeyIsRefused()
{
    AgentClient anonymous(server().port(), {});
    const HttpResult r = anonymous.get(QStringLiteral("/api/status"));
    const QString problem = checkAgentError(r, 401, QStringLiteral("AUTHENTICATION_ERROR"));
    QVERIFY2(problem.isEmpty(), qPrintable(problem));
    QVERIFY(r.json().value(QLatin1String("details")).toString().contains(QLatin1String("no_credential")));
}

void TestAgentApiStatus::unknownKeyIsRefusedAndAudited()
{
    const qlonglong before
        = server().scalar(QStringLiteral("SELECT count(*) FROM audit_log WHERE action = 'auth.failed'")).toLongLong();
    AgentClient wrong(server().port(), "tdk_" + QByteArray(43, 'x'));
    const HttpResult r = wrong.get(QStringLiteral("/api/status"));
    const QString problem = checkAgentError(r, 401, QStringLiteral("AUTHENTICATION_ERROR"));
    QVERIFY2(problem.isEmpty(), qPrintable(problem));
    QCOMPARE(server()
                 .scalar(QStringLiteral(
                     "SELECT count(*) FROM audit_log WHERE action = 'auth.failed' AND resource = '/api/status'"))
                 .toLongLong(),
        before + 1);
}

void TestAgentApiStatus::revokedKeyIsRefused()
{
    AgentClient client(server().port(), m_key);
    QCOMPARE(client.get(QStringLiteral("/api/status")).status, 200);
    auto admin = server().client(api::Role::Admin);
    const HttpResult revoked = admin->del(QStringLiteral("/api/cs/tokens/") + m_keyId);
    QVERIFY2(revoked.status == 200 || revoked.status == 204, describe(revoked));
    const HttpResult r = client.get(QStringLiteral("/api/status"));
    const QString problem = checkAgentError(r, 401, QStringLiteral("AUTHENTICATION_ERROR"));
    QVERIFY2(problem.isEmpty(), qPrintable(problem));
    QVERIFY(r.json().value(QLatin1String("details")).toString().contains(QLatin1String("revoked")));
    // The refusal is in the key's company's log.
    QCOMPARE(
        server()
            .scalar(QStringLiteral("SELECT count(*) FROM audit_log WHERE action = 'auth.failed' AND company_id = ?"),
                {server().companyId()})
            .toLongLong(),
        1LL);
}

void TestAgentApiStatus::jwtIsNoApiKey()
{
    HttpClient bearer(server().port(), server().token(api::Role::Admin));
    const HttpResult r = bearer.get(QStringLiteral("/api/status"));
    const QString problem = checkAgentError(r, 401, QStringLiteral("AUTHENTICATION_ERROR"));
    QVERIFY2(problem.isEmpty(), qPrintable(problem));
}

void TestAgentApiStatus::unknownPathTakesTheSeedsErrorBody()
{
    AgentClient client(server().port(), m_key);
    const HttpResult r = client.get(QStringLiteral("/api/session/a/b/c"));
    const QString problem = checkAgentError(r, 404, QStringLiteral("NOT_FOUND_ERROR"));
    QVERIFY2(problem.isEmpty(), qPrintable(problem));
}

void TestAgentApiStatus::csPathsKeepTheirOwnErrorBody()
{
    AgentClient client(server().port(), m_key);
    const HttpResult r = client.get(QStringLiteral("/api/cs/nothing-here"));
    const QString problem = checkErrorBody(r, 404, QStringLiteral("CS_014"));
    QVERIFY2(problem.isEmpty(), qPrintable(problem));
}

void TestAgentApiStatus::wrongMethodTakesTheSeedsErrorBody()
{
    AgentClient client(server().port(), m_key);
    const HttpResult r = client.send("PATCH", QStringLiteral("/api/session/abc"), "{}");
    const QString problem = checkAgentError(r, 405, QStringLiteral("VALIDATION_ERROR"));
    QVERIFY2(problem.isEmpty(), qPrintable(problem));
}

QTEST_GUILESS_MAIN(TestAgentApiStatus)
#include "tst_agentapi_status.moc"
