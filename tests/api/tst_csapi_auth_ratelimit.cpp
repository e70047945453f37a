// Company isolation, the role matrix, rate limits (per session, per credential,
// switched off) and the audit log of /api/cs.
#include "core/api/cs/CsAdminJson.h"
#include "tests/api/ApiTestSupport.h"
#include "tests/http/RawHttpClient.h"
#include "tests/support/FakeClock.h"

#include <QDateTime>
#include <QTest>

using namespace tierdesk;
using namespace tierdesk::test;

namespace {

// Small limits in a window of a whole day, so no window boundary falls inside a test.
const QByteArray kLimitsIni
    = "[rateLimit]\nwindowSeconds=86400\nmessagesPerSession=3\ncreateSession=4\nlistSessions=3\nanalytics=2\n";

QString problemOf(const HttpResult &r, int status, const char *code)
{
    return checkErrorBody(r, status, QLatin1String(code));
}

} // namespace

class TestCsApiAuthRateLimit : public QObject {
    Q_OBJECT

private slots:
    void initTestCase();
    void cleanupTestCase();
    void otherCompanyGets404();
    void roleMatrix_data();
    void roleMatrix();
    void messageLimitIsPerSession();
    void otherCompanyCannotSpendMessageLimit();
    void createLimitIsPerCredential();
    void listAndAnalyticsLimits();
    void noRateLimitOption();
    void auditLogsMutatingCalls();
    void failedAuthenticationIsAuditedAndThrottled();
    void behindATrustedProxyEachClientIsItself();

private:
    QString newSession(
        HttpClient &client, const QString &company, const QString &customer = QStringLiteral("cust_ben"));

    ServerFixture m_server;
    QString m_other;
    std::unique_ptr<HttpClient> m_admin;
};

void TestCsApiAuthRateLimit::initTestCase()
{
    QString error;
    QVERIFY2(m_server.start({}, false, &error), qPrintable(error));
    m_admin = m_server.client(api::Role::Admin);
    m_other = m_server.createCompany(QStringLiteral("Company B"));
    QVERIFY(!m_other.isEmpty());
}

void TestCsApiAuthRateLimit::cleanupTestCase()
{
    m_admin.reset();
    m_server.stop();
}

QString TestCsApiAuthRateLimit::newSession(HttpClient &client, const QString &company, const QString &customer)
{
    const HttpResult r = client.post(QStringLiteral("/api/cs/sessions"), sessionBody(company, customer));
    if (r.status != 201)
        qWarning("create failed: %s", describe(r).constData());
    return r.json().value(QLatin1String("id")).toString();
}

