// /api/session of the support agent API on a real server (seed 002): create with
// the client's own id or a generated one, get with the transcript in the seed's
// roles, delete = archive (the history stays), and each company's names apart.
#include "tests/api/agent/AgentTestSupport.h"

#include <QTest>

using namespace tierdesk;
using namespace tierdesk::test;

namespace {

QString str(const QJsonObject &o, const char *key)
{
    return o.value(QLatin1String(key)).toString();
}

QJsonObject newSession(const QString &customer, const QString &id = {})
{
    QJsonObject body{{QStringLiteral("customer_id"), customer}};
    if (!id.isEmpty())
        body.insert(QStringLiteral("session_id"), id);
    return body;
}

} // namespace

class TestAgentApiSessions : public QObject {
    Q_OBJECT

private slots:
    void init();
    void cleanup();
    void createWithTheClientsId();
    void createNamesTheSessionWhenTheClientDoesNot();
    void createRefusesBadInput_data();
    void createRefusesBadInput();
    void createTwiceIsRefused();
    void getShowsTheTranscriptInTheSeedsRoles();
    void deleteArchives();
    void deleteArchivesASessionWhoseTicketWasResolved();
    void unknownSessionIsNotFound();
    void companiesKeepTheirNamesApart();

private:
    std::unique_ptr<ServerFixture> m_fixture;
    ServerFixture &server() { return *m_fixture; }
    // How many session.resolve entries the company's audit log holds.
    int resolveAudits()
    {
        return server()
            .scalar(
                QStringLiteral("SELECT count(*) FROM audit_log WHERE action = 'session.resolve' AND company_id = ?"),
                {server().companyId()})
            .toInt();
    }
    std::unique_ptr<AgentClient> m_client;
};

void TestAgentApiSessions::init()
{
    QString error;
    QVERIFY2(startAgentServer(m_fixture, m_client, false, &error), qPrintable(error));
}

void TestAgentApiSessions::cleanup()
{
    m_client.reset();
    m_fixture.reset();
}

void TestAgentApiSessions::createWithTheClientsId()
{
    HttpResult r = m_client->post(
        QStringLiteral("/api/session"), newSession(QStringLiteral("cust_xyz789"), QStringLiteral("sess_abc123")));
    QVERIFY2(r.status == 201, describe(r));
    QJsonObject o = r.json();
    QCOMPARE(str(o, "session_id"), QStringLiteral("sess_abc123"));
    QCOMPARE(str(o, "customer_id"), QStringLiteral("cust_xyz789"));
    QCOMPARE(str(o, "status"), QStringLiteral("active"));
    QVERIFY(QDateTime::fromString(str(o, "created_at"), Qt::ISODateWithMs).isValid());

    r = m_client->get(QStringLiteral("/api/session/sess_abc123"));
    QVERIFY2(r.status == 200, describe(r));
    o = r.json();
    QCOMPARE(str(o, "session_id"), QStringLiteral("sess_abc123"));
    QCOMPARE(str(o, "customer_id"), QStringLiteral("cust_xyz789"));
    QCOMPARE(str(o, "status"), QStringLiteral("active"));
    QVERIFY(QDateTime::fromString(str(o, "updated_at"), Qt::ISODateWithMs).isValid());
    QCOMPARE(o.value(QLatin1String("messages")).toArray().size(), 0);
    QCOMPARE(o.value(QLatin1String("escalations")).toArray().size(), 0);
    // The engine knows the session under an id of its own, with the client's name beside it.
    QCOMPARE(server()
                 .scalar(QStringLiteral(
                             "SELECT count(*) FROM sessions WHERE company_id = ? AND customer_id = 'cust_xyz789'"),
                     {server().companyId()})
                 .toInt(),
        1);
}

void TestAgentApiSessions::createNamesTheSessionWhenTheClientDoesNot()
{
    const HttpResult r = m_client->post(QStringLiteral("/api/session"), newSession(QStringLiteral("cust_ben")));
    QVERIFY2(r.status == 201, describe(r));
    const QString id = str(r.json(), "session_id");
    QVERIFY2(id.startsWith(QLatin1String("sess_")) && id.size() > 10, qPrintable(id));
    QCOMPARE(m_client->get(QStringLiteral("/api/session/") + id).status, 200);
}

void TestAgentApiSessions::createRefusesBadInput_data()
{
    QTest::addColumn<QByteArray>("body");
    QTest::addColumn<QString>("mentions");
    QTest::newRow("no customer_id") << QByteArray(R"({"session_id":"s1"})") << QStringLiteral("customer_id");
    QTest::newRow("empty customer_id") << QByteArray(R"({"customer_id":"  "})") << QStringLiteral("customer_id");
    QTest::newRow("customer_id a number") << QByteArray(R"({"customer_id":12})") << QStringLiteral("customer_id");
    QTest::newRow("session_id with a space")
        << QByteArray(R"({"customer_id":"c1","session_id":"a b"})") << QStringLiteral("session_id");
    QTest::newRow("session_id a number") << QByteArray(R"({"customer_id":"c1","session_id":7})")
                                         << QStringLiteral("session_id");
    QTest::newRow("not JSON") << QByteArray("customer_id=c1") << QString();
    QTest::newRow("an array") << QByteArray("[]") << QString();
}

