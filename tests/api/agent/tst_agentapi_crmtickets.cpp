// Seed 002's CRM over real HTTP: a company whose configuration names a `ticket` connector (an
// `http` connector to a scripted CRM on loopback) gets a ticket there for every escalation to a
// person; the CRM's id is then the ticket_id wherever the agent API shows it, and the generated
// id keeps working. A failing CRM never holds up the escalation: its calls are logged and tried
// again a bounded number of times, and /health's services.crm_system says how it goes.
#include "tests/api/agent/AgentTestSupport.h"
#include "tests/support/ConnectorServer.h"

#include <QJsonArray>
#include <QTest>

using namespace tierdesk;
using namespace tierdesk::test;

namespace {

QJsonObject obj(const char *json)
{
    return QJsonDocument::fromJson(QByteArray(json)).object();
}

QString str(const QJsonObject &o, const char *key)
{
    return o.value(QLatin1String(key)).toString();
}

} // namespace

class TestAgentApiCrmTickets : public QObject {
    Q_OBJECT

private slots:
    void cleanup();
    void theCrmsIdIsTheTicketId();
    void aFailingCrmIsTriedAgain();
    void aCrmThatKeepsFailingLeavesTheGeneratedId();
    void oneFailureIsDegraded();
    void aPendingTicketIsOpenedAfterARestart();
    void withoutATicketConnectorNothingChanges();

private:
    // A server whose demo company opens tickets in the scripted CRM (retries `retryMs` apart).
    bool start(int retryMs, bool named = true);
    QString escalate(const QString &session); // the ticket_id POST /api/escalation answered
    QJsonArray crmTickets();
    QString health() const;
    QString crmHealth() const;
    QJsonArray ticketCalls();

    std::unique_ptr<ServerFixture> m_server;
    std::unique_ptr<AgentClient> m_agent;
    std::unique_ptr<HttpClient> m_admin;
    std::unique_ptr<ConnectorServer> m_crm;
};

bool TestAgentApiCrmTickets::start(int retryMs, bool named)
{
    m_server = std::make_unique<ServerFixture>();
    QString error;
    if (!m_server->start(QStringLiteral("[connectors]\nticketRetryMs=%1\n").arg(retryMs).toUtf8(), false, &error)) {
        qWarning("%s", qPrintable(error));
        return false;
    }
    m_crm = std::make_unique<ConnectorServer>(QStringLiteral("orders"));
    if (!m_crm->isRunning())
        return false;
    m_admin = m_server->client(api::Role::Admin);
    QJsonObject crm = obj(R"({"kind": "http", "purposes": ["ticket"], "timeoutMs": 3000,
        "requests": {"ticket": {"method": "POST", "path": "/crm/tickets",
            "body": {"subject": "Escalated: {reason}", "externalId": "{sessionId}", "customer": "{customerId}",
                     "email": "{email}"}}},
        "fields": {"ticket": {"id": "/ticket/id"}}})");
    crm.insert(QStringLiteral("url"), m_crm->url());
    if (m_admin->put(QStringLiteral("/api/cs/connectors/crm"), crm).status != 201)
        return false;
    if (named) {
        QJsonObject config{{QStringLiteral("companyId"), m_server->companyId()},
            {QStringLiteral("connectors"), obj(R"({"ticket": "crm"})")}};
        if (m_admin->put(QStringLiteral("/api/cs/config"), config).status != 200)
            return false;
    }
    const QByteArray key = issueApiKey(*m_server);
    m_agent = std::make_unique<AgentClient>(m_server->port(), key);
    return !key.isEmpty();
}

void TestAgentApiCrmTickets::cleanup()
{
    m_agent.reset();
    m_admin.reset();
    m_server.reset();
    m_crm.reset();
}

QString TestAgentApiCrmTickets::escalate(const QString &session)
{
    if (m_agent
            ->post(QStringLiteral("/api/session"),
                {{QStringLiteral("customer_id"), QStringLiteral("cust_ben")}, {QStringLiteral("session_id"), session}})
            .status
        != 201)
        return {};
    const HttpResult r = m_agent->post(QStringLiteral("/api/escalation"),
        {{QStringLiteral("session_id"), session}, {QStringLiteral("reason"), QStringLiteral("manual_request")},
            {QStringLiteral("priority"), QStringLiteral("high")}});
    return r.status == 201 ? str(r.json(), "ticket_id") : QString();
}

QJsonArray TestAgentApiCrmTickets::crmTickets()
{
    HttpClient crm(m_crm->port());
    return crm.get(QStringLiteral("/crm/tickets")).json().value(QLatin1String("tickets")).toArray();
}

QString TestAgentApiCrmTickets::health() const
{
    HttpClient anyone(m_server->port());
    return str(anyone.send("GET", QStringLiteral("/health"), {}, {}, false).json(), "status");
}

