// /api/escalation of the support agent API on a real server (seed 002): a ticket is
// an escalation of a session to the human tier, queued at the agent desk with the
// seed's priority; its agent, status, notes and satisfaction change through PUT.
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

QJsonObject escalationBody(const QString &session, const QString &reason = QStringLiteral("negative_sentiment"),
    const QString &priority = QStringLiteral("urgent"))
{
    return {{QStringLiteral("session_id"), session}, {QStringLiteral("reason"), reason},
        {QStringLiteral("priority"), priority}, {QStringLiteral("customer_sentiment"), -0.8},
        {QStringLiteral("query_complexity"), 0.4},
        {QStringLiteral("additional_context"), QStringLiteral("Locked out for two days")}};
}

} // namespace

class TestAgentApiEscalation : public QObject {
    Q_OBJECT

private slots:
    void init();
    void cleanup();
    void createQueuesTheSessionForAPerson();
    void getShowsTheTicket();
    void updateAssignsThenResolves();
    void updateCloses();
    void satisfactionIsTheSessionsRating();
    void createRefusesBadInput_data();
    void createRefusesBadInput();
    void updateRefusesBadInput_data();
    void updateRefusesBadInput();
    void escalatingTwiceIsRefused();
    void unknownTicketIsNotFound();
    void anotherCompanyNeverSeesTheTicket();

private:
    QString newTicket(const QString &session);
    std::unique_ptr<ServerFixture> m_fixture;
    ServerFixture &server() { return *m_fixture; }
    std::unique_ptr<AgentClient> m_client;
};

void TestAgentApiEscalation::init()
{
    QString error;
    QVERIFY2(startAgentServer(m_fixture, m_client, false, &error), qPrintable(error));
}

void TestAgentApiEscalation::cleanup()
{
    m_client.reset();
    m_fixture.reset();
}

QString TestAgentApiEscalation::newTicket(const QString &session)
{
    if (m_client
            ->post(QStringLiteral("/api/session"),
                {{QStringLiteral("customer_id"), QStringLiteral("cust_ben")}, {QStringLiteral("session_id"), session}})
            .status
        != 201)
        return {};
    const HttpResult r = m_client->post(QStringLiteral("/api/escalation"), escalationBody(session));
    return r.status == 201 ? str(r.json(), "ticket_id") : QString();
}

void TestAgentApiEscalation::createQueuesTheSessionForAPerson()
{
    QCOMPARE(m_client
                 ->post(QStringLiteral("/api/session"),
                     {{QStringLiteral("customer_id"), QStringLiteral("cust_ben")},
                         {QStringLiteral("session_id"), QStringLiteral("locked")}})
                 .status,
        201);
    const HttpResult r = m_client->post(QStringLiteral("/api/escalation"), escalationBody(QStringLiteral("locked")));
    QVERIFY2(r.status == 201, describe(r));
    const QJsonObject o = r.json();
    QVERIFY2(
        QRegularExpression(QStringLiteral("^TKT-[0-9a-f]{32}-1$")).match(str(o, "ticket_id")).hasMatch(), describe(r));
    QCOMPARE(str(o, "session_id"), QStringLiteral("locked"));
    QCOMPARE(str(o, "priority"), QStringLiteral("urgent"));
    QCOMPARE(str(o, "status"), QStringLiteral("open"));
    QVERIFY(QDateTime::fromString(str(o, "created_at"), Qt::ISODateWithMs).isValid());
    QVERIFY2(QRegularExpression(QStringLiteral("^\\d+ minutes$")).match(str(o, "estimated_response_time")).hasMatch(),
        describe(r));
    QVERIFY(o.value(QLatin1String("assigned_agent")).isNull());
    // The engine escalated to the human tier and the desk queued it at the seed's priority.
    const QString engineId
        = server().scalar(QStringLiteral("SELECT id FROM sessions WHERE customer_id = 'cust_ben'")).toString();
    auto admin = server().client(api::Role::Admin);
    const HttpResult s = admin->get(QStringLiteral("/api/cs/sessions/") + engineId);
    QVERIFY2(s.status == 200, describe(s));
    QCOMPARE(str(s.json(), "currentTier"), QStringLiteral("HUMAN_AGENT"));
    QCOMPARE(str(s.json().value(QLatin1String("desk")).toObject(), "priority"), QStringLiteral("urgent"));
    QCOMPARE(
        server().scalar(QStringLiteral("SELECT count(*) FROM audit_log WHERE action = 'desk.priority'")).toInt(), 1);
}

