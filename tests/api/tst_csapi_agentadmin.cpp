// Admins manage agents and API tokens on a real server on 127.0.0.1: agents created,
// changed, deactivated and given a new password over HTTP (their login tokens end at
// once, their held sessions go back to the queue); API tokens made, listed and revoked
// (a revoked token is refused at its next use, also one the server verified just before).
#include "tests/api/ApiTestSupport.h"

#include <QTest>

using namespace tierdesk;
using namespace tierdesk::test;

namespace {

const QString kPassword = QStringLiteral("correct horse battery");

QString str(const QJsonObject &o, const char *key)
{
    return o.value(QLatin1String(key)).toString();
}

QJsonObject loginBody(const QString &email, const QString &password)
{
    return {{QStringLiteral("email"), email}, {QStringLiteral("password"), password}};
}

HttpResult patch(HttpClient &client, const QString &path, const QJsonObject &body)
{
    return client.send("PATCH", path, QJsonDocument(body).toJson(QJsonDocument::Compact));
}

} // namespace

class TestCsApiAgentAdmin : public QObject {
    Q_OBJECT

private slots:
    void init();
    void cleanup();
    void adminCreatesAnAgentWhoLogsIn();
    void createRefusesBadInput();
    void deactivatedAgentIsRefusedAtOnce();
    void deactivationReleasesHeldSessions();
    void adminCannotLockTheCompanyOut();
    void passwordResetEndsOldTokens();
    void roleChangeEndsOldTokens();
    void onlyAdminsManage();
    void tokenIsShownOnceAndRevokedAtOnce();
    void tokenCreateRefusesBadInput();
    void tokensStayInTheirCompany();

private:
    // Logs in over HTTP; the token, or empty.
    QByteArray login(const QString &email, const QString &password, int *status = nullptr);
    QString createAgent(const QString &email, const QString &role = QStringLiteral("agent"));

    std::unique_ptr<ServerFixture> m_fixture; // fresh per test
    ServerFixture &server() { return *m_fixture; }
    std::unique_ptr<HttpClient> m_admin; // the admin agent ada@example.com, logged in
    QString m_adminId;
};

void TestCsApiAgentAdmin::init()
{
    m_fixture = std::make_unique<ServerFixture>();
    QString error;
    QVERIFY2(
        server().start("[auth]\nloginFailuresPerWindow=1000\nmaxFailures=1000\n", false, &error), qPrintable(error));
    NewAgent a{server().companyId(), QStringLiteral("ada@example.com"), QStringLiteral("Ada Admin"),
        QStringLiteral("admin"), {}};
    const auto admin = server().runtime().agents().create(a, kPassword, Actor{});
    QVERIFY(admin);
    QVERIFY(server().runtime().store().batch().flush());
    m_adminId = admin->id;
    m_admin = std::make_unique<HttpClient>(server().port(), login(QStringLiteral("ada@example.com"), kPassword));
    QVERIFY(!m_admin->token().isEmpty());
}

void TestCsApiAgentAdmin::cleanup()
{
    m_admin.reset();
    m_fixture.reset();
}

QByteArray TestCsApiAgentAdmin::login(const QString &email, const QString &password, int *status)
{
    HttpClient anonymous(server().port());
    const HttpResult r = anonymous.post(QStringLiteral("/api/cs/auth/login"), loginBody(email, password));
    if (status)
        *status = r.status;
    return r.status == 200 ? str(r.json(), "token").toLatin1() : QByteArray();
}

QString TestCsApiAgentAdmin::createAgent(const QString &email, const QString &role)
{
    const HttpResult r = m_admin->post(QStringLiteral("/api/cs/agents"),
        {{QStringLiteral("email"), email}, {QStringLiteral("name"), QStringLiteral("New Agent")},
            {QStringLiteral("role"), role}, {QStringLiteral("password"), kPassword}});
    return r.status == 201 ? str(r.json().value(QLatin1String("agent")).toObject(), "id") : QString();
}

