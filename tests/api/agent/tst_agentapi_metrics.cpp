// /api/metrics and /api/metrics/session/{id} of the support agent API on a real
// server (seed 002): the queries this API answered (models, cache hits, cost at the
// provider's prices) beside the engine's analytics of the company's sessions; each company its own.
#include "tests/api/agent/AgentTestSupport.h"
#include "tests/support/ScriptedModelServer.h"

#include <QTest>

using namespace tierdesk;
using namespace tierdesk::test;

namespace {

QString str(const QJsonObject &o, const char *key)
{
    return o.value(QLatin1String(key)).toString();
}

double num(const QJsonObject &o, const char *key)
{
    return o.value(QLatin1String(key)).toDouble(-99);
}

QJsonObject queryBody(const QString &text, const QString &session)
{
    return {{QStringLiteral("query"), text}, {QStringLiteral("session_id"), session},
        {QStringLiteral("customer_id"), QStringLiteral("test_user")}};
}

} // namespace

class TestAgentApiMetrics : public QObject {
    Q_OBJECT

private slots:
    void init();
    void cleanup();
    void metricsCountTheQueries();
    void metricsStayInTheCompany();
    void metricsCostAModelsTokensAtItsPrices();
    void metricsRefuseBadParameters_data();
    void metricsRefuseBadParameters();
    void sessionMetricsSumTheTranscript();
    void sessionMetricsTakeTheTicketsSatisfaction();
    void sessionMetricsOfAnotherCompanyAreNotFound();

private:
    std::unique_ptr<ServerFixture> m_fixture;
    ServerFixture &server() { return *m_fixture; }
    std::unique_ptr<AgentClient> m_client;
};

void TestAgentApiMetrics::init()
{
    QString error;
    QVERIFY2(startAgentServer(m_fixture, m_client, false, &error), qPrintable(error));
}

void TestAgentApiMetrics::cleanup()
{
    m_client.reset();
    m_fixture.reset();
}

void TestAgentApiMetrics::metricsCountTheQueries()
{
    QCOMPARE(m_client
                 ->post(QStringLiteral("/api/query"),
                     queryBody(QStringLiteral("What are your hours?"), QStringLiteral("m_1")))
                 .status,
        200);
    const HttpResult cached = m_client->post(
        QStringLiteral("/api/query"), queryBody(QStringLiteral("What are your hours?"), QStringLiteral("m_2")));
    QCOMPARE(cached.json().value(QLatin1String("cached")), QJsonValue(true));
    QCOMPARE(m_client
                 ->post(QStringLiteral("/api/query"),
                     queryBody(QStringLiteral("I want to speak to a human agent right now"), QStringLiteral("m_3")))
                 .status,
        200);

    const HttpResult r = m_client->get(QStringLiteral("/api/metrics?timeframe=hour"));
    QVERIFY2(r.status == 200, describe(r));
    const QJsonObject o = r.json();
    QCOMPARE(str(o, "timeframe"), QStringLiteral("hour"));
    QCOMPARE(num(o, "total_queries"), 3.0);
    QCOMPARE(num(o, "cache_hit_rate"), 0.333);
    QVERIFY(num(o, "avg_response_time_ms") >= 0);
    QCOMPARE(o.value(QLatin1String("model_usage")).toObject(), (QJsonObject{{QStringLiteral("tierdesk-local-1"), 3}}));
    // The engine's analytics: three sessions, one of them escalated.
    QCOMPARE(num(o, "total_sessions"), 3.0);
    const QJsonObject sentiment = o.value(QLatin1String("sentiment_distribution")).toObject();
    QCOMPARE(num(sentiment, "positive") + num(sentiment, "neutral") + num(sentiment, "negative"), 3.0);
    QCOMPARE(num(o, "escalation_rate"), 0.333);
    const QJsonObject cost = o.value(QLatin1String("cost_metrics")).toObject();
    QCOMPARE(num(cost, "total_cost"), 0.0);
    QCOMPARE(num(cost, "cost_per_query"), 0.0);
    QCOMPARE(cost.value(QLatin1String("cost_by_model")).toObject(),
        (QJsonObject{{QStringLiteral("tierdesk-local-1"), 0.0}}));
}