QString TestAgentApiCrmTickets::crmHealth() const
{
    HttpClient anyone(m_server->port());
    return str(
        anyone.send("GET", QStringLiteral("/health"), {}, {}, false).json().value(QLatin1String("services")).toObject(),
        "crm_system");
}

QJsonArray TestAgentApiCrmTickets::ticketCalls()
{
    QJsonArray out;
    for (const QJsonValue &v :
        m_admin->get(QStringLiteral("/api/cs/connectors/crm/calls")).json().value(QLatin1String("calls")).toArray())
        if (str(v.toObject(), "purpose") == QLatin1String("ticket"))
            out.append(v);
    return out;
}

void TestAgentApiCrmTickets::theCrmsIdIsTheTicketId()
{
    QVERIFY(start(10));
    QCOMPARE(crmHealth(), QStringLiteral("healthy"));
    const QString generated = escalate(QStringLiteral("crm-one"));
    QVERIFY2(generated.startsWith(QLatin1String("TKT-")), qPrintable(generated)); // answered before the CRM is
    QTRY_COMPARE_WITH_TIMEOUT(crmTickets().size(), 1, 10000);
    const QJsonObject asked = crmTickets().first().toObject();
    QCOMPARE(str(asked, "subject"), QStringLiteral("Escalated: CUSTOMER_REQUEST"));
    QCOMPARE(str(asked, "customer"), QStringLiteral("cust_ben"));
    QVERIFY(str(asked, "externalId").startsWith(QLatin1String("sess_")));
    // The session's escalations show the CRM's id.
    QTRY_COMPARE_WITH_TIMEOUT(str(m_agent->get(QStringLiteral("/api/session/crm-one"))
                                      .json()
                                      .value(QLatin1String("escalations"))
                                      .toArray()
                                      .first()
                                      .toObject(),
                                  "ticket_id"),
        QStringLiteral("CRM-1001"), 10000);
    // The ticket is found by the CRM's id and, as before, by the generated one.
    HttpResult r = m_agent->get(QStringLiteral("/api/escalation/CRM-1001"));
    QVERIFY2(r.status == 200, describe(r).constData());
    QCOMPARE(str(r.json(), "ticket_id"), QStringLiteral("CRM-1001"));
    QCOMPARE(str(r.json(), "session_id"), QStringLiteral("crm-one"));
    r = m_agent->get(QStringLiteral("/api/escalation/") + generated);
    QCOMPARE(str(r.json(), "ticket_id"), QStringLiteral("CRM-1001"));
    r = m_agent->put(QStringLiteral("/api/escalation/CRM-1001"),
        {{QStringLiteral("resolution_notes"), QStringLiteral("Reset the password by phone")}});
    QVERIFY2(r.status == 200, describe(r).constData());
    QCOMPARE(str(r.json(), "resolution_notes"), QStringLiteral("Reset the password by phone"));
    QCOMPARE(
        m_server->scalar(QStringLiteral("SELECT ticket_id FROM crm_tickets")).toString(), QStringLiteral("CRM-1001"));
    QCOMPARE(crmHealth(), QStringLiteral("healthy"));
    QCOMPARE(health(), QStringLiteral("healthy"));
    // Another company never finds it.
    const QString other = m_server->createCompany(QStringLiteral("Other Co"));
    AgentClient stranger(m_server->port(), issueApiKey(*m_server, other));
    QCOMPARE(stranger.get(QStringLiteral("/api/escalation/CRM-1001")).status, 404);
}

void TestAgentApiCrmTickets::aFailingCrmIsTriedAgain()
{
    QVERIFY(start(10));
    HttpClient control(m_crm->port());
    QCOMPARE(control.post(QStringLiteral("/_control/crm"), {{QStringLiteral("fail"), 2}}).status, 200);
    const QString generated = escalate(QStringLiteral("crm-retried"));
    QVERIFY(!generated.isEmpty()); // the escalation went through at once
    QTRY_COMPARE_WITH_TIMEOUT(crmTickets().size(), 1, 10000);
    QTRY_COMPARE_WITH_TIMEOUT(str(m_agent->get(QStringLiteral("/api/escalation/") + generated).json(), "ticket_id"),
        QStringLiteral("CRM-1001"), 10000);
    // Each attempt is in the connector's log: two failures, then the ticket.
    const QJsonArray calls = ticketCalls(); // newest first
    QCOMPARE(calls.size(), 3);
    QVERIFY(calls.at(0).toObject().value(QLatin1String("ok")).toBool());
    QCOMPARE(calls.at(1).toObject().value(QLatin1String("status")).toInt(), 503);
    QCOMPARE(str(calls.at(2).toObject(), "error"), QStringLiteral("HTTP 503"));
    QCOMPARE(m_server->scalar(QStringLiteral("SELECT attempts FROM crm_tickets")).toInt(), 3);
    QCOMPARE(crmHealth(), QStringLiteral("healthy"));
}