void TestCsApiAgentAdmin::adminCreatesAnAgentWhoLogsIn()
{
    const HttpResult r = m_admin->post(QStringLiteral("/api/cs/agents"),
        {{QStringLiteral("email"), QStringLiteral("Nia@Example.com")},
            {QStringLiteral("name"), QStringLiteral(" Nia Agent ")},
            {QStringLiteral("queues"), QJsonArray{QStringLiteral("orders")}}, {QStringLiteral("password"), kPassword}});
    QVERIFY2(r.status == 201, describe(r));
    const QJsonObject agent = r.json().value(QLatin1String("agent")).toObject();
    QCOMPARE(str(agent, "email"), QStringLiteral("nia@example.com"));
    QCOMPARE(str(agent, "name"), QStringLiteral("Nia Agent"));
    QCOMPARE(str(agent, "role"), QStringLiteral("agent"));
    QCOMPARE(agent.value(QLatin1String("queues")).toArray(), QJsonArray{QStringLiteral("orders")});
    QCOMPARE(agent.value(QLatin1String("active")).toBool(), true);
    QVERIFY(!agent.contains(QLatin1String("passwordHash")));

    HttpClient nia(server().port(), login(QStringLiteral("nia@example.com"), kPassword));
    QVERIFY(!nia.token().isEmpty());
    const HttpResult me = nia.get(QStringLiteral("/api/cs/auth/me"));
    QCOMPARE(me.status, 200);
    QCOMPARE(str(me.json().value(QLatin1String("agent")).toObject(), "id"), str(agent, "id"));
    QCOMPARE(server()
                 .scalar(QStringLiteral("SELECT count(*) FROM audit_log WHERE action = 'agent.create' AND actor = ?"),
                     {m_adminId})
                 .toInt(),
        1);
}

void TestCsApiAgentAdmin::createRefusesBadInput()
{
    const QString path = QStringLiteral("/api/cs/agents");
    const QJsonObject good{{QStringLiteral("email"), QStringLiteral("x@example.com")},
        {QStringLiteral("name"), QStringLiteral("X")}, {QStringLiteral("password"), kPassword}};
    const auto with = [&](const char *key, const QJsonValue &v) {
        QJsonObject o = good;
        o.insert(QLatin1String(key), v);
        return o;
    };
    struct Case {
        QJsonObject body;
        int status;
        const char *code;
        const char *field;
    };
    const QList<Case> cases{
        {with("password", QStringLiteral("short")), 400, "CS_011", "password"},
        {with("password", QString(257, QLatin1Char('p'))), 400, "CS_011", "password"},
        {with("email", QStringLiteral("not-an-address")), 400, "CS_011", "email"},
        {with("name", QString(101, QLatin1Char('n'))), 400, "CS_011", "name"},
        {with("role", QStringLiteral("owner")), 400, "CS_011", "role"},
        {with("queues", QJsonArray{QStringLiteral("Bad Queue")}), 400, "CS_011", "queues"},
        {with("email", QStringLiteral("ADA@example.com")), 409, "CS_022", "email"},
    };
    for (const Case &c : cases) {
        const HttpResult r = m_admin->post(path, c.body);
        QVERIFY2(checkErrorBody(r, c.status, QLatin1String(c.code)).isEmpty(), describe(r));
        QCOMPARE(str(r.error().value(QLatin1String("details")).toObject(), "field"), QLatin1String(c.field));
    }
    QCOMPARE(server().scalar(QStringLiteral("SELECT count(*) FROM agents")).toInt(), 1);
}

