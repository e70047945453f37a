// Work assigned by capacity on a real server: agents' capacities (PATCH /agents/:id), automatic
// assignment with three people of different capacities and presence (nobody over capacity, the
// fewest-open rule, ties to the one idle longest, giving back on away, taking on when back), a
// company left on manual, and snooze by time (FakeClock) and by the customer's next message.
#include "core/common/Time.h"
#include "core/engine/desk/Desk.h"
#include "core/runtime/Runtime.h"
#include "tests/api/ApiTestSupport.h"
#include "tests/api/WsClient.h"
#include "tests/support/FakeClock.h"

#include <QJsonArray>
#include <QTest>

using namespace tierdesk;
using namespace tierdesk::test;

namespace {

QString str(const QJsonObject &o, const char *key)
{
    return o.value(QLatin1String(key)).toString();
}

} // namespace

class TestCsApiAssignment : public QObject {
    Q_OBJECT

private slots:
    void initTestCase();
    void cleanupTestCase();
    void capacityIsSetAndChecked();
    void manualAssignsNothing();
    void automaticByCapacityFewestFirst();
    void snoozeUntilATime();
    void snoozeEndsWithTheCustomersMessage();
    void snoozeIsChecked();

private:
    QString escalated(HttpClient &admin, const QString &companyId);
    QString path(const QString &sessionId, const char *what) const
    {
        return QStringLiteral("/api/cs/sessions/") + sessionId + QLatin1Char('/') + QLatin1String(what);
    }
    // Sessions held by each person, from the supervisor's overview; "" counts the waiting ones.
    QHash<QString, int> holdings(HttpClient &supervisor, const QString &companyId);
    QJsonArray queueItems(HttpClient &client, const QString &companyId, const QString &query = {});
    std::unique_ptr<HttpClient> agentClient(const QString &id, api::Role role, const QString &companyId = {})
    {
        return std::make_unique<HttpClient>(m_server.port(), m_server.token(role, companyId, 3600, id));
    }

    FakeClock m_clock;
    ServerFixture m_server;
    std::unique_ptr<HttpClient> m_admin;
};

void TestCsApiAssignment::initTestCase()
{
    m_server.setClock(&m_clock);
    QString error;
    // The SLA timer (and its snooze and assignment rounds) stays out of the way: tests call them.
    QVERIFY2(m_server.start("[desk]\nslaCheckSeconds=3600\n", false, &error), qPrintable(error));
    m_admin = m_server.client(api::Role::Admin);
}

void TestCsApiAssignment::cleanupTestCase()
{
    m_admin.reset();
    m_server.stop();
}

QString TestCsApiAssignment::escalated(HttpClient &admin, const QString &companyId)
{
    const HttpResult created = admin.post(QStringLiteral("/api/cs/sessions"),
        sessionBody(companyId, QStringLiteral("cust_ben"), QStringLiteral("Where is my order ORD-10001?")));
    const QString id = str(created.json(), "id");
    if (created.status != 201)
        return QString();
    // The engine may have handed it to a person already (a repeat contact about the same order).
    if (str(created.json(), "currentTier") == QLatin1String("HUMAN_AGENT"))
        return id;
    const HttpResult esc = admin.post(path(id, "escalate"),
        {{QStringLiteral("reason"), QStringLiteral("CUSTOMER_REQUEST")},
            {QStringLiteral("targetTier"), QStringLiteral("HUMAN_AGENT")}});
    return esc.status == 200 ? id : QString();
}

QHash<QString, int> TestCsApiAssignment::holdings(HttpClient &supervisor, const QString &companyId)
{
    const QJsonObject o = supervisor.get(QStringLiteral("/api/cs/desk/overview?companyId=") + companyId).json();
    QHash<QString, int> out;
    for (const QJsonValue &a : o.value(QLatin1String("agents")).toArray()) {
        const QJsonObject agent = a.toObject();
        const int held = int(agent.value(QLatin1String("sessions")).toArray().size());
        out.insert(str(agent, "id"), held);
        // Nobody is ever over capacity, and room says what is left.
        const int capacity = agent.value(QLatin1String("capacity")).toInt();
        if (held > capacity || agent.value(QLatin1String("room")).toInt() != qMax(0, capacity - held))
            out.insert(QStringLiteral("over capacity"), 1);
    }
    for (const QJsonValue &q : o.value(QLatin1String("queues")).toArray())
        out[QString()] += q.toObject().value(QLatin1String("waiting")).toInt();
    return out;
}

