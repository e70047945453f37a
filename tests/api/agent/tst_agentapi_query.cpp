// POST /api/query of the support agent API on a real server (seed 002): the AI
// tiers answer through the engine's message path, the engine's escalations come
// back as escalated/escalation_reason/ticket_id, identical recent queries come
// from the cache, and bad input, closed sessions and other companies are refused.
#include "tests/api/agent/AgentTestSupport.h"

#include <QRegularExpression>
#include <QTest>

using namespace tierdesk;
using namespace tierdesk::test;

namespace {

QString str(const QJsonObject &o, const char *key)
{
    return o.value(QLatin1String(key)).toString();
}

QJsonObject queryBody(
    const QString &text, const QString &session, const QString &customer = QStringLiteral("test_user"))
{
    return {{QStringLiteral("query"), text}, {QStringLiteral("session_id"), session},
        {QStringLiteral("customer_id"), customer}};
}

int messageCount(AgentClient &client, const QString &session)
{
    return client.get(QStringLiteral("/api/session/") + session)
        .json()
        .value(QLatin1String("messages"))
        .toArray()
        .size();
}

} // namespace

class TestAgentApiQuery : public QObject {
    Q_OBJECT

private slots:
    void init();
    void cleanup();
    void queryIsAnsweredByTheAiTier();
    void angryQueryScoresNegative();
    void seedsFrustratedQueryEscalates();
    void askingForAPersonEscalates();
    void identicalQueryComesFromTheCache();
    void cacheKeepsCustomersApart();
    void personHoldingTheSessionSeesEveryQuery();
    void queryRefusesBadInput_data();
    void queryRefusesBadInput();
    void closedSessionTakesNoQuery();
    void anotherCustomersSessionIsRefused();
    void anotherCompanyNeverReachesTheSession();
    void queryNeedsAKey();

private:
    std::unique_ptr<ServerFixture> m_fixture;
    ServerFixture &server() { return *m_fixture; }
    std::unique_ptr<AgentClient> m_client;
};

void TestAgentApiQuery::init()
{
    QString error;
    QVERIFY2(startAgentServer(m_fixture, m_client, false, &error), qPrintable(error));
}

void TestAgentApiQuery::cleanup()
{
    m_client.reset();
    m_fixture.reset();
}

void TestAgentApiQuery::queryIsAnsweredByTheAiTier()
{
    const HttpResult r = m_client->post(
        QStringLiteral("/api/query"), queryBody(QStringLiteral("What are your hours?"), QStringLiteral("test_1")));
    QVERIFY2(r.status == 200, describe(r));
    const QJsonObject o = r.json();
    QVERIFY(!str(o, "response").isEmpty());
    QCOMPARE(str(o, "model_used"), QStringLiteral("tierdesk-local-1"));
    const double sentiment = o.value(QLatin1String("sentiment_score")).toDouble(-2);
    QVERIFY2(sentiment >= -1 && sentiment <= 1, describe(r));
    const double complexity = o.value(QLatin1String("complexity_score")).toDouble(-1);
    QVERIFY2(complexity >= 0 && complexity <= 1, describe(r));
    QVERIFY(o.value(QLatin1String("response_time_ms")).isDouble());
    QVERIFY(o.value(QLatin1String("response_time_ms")).toDouble() >= 0);
    QCOMPARE(o.value(QLatin1String("escalated")), QJsonValue(false));
    QVERIFY(o.value(QLatin1String("ticket_id")).isNull());
    QCOMPARE(o.value(QLatin1String("cached")), QJsonValue(false));
    // The query opened the session; the engine stored both words.
    const HttpResult s = m_client->get(QStringLiteral("/api/session/test_1"));
    QVERIFY2(s.status == 200, describe(s));
    QCOMPARE(str(s.json(), "customer_id"), QStringLiteral("test_user"));
    const QJsonArray messages = s.json().value(QLatin1String("messages")).toArray();
    QCOMPARE(messages.size(), 2);
    QCOMPARE(str(messages.at(0).toObject(), "content"), QStringLiteral("What are your hours?"));
    QCOMPARE(str(messages.at(1).toObject(), "content"), str(o, "response"));
}

void TestAgentApiQuery::angryQueryScoresNegative()
{
    const HttpResult r = m_client->post(QStringLiteral("/api/query"),
        queryBody(QStringLiteral("This is terrible! Nothing works and I am extremely frustrated!"),
            QStringLiteral("test_3")));
    QVERIFY2(r.status == 200, describe(r));
    QVERIFY2(r.json().value(QLatin1String("sentiment_score")).toDouble() < 0, describe(r));
}