// A priced provider words the AI Rep's replies: model_usage names the model as the provider
// answered it, and the cost is the provider's own token counts (usage) at the registered
// prices per million tokens; a cached answer calls no model and costs nothing. The figures are
// stored with each answer: a restarted server reports the queries of the one before.
void TestAgentApiMetrics::metricsCostAModelsTokensAtItsPrices()
{
    ScriptedModelServer model(ProviderKind::OpenAi);
    QVERIFY(model.isListening());
    model.setAnswers({model.reply(QStringLiteral("Happy to help with that."), 1200, 300)});
    const std::unique_ptr<HttpClient> admin = server().client(api::Role::Admin);
    HttpResult r = admin->post(QStringLiteral("/api/cs/ai/providers"),
        {{QStringLiteral("companyId"), server().companyId()}, {QStringLiteral("name"), QStringLiteral("priced")},
            {QStringLiteral("kind"), QStringLiteral("openai")}, {QStringLiteral("baseUrl"), model.baseUrl().toString()},
            {QStringLiteral("priceInput"), 3}, {QStringLiteral("priceOutput"), 15}});
    QVERIFY2(r.status == 201, describe(r));
    r = admin->put(QStringLiteral("/api/cs/config"),
        {{QStringLiteral("companyId"), server().companyId()},
            {QStringLiteral("ai"),
                QJsonObject{{QStringLiteral("provider"), QStringLiteral("priced")},
                    {QStringLiteral("models"),
                        QJsonObject{{QStringLiteral("aiRep"), QStringLiteral("small")},
                            {QStringLiteral("aiManager"), QStringLiteral("large")}}}}}});
    QVERIFY2(r.status == 200, describe(r));

    const HttpResult first = m_client->post(
        QStringLiteral("/api/query"), queryBody(QStringLiteral("What are your hours?"), QStringLiteral("c_1")));
    QVERIFY2(first.status == 200, describe(first));
    QCOMPARE(str(first.json(), "model_used"), QStringLiteral("gpt-scripted"));
    QCOMPARE(str(first.json(), "response"), QStringLiteral("Happy to help with that."));
    const HttpResult cached = m_client->post(
        QStringLiteral("/api/query"), queryBody(QStringLiteral("What are your hours?"), QStringLiteral("c_2")));
    QCOMPARE(cached.json().value(QLatin1String("cached")), QJsonValue(true));
    QCOMPARE(model.count(), 1);

    // The server stops and starts again on the same store; one more query calls the model.
    server().stop();
    QString error;
    QVERIFY2(server().start({}, false, &error), qPrintable(error));
    m_client = std::make_unique<AgentClient>(server().port(), issueApiKey(server()));
    const HttpResult again = m_client->post(
        QStringLiteral("/api/query"), queryBody(QStringLiteral("Do you ship abroad?"), QStringLiteral("c_3")));
    QVERIFY2(again.status == 200, describe(again));
    QCOMPARE(model.count(), 2);

    r = m_client->get(QStringLiteral("/api/metrics?timeframe=hour"));
    QVERIFY2(r.status == 200, describe(r));
    QCOMPARE(num(r.json(), "total_queries"), 3.0);
    QCOMPARE(num(r.json(), "cache_hit_rate"), 0.333); // three decimals
    QCOMPARE(
        r.json().value(QLatin1String("model_usage")).toObject(), (QJsonObject{{QStringLiteral("gpt-scripted"), 3}}));
    const QJsonObject cost = r.json().value(QLatin1String("cost_metrics")).toObject();
    const double each = (1200 * 3.0 + 300 * 15.0) / 1e6; // $0.0081 a model call
    QVERIFY2(qAbs(num(cost, "total_cost") - 2 * each) < 1e-9, qPrintable(QString::number(num(cost, "total_cost"))));
    QVERIFY(qAbs(num(cost, "cost_per_query") - 2 * each / 3) < 1e-9);
    QVERIFY(qAbs(num(cost.value(QLatin1String("cost_by_model")).toObject(), "gpt-scripted") - 2 * each) < 1e-9);
}

void TestAgentApiMetrics::metricsStayInTheCompany()
{
    QCOMPARE(
        m_client->post(QStringLiteral("/api/query"), queryBody(QStringLiteral("Hello"), QStringLiteral("m_a"))).status,
        200);
    const QString other = server().createCompany(QStringLiteral("Other Co"));
    AgentClient otherClient(server().port(), issueApiKey(server(), other));
    const HttpResult r = otherClient.get(QStringLiteral("/api/metrics"));
    QVERIFY2(r.status == 200, describe(r));
    QCOMPARE(str(r.json(), "timeframe"), QStringLiteral("day"));
    QCOMPARE(num(r.json(), "total_queries"), 0.0);
    QCOMPARE(num(r.json(), "total_sessions"), 0.0);
    QVERIFY(r.json().value(QLatin1String("model_usage")).toObject().isEmpty());
}