void TestCsApiAgentAdmin::deactivatedAgentIsRefusedAtOnce()
{
    const QString id = createAgent(QStringLiteral("dan@example.com"));
    QVERIFY(!id.isEmpty());
    HttpClient dan(server().port(), login(QStringLiteral("dan@example.com"), kPassword));
    QCOMPARE(dan.get(QStringLiteral("/api/cs/auth/me")).status, 200); // verified, so cached

    HttpResult r = patch(*m_admin, QStringLiteral("/api/cs/agents/") + id, {{QStringLiteral("active"), false}});
    QVERIFY2(r.status == 200, describe(r));
    QCOMPARE(r.json().value(QLatin1String("agent")).toObject().value(QLatin1String("active")).toBool(), false);
    r = dan.get(QStringLiteral("/api/cs/auth/me"));
    QVERIFY2(checkErrorBody(r, 401, QStringLiteral("CS_012")).isEmpty(), describe(r));
    int status = 0;
    QVERIFY(login(QStringLiteral("dan@example.com"), kPassword, &status).isEmpty());
    QCOMPARE(status, 401);
    QCOMPARE(server()
                 .scalar(QStringLiteral("SELECT count(*) FROM audit_log WHERE action = 'auth.login_failed'"
                                        " AND details LIKE '%deactivated agent%'"))
                 .toInt(),
        1);
    // Listed for admins who ask, not in the everyday list.
    const auto listed = [&](const QString &query) {
        for (const QJsonValue &a :
            m_admin->get(QStringLiteral("/api/cs/agents?companyId=") + server().companyId() + query)
                .json()
                .value(QLatin1String("agents"))
                .toArray())
            if (str(a.toObject(), "id") == id)
                return true;
        return false;
    };
    QVERIFY(!listed(QString()));
    QVERIFY(listed(QStringLiteral("&includeInactive=true")));

    QCOMPARE(patch(*m_admin, QStringLiteral("/api/cs/agents/") + id, {{QStringLiteral("active"), true}}).status, 200);
    QVERIFY(!login(QStringLiteral("dan@example.com"), kPassword).isEmpty());
    QVERIFY2(
        dan.get(QStringLiteral("/api/cs/auth/me")).status == 401, "a token of before the deactivation stays ended");
}

void TestCsApiAgentAdmin::deactivationReleasesHeldSessions()
{
    const QString id = createAgent(QStringLiteral("hal@example.com"));
    HttpClient hal(server().port(), login(QStringLiteral("hal@example.com"), kPassword));
    const HttpResult created = m_admin->post(QStringLiteral("/api/cs/sessions"),
        sessionBody(server().companyId(), QStringLiteral("cust_ben"), QStringLiteral("hello")));
    const QString session = str(created.json(), "id");
    QCOMPARE(m_admin
                 ->post(QStringLiteral("/api/cs/sessions/%1/escalate").arg(session),
                     {{QStringLiteral("reason"), QStringLiteral("CUSTOMER_REQUEST")},
                         {QStringLiteral("targetTier"), QStringLiteral("HUMAN_AGENT")}})
                 .status,
        200);
    QCOMPARE(hal.post(QStringLiteral("/api/cs/sessions/%1/claim").arg(session), {}).status, 200);

    const HttpResult r = patch(*m_admin, QStringLiteral("/api/cs/agents/") + id, {{QStringLiteral("active"), false}});
    QVERIFY2(r.status == 200, describe(r));
    QCOMPARE(r.json().value(QLatin1String("agent")).toObject().value(QLatin1String("releasedSessions")).toInt(), 1);
    bool found = false;
    for (const QJsonValue &v : m_admin->get(QStringLiteral("/api/cs/queue?companyId=") + server().companyId())
                                   .json()
                                   .value(QLatin1String("items"))
                                   .toArray()) {
        if (str(v.toObject(), "sessionId") != session)
            continue;
        found = true;
        QVERIFY(v.toObject().value(QLatin1String("assignee")).isNull());
    }
    QVERIFY(found);
}

