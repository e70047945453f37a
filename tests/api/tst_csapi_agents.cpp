// Agents against a real server on 127.0.0.1: created with the CLI and with the
// setup secret, login (and its throttling), /auth/me, the agent list and live presence.
#include "tests/api/ApiTestSupport.h"
#include "tests/api/WsClient.h"

#include "core/api/cs/LoginGuard.h"
#include "tests/support/FakeClock.h"
#include "tests/support/TestPaths.h"

#include <QSqlQuery>
#include <QTemporaryFile>
#include <QTest>
#include <QWebSocket>

using namespace tierdesk;
using namespace tierdesk::test;

namespace {

const QString kPassword = QStringLiteral("correct horse battery");

// `tierdesk agent create ...` with the password on standard input.
CliResult agentCreate(const QString &dataDir, const QStringList &args, const QByteArray &stdinText)
{
    return runTierdeskWithInput(
        QStringList{QStringLiteral("--data-dir"), dataDir, QStringLiteral("agent"), QStringLiteral("create")} + args,
        stdinText);
}

QJsonObject tokenClaims(const QString &token)
{
    const QByteArray payload = token.toLatin1().split('.').value(1);
    return QJsonDocument::fromJson(QByteArray::fromBase64(payload, QByteArray::Base64UrlEncoding)).object();
}

QJsonObject loginBody(const QString &email, const QString &password)
{
    return {{QStringLiteral("email"), email}, {QStringLiteral("password"), password}};
}

QString presenceOf(const HttpResult &list, const QString &agentId)
{
    for (const QJsonValue &a : list.json().value(QLatin1String("agents")).toArray())
        if (a.toObject().value(QLatin1String("id")).toString() == agentId)
            return a.toObject().value(QLatin1String("presence")).toString();
    return {};
}

int auditCount(HttpClient &supervisor, const QString &company, const QString &action)
{
    const HttpResult r = supervisor.get(withQuery(QStringLiteral("/api/cs/audit"),
        {{QStringLiteral("companyId"), company}, {QStringLiteral("limit"), QStringLiteral("1000")}}));
    int n = 0;
    for (const QJsonValue &e : r.json().value(QLatin1String("entries")).toArray())
        if (e.toObject().value(QLatin1String("action")).toString() == action)
            ++n;
    return n;
}

// Audit rows of any company (or none), on the server's own connection.
int auditRows(ServerFixture &server, const QString &action, int status)
{
    QSqlQuery q(server.runtime().store().db().handle());
    q.prepare(QStringLiteral("SELECT count(*) FROM audit_log WHERE action = ? AND status = ?"));
    q.addBindValue(action);
    q.addBindValue(status);
    return q.exec() && q.next() ? q.value(0).toInt() : -1;
}

} // namespace

class TestCsApiAgents : public QObject {
    Q_OBJECT

private slots:
    void cliCreatesAgentsAndRefusesBadInput();
    void cliRefusesADirectoryAServerHolds();
    void setupNeedsTheSecretAndAnEmptyDirectory();
    void setupWithoutCompaniesMakesOne();
    void loginAndMe();
    void wrongPasswordAndUnknownEmailAnswerTheSame();
    void meNeedsALiveAgentToken();
    void failedLoginsAreThrottled();
    void loginGuardCountsPerEmailAndPerAddress();
    void presenceFollowsTheAgentsWebSocket();

private:
    // A server with the demo company and one agent ann@example.com (role agent).
    bool startWithAgent(ServerFixture &server, QString *agentId, const QByteArray &ini = {});
};

bool TestCsApiAgents::startWithAgent(ServerFixture &server, QString *agentId, const QByteArray &ini)
{
    QString error;
    if (!server.start("[auth]\nloginFailuresPerWindow=1000\n" + ini, false, &error)) {
        qWarning() << error;
        return false;
    }
    NewAgent a;
    a.companyId = server.companyId();
    a.email = QStringLiteral("Ann@Example.com");
    a.name = QStringLiteral("Ann Agent");
    const auto agent = server.runtime().agents().create(a, kPassword, Actor{});
    if (!agent || !server.runtime().store().batch().flush())
        return false;
    *agentId = agent->id;
    return true;
}