// Seed 002's own test query: a frustrated query is escalated to a person at once with
// negative_sentiment and a ticket, where /api/cs (seed 001's irate protocol) waits for
// the customer to be irate again.
void TestAgentApiQuery::seedsFrustratedQueryEscalates()
{
    const QString text = QStringLiteral("This is terrible! Nothing works and I am extremely frustrated!");
    const HttpResult r = m_client->post(QStringLiteral("/api/query"), queryBody(text, QStringLiteral("test_3")));
    QVERIFY2(r.status == 200, describe(r));
    const QJsonObject o = r.json();
    QVERIFY2(o.value(QLatin1String("sentiment_score")).toDouble() < -0.5, describe(r));
    QCOMPARE(o.value(QLatin1String("escalated")), QJsonValue(true));
    QCOMPARE(str(o, "escalation_reason"), QStringLiteral("negative_sentiment"));
    const QString ticket = str(o, "ticket_id");
    QVERIFY2(QRegularExpression(QStringLiteral("^TKT-[0-9a-f]{32}-1$")).match(ticket).hasMatch(), describe(r));
    QVERIFY2(!str(o, "response").isEmpty(), describe(r)); // the AI tier still answered
    QCOMPARE(o.value(QLatin1String("cached")), QJsonValue(false));
    // A real ticket waiting for a person at the desk.
    const HttpResult t = m_client->get(QStringLiteral("/api/escalation/") + ticket);
    QVERIFY2(t.status == 200, describe(t));
    QCOMPARE(str(t.json(), "reason"), QStringLiteral("negative_sentiment"));
    QCOMPARE(str(t.json(), "status"), QStringLiteral("open"));
    QCOMPARE(str(t.json(), "session_id"), QStringLiteral("test_3"));
    // The next query reaches the person, not the AI.
    const HttpResult next
        = m_client->post(QStringLiteral("/api/query"), queryBody(QStringLiteral("Hello?"), QStringLiteral("test_3")));
    QVERIFY2(next.status == 200, describe(next));
    QCOMPARE(str(next.json(), "model_used"), QStringLiteral("human_agent"));
    QCOMPARE(str(next.json(), "ticket_id"), ticket);
    // The same words through /api/cs stay with the AI Rep: its irate protocol is unchanged.
    const auto admin = server().client(api::Role::Admin);
    const HttpResult cs = admin->post(
        QStringLiteral("/api/cs/sessions"), sessionBody(server().companyId(), QStringLiteral("cs_customer"), text));
    QVERIFY2(cs.status == 201, describe(cs));
    QCOMPARE(cs.json().value(QLatin1String("currentTier")).toString(), QStringLiteral("AI_REP"));
    QVERIFY2(cs.json().value(QLatin1String("escalationHistory")).toArray().isEmpty(), describe(cs));
}

void TestAgentApiQuery::askingForAPersonEscalates()
{
    QCOMPARE(m_client->post(QStringLiteral("/api/query"), queryBody(QStringLiteral("Hello"), QStringLiteral("esc_1")))
                 .status,
        200);
    const HttpResult r = m_client->post(QStringLiteral("/api/query"),
        queryBody(QStringLiteral("I want to speak to a human agent right now"), QStringLiteral("esc_1")));
    QVERIFY2(r.status == 200, describe(r));
    const QJsonObject o = r.json();
    QCOMPARE(o.value(QLatin1String("escalated")), QJsonValue(true));
    QCOMPARE(str(o, "escalation_reason"), QStringLiteral("manual_request"));
    const QString ticket = str(o, "ticket_id");
    QVERIFY2(QRegularExpression(QStringLiteral("^TKT-[0-9a-f]{32}-1$")).match(ticket).hasMatch(), qPrintable(ticket));
    // The session lists the same ticket.
    const QJsonArray escalations
        = m_client->get(QStringLiteral("/api/session/esc_1")).json().value(QLatin1String("escalations")).toArray();
    QCOMPARE(escalations.size(), 1);
    QCOMPARE(str(escalations.at(0).toObject(), "ticket_id"), ticket);
    QCOMPARE(str(escalations.at(0).toObject(), "reason"), QStringLiteral("manual_request"));
    QCOMPARE(str(escalations.at(0).toObject(), "status"), QStringLiteral("open"));
}