void TestAgentApiSessions::createRefusesBadInput()
{
    QFETCH(QByteArray, body);
    QFETCH(QString, mentions);
    const HttpResult r = m_client->send("POST", QStringLiteral("/api/session"), body);
    const QString problem = checkAgentError(r, 400, QStringLiteral("VALIDATION_ERROR"));
    QVERIFY2(problem.isEmpty(), qPrintable(problem));
    QVERIFY2(str(r.json(), "message").contains(mentions), r.body.constData());
}

void TestAgentApiSessions::createTwiceIsRefused()
{
    QCOMPARE(m_client->post(QStringLiteral("/api/session"), newSession(QStringLiteral("c1"), QStringLiteral("dup_1")))
                 .status,
        201);
    const HttpResult r
        = m_client->post(QStringLiteral("/api/session"), newSession(QStringLiteral("c1"), QStringLiteral("dup_1")));
    const QString problem = checkAgentError(r, 400, QStringLiteral("VALIDATION_ERROR"));
    QVERIFY2(problem.isEmpty(), qPrintable(problem));
}

// A session another door opened is found by the engine's id; the customer's words
// are "user", the AI tier's "assistant" with the model and the scores.
void TestAgentApiSessions::getShowsTheTranscriptInTheSeedsRoles()
{
    auto admin = server().client(api::Role::Admin);
    const HttpResult made = admin->post(QStringLiteral("/api/cs/sessions"),
        sessionBody(server().companyId(), QStringLiteral("cust_ben"), QStringLiteral("What are your opening hours?")));
    QVERIFY2(made.status == 201, describe(made));
    const QString engineId = str(made.json(), "id");
    const HttpResult r = m_client->get(QStringLiteral("/api/session/") + engineId);
    QVERIFY2(r.status == 200, describe(r));
    const QJsonArray messages = r.json().value(QLatin1String("messages")).toArray();
    QCOMPARE(messages.size(), 2);
    const QJsonObject user = messages.at(0).toObject(), assistant = messages.at(1).toObject();
    QCOMPARE(str(user, "role"), QStringLiteral("user"));
    QCOMPARE(str(user, "content"), QStringLiteral("What are your opening hours?"));
    QVERIFY(!str(user, "id").isEmpty());
    QVERIFY(QDateTime::fromString(str(user, "timestamp"), Qt::ISODateWithMs).isValid());
    const double sentiment
        = user.value(QLatin1String("metadata")).toObject().value(QLatin1String("sentiment_score")).toDouble(-2);
    QVERIFY2(sentiment >= -1 && sentiment <= 1, qPrintable(QString::number(sentiment)));
    QCOMPARE(str(assistant, "role"), QStringLiteral("assistant"));
    QVERIFY(!str(assistant, "content").isEmpty());
    const QJsonObject meta = assistant.value(QLatin1String("metadata")).toObject();
    QCOMPARE(str(meta, "model_used"), QStringLiteral("tierdesk-local-1"));
    const double complexity = meta.value(QLatin1String("complexity_score")).toDouble(-1);
    QVERIFY2(complexity >= 0 && complexity <= 1, qPrintable(QString::number(complexity)));
}

void TestAgentApiSessions::deleteArchives()
{
    QCOMPARE(
        m_client
            ->post(QStringLiteral("/api/session"), newSession(QStringLiteral("cust_ben"), QStringLiteral("to_close")))
            .status,
        201);
    HttpResult r = m_client->del(QStringLiteral("/api/session/to_close"));
    QVERIFY2(r.status == 200, describe(r));
    QCOMPARE(str(r.json(), "message"), QStringLiteral("Session closed successfully"));
    QCOMPARE(str(r.json(), "session_id"), QStringLiteral("to_close"));
    const QString archivedAt = str(r.json(), "archived_at");
    QVERIFY(QDateTime::fromString(archivedAt, Qt::ISODateWithMs).isValid());
    // Archived, not gone: still readable, now closed; the engine resolved it (audited).
    r = m_client->get(QStringLiteral("/api/session/to_close"));
    QVERIFY2(r.status == 200, describe(r));
    QCOMPARE(str(r.json(), "status"), QStringLiteral("closed"));
    QCOMPARE(resolveAudits(), 1);
    // Repeating it is harmless: the same answer, nothing resolved again.
    r = m_client->del(QStringLiteral("/api/session/to_close"));
    QVERIFY2(r.status == 200, describe(r));
    QCOMPARE(str(r.json(), "archived_at"), archivedAt);
    QCOMPARE(resolveAudits(), 1);
}