void TestCsApiAgents::cliCreatesAgentsAndRefusesBadInput()
{
    QTemporaryDir dir;
    const CliResult seeded
        = runTierdesk({QStringLiteral("--data-dir"), dir.path(), QStringLiteral("demo"), QStringLiteral("seed")});
    QCOMPARE(seeded.exitCode, 0);
    const QString company = QJsonDocument::fromJson(seeded.out).object().value(QLatin1String("companyId")).toString();
    QVERIFY(!company.isEmpty());
    const QStringList base{QStringLiteral("--company"), company, QStringLiteral("--email"),
        QStringLiteral("Sam@Example.com"), QStringLiteral("--name"), QStringLiteral("Sam Supervisor"),
        QStringLiteral("--role"), QStringLiteral("supervisor"), QStringLiteral("--queues"),
        QStringLiteral("orders,complaints"), QStringLiteral("--password-stdin")};
    const CliResult made = agentCreate(dir.path(), base, kPassword.toUtf8() + "\n");
    QVERIFY2(made.exitCode == 0, made.err.constData());
    const QString id = QString::fromUtf8(made.out).trimmed();
    QVERIFY2(id.startsWith(QLatin1String("agt_")), made.out.constData());

    // The same e-mail (any case) again: a runtime error.
    CliResult again = agentCreate(dir.path(), base, kPassword.toUtf8() + "\n");
    QCOMPARE(again.exitCode, 1);
    QVERIFY2(again.err.contains("exists"), again.err.constData());

    QStringList other = base;
    other[3] = QStringLiteral("other@example.com");
    // Usage errors: exit 2.
    QCOMPARE(agentCreate(dir.path(), other, "short\n").exitCode, 2);
    QCOMPARE(agentCreate(dir.path(), other, "").exitCode, 2);
    QStringList noStdin = other;
    noStdin.removeLast();
    QCOMPARE(agentCreate(dir.path(), noStdin, kPassword.toUtf8() + "\n").exitCode, 2);
    QStringList client = other;
    client[7] = QStringLiteral("client");
    QCOMPARE(agentCreate(dir.path(), client, kPassword.toUtf8() + "\n").exitCode, 2);
    QStringList badEmail = other;
    badEmail[3] = QStringLiteral("not-an-address");
    QCOMPARE(agentCreate(dir.path(), badEmail, kPassword.toUtf8() + "\n").exitCode, 2);
    QStringList noCompany = other;
    noCompany[1] = QStringLiteral("no-such-company");
    QCOMPARE(agentCreate(dir.path(), noCompany, kPassword.toUtf8() + "\n").exitCode, 1);

    // The agent logs in to a server on that directory.
    ServeProcess serve;
    QString error;
    QVERIFY2(serve.start(dir.path(), {}, &error), qPrintable(error));
    HttpClient http(serve.port());
    const HttpResult login
        = http.post(QStringLiteral("/api/cs/auth/login"), loginBody(QStringLiteral("sam@example.com"), kPassword));
    QVERIFY2(login.status == 200, describe(login));
    const QJsonObject agent = login.json().value(QLatin1String("agent")).toObject();
    QCOMPARE(agent.value(QLatin1String("id")).toString(), id);
    QCOMPARE(agent.value(QLatin1String("role")).toString(), QStringLiteral("supervisor"));
    QCOMPARE(agent.value(QLatin1String("email")).toString(), QStringLiteral("sam@example.com"));
    QCOMPARE(agent.value(QLatin1String("queues")).toArray(),
        QJsonArray({QStringLiteral("orders"), QStringLiteral("complaints")}));
    QVERIFY(serve.terminate());
}

void TestCsApiAgents::cliRefusesADirectoryAServerHolds()
{
    QTemporaryDir dir;
    ServeProcess serve;
    QString error;
    QVERIFY2(serve.start(dir.path(), {QStringLiteral("--demo")}, &error), qPrintable(error));
    // With --demo and no agent, the server made an admin and printed its login once.
    QByteArray output = serve.output();
    QVERIFY2(QTest::qWaitFor(
                 [&] {
                     serve.process().waitForReadyRead(50);
                     output += serve.process().readAllStandardOutput();
                     return output.contains("Agent login: admin@");
                 },
                 10000),
        output.constData());
    const CliResult r = agentCreate(dir.path(),
        {QStringLiteral("--company"), serve.companyId(), QStringLiteral("--email"), QStringLiteral("x@example.com"),
            QStringLiteral("--name"), QStringLiteral("X"), QStringLiteral("--role"), QStringLiteral("agent"),
            QStringLiteral("--password-stdin")},
        kPassword.toUtf8() + "\n");
    QCOMPARE(r.exitCode, 1);
    QVERIFY2(r.err.contains("in use"), r.err.constData());
    QVERIFY(serve.terminate());
}