QJsonArray TestCsApiAssignment::queueItems(HttpClient &client, const QString &companyId, const QString &query)
{
    return client.get(QStringLiteral("/api/cs/queue?limit=500&companyId=") + companyId + query)
        .json()
        .value(QLatin1String("items"))
        .toArray();
}

void TestCsApiAssignment::capacityIsSetAndChecked()
{
    QVERIFY(m_server.addAgent(QStringLiteral("agt_cap"), QStringLiteral("Cap Tester"), QStringLiteral("agent"),
        {QStringLiteral("orders")}, m_clock.nowMs()));
    const QString agentPath = QStringLiteral("/api/cs/agents/agt_cap");
    HttpResult r = m_admin->send("PATCH", agentPath, R"({"capacity": 7})");
    QCOMPARE(r.status, 200);
    QCOMPARE(r.json().value(QLatin1String("agent")).toObject().value(QLatin1String("capacity")).toInt(), 7);
    bool listed = false;
    for (const QJsonValue &a : m_admin->get(QStringLiteral("/api/cs/agents?companyId=") + m_server.companyId())
                                   .json()
                                   .value(QLatin1String("agents"))
                                   .toArray())
        if (str(a.toObject(), "id") == QLatin1String("agt_cap"))
            listed = a.toObject().value(QLatin1String("capacity")).toInt() == 7;
    QVERIFY2(listed, "GET /agents shows the capacity");
    for (const QByteArray &bad :
        {QByteArray(R"({"capacity": 0})"), QByteArray(R"({"capacity": 51})"), QByteArray(R"({"capacity": 2.5})"),
            QByteArray(R"({"capacity": "3"})"), QByteArray(R"({"capacity": null})")}) {
        r = m_admin->send("PATCH", agentPath, bad);
        QCOMPARE(r.status, 400);
        QCOMPARE(r.errorCode(), QStringLiteral("CS_011"));
    }
    // Nothing stored changed; an agent token may not set it.
    auto agent = agentClient(QStringLiteral("agt_cap"), api::Role::Agent);
    QCOMPARE(agent->send("PATCH", agentPath, R"({"capacity": 9})").status, 403);
    QCOMPARE(m_server.scalar(QStringLiteral("SELECT capacity FROM agents WHERE id = 'agt_cap'")).toInt(), 7);
}

void TestCsApiAssignment::manualAssignsNothing()
{
    QVERIFY(m_server.addAgent(QStringLiteral("agt_man"), QStringLiteral("Manual Mary"), QStringLiteral("agent"),
        {QStringLiteral("orders")}, m_clock.nowMs()));
    WsClient ws;
    QVERIFY(ws.open(m_server.port(), m_server.token(api::Role::Agent, {}, 3600, QStringLiteral("agt_man"))));
    const QString id = escalated(*m_admin, m_server.companyId());
    QVERIFY(!id.isEmpty());
    m_server.runtime().desk().assigner().wakeAll(); // a round would give nothing: the company is manual
    QCOMPARE(m_server.runtime().desk().assigner().assignNow(m_server.companyId()), 0);
    for (const QJsonValue &v : queueItems(*m_admin, m_server.companyId()))
        if (str(v.toObject(), "sessionId") == id)
            QVERIFY(v.toObject().value(QLatin1String("assignee")).isNull());
}