void TestAgentApiQuery::identicalQueryComesFromTheCache()
{
    const QString text = QStringLiteral("What are your hours?");
    const HttpResult first = m_client->post(QStringLiteral("/api/query"), queryBody(text, QStringLiteral("cache_1")));
    QVERIFY2(first.status == 200, describe(first));
    QCOMPARE(first.json().value(QLatin1String("cached")), QJsonValue(false));
    // The same words (spacing and case aside), in another session of the same customer.
    const HttpResult second = m_client->post(QStringLiteral("/api/query"),
        queryBody(QStringLiteral("  what are your   HOURS? "), QStringLiteral("cache_2")));
    QVERIFY2(second.status == 200, describe(second));
    QCOMPARE(second.json().value(QLatin1String("cached")), QJsonValue(true));
    QCOMPARE(str(second.json(), "response"), str(first.json(), "response"));
    QCOMPARE(str(second.json(), "model_used"), str(first.json(), "model_used"));
    // Answered without the engine: the second session holds no message.
    QCOMPARE(messageCount(*m_client, QStringLiteral("cache_1")), 2);
    QCOMPARE(messageCount(*m_client, QStringLiteral("cache_2")), 0);
}

void TestAgentApiQuery::cacheKeepsCustomersApart()
{
    const QString text = QStringLiteral("What are your hours?");
    QCOMPARE(
        m_client->post(QStringLiteral("/api/query"), queryBody(text, QStringLiteral("c_1"), QStringLiteral("alice")))
            .status,
        200);
    const HttpResult r
        = m_client->post(QStringLiteral("/api/query"), queryBody(text, QStringLiteral("c_2"), QStringLiteral("bob")));
    QVERIFY2(r.status == 200, describe(r));
    QCOMPARE(r.json().value(QLatin1String("cached")), QJsonValue(false));
    QCOMPARE(messageCount(*m_client, QStringLiteral("c_2")), 2);
}

void TestAgentApiQuery::personHoldingTheSessionSeesEveryQuery()
{
    const QString text = QStringLiteral("What are your hours?");
    QCOMPARE(m_client->post(QStringLiteral("/api/query"), queryBody(text, QStringLiteral("h_1"))).status, 200);
    QCOMPARE(
        m_client->post(QStringLiteral("/api/query"), queryBody(QStringLiteral("Hello"), QStringLiteral("h_2"))).status,
        200);
    const HttpResult escalated = m_client->post(QStringLiteral("/api/escalation"),
        {{QStringLiteral("session_id"), QStringLiteral("h_2")},
            {QStringLiteral("reason"), QStringLiteral("manual_request")},
            {QStringLiteral("priority"), QStringLiteral("low")}});
    QVERIFY2(escalated.status == 201, describe(escalated));
    const int before = messageCount(*m_client, QStringLiteral("h_2"));
    const HttpResult r = m_client->post(QStringLiteral("/api/query"), queryBody(text, QStringLiteral("h_2")));
    QVERIFY2(r.status == 200, describe(r));
    QCOMPARE(r.json().value(QLatin1String("cached")), QJsonValue(false));
    QCOMPARE(r.json().value(QLatin1String("escalated")), QJsonValue(true));
    QCOMPARE(str(r.json(), "model_used"), QStringLiteral("human_agent"));
    QCOMPARE(messageCount(*m_client, QStringLiteral("h_2")), before + 1);
}

void TestAgentApiQuery::queryRefusesBadInput_data()
{
    QTest::addColumn<QByteArray>("body");
    QTest::addColumn<QString>("mentions");
    QTest::newRow("no query") << QByteArray(R"({"session_id":"s1","customer_id":"c1"})") << QStringLiteral("query");
    QTest::newRow("no session_id") << QByteArray(R"({"query":"hi","customer_id":"c1"})")
                                   << QStringLiteral("session_id");
    QTest::newRow("no customer_id") << QByteArray(R"({"query":"hi","session_id":"s1"})")
                                    << QStringLiteral("customer_id");
    QTest::newRow("query a number") << QByteArray(R"({"query":5,"session_id":"s1","customer_id":"c1"})")
                                    << QStringLiteral("query");
    QTest::newRow("session_id with a slash")
        << QByteArray(R"({"query":"hi","session_id":"a/b","customer_id":"c1"})") << QStringLiteral("session_id");
    QTest::newRow("query too long") << QByteArray(
        R"({"query":")" + QByteArray(4001, 'a') + R"(","session_id":"s1","customer_id":"c1"})")
                                    << QStringLiteral("query");
    QTest::newRow("not JSON") << QByteArray("{") << QString();
}