void TestAgentApiEscalation::getShowsTheTicket()
{
    const QString ticket = newTicket(QStringLiteral("s_get"));
    QVERIFY(!ticket.isEmpty());
    const HttpResult r = m_client->get(QStringLiteral("/api/escalation/") + ticket);
    QVERIFY2(r.status == 200, describe(r));
    const QJsonObject o = r.json();
    QCOMPARE(str(o, "ticket_id"), ticket);
    QCOMPARE(str(o, "session_id"), QStringLiteral("s_get"));
    QCOMPARE(str(o, "customer_id"), QStringLiteral("cust_ben"));
    QCOMPARE(str(o, "reason"), QStringLiteral("negative_sentiment"));
    QCOMPARE(str(o, "priority"), QStringLiteral("urgent"));
    QCOMPARE(str(o, "status"), QStringLiteral("open"));
    QVERIFY(QDateTime::fromString(str(o, "updated_at"), Qt::ISODateWithMs).isValid());
    QVERIFY(o.value(QLatin1String("assigned_agent")).isNull());
    QVERIFY(o.value(QLatin1String("resolution_notes")).isNull());
    QVERIFY(o.value(QLatin1String("customer_satisfaction")).isNull());
    // The session lists the same ticket.
    const QJsonArray escalations
        = m_client->get(QStringLiteral("/api/session/s_get")).json().value(QLatin1String("escalations")).toArray();
    QCOMPARE(escalations.size(), 1);
    QCOMPARE(str(escalations.at(0).toObject(), "ticket_id"), ticket);
}

void TestAgentApiEscalation::updateAssignsThenResolves()
{
    QVERIFY(server().addAgent(
        QStringLiteral("agt_maria"), QStringLiteral("Maria"), QStringLiteral("agent"), {QStringLiteral("general")}));
    const QString ticket = newTicket(QStringLiteral("s_upd"));
    QVERIFY(!ticket.isEmpty());
    HttpResult r = m_client->put(
        QStringLiteral("/api/escalation/") + ticket, {{QStringLiteral("assigned_agent"), QStringLiteral("agt_maria")}});
    QVERIFY2(r.status == 200, describe(r));
    QCOMPARE(str(r.json(), "status"), QStringLiteral("assigned"));
    QCOMPARE(str(r.json(), "assigned_agent"), QStringLiteral("agt_maria"));
    r = m_client->put(QStringLiteral("/api/escalation/") + ticket,
        {{QStringLiteral("status"), QStringLiteral("resolved")},
            {QStringLiteral("resolution_notes"), QStringLiteral("Unlocked the account")},
            {QStringLiteral("customer_satisfaction"), 5}});
    QVERIFY2(r.status == 200, describe(r));
    QCOMPARE(str(r.json(), "status"), QStringLiteral("resolved"));
    QCOMPARE(str(r.json(), "resolution_notes"), QStringLiteral("Unlocked the account"));
    QCOMPARE(r.json().value(QLatin1String("customer_satisfaction")).toInt(), 5);
    // Read back: stored, and the session is resolved by the engine.
    r = m_client->get(QStringLiteral("/api/escalation/") + ticket);
    QCOMPARE(r.json().value(QLatin1String("customer_satisfaction")).toInt(), 5);
    QCOMPARE(str(m_client->get(QStringLiteral("/api/session/s_upd")).json(), "status"), QStringLiteral("closed"));
    QCOMPARE(
        server().scalar(QStringLiteral("SELECT count(*) FROM audit_log WHERE action = 'session.resolve'")).toInt(), 1);
    QCOMPARE(server().scalar(QStringLiteral("SELECT count(*) FROM audit_log WHERE action = 'desk.assign'")).toInt(), 1);
}