void TestCsApiAuthRateLimit::otherCompanyGets404()
{
    const QString a = newSession(*m_admin, m_server.companyId());
    QVERIFY(!a.isEmpty());
    HttpClient b(m_server.port(), m_server.token(api::Role::Admin, m_other));
    const QString base = QStringLiteral("/api/cs/sessions/") + a;

    const HttpResult missing = b.get(QStringLiteral("/api/cs/sessions/sess_doesnotexist"));
    HttpResult r = b.get(base);
    QVERIFY2(problemOf(r, 404, "CS_002").isEmpty(), qPrintable(problemOf(r, 404, "CS_002")));
    // Indistinguishable from a session that does not exist.
    QCOMPARE(r.error().value(QLatin1String("message")), missing.error().value(QLatin1String("message")));
    QVERIFY(!r.body.contains(m_server.companyId().toUtf8()));

    r = b.post(base + QStringLiteral("/messages"), {{QStringLiteral("message"), QStringLiteral("let me in")}});
    QVERIFY2(r.status == 404, describe(r));
    r = b.post(base + QStringLiteral("/escalate"),
        {{QStringLiteral("reason"), QStringLiteral("COMPLEX_ISSUE")},
            {QStringLiteral("targetTier"), QStringLiteral("AI_MANAGER")}});
    QVERIFY2(r.status == 404, describe(r));
    r = b.post(base + QStringLiteral("/resolve"), {{QStringLiteral("resolutionType"), QStringLiteral("UNRESOLVED")}});
    QVERIFY2(r.status == 404, describe(r));

    const QString company = m_server.companyId();
    const QString now = QDateTime::currentDateTimeUtc().toString(Qt::ISODate);
    for (const QString &path : {withQuery(QStringLiteral("/api/cs/sessions"), {{QStringLiteral("companyId"), company}}),
             withQuery(QStringLiteral("/api/cs/config"), {{QStringLiteral("companyId"), company}}),
             withQuery(QStringLiteral("/api/cs/analytics"),
                 {{QStringLiteral("companyId"), company}, {QStringLiteral("startDate"), QStringLiteral("2020-01-01")},
                     {QStringLiteral("endDate"), now}}),
             withQuery(QStringLiteral("/api/cs/webhooks"), {{QStringLiteral("companyId"), company}}),
             withQuery(QStringLiteral("/api/cs/audit"), {{QStringLiteral("companyId"), company}})}) {
        r = b.get(path);
        QVERIFY2(
            problemOf(r, 404, "CS_014").isEmpty(), qPrintable(path + QLatin1Char(' ') + problemOf(r, 404, "CS_014")));
    }
    r = b.put(
        QStringLiteral("/api/cs/config"), {{QStringLiteral("companyId"), company}, {QStringLiteral("enabled"), false}});
    QVERIFY2(problemOf(r, 404, "CS_014").isEmpty(), describe(r));
    r = b.post(QStringLiteral("/api/cs/sessions"), sessionBody(company, QStringLiteral("intruder")));
    QVERIFY2(problemOf(r, 404, "CS_014").isEmpty(), describe(r));

    // A's session is untouched.
    const QJsonObject s = m_admin->get(base).json();
    QCOMPARE(s.value(QLatin1String("status")).toString(), QStringLiteral("ACTIVE"));
    QCOMPARE(s.value(QLatin1String("messages")).toArray().size(), 0);
    QCOMPARE(s.value(QLatin1String("escalationHistory")).toArray().size(), 0);
    QCOMPARE(m_admin->get(withQuery(QStringLiteral("/api/cs/config"), {{QStringLiteral("companyId"), company}}))
                 .json()
                 .value(QLatin1String("enabled"))
                 .toBool(false),
        true);
}

void TestCsApiAuthRateLimit::roleMatrix_data()
{
    QTest::addColumn<int>("role");
    QTest::addColumn<QByteArray>("method");
    QTest::addColumn<QString>("endpoint");
    QTest::addColumn<int>("minimum");
    struct Endpoint {
        const char *method;
        const char *path;
        api::Role minimum;
    };
    const Endpoint endpoints[] = {
        {"POST", "/sessions", api::Role::Client},
        {"GET", "/sessions", api::Role::Agent},
        {"GET", "/sessions/:id", api::Role::Client},
        {"POST", "/sessions/:id/messages", api::Role::Client},
        {"POST", "/sessions/:id/escalate", api::Role::Client},
        {"POST", "/sessions/:id/resolve", api::Role::Agent},
        {"GET", "/analytics", api::Role::Supervisor},
        {"GET", "/config", api::Role::Agent},
        {"PUT", "/config", api::Role::Admin},
        {"POST", "/webhooks", api::Role::Admin},
        {"GET", "/webhooks", api::Role::Admin},
        {"GET", "/audit", api::Role::Supervisor},
    };
    for (const api::Role role : {api::Role::Client, api::Role::Agent, api::Role::Supervisor, api::Role::Admin})
        for (const Endpoint &e : endpoints)
            QTest::addRow("%s %s %s", qPrintable(api::roleName(role)), e.method, e.path) << static_cast<int>(
                role) << QByteArray(e.method) << QString::fromLatin1(e.path) << static_cast<int>(e.minimum);
}