void TestCsApiAgents::setupNeedsTheSecretAndAnEmptyDirectory()
{
    ServerFixture server;
    QString error;
    QVERIFY2(server.start({}, false, &error), qPrintable(error));
    HttpClient http(server.port());
    const QString setup = QStringLiteral("/api/cs/auth/setup");
    HttpResult status = http.get(QStringLiteral("/api/cs/auth/status"));
    QCOMPARE(status.status, 200);
    QCOMPARE(status.json(), QJsonObject({{QStringLiteral("needsSetup"), true}}));

    const QByteArray body = QJsonDocument(
        QJsonObject{{QStringLiteral("email"), QStringLiteral("boss@example.com")},
            {QStringLiteral("password"), kPassword}, {QStringLiteral("name"), QStringLiteral("The Boss")}})
                                .toJson(QJsonDocument::Compact);
    const QByteArray secret = server.host().setupSecret();
    QCOMPARE(QByteArray::fromBase64(secret, QByteArray::Base64UrlEncoding).size(), 32);
    HttpResult r = http.send("POST", setup, body);
    QVERIFY2(checkErrorBody(r, 403, QStringLiteral("CS_013")).isEmpty(), describe(r));
    r = http.send("POST", setup, body, {{"X-Tierdesk-Setup", "wrong" + secret.mid(5)}});
    QVERIFY2(checkErrorBody(r, 403, QStringLiteral("CS_013")).isEmpty(), describe(r));
    QJsonObject shortPassword = QJsonDocument::fromJson(body).object();
    shortPassword.insert(QStringLiteral("password"), QStringLiteral("1234567"));
    r = http.send("POST", setup, QJsonDocument(shortPassword).toJson(), {{"X-Tierdesk-Setup", secret}});
    QVERIFY2(checkErrorBody(r, 400, QStringLiteral("CS_011")).isEmpty(), describe(r));
    QCOMPARE(http.get(QStringLiteral("/api/cs/auth/status")).json().value(QLatin1String("needsSetup")).toBool(), true);

    r = http.send("POST", setup, body, {{"X-Tierdesk-Setup", secret}});
    QVERIFY2(r.status == 201, describe(r));
    const QJsonObject agent = r.json().value(QLatin1String("agent")).toObject();
    QCOMPARE(agent.value(QLatin1String("role")).toString(), QStringLiteral("admin"));
    QCOMPARE(agent.value(QLatin1String("companyId")).toString(), server.companyId()); // the first company
    QVERIFY(!r.json().value(QLatin1String("expiresAt")).toString().isEmpty());
    HttpClient admin(server.port(), r.json().value(QLatin1String("token")).toString().toLatin1());
    const HttpResult me = admin.get(QStringLiteral("/api/cs/auth/me"));
    QVERIFY2(me.status == 200, describe(me));
    QCOMPARE(me.json().value(QLatin1String("agent")).toObject().value(QLatin1String("id")),
        agent.value(QLatin1String("id")));
    QCOMPARE(auditCount(admin, server.companyId(), QStringLiteral("agent.create")), 1);

    QCOMPARE(http.get(QStringLiteral("/api/cs/auth/status")).json().value(QLatin1String("needsSetup")).toBool(), false);
    // Once an agent exists, even the right secret is refused.
    QJsonObject second = QJsonDocument::fromJson(body).object();
    second.insert(QStringLiteral("email"), QStringLiteral("second@example.com"));
    r = http.send("POST", setup, QJsonDocument(second).toJson(), {{"X-Tierdesk-Setup", secret}});
    QVERIFY2(checkErrorBody(r, 403, QStringLiteral("CS_013")).isEmpty(), describe(r));
}