void TestCsApiAgentAdmin::adminCannotLockTheCompanyOut()
{
    HttpResult r = patch(*m_admin, QStringLiteral("/api/cs/agents/") + m_adminId, {{QStringLiteral("active"), false}});
    QVERIFY2(checkErrorBody(r, 409, QStringLiteral("CS_022")).isEmpty(), describe(r));
    QCOMPARE(str(r.error().value(QLatin1String("details")).toObject(), "reason"), QStringLiteral("self"));
    r = patch(
        *m_admin, QStringLiteral("/api/cs/agents/") + m_adminId, {{QStringLiteral("role"), QStringLiteral("agent")}});
    QVERIFY2(checkErrorBody(r, 409, QStringLiteral("CS_022")).isEmpty(), describe(r));
    QCOMPARE(str(r.error().value(QLatin1String("details")).toObject(), "reason"), QStringLiteral("last admin"));
    // With a second admin, the first may step down; the second then is the last one.
    const QString second = createAgent(QStringLiteral("sam@example.com"), QStringLiteral("admin"));
    HttpClient sam(server().port(), login(QStringLiteral("sam@example.com"), kPassword));
    QCOMPARE(patch(*m_admin, QStringLiteral("/api/cs/agents/") + m_adminId,
                 {{QStringLiteral("role"), QStringLiteral("supervisor")}})
                 .status,
        200);
    r = patch(sam, QStringLiteral("/api/cs/agents/") + second, {{QStringLiteral("active"), false}});
    QCOMPARE(r.status, 409);
    r = patch(sam, QStringLiteral("/api/cs/agents/agt_nobody"), {{QStringLiteral("active"), false}});
    QVERIFY2(checkErrorBody(r, 404, QStringLiteral("CS_014")).isEmpty(), describe(r));
    r = patch(sam, QStringLiteral("/api/cs/agents/") + second, {{QStringLiteral("active"), QStringLiteral("no")}});
    QVERIFY2(checkErrorBody(r, 400, QStringLiteral("CS_011")).isEmpty(), describe(r));
}

void TestCsApiAgentAdmin::passwordResetEndsOldTokens()
{
    const QString id = createAgent(QStringLiteral("pat@example.com"));
    HttpClient pat(server().port(), login(QStringLiteral("pat@example.com"), kPassword));
    QCOMPARE(pat.get(QStringLiteral("/api/cs/auth/me")).status, 200);
    const QString path = QStringLiteral("/api/cs/agents/%1/password").arg(id);
    HttpResult r = m_admin->post(path, {{QStringLiteral("password"), QStringLiteral("short")}});
    QVERIFY2(checkErrorBody(r, 400, QStringLiteral("CS_011")).isEmpty(), describe(r));
    QCOMPARE(pat.get(QStringLiteral("/api/cs/auth/me")).status, 200);

    r = m_admin->post(path, {{QStringLiteral("password"), QStringLiteral("a new long password")}});
    QVERIFY2(r.status == 200, describe(r));
    QCOMPARE(pat.get(QStringLiteral("/api/cs/auth/me")).status, 401);
    int status = 0;
    QVERIFY(login(QStringLiteral("pat@example.com"), kPassword, &status).isEmpty());
    QCOMPARE(status, 401);
    // A login in the same second as the change is not refused.
    HttpClient again(server().port(), login(QStringLiteral("pat@example.com"), QStringLiteral("a new long password")));
    QCOMPARE(again.get(QStringLiteral("/api/cs/auth/me")).status, 200);
    QCOMPARE(m_admin
                 ->post(QStringLiteral("/api/cs/agents/agt_nobody/password"),
                     {{QStringLiteral("password"), QStringLiteral("a new long password")}})
                 .status,
        404);
    QCOMPARE(
        server().scalar(QStringLiteral("SELECT count(*) FROM audit_log WHERE action = 'agent.password'")).toInt(), 1);
}

void TestCsApiAgentAdmin::roleChangeEndsOldTokens()
{
    const QString id = createAgent(QStringLiteral("rob@example.com"), QStringLiteral("supervisor"));
    HttpClient rob(server().port(), login(QStringLiteral("rob@example.com"), kPassword));
    QCOMPARE(rob.get(QStringLiteral("/api/cs/audit?companyId=") + server().companyId()).status, 200);
    QCOMPARE(
        patch(*m_admin, QStringLiteral("/api/cs/agents/") + id, {{QStringLiteral("role"), QStringLiteral("agent")}})
            .status,
        200);
    QCOMPARE(rob.get(QStringLiteral("/api/cs/audit?companyId=") + server().companyId()).status, 401);
    // A name or queue change leaves tokens alone.
    HttpClient again(server().port(), login(QStringLiteral("rob@example.com"), kPassword));
    QCOMPARE(
        patch(*m_admin, QStringLiteral("/api/cs/agents/") + id, {{QStringLiteral("name"), QStringLiteral("Robin")}})
            .status,
        200);
    QCOMPARE(again.get(QStringLiteral("/api/cs/auth/me")).status, 200);
}