void TestCsApiAuthRateLimit::roleMatrix()
{
    QFETCH(int, role);
    QFETCH(QByteArray, method);
    QFETCH(QString, endpoint);
    QFETCH(int, minimum);
    const QString company = m_server.companyId();
    const QString session = newSession(*m_admin, company);
    QVERIFY(!session.isEmpty());
    HttpClient client(
        m_server.port(), m_server.token(static_cast<api::Role>(role), {}, 3600, QStringLiteral("matrix")));

    QString path = QStringLiteral("/api/cs") + QString(endpoint).replace(QStringLiteral(":id"), session);
    QJsonObject body;
    if (endpoint == QLatin1String("/sessions") && method == "POST")
        body = sessionBody(company, QStringLiteral("cust_ben"));
    else if (endpoint.endsWith(QLatin1String("/messages")))
        body = {{QStringLiteral("message"), QStringLiteral("Hello there")}};
    else if (endpoint.endsWith(QLatin1String("/escalate")))
        body = {{QStringLiteral("reason"), QStringLiteral("CUSTOMER_REQUEST")},
            {QStringLiteral("targetTier"), QStringLiteral("HUMAN_AGENT")}};
    else if (endpoint.endsWith(QLatin1String("/resolve")))
        body = {{QStringLiteral("resolutionType"), QStringLiteral("INFORMATION_PROVIDED")}};
    else if (method == "PUT")
        body = {{QStringLiteral("companyId"), company}};
    else if (method == "POST" && endpoint == QLatin1String("/webhooks"))
        body = {{QStringLiteral("companyId"), company},
            {QStringLiteral("url"), QStringLiteral("http://127.0.0.1:9/hook")},
            {QStringLiteral("events"), QJsonArray{QStringLiteral("session.abandoned")}},
            {QStringLiteral("secret"), QStringLiteral("0123456789abcdef0123")}};
    else if (endpoint == QLatin1String("/analytics"))
        path = withQuery(path,
            {{QStringLiteral("companyId"), company}, {QStringLiteral("startDate"), QStringLiteral("2020-01-01")},
                {QStringLiteral("endDate"), QStringLiteral("2099-01-01")}});
    else if (method == "GET" && !endpoint.contains(QLatin1String(":id")))
        path = withQuery(path, {{QStringLiteral("companyId"), company}});

    const HttpResult r = method == "GET" ? client.get(path) : client.send(method, path, QJsonDocument(body).toJson());
    if (role >= minimum) {
        QVERIFY2(r.status >= 200 && r.status < 300, describe(r));
    } else {
        const QString problem = checkErrorBody(r, 403, QStringLiteral("CS_013"));
        QVERIFY2(problem.isEmpty(), qPrintable(problem));
    }
}

void TestCsApiAuthRateLimit::messageLimitIsPerSession()
{
    FakeClock clock(QDateTime::currentDateTimeUtc()); // a window must not roll over mid-test
    ServerFixture limited;
    limited.setClock(&clock);
    QString error;
    QVERIFY2(limited.start(kLimitsIni, true, &error), qPrintable(error));
    auto admin = limited.client(api::Role::Admin);
    const QString first = newSession(*admin, limited.companyId());
    const QString second = newSession(*admin, limited.companyId());
    QVERIFY(!first.isEmpty() && !second.isEmpty());
    const QString path = QStringLiteral("/api/cs/sessions/%1/messages");
    const QJsonObject body{{QStringLiteral("message"), QStringLiteral("Where is my order?")}};
    for (int i = 1; i <= 3; ++i) {
        const HttpResult ok = admin->post(path.arg(first), body);
        QVERIFY2(ok.status == 201, describe(ok));
        QCOMPARE(ok.header("x-ratelimit-limit"), QByteArray("3"));
        QCOMPARE(ok.header("x-ratelimit-remaining"), QByteArray::number(3 - i));
        QVERIFY(ok.header("x-ratelimit-reset").toLongLong() > clock.now().toSecsSinceEpoch());
    }
    const HttpResult refused = admin->post(path.arg(first), body);
    const QString problem = problemOf(refused, 429, "CS_007");
    QVERIFY2(problem.isEmpty(), qPrintable(problem));
    const qint64 retryAfter = refused.header("retry-after").toLongLong();
    QVERIFY2(retryAfter >= 1 && retryAfter <= 86400, refused.header("retry-after").constData());
    QCOMPARE(refused.header("x-ratelimit-limit"), QByteArray("3"));
    QCOMPARE(refused.header("x-ratelimit-remaining"), QByteArray("0"));
    const qint64 reset = refused.header("x-ratelimit-reset").toLongLong();
    QVERIFY(reset > clock.now().toSecsSinceEpoch());
    QVERIFY(qAbs(reset - clock.now().toSecsSinceEpoch() - retryAfter) <= 2);
    // The refused message was not stored.
    int customerMessages = 0;
    for (const QJsonValue &m :
        admin->get(QStringLiteral("/api/cs/sessions/") + first).json().value(QLatin1String("messages")).toArray())
        customerMessages += m.toObject().value(QLatin1String("role")).toString() == QLatin1String("customer") ? 1 : 0;
    QCOMPARE(customerMessages, 3);

    // The limit counts per session: the other session still takes messages.
    const HttpResult other = admin->post(path.arg(second), body);
    QVERIFY2(other.status == 201, describe(other));
    QCOMPARE(other.header("x-ratelimit-remaining"), QByteArray("2"));
    // ... and a new credential does not reset a session's counter.
    HttpClient fresh(limited.port(), limited.token(api::Role::Client));
    QCOMPARE(fresh.post(path.arg(first), body).status, 429);
}