void TestCsApiAgents::setupWithoutCompaniesMakesOne()
{
    // A server on a directory without any company (the fixture seeds one, so use a runtime of our own).
    QTemporaryDir dir;
    auto rt = api::Runtime::open(dir.path());
    QVERIFY2(rt.ok(), rt.ok() ? "" : qPrintable(rt.error().message));
    api::ServerHost host(**rt, api::ServerOptions{QHostAddress::LocalHost, 0, false});
    const Status started = host.start();
    QVERIFY2(started.ok(), started.ok() ? "" : qPrintable(started.error().message));
    HttpClient http(host.port());
    const HttpResult r = http.send("POST", QStringLiteral("/api/cs/auth/setup"),
        QJsonDocument(QJsonObject{{QStringLiteral("email"), QStringLiteral("me@example.com")},
                          {QStringLiteral("password"), kPassword}, {QStringLiteral("name"), QStringLiteral("Me")}})
            .toJson(),
        {{"X-Tierdesk-Setup", host.setupSecret()}});
    QVERIFY2(r.status == 201, describe(r));
    const auto companies = (*rt)->store().companies().all();
    QCOMPARE(companies.size(), 1);
    QCOMPARE(companies.constFirst().name, QStringLiteral("My company"));
    QCOMPARE(r.json().value(QLatin1String("agent")).toObject().value(QLatin1String("companyId")).toString(),
        companies.constFirst().id);
    host.stop();
}

void TestCsApiAgents::loginAndMe()
{
    ServerFixture server;
    QString ann;
    QVERIFY(startWithAgent(server, &ann));
    HttpClient http(server.port());
    const HttpResult r
        = http.post(QStringLiteral("/api/cs/auth/login"), loginBody(QStringLiteral(" ANN@example.com "), kPassword));
    QVERIFY2(r.status == 200, describe(r));
    const QJsonObject agent = r.json().value(QLatin1String("agent")).toObject();
    QCOMPARE(agent,
        QJsonObject({{QStringLiteral("id"), ann}, {QStringLiteral("name"), QStringLiteral("Ann Agent")},
            {QStringLiteral("email"), QStringLiteral("ann@example.com")},
            {QStringLiteral("role"), QStringLiteral("agent")}, {QStringLiteral("companyId"), server.companyId()},
            {QStringLiteral("queues"),
                QJsonArray({QStringLiteral("orders"), QStringLiteral("inquiries"), QStringLiteral("complaints")})},
            {QStringLiteral("capacity"), Agent::kDefaultCapacity},
            {QStringLiteral("notifications"), QJsonObject{{QStringLiteral("weeklySummary"), false}}},
            {QStringLiteral("mfa"), QJsonObject{{QStringLiteral("enabled"), false}}}}));
    const QString token = r.json().value(QLatin1String("token")).toString();
    const QJsonObject claims = tokenClaims(token);
    // The token names its login session, which the answer names too.
    QCOMPARE(claims.value(QLatin1String("sid")).toString(), r.json().value(QLatin1String("sessionId")).toString());
    QVERIFY(claims.value(QLatin1String("sid")).toString().startsWith(QLatin1String("lgs_")));
    QCOMPARE(claims.value(QLatin1String("sub")).toString(), ann);
    QCOMPARE(claims.value(QLatin1String("role")).toString(), QStringLiteral("agent"));
    QCOMPARE(claims.value(QLatin1String("company")).toString(), server.companyId());
    QCOMPARE(claims.value(QLatin1String("name")).toString(), QStringLiteral("Ann Agent"));
    // auth/agentTokenTtlSeconds: 12 hours by default.
    QCOMPARE(claims.value(QLatin1String("exp")).toInteger() - claims.value(QLatin1String("iat")).toInteger(), 43200);
    QCOMPARE(
        QDateTime::fromString(r.json().value(QLatin1String("expiresAt")).toString(), Qt::ISODate).toSecsSinceEpoch(),
        claims.value(QLatin1String("exp")).toInteger());

    HttpClient annHttp(server.port(), token.toLatin1());
    const HttpResult me = annHttp.get(QStringLiteral("/api/cs/auth/me"));
    QVERIFY2(me.status == 200, describe(me));
    QJsonObject expected = agent;
    expected.insert(QStringLiteral("presence"), QStringLiteral("offline"));
    QCOMPARE(me.json().value(QLatin1String("agent")).toObject(), expected);
    QCOMPARE(auditCount(*server.client(api::Role::Supervisor), server.companyId(), QStringLiteral("auth.login")), 1);
}