void TestCsApiAgentAdmin::onlyAdminsManage()
{
    const QString id = createAgent(QStringLiteral("sue@example.com"), QStringLiteral("supervisor"));
    HttpClient sue(server().port(), login(QStringLiteral("sue@example.com"), kPassword));
    QCOMPARE(sue.post(QStringLiteral("/api/cs/agents"),
                    {{QStringLiteral("email"), QStringLiteral("z@example.com")},
                        {QStringLiteral("name"), QStringLiteral("Z")}, {QStringLiteral("password"), kPassword}})
                 .status,
        403);
    QCOMPARE(
        patch(sue, QStringLiteral("/api/cs/agents/") + m_adminId, {{QStringLiteral("active"), false}}).status, 403);
    QCOMPARE(
        sue.post(QStringLiteral("/api/cs/agents/%1/password").arg(m_adminId), {{QStringLiteral("password"), kPassword}})
            .status,
        403);
    QCOMPARE(sue.get(QStringLiteral("/api/cs/tokens")).status, 403);
    QCOMPARE(sue.post(QStringLiteral("/api/cs/tokens"),
                    {{QStringLiteral("name"), QStringLiteral("t")}, {QStringLiteral("role"), QStringLiteral("admin")}})
                 .status,
        403);
    QCOMPARE(sue.del(QStringLiteral("/api/cs/tokens/tok_x")).status, 403);
    QVERIFY(!id.isEmpty());
}

void TestCsApiAgentAdmin::tokenIsShownOnceAndRevokedAtOnce()
{
    HttpResult r = m_admin->post(QStringLiteral("/api/cs/tokens"),
        {{QStringLiteral("name"), QStringLiteral("CRM sync")}, {QStringLiteral("role"), QStringLiteral("supervisor")},
            {QStringLiteral("ttlSeconds"), 3600}});
    QVERIFY2(r.status == 201, describe(r));
    const QString id = str(r.json(), "id");
    const QByteArray token = str(r.json(), "token").toLatin1();
    QVERIFY(id.startsWith(QLatin1String("tok_")));
    QVERIFY(!token.isEmpty());
    QCOMPARE(str(r.json(), "createdBy"), m_adminId);
    QCOMPARE(r.json().value(QLatin1String("revoked")).toBool(), false);

    const HttpResult list = m_admin->get(QStringLiteral("/api/cs/tokens"));
    QCOMPARE(list.status, 200);
    const QJsonArray tokens = list.json().value(QLatin1String("tokens")).toArray();
    QCOMPARE(tokens.size(), 1);
    QCOMPARE(str(tokens.at(0).toObject(), "name"), QStringLiteral("CRM sync"));
    QVERIFY(!tokens.at(0).toObject().contains(QLatin1String("token")));
    QVERIFY(!list.body.contains(token));
    QCOMPARE(server().scalar(QStringLiteral("SELECT count(*) FROM api_tokens WHERE id = ?"), {id}).toInt(), 1);

    HttpClient crm(server().port(), token);
    const QString audit = QStringLiteral("/api/cs/audit?companyId=") + server().companyId();
    QCOMPARE(crm.get(audit).status, 200); // verified, so cached by the server
    r = m_admin->del(QStringLiteral("/api/cs/tokens/") + id);
    QVERIFY2(r.status == 200, describe(r));
    QCOMPARE(r.json().value(QLatin1String("revoked")).toBool(), true);
    r = crm.get(audit);
    QVERIFY2(checkErrorBody(r, 401, QStringLiteral("CS_012")).isEmpty(), describe(r));
    QCOMPARE(m_admin->del(QStringLiteral("/api/cs/tokens/") + id).status, 200); // again: still revoked
    QCOMPARE(m_admin->del(QStringLiteral("/api/cs/tokens/tok_unknown")).status, 404);
    for (const char *action : {"token.create", "token.revoke"})
        QCOMPARE(server()
                     .scalar(QStringLiteral("SELECT count(*) FROM audit_log WHERE action = ?"), {QLatin1String(action)})
                     .toInt(),
            1);
}