void TestCsApiAuthRateLimit::otherCompanyCannotSpendMessageLimit()
{
    FakeClock clock(QDateTime::currentDateTimeUtc()); // a window must not roll over mid-test
    ServerFixture limited;
    limited.setClock(&clock);
    QString error;
    QVERIFY2(limited.start(kLimitsIni, true, &error), qPrintable(error));
    auto admin = limited.client(api::Role::Admin);
    const QString id = newSession(*admin, limited.companyId());
    QVERIFY(!id.isEmpty());
    const QString other = limited.createCompany(QStringLiteral("Company B"));
    HttpClient intruder(limited.port(), limited.token(api::Role::Client, other));
    const QString path = QStringLiteral("/api/cs/sessions/%1/messages").arg(id);
    const QJsonObject body{{QStringLiteral("message"), QStringLiteral("Where is my order?")}};
    for (int i = 0; i < 3; ++i) {
        const HttpResult r = intruder.post(path, body);
        QVERIFY2(r.status == 404, describe(r));
        // A 404 for a session of another company must not tell how busy that session is.
        // Company B's counter is its own: it says nothing about A's session.
        QVERIFY2(r.header("x-ratelimit-remaining").toInt() == 2 - i, r.header("x-ratelimit-remaining").constData());
    }
    // Company A's own customer is not refused because of company B's attempts.
    const HttpResult mine = admin->post(path, body);
    QVERIFY2(mine.status == 201, describe(mine));
}

void TestCsApiAuthRateLimit::createLimitIsPerCredential()
{
    FakeClock clock(QDateTime::currentDateTimeUtc()); // a window must not roll over mid-test
    ServerFixture limited;
    limited.setClock(&clock);
    QString error;
    QVERIFY2(limited.start(kLimitsIni, true, &error), qPrintable(error));
    HttpClient one(limited.port(), limited.token(api::Role::Client, {}, 3600, QStringLiteral("widget-1")));
    for (int i = 0; i < 4; ++i) {
        const HttpResult r = one.post(
            QStringLiteral("/api/cs/sessions"), sessionBody(limited.companyId(), QStringLiteral("cust_ben")));
        QVERIFY2(r.status == 201, describe(r));
    }
    const HttpResult refused
        = one.post(QStringLiteral("/api/cs/sessions"), sessionBody(limited.companyId(), QStringLiteral("cust_ben")));
    QVERIFY2(problemOf(refused, 429, "CS_007").isEmpty(), describe(refused));
    QVERIFY(refused.hasHeader("retry-after"));
    QCOMPARE(refused.header("x-ratelimit-limit"), QByteArray("4"));
    HttpClient two(limited.port(), limited.token(api::Role::Client, {}, 3600, QStringLiteral("widget-2")));
    const HttpResult allowed
        = two.post(QStringLiteral("/api/cs/sessions"), sessionBody(limited.companyId(), QStringLiteral("cust_ben")));
    QVERIFY2(allowed.status == 201, describe(allowed));
    // Exactly five sessions exist.
    auto admin = limited.client(api::Role::Admin);
    const HttpResult list = admin->get(
        withQuery(QStringLiteral("/api/cs/sessions"), {{QStringLiteral("companyId"), limited.companyId()}}));
    QCOMPARE(list.json().value(QLatin1String("total")).toInt(), 5);
}