void TestCsApiAgents::wrongPasswordAndUnknownEmailAnswerTheSame()
{
    ServerFixture server;
    QString ann;
    QVERIFY(startWithAgent(server, &ann));
    HttpClient http(server.port());
    const HttpResult wrong = http.post(QStringLiteral("/api/cs/auth/login"),
        loginBody(QStringLiteral("ann@example.com"), kPassword + QLatin1Char('!')));
    QVERIFY2(checkErrorBody(wrong, 401, QStringLiteral("CS_012")).isEmpty(), describe(wrong));
    const HttpResult unknown
        = http.post(QStringLiteral("/api/cs/auth/login"), loginBody(QStringLiteral("nobody@example.com"), kPassword));
    QVERIFY2(checkErrorBody(unknown, 401, QStringLiteral("CS_012")).isEmpty(), describe(unknown));
    QCOMPARE(unknown.body, wrong.body);
    const HttpResult missing = http.post(
        QStringLiteral("/api/cs/auth/login"), {{QStringLiteral("email"), QStringLiteral("ann@example.com")}});
    QVERIFY2(checkErrorBody(missing, 400, QStringLiteral("CS_011")).isEmpty(), describe(missing));
    // The wrong password is in the company's log; the unknown e-mail belongs to no company.
    auto supervisor = server.client(api::Role::Supervisor);
    QCOMPARE(auditCount(*supervisor, server.companyId(), QStringLiteral("auth.login_failed")), 1);
    QCOMPARE(auditCount(*supervisor, server.companyId(), QStringLiteral("auth.login")), 0);
    QCOMPARE(auditRows(server, QStringLiteral("auth.login_failed"), 401), 2);
}

void TestCsApiAgents::meNeedsALiveAgentToken()
{
    ServerFixture server;
    QString ann;
    QVERIFY(startWithAgent(server, &ann));
    // A token made by `token create` is not an agent's.
    HttpResult r = server.client(api::Role::Admin)->get(QStringLiteral("/api/cs/auth/me"));
    QVERIFY2(checkErrorBody(r, 403, QStringLiteral("CS_013")).isEmpty(), describe(r));
    // A well-signed token of an agent that does not exist (any more).
    HttpClient ghost(server.port(), server.token(api::Role::Agent, {}, 3600, QStringLiteral("agt_0000")));
    r = ghost.get(QStringLiteral("/api/cs/auth/me"));
    QVERIFY2(checkErrorBody(r, 401, QStringLiteral("CS_012")).isEmpty(), describe(r));
    // Another company's agent id in a token of this company.
    HttpClient wrongCompany(
        server.port(), server.token(api::Role::Agent, server.createCompany(QStringLiteral("Other")), 3600, ann));
    r = wrongCompany.get(QStringLiteral("/api/cs/auth/me"));
    QVERIFY2(checkErrorBody(r, 401, QStringLiteral("CS_012")).isEmpty(), describe(r));
    HttpClient none(server.port());
    r = none.get(QStringLiteral("/api/cs/auth/me"));
    QVERIFY2(checkErrorBody(r, 401, QStringLiteral("CS_012")).isEmpty(), describe(r));
}

void TestCsApiAgents::failedLoginsAreThrottled()
{
    ServerFixture server;
    QString ann;
    QVERIFY(startWithAgent(server, &ann, "loginFailuresPerWindow=3\nloginWindowSeconds=900\n"));
    HttpClient http(server.port());
    const QString login = QStringLiteral("/api/cs/auth/login");
    for (int i = 0; i < 2; ++i) {
        const HttpResult r
            = http.post(login, loginBody(QStringLiteral("ann@example.com"), QStringLiteral("wrong password")));
        QVERIFY2(r.status == 401, describe(r));
    }
    // A third failure from the same address, for another e-mail: the address is at its limit now.
    HttpResult r = http.post(login, loginBody(QStringLiteral("someone@example.com"), QStringLiteral("wrong password")));
    QVERIFY2(r.status == 401, describe(r));
    // Even the right password is refused for the rest of the window.
    r = http.post(login, loginBody(QStringLiteral("ann@example.com"), kPassword));
    QVERIFY2(checkErrorBody(r, 429, QStringLiteral("CS_007")).isEmpty(), describe(r));
    const int retryAfter = r.header("retry-after").toInt();
    QVERIFY2(retryAfter >= 1 && retryAfter <= 900, r.header("retry-after").constData());
    QCOMPARE(
        r.error().value(QLatin1String("details")).toObject().value(QLatin1String("retryAfter")).toInt(), retryAfter);
    auto supervisor = server.client(api::Role::Supervisor);
    QCOMPARE(auditCount(*supervisor, server.companyId(), QStringLiteral("auth.login_failed")), 2);
    QCOMPARE(auditCount(*supervisor, server.companyId(), QStringLiteral("auth.login")), 0);
    QCOMPARE(auditRows(server, QStringLiteral("auth.login_failed"), 401), 3); // one for an unknown e-mail
    // The refusal itself is in the log too (with no company: the caller proved none).
    QCOMPARE(auditRows(server, QStringLiteral("POST /api/cs/auth/login"), 429), 1);
}