void TestCsApiAssignment::automaticByCapacityFewestFirst()
{
    const QString company = m_server.createCompany(QStringLiteral("Auto Desk"));
    QVERIFY(!company.isEmpty());
    auto admin = m_server.client(api::Role::Admin, company);
    HttpResult r = admin->put(QStringLiteral("/api/cs/config"),
        {{QStringLiteral("companyId"), company},
            {QStringLiteral("desk"), QJsonObject{{QStringLiteral("assignment"), QStringLiteral("automatic")}}}});
    QCOMPARE(r.status, 200);
    QCOMPARE(r.json().value(QLatin1String("desk")).toObject().value(QLatin1String("assignment")).toString(),
        QStringLiteral("automatic"));
    QCOMPARE(admin
                 ->put(QStringLiteral("/api/cs/config"),
                     {{QStringLiteral("companyId"), company},
                         {QStringLiteral("desk"), QJsonObject{{QStringLiteral("assignment"), QStringLiteral("auto")}}}})
                 .status,
        400);
    const QStringList orders{QStringLiteral("orders")};
    const qint64 now = m_clock.nowMs();
    QVERIFY(m_server.addAgent(QStringLiteral("agt_a1"), QStringLiteral("Ada"), QStringLiteral("agent"), orders, now));
    QVERIFY(m_server.addAgent(QStringLiteral("agt_b2"), QStringLiteral("Bea"), QStringLiteral("agent"), orders, now));
    QVERIFY(m_server.addAgent(QStringLiteral("agt_c3"), QStringLiteral("Cy"), QStringLiteral("agent"), orders, now));
    // addAgent stores people of the demo company: these three move to the new one.
    m_server.scalar(
        QStringLiteral("UPDATE agents SET company_id = ? WHERE id IN ('agt_a1', 'agt_b2', 'agt_c3')"), {company});
    QCOMPARE(m_server.scalar(QStringLiteral("SELECT count(*) FROM agents WHERE company_id = ?"), {company}).toInt(), 3);
    QCOMPARE(admin->send("PATCH", QStringLiteral("/api/cs/agents/agt_a1"), R"({"capacity": 2})").status, 200);
    QCOMPARE(admin->send("PATCH", QStringLiteral("/api/cs/agents/agt_b2"), R"({"capacity": 1})").status, 200);
    QCOMPARE(admin->send("PATCH", QStringLiteral("/api/cs/agents/agt_c3"), R"({"capacity": 3})").status, 200);
    // Ada and Bea are connected and available; Cy is connected but away.
    WsClient ada, bea, cy;
    QVERIFY(ada.open(m_server.port(), m_server.token(api::Role::Agent, company, 3600, QStringLiteral("agt_a1"))));
    QVERIFY(bea.open(m_server.port(), m_server.token(api::Role::Agent, company, 3600, QStringLiteral("agt_b2"))));
    QVERIFY(cy.open(m_server.port(), m_server.token(api::Role::Agent, company, 3600, QStringLiteral("agt_c3"))));
    auto cyHttp = agentClient(QStringLiteral("agt_c3"), api::Role::Agent, company);
    QCOMPARE(
        cyHttp->put(
                  QStringLiteral("/api/cs/agents/me/presence"), {{QStringLiteral("presence"), QStringLiteral("away")}})
            .status,
        200);
    auto sue = agentClient(QStringLiteral("sue"), api::Role::Supervisor, company);

    // Six escalations, a second apart: Ada (fewest, ties to the smaller id), Bea (fewest), Ada
    // (Bea is full); the other three wait.
    QStringList ids;
    for (int i = 0; i < 6; ++i) {
        m_clock.advanceMs(1000);
        ids << escalated(*admin, company);
        QVERIFY(!ids.last().isEmpty());
    }
    QTRY_COMPARE(holdings(*sue, company).value(QString()), 3);
    QHash<QString, int> held = holdings(*sue, company);
    QVERIFY(!held.contains(QStringLiteral("over capacity")));
    QCOMPARE(held.value(QStringLiteral("agt_a1")), 2);
    QCOMPARE(held.value(QStringLiteral("agt_b2")), 1);
    QCOMPARE(held.value(QStringLiteral("agt_c3")), 0);
    const auto assigneeOf = [&](const QString &sessionId) {
        for (const QJsonValue &v : queueItems(*sue, company))
            if (str(v.toObject(), "sessionId") == sessionId)
                return str(v.toObject().value(QLatin1String("assignee")).toObject(), "id");
        return QStringLiteral("(not listed)");
    };
    QCOMPARE(assigneeOf(ids.at(0)), QStringLiteral("agt_a1"));
    QCOMPARE(assigneeOf(ids.at(1)), QStringLiteral("agt_b2"));
    QCOMPARE(assigneeOf(ids.at(2)), QStringLiteral("agt_a1"));
    QCOMPARE(assigneeOf(ids.at(3)), QString()); // waiting: nobody has room

    // Cy comes back: the three waiting ones are Cy's (capacity 3).
    m_clock.advanceMs(1000);
    QCOMPARE(cyHttp
                 ->put(QStringLiteral("/api/cs/agents/me/presence"),
                     {{QStringLiteral("presence"), QStringLiteral("available")}})
                 .status,
        200);
    QTRY_COMPARE(holdings(*sue, company).value(QStringLiteral("agt_c3")), 3);
    QCOMPARE(holdings(*sue, company).value(QString()), 0);

    // Ada goes away: her two go back to the queue; nobody else has room, so they wait.
    auto adaHttp = agentClient(QStringLiteral("agt_a1"), api::Role::Agent, company);
    QCOMPARE(
        adaHttp
            ->put(QStringLiteral("/api/cs/agents/me/presence"), {{QStringLiteral("presence"), QStringLiteral("away")}})
            .status,
        200);
    QTRY_COMPARE(holdings(*sue, company).value(QString()), 2);
    held = holdings(*sue, company);
    QCOMPARE(held.value(QStringLiteral("agt_a1")), 0);
    QVERIFY(!held.contains(QStringLiteral("over capacity")));

    // More room for Bea: one of them is hers at once; resolving one of Cy's gives Cy the other.
    QCOMPARE(admin->send("PATCH", QStringLiteral("/api/cs/agents/agt_b2"), R"({"capacity": 2})").status, 200);
    QTRY_COMPARE(holdings(*sue, company).value(QStringLiteral("agt_b2")), 2);
    QCOMPARE(holdings(*sue, company).value(QString()), 1);
    QString cysFirst;
    for (const QJsonValue &v : queueItems(*sue, company, QStringLiteral("&assignee=agt_c3")))
        cysFirst = str(v.toObject(), "sessionId");
    QVERIFY(!cysFirst.isEmpty());
    QCOMPARE(sue->post(path(cysFirst, "resolve"),
                    {{QStringLiteral("resolutionType"), QStringLiteral("ISSUE_RESOLVED")},
                        {QStringLiteral("summary"), QStringLiteral("Answered.")}})
                 .status,
        200);
    QTRY_COMPARE(holdings(*sue, company).value(QString()), 0);
    QCOMPARE(holdings(*sue, company).value(QStringLiteral("agt_c3")), 3);
    // Every assignment is audited as the round's.
    QVERIFY(m_server
                .scalar(QStringLiteral("SELECT count(*) FROM audit_log WHERE company_id = ? AND"
                                       " action = 'desk.assign' AND actor = 'auto-assignment'"),
                    {company})
                .toInt()
        >= 6);
}