void TestCsApiAuthRateLimit::listAndAnalyticsLimits()
{
    FakeClock clock(QDateTime::currentDateTimeUtc()); // a window must not roll over mid-test
    ServerFixture limited;
    limited.setClock(&clock);
    QString error;
    QVERIFY2(limited.start(kLimitsIni, true, &error), qPrintable(error));
    auto admin = limited.client(api::Role::Admin);
    const QString list
        = withQuery(QStringLiteral("/api/cs/sessions"), {{QStringLiteral("companyId"), limited.companyId()}});
    for (int i = 0; i < 3; ++i)
        QCOMPARE(admin->get(list).status, 200);
    HttpResult r = admin->get(list);
    QVERIFY2(problemOf(r, 429, "CS_007").isEmpty(), describe(r));
    QVERIFY(r.hasHeader("retry-after"));
    // Other routes are not counted against the list limit.
    QCOMPARE(
        admin->get(withQuery(QStringLiteral("/api/cs/config"), {{QStringLiteral("companyId"), limited.companyId()}}))
            .status,
        200);

    const QString analytics = withQuery(QStringLiteral("/api/cs/analytics"),
        {{QStringLiteral("companyId"), limited.companyId()},
            {QStringLiteral("startDate"), QStringLiteral("2020-01-01")},
            {QStringLiteral("endDate"), QStringLiteral("2099-01-01")}});
    QCOMPARE(admin->get(analytics).status, 200);
    QCOMPARE(admin->get(analytics).status, 200);
    r = admin->get(analytics);
    QVERIFY2(problemOf(r, 429, "CS_007").isEmpty(), describe(r));
}

void TestCsApiAuthRateLimit::noRateLimitOption()
{
    ServerFixture unlimited;
    QString error;
    QVERIFY2(unlimited.start(kLimitsIni, false, &error), qPrintable(error));
    auto admin = unlimited.client(api::Role::Admin);
    const QString id = newSession(*admin, unlimited.companyId());
    QVERIFY(!id.isEmpty());
    for (int i = 0; i < 6; ++i) {
        const HttpResult r = admin->post(QStringLiteral("/api/cs/sessions/%1/messages").arg(id),
            {{QStringLiteral("message"), QStringLiteral("Where is my order?")}});
        QVERIFY2(r.status == 201, describe(r));
        QVERIFY(!r.hasHeader("x-ratelimit-remaining"));
    }
    for (int i = 0; i < 6; ++i)
        QCOMPARE(admin
                     ->get(withQuery(
                         QStringLiteral("/api/cs/sessions"), {{QStringLiteral("companyId"), unlimited.companyId()}}))
                     .status,
            200);
}