void TestCsApiAgents::loginGuardCountsPerEmailAndPerAddress()
{
    FakeClock clock;
    api::LoginGuard guard(clock, 2, 60);
    const QString a1 = QStringLiteral("10.0.0.1"), a2 = QStringLiteral("10.0.0.2"), a3 = QStringLiteral("10.0.0.3");
    const QString ann = QStringLiteral("ann@example.com"), bob = QStringLiteral("bob@example.com");
    // Two failures for ann from two addresses: ann is blocked everywhere.
    QVERIFY(guard.admit(ann, a1).allowed);
    guard.finish(ann, a1, true);
    QVERIFY(guard.admit(ann, a2).allowed);
    guard.finish(ann, a2, true);
    const api::RateDecision blocked = guard.admit(ann, a3);
    QVERIFY(!blocked.allowed);
    QVERIFY(blocked.retryAfter >= 1 && blocked.retryAfter <= 60);
    // Another e-mail from a fresh address is not.
    QVERIFY(guard.admit(bob, a3).allowed);
    guard.finish(bob, a3, false);
    // Checks in flight count: two parallel guesses from one address fill its limit.
    QVERIFY(guard.admit(QStringLiteral("c@example.com"), QStringLiteral("10.0.0.9")).allowed);
    QVERIFY(guard.admit(QStringLiteral("d@example.com"), QStringLiteral("10.0.0.9")).allowed);
    QVERIFY(!guard.admit(QStringLiteral("e@example.com"), QStringLiteral("10.0.0.9")).allowed);
    guard.finish(QStringLiteral("c@example.com"), QStringLiteral("10.0.0.9"), false);
    guard.finish(QStringLiteral("d@example.com"), QStringLiteral("10.0.0.9"), false);
    QVERIFY(guard.admit(QStringLiteral("e@example.com"), QStringLiteral("10.0.0.9")).allowed);
    guard.finish(QStringLiteral("e@example.com"), QStringLiteral("10.0.0.9"), false);
    // A new window forgives.
    clock.advanceSecs(61);
    QVERIFY(guard.admit(ann, a3).allowed);
    guard.finish(ann, a3, false);
}

