// The support agent API's test routes and rate limits on a real server (seed 002):
// /api/test/query analyses and stores nothing, /api/test/escalation makes a ticket
// on a test session, /api/test/metrics answers sample numbers; every limited route
// says X-RateLimit-* and refuses with RATE_LIMIT_ERROR past its limit.
#include "tests/api/agent/AgentTestSupport.h"
#include "tests/support/FakeClock.h"

#include <QDateTime>
#include <QTest>

using namespace tierdesk;
using namespace tierdesk::test;

namespace {

QString str(const QJsonObject &o, const char *key)
{
    return o.value(QLatin1String(key)).toString();
}

} // namespace

class TestAgentApiTestRoutes : public QObject {
    Q_OBJECT

private slots:
    void init();
    void cleanup();
    void testQueryStoresNothing();
    void testQueryRefusesBadInput();
    void testEscalationMakesATicket();
    void testMetricsAreASample();
    void limitedRoutesSayTheirLimit();
    void metricsLimitRefusesTheThirtyFirst();
    void queryAndSessionLimitsRefuseBeyondTheirBudget_data();
    void queryAndSessionLimitsRefuseBeyondTheirBudget();

private:
    // Frozen, so a rate window cannot roll over in the middle of spending its budget.
    FakeClock m_clock{QDateTime::currentDateTimeUtc()};
    std::unique_ptr<ServerFixture> m_fixture;
    ServerFixture &server() { return *m_fixture; }
    std::unique_ptr<AgentClient> m_client;
};

void TestAgentApiTestRoutes::init()
{
    QString error;
    QVERIFY2(startAgentServer(m_fixture, m_client, true, &error, &m_clock), qPrintable(error));
}

void TestAgentApiTestRoutes::cleanup()
{
    m_client.reset();
    m_fixture.reset();
}

void TestAgentApiTestRoutes::testQueryStoresNothing()
{
    const int sessions = server().scalar(QStringLiteral("SELECT count(*) FROM sessions")).toInt();
    const HttpResult r = m_client->post(QStringLiteral("/api/test/query"),
        {{QStringLiteral("query"), QStringLiteral("This is terrible, I want to speak to a human agent now!")},
            {QStringLiteral("session_id"), QStringLiteral("test_1")},
            {QStringLiteral("customer_id"), QStringLiteral("test_user")}});
    QVERIFY2(r.status == 200, describe(r));
    const QJsonObject o = r.json();
    QCOMPARE(o.value(QLatin1String("test")), QJsonValue(true));
    QVERIFY(!str(o, "response").isEmpty());
    QCOMPARE(str(o, "model_used"), QStringLiteral("tierdesk-local-1"));
    QVERIFY2(o.value(QLatin1String("sentiment_score")).toDouble() < 0, describe(r));
    QCOMPARE(o.value(QLatin1String("escalated")), QJsonValue(true));
    QCOMPARE(str(o, "escalation_reason"), QStringLiteral("manual_request"));
    QCOMPARE(o.value(QLatin1String("cached")), QJsonValue(false));
    QCOMPARE(server().scalar(QStringLiteral("SELECT count(*) FROM sessions")).toInt(), sessions);
    QCOMPARE(m_client->get(QStringLiteral("/api/session/test_1")).status, 404);
}

void TestAgentApiTestRoutes::testQueryRefusesBadInput()
{
    HttpResult r
        = m_client->post(QStringLiteral("/api/test/query"), {{QStringLiteral("session_id"), QStringLiteral("x")}});
    QVERIFY2(checkAgentError(r, 400, QStringLiteral("VALIDATION_ERROR")).isEmpty(), describe(r));
    r = m_client->send("POST", QStringLiteral("/api/test/query"), R"({"query":"   "})");
    QVERIFY2(checkAgentError(r, 400, QStringLiteral("VALIDATION_ERROR")).isEmpty(), describe(r));
    AgentClient anonymous(server().port(), {});
    r = anonymous.post(QStringLiteral("/api/test/query"), {{QStringLiteral("query"), QStringLiteral("hi")}});
    QVERIFY2(checkAgentError(r, 401, QStringLiteral("AUTHENTICATION_ERROR")).isEmpty(), describe(r));
}