void TestCsApiAuthRateLimit::auditLogsMutatingCalls()
{
    const QString company = m_server.createCompany(QStringLiteral("Audited Co"));
    HttpClient admin(m_server.port(), m_server.token(api::Role::Admin, company, 3600, QStringLiteral("auditor-admin")));
    const QString id = newSession(admin, company);
    QVERIFY(!id.isEmpty());
    QCOMPARE(admin
                 .post(QStringLiteral("/api/cs/sessions/%1/messages").arg(id),
                     {{QStringLiteral("message"), QStringLiteral("Hi")}})
                 .status,
        201);
    QCOMPARE(admin
                 .post(QStringLiteral("/api/cs/sessions/%1/escalate").arg(id),
                     {{QStringLiteral("reason"), QStringLiteral("COMPLEX_ISSUE")},
                         {QStringLiteral("targetTier"), QStringLiteral("HUMAN_AGENT")}})
                 .status,
        200);
    QCOMPARE(admin
                 .post(QStringLiteral("/api/cs/sessions/%1/resolve").arg(id),
                     {{QStringLiteral("resolutionType"), QStringLiteral("ISSUE_RESOLVED")}})
                 .status,
        200);
    QCOMPARE(admin
                 .put(QStringLiteral("/api/cs/config"),
                     {{QStringLiteral("companyId"), company}, {QStringLiteral("enabled"), true}})
                 .status,
        200);
    // A refused write is logged too.
    QCOMPARE(admin
                 .post(QStringLiteral("/api/cs/sessions/%1/resolve").arg(id),
                     {{QStringLiteral("resolutionType"), QStringLiteral("ISSUE_RESOLVED")}})
                 .status,
        400);

    const QString auditPath = withQuery(QStringLiteral("/api/cs/audit"), {{QStringLiteral("companyId"), company}});
    HttpClient agent(m_server.port(), m_server.token(api::Role::Agent, company));
    QVERIFY2(problemOf(agent.get(auditPath), 403, "CS_013").isEmpty(), "agents may not read the audit log");
    HttpClient supervisor(m_server.port(), m_server.token(api::Role::Supervisor, company));
    const HttpResult r = supervisor.get(auditPath);
    QVERIFY2(r.status == 200, describe(r));
    const QJsonArray entries = r.json().value(QLatin1String("entries")).toArray();
    QHash<QString, QJsonObject> byAction;
    for (const QJsonValue &v : entries) {
        const QJsonObject e = v.toObject();
        byAction.insert(e.value(QLatin1String("action")).toString(), e);
    }
    for (const char *action :
        {"session.create", "message.create", "session.escalate", "session.resolve", "config.update"}) {
        QVERIFY2(byAction.contains(QLatin1String(action)), action);
        const QJsonObject e = byAction.value(QLatin1String(action));
        QCOMPARE(e.value(QLatin1String("actor")).toString(), QStringLiteral("auditor-admin"));
        QCOMPARE(e.value(QLatin1String("role")).toString(), QStringLiteral("admin"));
        QVERIFY2(e.value(QLatin1String("clientAddress")).toString().contains(QLatin1String("127.0.0.1")),
            qPrintable(e.value(QLatin1String("clientAddress")).toString()));
        QVERIFY(!e.value(QLatin1String("timestamp")).toString().isEmpty());
        if (QLatin1String(action) != QLatin1String("config.update"))
            QCOMPARE(e.value(QLatin1String("resource")).toString(), QStringLiteral("session:") + id);
    }
    bool refusedLogged = false;
    for (const QJsonValue &v : entries)
        refusedLogged = refusedLogged || v.toObject().value(QLatin1String("status")).toInt() == 400;
    QVERIFY(refusedLogged);
    // Reads are not written to the log.
    for (const QJsonValue &v : entries)
        QVERIFY(!v.toObject().value(QLatin1String("action")).toString().startsWith(QLatin1String("GET")));
}

void TestCsApiAuthRateLimit::failedAuthenticationIsAuditedAndThrottled()
{
    ServerFixture server;
    QString error;
    QVERIFY2(server.start("[auth]\nmaxFailures=5\nfailureWindowSeconds=86400\n", false, &error), qPrintable(error));
    const QString list
        = withQuery(QStringLiteral("/api/cs/sessions"), {{QStringLiteral("companyId"), server.companyId()}});
    QByteArray forged = server.token(api::Role::Admin);
    forged[forged.size() - 2] = forged.at(forged.size() - 2) == 'A' ? 'B' : 'A';
    HttpClient attacker(server.port(), forged);
    for (int i = 0; i < 5; ++i) {
        const HttpResult r = attacker.get(list);
        QVERIFY2(problemOf(r, 401, "CS_012").isEmpty(), qPrintable(problemOf(r, 401, "CS_012")));
    }
    // The sixth attempt from this address is not even checked.
    HttpResult r = attacker.get(list);
    QVERIFY2(problemOf(r, 429, "CS_007").isEmpty(), qPrintable(problemOf(r, 429, "CS_007")));
    QVERIFY(r.header("retry-after").toInt() > 0);
    // For the rest of the window the address is refused, valid token or not.
    HttpClient sameAddress(server.port(), server.token(api::Role::Admin));
    QCOMPARE(sameAddress.get(list).status, 429);

    // Each refusal is in the company's audit log, with the reason and address, never the token.
    server.runtime().store().batch().flush();
    // The entries as GET /api/cs/audit writes them.
    QJsonArray audit;
    for (const AuditEntry &entry : server.runtime().store().audit().recent(server.companyId(), 100))
        audit.append(api::cs::auditEntryJson(entry, std::nullopt));
    int failures = 0;
    for (const QJsonValue &v : audit) {
        const QJsonObject e = v.toObject();
        if (e.value(QLatin1String("action")).toString() != QLatin1String("auth.failed"))
            continue;
        ++failures;
        QCOMPARE(e.value(QLatin1String("status")).toInt(), 401);
        QCOMPARE(e.value(QLatin1String("clientAddress")).toString(), QStringLiteral("127.0.0.1"));
        const QByteArray text = QJsonDocument(e).toJson(QJsonDocument::Compact);
        QVERIFY(!text.contains(forged.split('.').at(2)));
        QVERIFY(text.contains("bad signature"));
    }
    QCOMPARE(failures, 5);
}