void TestCsApiAgents::presenceFollowsTheAgentsWebSocket()
{
    ServerFixture server;
    QString ann;
    QVERIFY(startWithAgent(server, &ann));
    HttpClient http(server.port());
    const HttpResult login
        = http.post(QStringLiteral("/api/cs/auth/login"), loginBody(QStringLiteral("ann@example.com"), kPassword));
    QVERIFY2(login.status == 200, describe(login));
    const QByteArray annToken = login.json().value(QLatin1String("token")).toString().toLatin1();
    HttpClient annHttp(server.port(), annToken);
    const QString list
        = withQuery(QStringLiteral("/api/cs/agents"), {{QStringLiteral("companyId"), server.companyId()}});
    auto supervisor = server.client(api::Role::Supervisor);

    HttpResult agents = supervisor->get(list);
    QVERIFY2(agents.status == 200, describe(agents));
    QCOMPARE(agents.json().value(QLatin1String("agents")).toArray().size(), 1);
    const QJsonObject row = agents.json().value(QLatin1String("agents")).toArray().first().toObject();
    QCOMPARE(row.value(QLatin1String("activeSessions")).toInt(-1), 0);
    QCOMPARE(row.value(QLatin1String("email")).toString(), QStringLiteral("ann@example.com"));
    QCOMPARE(presenceOf(agents, ann), QStringLiteral("offline"));

    // Someone watching the whole company (a token that is no agent's: it makes nobody present).
    WsClient watcher;
    QVERIFY(watcher.open(server.port(), server.token(api::Role::Supervisor)));
    QVERIFY(!watcher.waitFor(QStringLiteral("welcome")).isEmpty());
    watcher.send(
        {{QStringLiteral("type"), QStringLiteral("subscribe")}, {QStringLiteral("companyId"), server.companyId()}});
    QVERIFY(!watcher.waitFor(QStringLiteral("subscribed")).isEmpty());

    auto annSocket = std::make_unique<WsClient>();
    QVERIFY(annSocket->open(server.port(), annToken));
    QVERIFY(!annSocket->waitFor(QStringLiteral("welcome")).isEmpty());
    QJsonObject event = watcher.waitPresence(ann);
    QVERIFY2(!event.isEmpty(), "no agent.presence event when the agent's socket opened");
    QCOMPARE(event.value(QLatin1String("companyId")).toString(), server.companyId());
    QCOMPARE(event.value(QLatin1String("sessionId")).toString(), QString());
    QVERIFY(event.value(QLatin1String("sessionId")).isString());
    QVERIFY(!event.value(QLatin1String("timestamp")).toString().isEmpty());
    QCOMPARE(event.value(QLatin1String("data")).toObject(),
        QJsonObject({{QStringLiteral("agentId"), ann}, {QStringLiteral("presence"), QStringLiteral("available")}}));
    QCOMPARE(presenceOf(supervisor->get(list), ann), QStringLiteral("available"));

    // A second socket of the same agent changes nothing; closing one of two neither.
    auto second = std::make_unique<WsClient>();
    QVERIFY(second->open(server.port(), annToken));
    QVERIFY(!second->waitFor(QStringLiteral("welcome")).isEmpty());
    second->socket.close();
    QTRY_VERIFY_WITH_TIMEOUT(second->closed, 5000);

    HttpResult put = annHttp.put(
        QStringLiteral("/api/cs/agents/me/presence"), {{QStringLiteral("presence"), QStringLiteral("away")}});
    QVERIFY2(put.status == 200, describe(put));
    QCOMPARE(put.json().value(QLatin1String("id")).toString(), ann);
    QCOMPARE(put.json().value(QLatin1String("presence")).toString(), QStringLiteral("away"));
    event = watcher.waitPresence(ann);
    QCOMPARE(event.value(QLatin1String("data")).toObject().value(QLatin1String("presence")).toString(),
        QStringLiteral("away"));
    QCOMPARE(presenceOf(supervisor->get(list), ann), QStringLiteral("away"));
    QCOMPARE(auditCount(*supervisor, server.companyId(), QStringLiteral("agent.presence")), 1);

    annSocket->socket.close();
    event = watcher.waitPresence(ann);
    QCOMPARE(event.value(QLatin1String("data")).toObject().value(QLatin1String("presence")).toString(),
        QStringLiteral("offline"));
    QCOMPARE(presenceOf(supervisor->get(list), ann), QStringLiteral("offline"));
    // The second socket made no event: the ones above came in order, opened, away, closed.
    for (const QJsonObject &f : std::as_const(watcher.frames))
        QVERIFY2(f.value(QLatin1String("type")).toString() != QLatin1String("agent.presence"),
            QJsonDocument(f).toJson().constData());

    // Bad values, and tokens that are not an agent's.
    put = annHttp.put(
        QStringLiteral("/api/cs/agents/me/presence"), {{QStringLiteral("presence"), QStringLiteral("offline")}});
    QVERIFY2(checkErrorBody(put, 400, QStringLiteral("CS_011")).isEmpty(), describe(put));
    put = supervisor->put(
        QStringLiteral("/api/cs/agents/me/presence"), {{QStringLiteral("presence"), QStringLiteral("away")}});
    QVERIFY2(checkErrorBody(put, 403, QStringLiteral("CS_013")).isEmpty(), describe(put));
    const HttpResult clientList = server.client(api::Role::Client)->get(list);
    QVERIFY2(checkErrorBody(clientList, 403, QStringLiteral("CS_013")).isEmpty(), describe(clientList));
    const HttpResult otherCompany = supervisor->get(
        withQuery(QStringLiteral("/api/cs/agents"), {{QStringLiteral("companyId"), QStringLiteral("nope")}}));
    QVERIFY2(checkErrorBody(otherCompany, 404, QStringLiteral("CS_014")).isEmpty(), describe(otherCompany));
}

QTEST_GUILESS_MAIN(TestCsApiAgents)
#include "tst_csapi_agents.moc"