void TestCsApiAssignment::snoozeUntilATime()
{
    QVERIFY(m_server.addAgent(QStringLiteral("agt_zz"), QStringLiteral("Zed"), QStringLiteral("agent"),
        {QStringLiteral("orders")}, m_clock.nowMs()));
    auto zed = agentClient(QStringLiteral("agt_zz"), api::Role::Agent);
    const QString id = escalated(*m_admin, m_server.companyId());
    QCOMPARE(zed->post(path(id, "claim"), {}).status, 200);
    const qint64 until = m_clock.nowMs() + 600000; // (the tokens here hold for an hour of the fake clock)
    const HttpResult r = zed->post(path(id, "snooze"), {{QStringLiteral("until"), timefmt::iso(until)}});
    QCOMPARE(r.status, 200);
    const auto listed = [&](const QString &query) {
        for (const QJsonValue &v : queueItems(*zed, m_server.companyId(), query))
            if (str(v.toObject(), "sessionId") == id)
                return v.toObject();
        return QJsonObject();
    };
    QVERIFY2(listed({}).isEmpty(), "a snoozed item is out of the queue's items");
    const QJsonObject snoozed = listed(QStringLiteral("&snoozed=true"));
    QCOMPARE(str(snoozed, "snoozedUntil"), timefmt::iso(until));
    QCOMPARE(m_server.runtime().desk().wakeSnoozed(), 0); // not yet
    m_clock.advanceMs(600000);
    QCOMPARE(m_server.runtime().desk().wakeSnoozed(), 1);
    const QJsonObject back = listed({});
    QVERIFY2(!back.isEmpty(), "back in the queue once its time came");
    QVERIFY(back.value(QLatin1String("snoozedUntil")).isNull());
    QCOMPARE(str(back.value(QLatin1String("assignee")).toObject(), "id"), QStringLiteral("agt_zz")); // as it was
}