void TestAgentApiTestRoutes::testEscalationMakesATicket()
{
    HttpResult r = m_client->post(
        QStringLiteral("/api/test/escalation"), {{QStringLiteral("priority"), QStringLiteral("high")}});
    QVERIFY2(r.status == 201, describe(r));
    const QString ticket = str(r.json(), "ticket_id");
    QVERIFY2(ticket.startsWith(QLatin1String("TKT-")), describe(r));
    QCOMPARE(str(r.json(), "priority"), QStringLiteral("high"));
    QCOMPARE(str(r.json(), "status"), QStringLiteral("open"));
    QVERIFY(str(r.json(), "session_id").startsWith(QLatin1String("test_")));
    r = m_client->get(QStringLiteral("/api/escalation/") + ticket);
    QVERIFY2(r.status == 200, describe(r));
    QCOMPARE(str(r.json(), "customer_id"), QStringLiteral("test_customer"));
    QCOMPARE(str(r.json(), "reason"), QStringLiteral("manual_request"));
    r = m_client->post(QStringLiteral("/api/test/escalation"), {{QStringLiteral("reason"), QStringLiteral("bored")}});
    QVERIFY2(checkAgentError(r, 400, QStringLiteral("VALIDATION_ERROR")).isEmpty(), describe(r));
}

void TestAgentApiTestRoutes::testMetricsAreASample()
{
    const HttpResult r = m_client->get(QStringLiteral("/api/test/metrics"));
    QVERIFY2(r.status == 200, describe(r));
    const QJsonObject o = r.json();
    QCOMPARE(o.value(QLatin1String("sample")), QJsonValue(true));
    for (const char *field : {"timeframe", "total_queries", "avg_response_time_ms", "model_usage",
             "sentiment_distribution", "escalation_rate", "cache_hit_rate", "cost_metrics"})
        QVERIFY2(o.contains(QLatin1String(field)), field);
    QCOMPARE(o.value(QLatin1String("cost_metrics")).toObject().value(QLatin1String("total_cost")).toDouble(-1), 0.0);
}

void TestAgentApiTestRoutes::limitedRoutesSayTheirLimit()
{
    const qint64 now = m_clock.now().toSecsSinceEpoch(); // the server's time, frozen
    const struct {
        const char *method;
        const char *path;
        QByteArray body;
        int limit;
    } routes[] = {{"POST", "/api/query", R"({"query":"Hello","session_id":"rl_1","customer_id":"c1"})", 60},
        {"GET", "/api/session/rl_1", {}, 100}, {"GET", "/api/metrics", {}, 30}};
    for (const auto &route : routes) {
        const HttpResult r = m_client->send(route.method, QLatin1String(route.path), route.body);
        QVERIFY2(r.status == 200, describe(r));
        QCOMPARE(r.header("X-RateLimit-Limit").toInt(), route.limit);
        QCOMPARE(r.header("X-RateLimit-Remaining").toInt(), route.limit - 1);
        QVERIFY2(r.header("X-RateLimit-Reset").toLongLong() >= now, r.header("X-RateLimit-Reset").constData());
    }
}

void TestAgentApiTestRoutes::metricsLimitRefusesTheThirtyFirst()
{
    for (int i = 0; i < 30; ++i)
        QCOMPARE(m_client->get(QStringLiteral("/api/test/metrics")).status, 200);
    const HttpResult r = m_client->get(QStringLiteral("/api/metrics"));
    const QString problem = checkAgentError(r, 429, QStringLiteral("RATE_LIMIT_ERROR"));
    QVERIFY2(problem.isEmpty(), qPrintable(problem));
    QCOMPARE(r.header("X-RateLimit-Remaining").toInt(), 0);
    QVERIFY(r.header("Retry-After").toInt() >= 1);
    // Another rule's budget is its own.
    QCOMPARE(m_client->get(QStringLiteral("/api/session/nothing")).status, 404);
}

void TestAgentApiTestRoutes::queryAndSessionLimitsRefuseBeyondTheirBudget_data()
{
    QTest::addColumn<QByteArray>("method");
    QTest::addColumn<QString>("path");
    QTest::addColumn<int>("budget");
    QTest::newRow("query") << QByteArray("POST") << QStringLiteral("/api/query") << 60;
    QTest::newRow("session") << QByteArray("GET") << QStringLiteral("/api/session/nothing") << 100;
}

// Every request counts toward its rule, answered or refused: the one beyond the budget is 429.
void TestAgentApiTestRoutes::queryAndSessionLimitsRefuseBeyondTheirBudget()
{
    QFETCH(QByteArray, method);
    QFETCH(QString, path);
    QFETCH(int, budget);
    const QByteArray body = method == "POST" ? QByteArray("{}") : QByteArray();
    for (int i = 0; i < budget; ++i)
        QVERIFY(m_client->send(method, path, body).status != 429);
    const HttpResult r = m_client->send(method, path, body);
    const QString problem = checkAgentError(r, 429, QStringLiteral("RATE_LIMIT_ERROR"));
    QVERIFY2(problem.isEmpty(), qPrintable(problem));
    QCOMPARE(r.header("X-RateLimit-Limit").toInt(), budget);
    QVERIFY(r.header("Retry-After").toInt() >= 1);
}

QTEST_GUILESS_MAIN(TestAgentApiTestRoutes)
#include "tst_agentapi_testroutes.moc"