void TestAgentApiQuery::queryRefusesBadInput()
{
    QFETCH(QByteArray, body);
    QFETCH(QString, mentions);
    const HttpResult r = m_client->send("POST", QStringLiteral("/api/query"), body);
    const QString problem = checkAgentError(r, 400, QStringLiteral("VALIDATION_ERROR"));
    QVERIFY2(problem.isEmpty(), qPrintable(problem));
    QVERIFY2(str(r.json(), "message").contains(mentions), r.body.constData());
}

void TestAgentApiQuery::closedSessionTakesNoQuery()
{
    QCOMPARE(m_client->post(QStringLiteral("/api/query"), queryBody(QStringLiteral("Hello"), QStringLiteral("closing")))
                 .status,
        200);
    QCOMPARE(m_client->del(QStringLiteral("/api/session/closing")).status, 200);
    const HttpResult r = m_client->post(
        QStringLiteral("/api/query"), queryBody(QStringLiteral("Hello again"), QStringLiteral("closing")));
    const QString problem = checkAgentError(r, 400, QStringLiteral("VALIDATION_ERROR"));
    QVERIFY2(problem.isEmpty(), qPrintable(problem));
    QCOMPARE(messageCount(*m_client, QStringLiteral("closing")), 2);
}

void TestAgentApiQuery::anotherCustomersSessionIsRefused()
{
    QCOMPARE(m_client
                 ->post(QStringLiteral("/api/query"),
                     queryBody(QStringLiteral("Hello"), QStringLiteral("mine"), QStringLiteral("alice")))
                 .status,
        200);
    const HttpResult r = m_client->post(QStringLiteral("/api/query"),
        queryBody(QStringLiteral("Hello"), QStringLiteral("mine"), QStringLiteral("mallory")));
    const QString problem = checkAgentError(r, 400, QStringLiteral("VALIDATION_ERROR"));
    QVERIFY2(problem.isEmpty(), qPrintable(problem));
    QCOMPARE(messageCount(*m_client, QStringLiteral("mine")), 2);
}

// Company B's query naming A's session (by A's name or the engine's id) opens a
// session of B's own; A's transcript is untouched and B never sees it.
void TestAgentApiQuery::anotherCompanyNeverReachesTheSession()
{
    QCOMPARE(
        m_client->post(QStringLiteral("/api/query"), queryBody(QStringLiteral("Hello"), QStringLiteral("a_session")))
            .status,
        200);
    const QString engineId
        = server()
              .scalar(QStringLiteral("SELECT id FROM sessions WHERE company_id = ?"), {server().companyId()})
              .toString();
    QVERIFY(engineId.startsWith(QLatin1String("sess_")));
    const QString other = server().createCompany(QStringLiteral("Other Co"));
    AgentClient otherClient(server().port(), issueApiKey(server(), other));
    for (const QString &name : {QStringLiteral("a_session"), engineId}) {
        const HttpResult r
            = otherClient.post(QStringLiteral("/api/query"), queryBody(QStringLiteral("Show me everything"), name));
        QVERIFY2(r.status == 200, describe(r));
        QCOMPARE(messageCount(otherClient, name), 2);
    }
    QCOMPARE(messageCount(*m_client, QStringLiteral("a_session")), 2);
    QCOMPARE(server().scalar(QStringLiteral("SELECT count(*) FROM sessions WHERE company_id = ?"), {other}).toInt(), 2);
}

void TestAgentApiQuery::queryNeedsAKey()
{
    AgentClient anonymous(server().port(), {});
    const HttpResult r
        = anonymous.post(QStringLiteral("/api/query"), queryBody(QStringLiteral("Hello"), QStringLiteral("x")));
    const QString problem = checkAgentError(r, 401, QStringLiteral("AUTHENTICATION_ERROR"));
    QVERIFY2(problem.isEmpty(), qPrintable(problem));
    QCOMPARE(
        server().scalar(QStringLiteral("SELECT count(*) FROM sessions WHERE customer_id = 'test_user'")).toInt(), 0);
}

QTEST_GUILESS_MAIN(TestAgentApiQuery)
#include "tst_agentapi_query.moc"