void TestAgentApiEscalation::updateCloses()
{
    const QString ticket = newTicket(QStringLiteral("s_close"));
    QVERIFY(!ticket.isEmpty());
    const HttpResult r = m_client->put(
        QStringLiteral("/api/escalation/") + ticket, {{QStringLiteral("status"), QStringLiteral("closed")}});
    QVERIFY2(r.status == 200, describe(r));
    QCOMPARE(str(r.json(), "status"), QStringLiteral("closed"));
    QCOMPARE(
        str(m_client->get(QStringLiteral("/api/escalation/") + ticket).json(), "status"), QStringLiteral("closed"));
}

void TestAgentApiEscalation::satisfactionIsTheSessionsRating()
{
    const QString ticket = newTicket(QStringLiteral("s_rate"));
    QVERIFY(!ticket.isEmpty());
    const QString path = QStringLiteral("/api/escalation/") + ticket;
    const QString sessionId = QStringLiteral("sess_") + ticket.section(QLatin1Char('-'), 1, 1);
    // Not resolved yet: the family's validation error, nothing stored.
    HttpResult r = m_client->put(path, {{QStringLiteral("customer_satisfaction"), 4}});
    QString problem = checkAgentError(r, 400, QStringLiteral("VALIDATION_ERROR"));
    QVERIFY2(problem.isEmpty(), qPrintable(problem));
    QCOMPARE(server().scalar(QStringLiteral("SELECT count(*) FROM session_ratings")).toInt(), 0);
    QCOMPARE(m_client->put(path, {{QStringLiteral("status"), QStringLiteral("resolved")}}).status, 200);
    r = m_client->put(path, {{QStringLiteral("customer_satisfaction"), 4}});
    QVERIFY2(r.status == 200, describe(r));
    QCOMPARE(r.json().value(QLatin1String("customer_satisfaction")).toInt(), 4);
    // The session's one rating: the canonical API reads it, and nobody sets it a second time.
    QCOMPARE(
        server()
            .scalar(QStringLiteral("SELECT rating FROM session_ratings WHERE session_id = ?"), {QVariant(sessionId)})
            .toInt(),
        4);
    const auto admin = server().client(api::Role::Admin);
    const QJsonObject satisfaction = admin->get(QStringLiteral("/api/cs/sessions/") + sessionId)
                                         .json()
                                         .value(QLatin1String("satisfaction"))
                                         .toObject();
    QCOMPARE(satisfaction.value(QLatin1String("rating")).toInt(), 4);
    problem = checkAgentError(
        m_client->put(path, {{QStringLiteral("customer_satisfaction"), 5}}), 400, QStringLiteral("VALIDATION_ERROR"));
    QVERIFY2(problem.isEmpty(), qPrintable(problem));
    QCOMPARE(admin
                 ->post(QStringLiteral("/api/cs/sessions/") + sessionId + QStringLiteral("/satisfaction"),
                     {{QStringLiteral("rating"), 1}})
                 .errorCode(),
        QStringLiteral("CS_033"));
    QCOMPARE(m_client->get(path).json().value(QLatin1String("customer_satisfaction")).toInt(), 4);

    // A rating the customer gave through the canonical API is the ticket's customer_satisfaction.
    const QString other = newTicket(QStringLiteral("s_rate_cs"));
    QVERIFY(!other.isEmpty());
    QCOMPARE(
        m_client->put(
                    QStringLiteral("/api/escalation/") + other, {{QStringLiteral("status"), QStringLiteral("closed")}})
            .status,
        200);
    const QString otherSession = QStringLiteral("sess_") + other.section(QLatin1Char('-'), 1, 1);
    HttpClient ben(server().port(), server().token(api::Role::Client));
    r = ben.post(QStringLiteral("/api/cs/sessions/") + otherSession + QStringLiteral("/satisfaction"),
        {{QStringLiteral("rating"), 3}, {QStringLiteral("comment"), QStringLiteral("Took a while")}});
    QVERIFY2(r.status == 201, describe(r));
    QCOMPARE(m_client->get(QStringLiteral("/api/escalation/") + other)
                 .json()
                 .value(QLatin1String("customer_satisfaction"))
                 .toInt(),
        3);
}