// Behind the proxy of server/trustedProxies, failed logins lock out the client that failed, not
// everyone the proxy carries, and the audit names that client; a peer nobody trusts cannot pass
// itself off as someone else with the same headers.
void TestCsApiAuthRateLimit::behindATrustedProxyEachClientIsItself()
{
    ServerFixture misconfigured; // a list the server cannot read stops it from starting
    QString why;
    QVERIFY(!misconfigured.start("[server]\ntrustedProxies=proxy.example.com\n", false, &why));
    QVERIFY2(why.contains(QLatin1String("server/trustedProxies")), qPrintable(why));

    ServerFixture server;
    QString error;
    QVERIFY2(server.start("[server]\ntrustedProxies=127.0.0.1\n", false, &error), qPrintable(error));
    const QString list
        = withQuery(QStringLiteral("/api/cs/sessions"), {{QStringLiteral("companyId"), server.companyId()}});
    QByteArray forged = server.token(api::Role::Admin);
    forged[forged.size() - 2] = forged.at(forged.size() - 2) == 'A' ? 'B' : 'A';
    const HeaderList clientA{{"X-Forwarded-For", "203.0.113.5"}};
    const HeaderList clientB{{"X-Forwarded-For", "198.51.100.20, 203.0.113.6"}}; // its own claim, then its address
    HttpClient attacker(server.port(), forged);
    for (int i = 0; i < 20; ++i)
        QCOMPARE(attacker.send("GET", list, {}, clientA).status, 401);
    HttpResult r = attacker.send("GET", list, {}, clientA);
    QVERIFY2(problemOf(r, 429, "CS_007").isEmpty(), qPrintable(problemOf(r, 429, "CS_007")));
    HttpClient admin(server.port(), server.token(api::Role::Admin));
    QCOMPARE(admin.send("GET", list, {}, clientA).status, 429); // that client, whatever its token
    QCOMPARE(admin.send("GET", list, {}, clientB).status, 200); // another behind the same proxy

    // From a peer not in the list the header is the peer's own word: it is known by its address.
    tierdesk::test::RawHttpClient forger;
    QVERIFY(forger.connectTo(server.port(), QHostAddress(QStringLiteral("127.0.0.2"))));
    const auto rawGet = [&](const QByteArray &token, const QByteArray &claimed) {
        forger.send("GET " + list.toUtf8() + " HTTP/1.1\r\nHost: x\r\nAuthorization: Bearer " + token
            + "\r\nX-Forwarded-For: " + claimed + "\r\n\r\n");
        return forger.read().status;
    };
    for (int i = 0; i < 20; ++i)
        QCOMPARE(rawGet(forged, "203.0.113.6"), 401);
    QCOMPARE(rawGet(server.token(api::Role::Admin), "203.0.113.7"), 429);
    QCOMPARE(admin.send("GET", list, {}, clientB).status, 200); // the client it named is not locked out

    server.runtime().store().batch().flush();
    QHash<QString, int> failedFrom;
    for (const AuditEntry &entry : server.runtime().store().audit().recent(server.companyId(), 100)) {
        const QJsonObject e = api::cs::auditEntryJson(entry, std::nullopt);
        if (e.value(QLatin1String("action")).toString() == QLatin1String("auth.failed"))
            ++failedFrom[e.value(QLatin1String("clientAddress")).toString()];
    }
    QCOMPARE(failedFrom.value(QStringLiteral("203.0.113.5")), 20);
    QCOMPARE(failedFrom.value(QStringLiteral("127.0.0.2")), 20);
    QCOMPARE(failedFrom.size(), 2);
}

QTEST_GUILESS_MAIN(TestCsApiAuthRateLimit)
#include "tst_csapi_auth_ratelimit.moc"