void TestCsApiAgentAdmin::tokenCreateRefusesBadInput()
{
    struct Case {
        QJsonObject body;
        const char *field;
    };
    const QString name = QStringLiteral("name"), role = QStringLiteral("role");
    const QList<Case> cases{
        {{{name, QString()}, {role, QStringLiteral("agent")}}, "name"},
        {{{name, QString(101, QLatin1Char('n'))}, {role, QStringLiteral("agent")}}, "name"},
        {{{name, QStringLiteral("t")}, {role, QStringLiteral("root")}}, "role"},
        {{{name, QStringLiteral("t")}, {role, QStringLiteral("client")}}, "customerId"},
        {{{name, QStringLiteral("t")}, {role, QStringLiteral("agent")},
             {QStringLiteral("customerId"), QStringLiteral("c")}},
            "customerId"},
        {{{name, QStringLiteral("t")}, {role, QStringLiteral("agent")}, {QStringLiteral("ttlSeconds"), 59}},
            "ttlSeconds"},
        {{{name, QStringLiteral("t")}, {role, QStringLiteral("agent")},
             {QStringLiteral("ttlSeconds"), 366 * 86400 + 1}},
            "ttlSeconds"},
        {{{name, QStringLiteral("t")}, {role, QStringLiteral("agent")}, {QStringLiteral("ttlSeconds"), 1.5}},
            "ttlSeconds"},
        {{{name, 7}, {role, QStringLiteral("agent")}}, "name"},
    };
    for (const Case &c : cases) {
        const HttpResult r = m_admin->post(QStringLiteral("/api/cs/tokens"), c.body);
        QVERIFY2(checkErrorBody(r, 400, QStringLiteral("CS_011")).isEmpty(), describe(r));
        QCOMPARE(str(r.error().value(QLatin1String("details")).toObject(), "field"), QLatin1String(c.field));
    }
    // A client token acts for its customer.
    const HttpResult r = m_admin->post(QStringLiteral("/api/cs/tokens"),
        {{name, QStringLiteral("widget")}, {role, QStringLiteral("client")},
            {QStringLiteral("customerId"), QStringLiteral("cust_ben")}});
    QVERIFY2(r.status == 201, describe(r));
    QCOMPARE(str(r.json(), "customerId"), QStringLiteral("cust_ben"));
    QCOMPARE(server().scalar(QStringLiteral("SELECT count(*) FROM api_tokens")).toInt(), 1);
}

void TestCsApiAgentAdmin::tokensStayInTheirCompany()
{
    const QString other = server().createCompany(QStringLiteral("Other"));
    HttpClient otherAdmin(server().port(), server().token(api::Role::Admin, other));
    const HttpResult mine = m_admin->post(QStringLiteral("/api/cs/tokens"),
        {{QStringLiteral("name"), QStringLiteral("t")}, {QStringLiteral("role"), QStringLiteral("agent")}});
    QCOMPARE(mine.status, 201);
    QCOMPARE(
        otherAdmin.get(QStringLiteral("/api/cs/tokens")).json().value(QLatin1String("tokens")).toArray().size(), 0);
    QCOMPARE(otherAdmin.del(QStringLiteral("/api/cs/tokens/") + str(mine.json(), "id")).status, 404);
    HttpClient used(server().port(), str(mine.json(), "token").toLatin1());
    QCOMPARE(used.get(QStringLiteral("/api/cs/queue?companyId=") + server().companyId()).status, 200);
    QCOMPARE(
        patch(otherAdmin, QStringLiteral("/api/cs/agents/") + m_adminId, {{QStringLiteral("active"), false}}).status,
        404);
}

QTEST_MAIN(TestCsApiAgentAdmin)
#include "tst_csapi_agentadmin.moc"