void TestAgentApiEscalation::createRefusesBadInput_data()
{
    QTest::addColumn<QByteArray>("body");
    QTest::addColumn<QString>("mentions");
    QTest::newRow("no session_id") << QByteArray(R"({"reason":"manual_request","priority":"low"})")
                                   << QStringLiteral("session_id");
    QTest::newRow("no reason") << QByteArray(R"({"session_id":"s_bad","priority":"low"})") << QStringLiteral("reason");
    QTest::newRow("no priority") << QByteArray(R"({"session_id":"s_bad","reason":"manual_request"})")
                                 << QStringLiteral("priority");
    QTest::newRow("unknown reason") << QByteArray(R"({"session_id":"s_bad","reason":"angry","priority":"low"})")
                                    << QStringLiteral("reason");
    QTest::newRow("unknown priority") << QByteArray(
        R"({"session_id":"s_bad","reason":"manual_request","priority":"normal"})")
                                      << QStringLiteral("priority");
    QTest::newRow("sentiment out of range")
        << QByteArray(R"({"session_id":"s_bad","reason":"manual_request","priority":"low","customer_sentiment":3})")
        << QStringLiteral("customer_sentiment");
    QTest::newRow("context not a string")
        << QByteArray(R"({"session_id":"s_bad","reason":"manual_request","priority":"low","additional_context":1})")
        << QStringLiteral("additional_context");
}

void TestAgentApiEscalation::createRefusesBadInput()
{
    QFETCH(QByteArray, body);
    QFETCH(QString, mentions);
    QCOMPARE(m_client
                 ->post(QStringLiteral("/api/session"),
                     {{QStringLiteral("customer_id"), QStringLiteral("c1")},
                         {QStringLiteral("session_id"), QStringLiteral("s_bad")}})
                 .status,
        201);
    const HttpResult r = m_client->send("POST", QStringLiteral("/api/escalation"), body);
    const QString problem = checkAgentError(r, 400, QStringLiteral("VALIDATION_ERROR"));
    QVERIFY2(problem.isEmpty(), qPrintable(problem));
    QVERIFY2(str(r.json(), "message").contains(mentions), r.body.constData());
    QCOMPARE(server().scalar(QStringLiteral("SELECT count(*) FROM escalations")).toInt(), 0);
}