// A session closed by resolving its ticket is archived by DELETE with 200 (the
// seed's body, archived_at when it was closed), again and again, and stays resolved.
void TestAgentApiSessions::deleteArchivesASessionWhoseTicketWasResolved()
{
    QCOMPARE(m_client
                 ->post(QStringLiteral("/api/session"),
                     newSession(QStringLiteral("cust_ben"), QStringLiteral("resolved_ticket")))
                 .status,
        201);
    HttpResult r = m_client->post(QStringLiteral("/api/escalation"),
        {{QStringLiteral("session_id"), QStringLiteral("resolved_ticket")},
            {QStringLiteral("reason"), QStringLiteral("manual_request")},
            {QStringLiteral("priority"), QStringLiteral("medium")}});
    QVERIFY2(r.status == 201, describe(r));
    const QString ticket = str(r.json(), "ticket_id");
    r = m_client->put(QStringLiteral("/api/escalation/") + ticket,
        {{QStringLiteral("status"), QStringLiteral("resolved")},
            {QStringLiteral("resolution_notes"), QStringLiteral("Password reset")}});
    QVERIFY2(r.status == 200, describe(r));
    QCOMPARE(
        str(m_client->get(QStringLiteral("/api/session/resolved_ticket")).json(), "status"), QStringLiteral("closed"));
    for (int attempt = 1; attempt <= 2; ++attempt) {
        r = m_client->del(QStringLiteral("/api/session/resolved_ticket"));
        QVERIFY2(r.status == 200, describe(r));
        const QJsonObject o = r.json();
        QCOMPARE(o.keys(),
            (QStringList{QStringLiteral("archived_at"), QStringLiteral("message"), QStringLiteral("session_id")}));
        QCOMPARE(str(o, "message"), QStringLiteral("Session closed successfully"));
        QCOMPARE(str(o, "session_id"), QStringLiteral("resolved_ticket"));
        QVERIFY(QDateTime::fromString(str(o, "archived_at"), Qt::ISODateWithMs).isValid());
    }
    // Still the resolution the ticket gave it: resolved once, the ticket resolved.
    QCOMPARE(resolveAudits(), 1);
    r = m_client->get(QStringLiteral("/api/escalation/") + ticket);
    QCOMPARE(str(r.json(), "status"), QStringLiteral("resolved"));
    QCOMPARE(str(r.json(), "resolution_notes"), QStringLiteral("Password reset"));
}

void TestAgentApiSessions::unknownSessionIsNotFound()
{
    for (const char *method : {"GET", "DELETE"}) {
        const HttpResult r = m_client->send(method, QStringLiteral("/api/session/never_made"), {});
        const QString problem = checkAgentError(r, 404, QStringLiteral("NOT_FOUND_ERROR"));
        QVERIFY2(problem.isEmpty(), qPrintable(QLatin1String(method) + QStringLiteral(": ") + problem));
    }
}

void TestAgentApiSessions::companiesKeepTheirNamesApart()
{
    QCOMPARE(
        m_client
            ->post(QStringLiteral("/api/session"), newSession(QStringLiteral("cust_a"), QStringLiteral("shared_name")))
            .status,
        201);
    const QString other = server().createCompany(QStringLiteral("Other Co"));
    AgentClient otherClient(server().port(), issueApiKey(server(), other));
    // Company B sees nothing of A's session, by A's name or by the engine's id.
    for (const char *method : {"GET", "DELETE"}) {
        const HttpResult r = otherClient.send(method, QStringLiteral("/api/session/shared_name"), {});
        const QString problem = checkAgentError(r, 404, QStringLiteral("NOT_FOUND_ERROR"));
        QVERIFY2(problem.isEmpty(), qPrintable(QLatin1String(method) + QStringLiteral(": ") + problem));
    }
    const QString engineId
        = server().scalar(QStringLiteral("SELECT id FROM sessions WHERE customer_id = 'cust_a'")).toString();
    QVERIFY(!engineId.isEmpty());
    QCOMPARE(otherClient.get(QStringLiteral("/api/session/") + engineId).status, 404);
    // B may use the same name for a session of its own; A's is untouched.
    HttpResult r = otherClient.post(
        QStringLiteral("/api/session"), newSession(QStringLiteral("cust_b"), QStringLiteral("shared_name")));
    QVERIFY2(r.status == 201, describe(r));
    r = m_client->get(QStringLiteral("/api/session/shared_name"));
    QCOMPARE(str(r.json(), "customer_id"), QStringLiteral("cust_a"));
    QCOMPARE(str(r.json(), "status"), QStringLiteral("active"));
}

QTEST_GUILESS_MAIN(TestAgentApiSessions)
#include "tst_agentapi_sessions.moc"