void TestAgentApiCrmTickets::aCrmThatKeepsFailingLeavesTheGeneratedId()
{
    QVERIFY(start(10));
    HttpClient control(m_crm->port());
    QCOMPARE(control.post(QStringLiteral("/_control/crm"), {{QStringLiteral("fail"), 100}}).status, 200);
    const QString generated = escalate(QStringLiteral("crm-down"));
    QVERIFY(generated.startsWith(QLatin1String("TKT-")));
    QTRY_COMPARE_WITH_TIMEOUT(m_server->scalar(QStringLiteral("SELECT attempts FROM crm_tickets")).toInt(), 4, 10000);
    QCOMPARE(ticketCalls().size(), 4); // bounded: no fifth call
    const HttpResult r = m_agent->get(QStringLiteral("/api/escalation/") + generated);
    QCOMPARE(str(r.json(), "ticket_id"), generated);
    QCOMPARE(str(r.json(), "status"), QStringLiteral("open"));
    QCOMPARE(crmHealth(), QStringLiteral("unhealthy"));
    QCOMPARE(health(), QStringLiteral("degraded"));
    // The CRM is back: the next escalation's ticket opens, and it is healthy again.
    QCOMPARE(control.post(QStringLiteral("/_control/crm"), {{QStringLiteral("fail"), 0}}).status, 200);
    escalate(QStringLiteral("crm-back"));
    QTRY_COMPARE_WITH_TIMEOUT(crmHealth(), QStringLiteral("healthy"), 10000);
    QCOMPARE(str(m_agent->get(QStringLiteral("/api/session/crm-back"))
                     .json()
                     .value(QLatin1String("escalations"))
                     .toArray()
                     .first()
                     .toObject(),
                 "ticket_id"),
        QStringLiteral("CRM-1001"));
}

void TestAgentApiCrmTickets::oneFailureIsDegraded()
{
    QVERIFY(start(600000)); // the next attempt is ten minutes away
    HttpClient control(m_crm->port());
    QCOMPARE(control.post(QStringLiteral("/_control/crm"), {{QStringLiteral("fail"), 1}}).status, 200);
    const QString generated = escalate(QStringLiteral("crm-once"));
    QTRY_COMPARE_WITH_TIMEOUT(ticketCalls().size(), 1, 10000);
    QCOMPARE(crmHealth(), QStringLiteral("degraded"));
    QCOMPARE(str(m_agent->get(QStringLiteral("/api/escalation/") + generated).json(), "ticket_id"), generated);
}

void TestAgentApiCrmTickets::aPendingTicketIsOpenedAfterARestart()
{
    QVERIFY(start(600000));
    HttpClient control(m_crm->port());
    QCOMPARE(control.post(QStringLiteral("/_control/crm"), {{QStringLiteral("fail"), 1}}).status, 200);
    const QString generated = escalate(QStringLiteral("crm-restart"));
    QTRY_COMPARE_WITH_TIMEOUT(m_server->scalar(QStringLiteral("SELECT attempts FROM crm_tickets")).toInt(), 1, 10000);
    // Stopped while the next attempt waits; started again, the attempt is made at once.
    const QByteArray key = issueApiKey(*m_server);
    m_server->stop();
    QString error;
    QVERIFY2(m_server->start("[connectors]\nticketRetryMs=10\n", false, &error), qPrintable(error));
    AgentClient agent(m_server->port(), key);
    QTRY_COMPARE_WITH_TIMEOUT(str(agent.get(QStringLiteral("/api/escalation/") + generated).json(), "ticket_id"),
        QStringLiteral("CRM-1001"), 10000);
    QCOMPARE(crmTickets().size(), 1);
    QCOMPARE(m_server->scalar(QStringLiteral("SELECT attempts FROM crm_tickets")).toInt(), 2);
}

void TestAgentApiCrmTickets::withoutATicketConnectorNothingChanges()
{
    QVERIFY(start(10, false));
    const QString generated = escalate(QStringLiteral("crm-none"));
    QVERIFY(generated.startsWith(QLatin1String("TKT-")));
    QCOMPARE(m_agent->get(QStringLiteral("/api/session/crm-none")).status, 200);
    QVERIFY(crmTickets().isEmpty());
    QCOMPARE(ticketCalls().size(), 0);
    QCOMPARE(crmHealth(), QStringLiteral("healthy"));
}

QTEST_MAIN(TestAgentApiCrmTickets)
#include "tst_agentapi_crmtickets.moc"