void TestAgentApiEscalation::updateRefusesBadInput_data()
{
    QTest::addColumn<QByteArray>("body");
    QTest::newRow("unknown status") << QByteArray(R"({"status":"done"})");
    QTest::newRow("satisfaction 6") << QByteArray(R"({"customer_satisfaction":6})");
    QTest::newRow("satisfaction 4.5") << QByteArray(R"({"customer_satisfaction":4.5})");
    QTest::newRow("nothing to change") << QByteArray("{}");
    QTest::newRow("unknown agent") << QByteArray(R"({"assigned_agent":"agt_nobody"})");
    QTest::newRow("assigned without an agent") << QByteArray(R"({"status":"assigned"})");
    // The text rule of every free-text field (core/common/Validation.h).
    QTest::newRow("resolved, notes with NUL and ESC")
        << QByteArray(R"({"status":"resolved","resolution_notes":"done\u0000\u001b[2J"})");
    QTest::newRow("notes with NUL and ESC") << QByteArray(R"({"resolution_notes":"done\u0000\u001b[2J"})");
    QTest::newRow("notes with a lone surrogate") << QByteArray(R"({"resolution_notes":"done \ud800 ok"})");
}

void TestAgentApiEscalation::updateRefusesBadInput()
{
    QFETCH(QByteArray, body);
    const QString ticket = newTicket(QStringLiteral("s_badput"));
    QVERIFY(!ticket.isEmpty());
    const HttpResult r = m_client->send("PUT", QStringLiteral("/api/escalation/") + ticket, body);
    const int expected = body.contains("agt_nobody") ? 404 : 400;
    const QString problem = checkAgentError(
        r, expected, expected == 404 ? QStringLiteral("NOT_FOUND_ERROR") : QStringLiteral("VALIDATION_ERROR"));
    QVERIFY2(problem.isEmpty(), qPrintable(problem));
    // Nothing changed, nothing was stored.
    const QJsonObject after = m_client->get(QStringLiteral("/api/escalation/") + ticket).json();
    QCOMPARE(str(after, "status"), QStringLiteral("open"));
    QVERIFY2(after.value(QLatin1String("resolution_notes")).isNull(), QJsonDocument(after).toJson().constData());
}

void TestAgentApiEscalation::escalatingTwiceIsRefused()
{
    QVERIFY(!newTicket(QStringLiteral("s_twice")).isEmpty());
    const HttpResult r = m_client->post(QStringLiteral("/api/escalation"), escalationBody(QStringLiteral("s_twice")));
    const QString problem = checkAgentError(r, 400, QStringLiteral("VALIDATION_ERROR"));
    QVERIFY2(problem.isEmpty(), qPrintable(problem));
}

void TestAgentApiEscalation::unknownTicketIsNotFound()
{
    const QStringList unknown{QStringLiteral("TKT-2024-001234"),
        QString(QStringLiteral("TKT-") + QString(32, QLatin1Char('a')) + QStringLiteral("-1"))};
    for (const QString &id : unknown) {
        const HttpResult r = m_client->get(QStringLiteral("/api/escalation/") + id);
        const QString problem = checkAgentError(r, 404, QStringLiteral("NOT_FOUND_ERROR"));
        QVERIFY2(problem.isEmpty(), qPrintable(problem));
    }
    const QString ticket = newTicket(QStringLiteral("s_one"));
    QVERIFY(!ticket.isEmpty());
    QCOMPARE(
        m_client->get(ticket.left(ticket.size() - 1).prepend(QStringLiteral("/api/escalation/")) + QStringLiteral("2"))
            .status,
        404);
    const HttpResult missing
        = m_client->post(QStringLiteral("/api/escalation"), escalationBody(QStringLiteral("never_made")));
    QVERIFY2(checkAgentError(missing, 404, QStringLiteral("NOT_FOUND_ERROR")).isEmpty(), describe(missing));
}

void TestAgentApiEscalation::anotherCompanyNeverSeesTheTicket()
{
    const QString ticket = newTicket(QStringLiteral("s_private"));
    QVERIFY(!ticket.isEmpty());
    const QString other = server().createCompany(QStringLiteral("Other Co"));
    AgentClient otherClient(server().port(), issueApiKey(server(), other));
    HttpResult r = otherClient.get(QStringLiteral("/api/escalation/") + ticket);
    QVERIFY2(checkAgentError(r, 404, QStringLiteral("NOT_FOUND_ERROR")).isEmpty(), describe(r));
    r = otherClient.put(
        QStringLiteral("/api/escalation/") + ticket, {{QStringLiteral("status"), QStringLiteral("closed")}});
    QVERIFY2(checkAgentError(r, 404, QStringLiteral("NOT_FOUND_ERROR")).isEmpty(), describe(r));
    r = otherClient.post(QStringLiteral("/api/escalation"), escalationBody(QStringLiteral("s_private")));
    QVERIFY2(checkAgentError(r, 404, QStringLiteral("NOT_FOUND_ERROR")).isEmpty(), describe(r));
    QCOMPARE(str(m_client->get(QStringLiteral("/api/escalation/") + ticket).json(), "status"), QStringLiteral("open"));
}

QTEST_GUILESS_MAIN(TestAgentApiEscalation)
#include "tst_agentapi_escalation.moc"