void TestCsApiAssignment::snoozeEndsWithTheCustomersMessage()
{
    auto sue = agentClient(QStringLiteral("sue"), api::Role::Supervisor);
    const QString id = escalated(*m_admin, m_server.companyId());
    WsClient ws;
    QVERIFY(ws.open(m_server.port(), m_server.token(api::Role::Supervisor, {}, 3600, QStringLiteral("sue")),
        QJsonObject{{QStringLiteral("type"), QStringLiteral("subscribe")},
            {QStringLiteral("companyId"), m_server.companyId()}}));
    QCOMPARE(
        sue->post(path(id, "snooze"), {{QStringLiteral("until"), timefmt::iso(m_clock.nowMs() + 86400000)}}).status,
        200);
    QVERIFY(!ws.waitFor(QStringLiteral("queue.removed"), id).isEmpty());
    auto ben = std::make_unique<HttpClient>(m_server.port(), m_server.token(api::Role::Client));
    QCOMPARE(ben->post(path(id, "messages"), {{QStringLiteral("message"), QStringLiteral("Any news?")}}).status, 201);
    QVERIFY2(!ws.waitFor(QStringLiteral("queue.added"), id).isEmpty(), "the customer's message brings it back");
    bool listed = false;
    for (const QJsonValue &v : queueItems(*sue, m_server.companyId()))
        listed = listed || str(v.toObject(), "sessionId") == id;
    QVERIFY(listed);
}

void TestCsApiAssignment::snoozeIsChecked()
{
    QVERIFY(m_server.addAgent(QStringLiteral("agt_o1"), QStringLiteral("Otto"), QStringLiteral("agent"),
        {QStringLiteral("orders")}, m_clock.nowMs()));
    QVERIFY(m_server.addAgent(QStringLiteral("agt_o2"), QStringLiteral("Olga"), QStringLiteral("agent"),
        {QStringLiteral("orders")}, m_clock.nowMs()));
    auto otto = agentClient(QStringLiteral("agt_o1"), api::Role::Agent);
    auto olga = agentClient(QStringLiteral("agt_o2"), api::Role::Agent);
    const QString id = escalated(*m_admin, m_server.companyId());
    QCOMPARE(otto->post(path(id, "claim"), {}).status, 200);
    const qint64 now = m_clock.nowMs();
    for (const QJsonValue &until :
        {QJsonValue(timefmt::iso(now - 1000)), QJsonValue(timefmt::iso(now + 31 * 86400000LL)),
            QJsonValue(QStringLiteral("tomorrow")), QJsonValue(42), QJsonValue()}) {
        QJsonObject body;
        if (!until.isUndefined())
            body.insert(QStringLiteral("until"), until);
        const HttpResult r = otto->post(path(id, "snooze"), body);
        QCOMPARE(r.status, 400);
        QCOMPARE(r.errorCode(), QStringLiteral("CS_011"));
    }
    // Not the holder: refused, naming who holds it.
    const HttpResult notYours = olga->post(path(id, "snooze"), {{QStringLiteral("until"), timefmt::iso(now + 60000)}});
    QCOMPARE(notYours.status, 409);
    QCOMPARE(notYours.errorCode(), QStringLiteral("CS_028"));
    QCOMPARE(
        m_server.scalar(QStringLiteral("SELECT snoozed_until FROM desk_items WHERE session_id = ?"), {id}).toLongLong(),
        0LL);
}

QTEST_GUILESS_MAIN(TestCsApiAssignment)
#include "tst_csapi_assignment.moc"