void TestAgentApiMetrics::metricsRefuseBadParameters_data()
{
    QTest::addColumn<QString>("query");
    QTest::newRow("unknown timeframe") << QStringLiteral("timeframe=year");
    QTest::newRow("start_date not a date") << QStringLiteral("start_date=yesterday");
    QTest::newRow("end before start") << QStringLiteral("start_date=2026-05-02&end_date=2026-05-01");
    QTest::newRow("more than a year") << QStringLiteral("start_date=2020-01-01&end_date=2026-01-01");
}

void TestAgentApiMetrics::metricsRefuseBadParameters()
{
    QFETCH(QString, query);
    const HttpResult r = m_client->get(QStringLiteral("/api/metrics?") + query);
    const QString problem = checkAgentError(r, 400, QStringLiteral("VALIDATION_ERROR"));
    QVERIFY2(problem.isEmpty(), qPrintable(problem));
}

void TestAgentApiMetrics::sessionMetricsSumTheTranscript()
{
    QCOMPARE(m_client
                 ->post(QStringLiteral("/api/query"),
                     queryBody(QStringLiteral("What are your hours?"), QStringLiteral("s_m")))
                 .status,
        200);
    QCOMPARE(m_client
                 ->post(QStringLiteral("/api/query"),
                     queryBody(QStringLiteral("Do you ship to Canada?"), QStringLiteral("s_m")))
                 .status,
        200);
    const HttpResult r = m_client->get(QStringLiteral("/api/metrics/session/s_m"));
    QVERIFY2(r.status == 200, describe(r));
    const QJsonObject o = r.json();
    QCOMPARE(str(o, "session_id"), QStringLiteral("s_m"));
    QCOMPARE(num(o, "total_messages"), 4.0);
    QVERIFY(num(o, "avg_sentiment") >= -1 && num(o, "avg_sentiment") <= 1);
    QVERIFY(num(o, "avg_complexity") >= 0 && num(o, "avg_complexity") <= 1);
    QCOMPARE(o.value(QLatin1String("models_used")).toArray(), (QJsonArray{QStringLiteral("tierdesk-local-1")}));
    QVERIFY(num(o, "total_response_time_ms") >= 0);
    QCOMPARE(o.value(QLatin1String("escalated")), QJsonValue(false));
    QVERIFY(num(o, "satisfaction_score") >= 1 && num(o, "satisfaction_score") <= 5);
}

void TestAgentApiMetrics::sessionMetricsTakeTheTicketsSatisfaction()
{
    QCOMPARE(m_client
                 ->post(QStringLiteral("/api/session"),
                     {{QStringLiteral("customer_id"), QStringLiteral("c1")},
                         {QStringLiteral("session_id"), QStringLiteral("s_sat")}})
                 .status,
        201);
    const HttpResult made = m_client->post(QStringLiteral("/api/escalation"),
        {{QStringLiteral("session_id"), QStringLiteral("s_sat")},
            {QStringLiteral("reason"), QStringLiteral("manual_request")},
            {QStringLiteral("priority"), QStringLiteral("low")}});
    QVERIFY2(made.status == 201, describe(made));
    QCOMPARE(
        m_client
            ->put(QStringLiteral("/api/escalation/") + str(made.json(), "ticket_id"),
                {{QStringLiteral("status"), QStringLiteral("resolved")}, {QStringLiteral("customer_satisfaction"), 2}})
            .status,
        200);
    const HttpResult r = m_client->get(QStringLiteral("/api/metrics/session/s_sat"));
    QVERIFY2(r.status == 200, describe(r));
    QCOMPARE(r.json().value(QLatin1String("escalated")), QJsonValue(true));
    QCOMPARE(num(r.json(), "satisfaction_score"), 2.0);
}

void TestAgentApiMetrics::sessionMetricsOfAnotherCompanyAreNotFound()
{
    QCOMPARE(
        m_client->post(QStringLiteral("/api/query"), queryBody(QStringLiteral("Hello"), QStringLiteral("s_private")))
            .status,
        200);
    const QString other = server().createCompany(QStringLiteral("Other Co"));
    AgentClient otherClient(server().port(), issueApiKey(server(), other));
    HttpResult r = otherClient.get(QStringLiteral("/api/metrics/session/s_private"));
    QVERIFY2(checkAgentError(r, 404, QStringLiteral("NOT_FOUND_ERROR")).isEmpty(), describe(r));
    r = m_client->get(QStringLiteral("/api/metrics/session/never_made"));
    QVERIFY2(checkAgentError(r, 404, QStringLiteral("NOT_FOUND_ERROR")).isEmpty(), describe(r));
}

QTEST_GUILESS_MAIN(TestAgentApiMetrics)
#include "tst_agentapi_metrics.moc"
