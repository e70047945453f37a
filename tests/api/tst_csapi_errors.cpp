// Every /api/cs error code with its status and exact body
// {"error":{"code","message","details"?}}; refused requests change nothing.
#include "tests/api/ApiTestSupport.h"
#include "tests/http/RawHttpClient.h"

#include <QDateTime>
#include <QTest>

using namespace tierdesk;
using namespace tierdesk::test;

#define CHECK_ERROR(result, status, code)                                                                              \
    do {                                                                                                               \
        const QString problem_ = checkErrorBody((result), (status), QStringLiteral(code));                             \
        QVERIFY2(problem_.isEmpty(), qPrintable(problem_));                                                            \
    } while (false)

class TestCsApiErrors : public QObject {
    Q_OBJECT

private slots:
    void initTestCase();
    void cleanupTestCase();
    void invalidSessionId();
    void sessionNotFound();
    void sessionAlreadyResolved();
    void invalidEscalationTarget();
    void missingCompanyId();
    void invalidMessage_data();
    void invalidMessage();
    void invalidInitialMessage_data();
    void invalidInitialMessage();
    void tokenNotYetValid_data();
    void tokenNotYetValid();
    void companyDisabled();
    void invalidRequest_data();
    void invalidRequest();
    void unauthorized();
    void expiredToken();
    void forbidden();
    void notFound();
    void methodNotAllowed();
    void payloadTooLarge();
    void headersTooLarge();
    void uriTooLong();
    void longestMessageIsAccepted();
    void refusedRequestsChangeNothing();

private:
    QString createSession(const QString &initial = {});

    ServerFixture m_server;
    std::unique_ptr<HttpClient> m_admin;
};

void TestCsApiErrors::initTestCase()
{
    QString error;
    QVERIFY2(m_server.start({}, false, &error), qPrintable(error));
    m_admin = m_server.client(api::Role::Admin);
}

void TestCsApiErrors::cleanupTestCase()
{
    m_admin.reset();
    m_server.stop();
}

QString TestCsApiErrors::createSession(const QString &initial)
{
    const HttpResult r = m_admin->post(
        QStringLiteral("/api/cs/sessions"), sessionBody(m_server.companyId(), QStringLiteral("cust_ben"), initial));
    return r.status == 201 ? r.json().value(QLatin1String("id")).toString() : QString();
}

void TestCsApiErrors::invalidSessionId()
{
    HttpResult r = m_admin->get(QStringLiteral("/api/cs/sessions/bad%20id%21"));
    CHECK_ERROR(r, 400, "CS_001");
    r = m_admin->post(QStringLiteral("/api/cs/sessions/bad%20id%21/messages"),
        {{QStringLiteral("message"), QStringLiteral("hello")}});
    CHECK_ERROR(r, 400, "CS_001");
    r = m_admin->get(QStringLiteral("/api/cs/sessions/") + QString(129, QLatin1Char('a')));
    CHECK_ERROR(r, 400, "CS_001");
}

void TestCsApiErrors::sessionNotFound()
{
    const HttpResult r = m_admin->get(QStringLiteral("/api/cs/sessions/sess_doesnotexist"));
    CHECK_ERROR(r, 404, "CS_002");
    QCOMPARE(r.error().value(QLatin1String("details")).toObject().value(QLatin1String("sessionId")).toString(),
        QStringLiteral("sess_doesnotexist"));
    CHECK_ERROR(m_admin->post(QStringLiteral("/api/cs/sessions/sess_doesnotexist/messages"),
                    {{QStringLiteral("message"), QStringLiteral("hello")}}),
        404, "CS_002");
    CHECK_ERROR(m_admin->post(QStringLiteral("/api/cs/sessions/sess_doesnotexist/escalate"),
                    {{QStringLiteral("reason"), QStringLiteral("COMPLEX_ISSUE")},
                        {QStringLiteral("targetTier"), QStringLiteral("AI_MANAGER")}}),
        404, "CS_002");
    CHECK_ERROR(m_admin->post(QStringLiteral("/api/cs/sessions/sess_doesnotexist/resolve"),
                    {{QStringLiteral("resolutionType"), QStringLiteral("UNRESOLVED")}}),
        404, "CS_002");
}

void TestCsApiErrors::sessionAlreadyResolved()
{
    const QString id = createSession();
    QVERIFY(!id.isEmpty());
    const QString base = QStringLiteral("/api/cs/sessions/") + id;
    QCOMPARE(m_admin
                 ->post(base + QStringLiteral("/resolve"),
                     {{QStringLiteral("resolutionType"), QStringLiteral("UNRESOLVED")}})
                 .status,
        200);
    CHECK_ERROR(m_admin->post(base + QStringLiteral("/messages"),
                    {{QStringLiteral("message"), QStringLiteral("one more thing")}}),
        400, "CS_003");
    CHECK_ERROR(m_admin->post(base + QStringLiteral("/escalate"),
                    {{QStringLiteral("reason"), QStringLiteral("COMPLEX_ISSUE")},
                        {QStringLiteral("targetTier"), QStringLiteral("AI_MANAGER")}}),
        400, "CS_003");
    CHECK_ERROR(m_admin->post(base + QStringLiteral("/resolve"),
                    {{QStringLiteral("resolutionType"), QStringLiteral("UNRESOLVED")}}),
        400, "CS_003");
    // Nothing was added to the transcript.
    QCOMPARE(m_admin->get(base).json().value(QLatin1String("messages")).toArray().size(), 0);
}

void TestCsApiErrors::invalidEscalationTarget()
{
    const QString id = createSession();
    QVERIFY(!id.isEmpty());
    const QString path = QStringLiteral("/api/cs/sessions/%1/escalate").arg(id);
    auto escalate = [&](const QString &tier) {
        return m_admin->post(
            path, {{QStringLiteral("reason"), QStringLiteral("COMPLEX_ISSUE")}, {QStringLiteral("targetTier"), tier}});
    };
    CHECK_ERROR(escalate(QStringLiteral("AI_REP")), 400, "CS_004"); // back to tier 1 / same tier
    CHECK_ERROR(escalate(QStringLiteral("SUPERVISOR")), 400, "CS_004"); // no such tier
    QCOMPARE(escalate(QStringLiteral("AI_MANAGER")).status, 200);
    CHECK_ERROR(escalate(QStringLiteral("AI_MANAGER")), 400, "CS_004"); // same tier
    QCOMPARE(escalate(QStringLiteral("HUMAN_AGENT")).status, 200);
    CHECK_ERROR(escalate(QStringLiteral("AI_MANAGER")), 400, "CS_004"); // lower tier
    CHECK_ERROR(escalate(QStringLiteral("HUMAN_AGENT")), 400, "CS_004");
    QCOMPARE(m_admin->get(QStringLiteral("/api/cs/sessions/") + id)
                 .json()
                 .value(QLatin1String("escalationHistory"))
                 .toArray()
                 .size(),
        2);
}

void TestCsApiErrors::missingCompanyId()
{
    CHECK_ERROR(m_admin->get(QStringLiteral("/api/cs/sessions")), 400, "CS_005");
    CHECK_ERROR(m_admin->get(QStringLiteral("/api/cs/sessions?companyId=")), 400, "CS_005");
    CHECK_ERROR(
        m_admin->get(QStringLiteral("/api/cs/analytics?startDate=2025-01-01&endDate=2025-12-31")), 400, "CS_005");
    CHECK_ERROR(m_admin->get(QStringLiteral("/api/cs/config")), 400, "CS_005");
    CHECK_ERROR(m_admin->put(QStringLiteral("/api/cs/config"), {{QStringLiteral("enabled"), true}}), 400, "CS_005");
    CHECK_ERROR(m_admin->post(QStringLiteral("/api/cs/sessions"),
                    {{QStringLiteral("customerId"), QStringLiteral("cust_ben")},
                        {QStringLiteral("channel"), QStringLiteral("chat")}}),
        400, "CS_005");
}

void TestCsApiErrors::invalidMessage_data()
{
    QTest::addColumn<QJsonValue>("message");
    QTest::newRow("empty") << QJsonValue(QString());
    QTest::newRow("blank") << QJsonValue(QStringLiteral("   \n\t "));
    QTest::newRow("4001 chars") << QJsonValue(QString(4001, QLatin1Char('x')));
    QTest::newRow("number") << QJsonValue(42);
    QTest::newRow("object") << QJsonValue(QJsonObject{{QStringLiteral("text"), QStringLiteral("hi")}});
    QTest::newRow("null") << QJsonValue(QJsonValue::Null);
    QTest::newRow("control characters") << QJsonValue(QStringLiteral("hello\u0007there"));
}

void TestCsApiErrors::invalidMessage()
{
    QFETCH(QJsonValue, message);
    static QString id;
    if (id.isEmpty())
        id = createSession();
    QVERIFY(!id.isEmpty());
    const HttpResult r
        = m_admin->post(QStringLiteral("/api/cs/sessions/%1/messages").arg(id), {{QStringLiteral("message"), message}});
    CHECK_ERROR(r, 400, "CS_008");
    QCOMPARE(
        m_admin->get(QStringLiteral("/api/cs/sessions/") + id).json().value(QLatin1String("messages")).toArray().size(),
        0);
}

void TestCsApiErrors::invalidInitialMessage_data()
{
    QTest::addColumn<QString>("message");
    QTest::newRow("NUL") << QStringLiteral("hello\u0000there");
    QTest::newRow("ESC") << QStringLiteral("\u001b[31mred");
    QTest::newRow("BEL") << QStringLiteral("ring\u0007");
    QTest::newRow("blank") << QStringLiteral(" \n\t ");
    QTest::newRow("4001 chars") << QString(4001, QLatin1Char('x'));
}

void TestCsApiErrors::invalidInitialMessage()
{
    // The same validator as /messages: nothing is created.
    QFETCH(QString, message);
    const HttpResult r = m_admin->post(
        QStringLiteral("/api/cs/sessions"), sessionBody(m_server.companyId(), QStringLiteral("cust_initial"), message));
    CHECK_ERROR(r, 400, "CS_008");
    QCOMPARE(r.error().value(QLatin1String("details")).toObject().value(QLatin1String("field")).toString(),
        QStringLiteral("initialMessage"));
    const HttpResult list = m_admin->get(withQuery(QStringLiteral("/api/cs/sessions"),
        {{QStringLiteral("companyId"), m_server.companyId()},
            {QStringLiteral("customerId"), QStringLiteral("cust_initial")}}));
    QCOMPARE(list.json().value(QLatin1String("total")).toInt(), 0);
}

void TestCsApiErrors::tokenNotYetValid_data()
{
    QTest::addColumn<QString>("claim");
    QTest::newRow("iat an hour ahead") << QStringLiteral("iat");
    QTest::newRow("nbf an hour ahead") << QStringLiteral("nbf");
}

void TestCsApiErrors::tokenNotYetValid()
{
    QFETCH(QString, claim);
    const qint64 now = QDateTime::currentSecsSinceEpoch();
    JwtClaims c;
    c.company = m_server.companyId();
    c.role = QStringLiteral("admin");
    c.subject = QStringLiteral("time-traveller");
    c.issuedAt = claim == QLatin1String("iat") ? now + 3600 : now;
    c.notBefore = claim == QLatin1String("nbf") ? now + 3600 : 0;
    c.expiresAt = now + 7200;
    HttpClient client(m_server.port(), m_server.runtime().auth().sign(c));
    const HttpResult r = client.get(
        withQuery(QStringLiteral("/api/cs/sessions"), {{QStringLiteral("companyId"), m_server.companyId()}}));
    CHECK_ERROR(r, 401, "CS_012");
    QVERIFY(r.error()
                .value(QLatin1String("details"))
                .toObject()
                .value(QLatin1String("reason"))
                .toString()
                .contains(QLatin1String("not yet valid")));
    // The same token made valid now is accepted: the refusal is about time only.
    c.issuedAt = now;
    c.notBefore = 0;
    client.setToken(m_server.runtime().auth().sign(c));
    QCOMPARE(
        client.get(withQuery(QStringLiteral("/api/cs/sessions"), {{QStringLiteral("companyId"), m_server.companyId()}}))
            .status,
        200);
}

void TestCsApiErrors::companyDisabled()
{
    const QString other = m_server.createCompany(QStringLiteral("Paused Company"));
    QVERIFY(!other.isEmpty());
    HttpClient admin(m_server.port(), m_server.token(api::Role::Admin, other));
    HttpResult r = admin.post(QStringLiteral("/api/cs/sessions"), sessionBody(other, QStringLiteral("c1")));
    QVERIFY2(r.status == 201, describe(r));
    const QString id = r.json().value(QLatin1String("id")).toString();

    r = admin.put(
        QStringLiteral("/api/cs/config"), {{QStringLiteral("companyId"), other}, {QStringLiteral("enabled"), false}});
    QVERIFY2(r.status == 200, describe(r));
    QCOMPARE(r.json().value(QLatin1String("enabled")).toBool(true), false);
    CHECK_ERROR(
        admin.post(QStringLiteral("/api/cs/sessions"), sessionBody(other, QStringLiteral("c2"))), 403, "CS_009");
    CHECK_ERROR(admin.post(QStringLiteral("/api/cs/sessions/%1/messages").arg(id),
                    {{QStringLiteral("message"), QStringLiteral("hi")}}),
        403, "CS_009");
    r = admin.get(withQuery(QStringLiteral("/api/cs/sessions"), {{QStringLiteral("companyId"), other}}));
    QCOMPARE(r.json().value(QLatin1String("total")).toInt(), 1);

    r = admin.put(
        QStringLiteral("/api/cs/config"), {{QStringLiteral("companyId"), other}, {QStringLiteral("enabled"), true}});
    QVERIFY2(r.status == 200, describe(r));
    QCOMPARE(admin.post(QStringLiteral("/api/cs/sessions"), sessionBody(other, QStringLiteral("c2"))).status, 201);
}

void TestCsApiErrors::invalidRequest_data()
{
    QTest::addColumn<QByteArray>("method");
    QTest::addColumn<QString>("path");
    QTest::addColumn<QByteArray>("body");
    const QString company = QStringLiteral("%COMPANY%");
    const QByteArray c = "\"companyId\":\"%COMPANY%\"";
    QTest::newRow("malformed json") << QByteArray("POST") << QStringLiteral("/api/cs/sessions")
                                    << QByteArray("{\"companyId\": ");
    QTest::newRow("array body") << QByteArray("POST") << QStringLiteral("/api/cs/sessions") << QByteArray("[1,2,3]");
    QTest::newRow("string body") << QByteArray("POST") << QStringLiteral("/api/cs/sessions") << QByteArray("\"hello\"");
    QTest::newRow("empty body") << QByteArray("POST") << QStringLiteral("/api/cs/sessions") << QByteArray();
    QTest::newRow("bad channel") << QByteArray("POST") << QStringLiteral("/api/cs/sessions")
                                 << ("{" + c + ",\"customerId\":\"cust_ben\",\"channel\":\"fax\"}");
    QTest::newRow("missing channel") << QByteArray("POST") << QStringLiteral("/api/cs/sessions")
                                     << ("{" + c + ",\"customerId\":\"cust_ben\"}");
    QTest::newRow("missing customer") << QByteArray("POST") << QStringLiteral("/api/cs/sessions")
                                      << ("{" + c + ",\"channel\":\"chat\"}");
    QTest::newRow("bad category")
        << QByteArray("POST") << QStringLiteral("/api/cs/sessions")
        << ("{" + c + ",\"customerId\":\"cust_ben\",\"channel\":\"chat\",\"issueCategory\":\"PIZZA\"}");
    QTest::newRow("metadata not object")
        << QByteArray("POST") << QStringLiteral("/api/cs/sessions")
        << ("{" + c + ",\"customerId\":\"cust_ben\",\"channel\":\"chat\",\"metadata\":[1]}");
    QTest::newRow("bad status filter") << QByteArray("GET")
                                       << QStringLiteral("/api/cs/sessions?companyId=%1&status=OPEN").arg(company)
                                       << QByteArray();
    QTest::newRow("bad tier filter") << QByteArray("GET")
                                     << QStringLiteral("/api/cs/sessions?companyId=%1&tier=BOSS").arg(company)
                                     << QByteArray();
    QTest::newRow("limit 0") << QByteArray("GET")
                             << QStringLiteral("/api/cs/sessions?companyId=%1&limit=0").arg(company) << QByteArray();
    QTest::newRow("limit text") << QByteArray("GET")
                                << QStringLiteral("/api/cs/sessions?companyId=%1&limit=ten").arg(company)
                                << QByteArray();
    QTest::newRow("limit 201") << QByteArray("GET")
                               << QStringLiteral("/api/cs/sessions?companyId=%1&limit=201").arg(company)
                               << QByteArray();
    QTest::newRow("offset -1") << QByteArray("GET")
                               << QStringLiteral("/api/cs/sessions?companyId=%1&offset=-1").arg(company)
                               << QByteArray();
    QTest::newRow("bad startDate") << QByteArray("GET")
                                   << QStringLiteral("/api/cs/sessions?companyId=%1&startDate=yesterday").arg(company)
                                   << QByteArray();
    QTest::newRow("bad escalation reason")
        << QByteArray("POST") << QStringLiteral("/api/cs/sessions/%SESSION%/escalate")
        << QByteArray("{\"reason\":\"BORED\",\"targetTier\":\"AI_MANAGER\"}");
    QTest::newRow("bad resolution type") << QByteArray("POST") << QStringLiteral("/api/cs/sessions/%SESSION%/resolve")
                                         << QByteArray("{\"resolutionType\":\"DONE\"}");
    QTest::newRow("followUp not bool") << QByteArray("POST") << QStringLiteral("/api/cs/sessions/%SESSION%/resolve")
                                       << QByteArray(
                                              "{\"resolutionType\":\"UNRESOLVED\",\"followUpRequired\":\"yes\"}");
    QTest::newRow("message body not json")
        << QByteArray("POST") << QStringLiteral("/api/cs/sessions/%SESSION%/messages") << QByteArray("message=hello");
}

void TestCsApiErrors::invalidRequest()
{
    QFETCH(QByteArray, method);
    QFETCH(QString, path);
    QFETCH(QByteArray, body);
    static QString session;
    if (session.isEmpty())
        session = createSession();
    QVERIFY(!session.isEmpty());
    path.replace(QStringLiteral("%COMPANY%"), m_server.companyId()).replace(QStringLiteral("%SESSION%"), session);
    body.replace("%COMPANY%", m_server.companyId().toUtf8());
    const HttpResult r = m_admin->send(method, path, body);
    CHECK_ERROR(r, 400, "CS_011");
    const HttpResult s = m_admin->get(QStringLiteral("/api/cs/sessions/") + session);
    QCOMPARE(s.json().value(QLatin1String("status")).toString(), QStringLiteral("ACTIVE"));
}

void TestCsApiErrors::unauthorized()
{
    HttpClient anonymous(m_server.port());
    const QString list
        = withQuery(QStringLiteral("/api/cs/sessions"), {{QStringLiteral("companyId"), m_server.companyId()}});
    HttpResult r = anonymous.get(list);
    CHECK_ERROR(r, 401, "CS_012");
    QVERIFY(r.header("www-authenticate").startsWith("Bearer"));
    CHECK_ERROR(
        anonymous.post(QStringLiteral("/api/cs/sessions"), sessionBody(m_server.companyId(), QStringLiteral("x"))), 401,
        "CS_012");

    anonymous.setToken("not-a-jwt");
    CHECK_ERROR(anonymous.get(list), 401, "CS_012");
    anonymous.setToken("eyJhbGciOiJIUzI1NiJ9.eyJmb28iOiJiYXIifQ.c2lnbmF0dXJl");
    CHECK_ERROR(anonymous.get(list), 401, "CS_012");

    // A valid token with one signature character changed.
    QByteArray forged = m_server.token(api::Role::Admin);
    const qsizetype last = forged.size() - 2;
    forged[last] = forged[last] == 'A' ? 'B' : 'A';
    anonymous.setToken(forged);
    CHECK_ERROR(anonymous.get(list), 401, "CS_012");

    // A token signed by a different installation's key.
    ServerFixture otherInstall;
    QString error;
    QVERIFY2(otherInstall.start({}, false, &error), qPrintable(error));
    anonymous.setToken(otherInstall.token(api::Role::Admin, m_server.companyId()));
    CHECK_ERROR(anonymous.get(list), 401, "CS_012");

    // Basic auth and the ?token= form are not accepted on REST routes.
    r = anonymous.send("GET", list, {}, {{"Authorization", "Basic YWRtaW46YWRtaW4="}}, false);
    CHECK_ERROR(r, 401, "CS_012");
    r = anonymous.send(
        "GET", list + QStringLiteral("&token=") + QString::fromLatin1(m_server.token(api::Role::Admin)), {}, {}, false);
    CHECK_ERROR(r, 401, "CS_012");
}

void TestCsApiErrors::expiredToken()
{
    const QString list
        = withQuery(QStringLiteral("/api/cs/sessions"), {{QStringLiteral("companyId"), m_server.companyId()}});
    HttpClient client(m_server.port(), m_server.token(api::Role::Admin, {}, -60));
    HttpResult r = client.get(list);
    CHECK_ERROR(r, 401, "CS_012");
    QCOMPARE(r.error().value(QLatin1String("details")).toObject().value(QLatin1String("reason")).toString(),
        QStringLiteral("token expired"));

    // A token that is valid now stops working once its second has passed.
    client.setToken(m_server.token(api::Role::Admin, {}, 1));
    QTRY_COMPARE_WITH_TIMEOUT(client.get(list).status, 401, 5000);
    CHECK_ERROR(client.get(list), 401, "CS_012");
}

void TestCsApiErrors::forbidden()
{
    const QString id = createSession();
    QVERIFY(!id.isEmpty());
    auto client = m_server.client(api::Role::Client);
    auto agent = m_server.client(api::Role::Agent);
    const QString company = m_server.companyId();
    CHECK_ERROR(client->post(QStringLiteral("/api/cs/sessions/%1/resolve").arg(id),
                    {{QStringLiteral("resolutionType"), QStringLiteral("ISSUE_RESOLVED")}}),
        403, "CS_013");
    CHECK_ERROR(client->get(withQuery(QStringLiteral("/api/cs/sessions"), {{QStringLiteral("companyId"), company}})),
        403, "CS_013");
    CHECK_ERROR(agent->put(QStringLiteral("/api/cs/config"),
                    {{QStringLiteral("companyId"), company}, {QStringLiteral("enabled"), false}}),
        403, "CS_013");
    CHECK_ERROR(
        agent->get(withQuery(QStringLiteral("/api/cs/analytics"),
            {{QStringLiteral("companyId"), company}, {QStringLiteral("startDate"), QStringLiteral("2025-01-01")},
                {QStringLiteral("endDate"), QStringLiteral("2099-01-01")}})),
        403, "CS_013");
    // None of it happened.
    QCOMPARE(m_admin->get(QStringLiteral("/api/cs/sessions/") + id).json().value(QLatin1String("status")).toString(),
        QStringLiteral("ACTIVE"));
    QCOMPARE(m_admin->get(withQuery(QStringLiteral("/api/cs/config"), {{QStringLiteral("companyId"), company}}))
                 .json()
                 .value(QLatin1String("enabled"))
                 .toBool(false),
        true);
}

void TestCsApiErrors::notFound()
{
    HttpResult r = m_admin->get(QStringLiteral("/api/cs/nope"));
    CHECK_ERROR(r, 404, "CS_014");
    CHECK_ERROR(m_admin->post(QStringLiteral("/api/cs/sessions/x/y/z"), {}), 404, "CS_014");
    const QString other = m_server.createCompany(QStringLiteral("Someone Else"));
    QVERIFY(!other.isEmpty());
    CHECK_ERROR(m_admin->get(withQuery(QStringLiteral("/api/cs/sessions"), {{QStringLiteral("companyId"), other}})),
        404, "CS_014");
    CHECK_ERROR(m_admin->get(withQuery(QStringLiteral("/api/cs/config"), {{QStringLiteral("companyId"), other}})), 404,
        "CS_014");
    CHECK_ERROR(m_admin->post(QStringLiteral("/api/cs/sessions"), sessionBody(other, QStringLiteral("cust_ben"))), 404,
        "CS_014");
    // A company that does not exist at all is answered the same way.
    CHECK_ERROR(m_admin->get(withQuery(QStringLiteral("/api/cs/config"),
                    {{QStringLiteral("companyId"), QStringLiteral("00000000-0000-0000-0000-000000000000")}})),
        404, "CS_014");
}

void TestCsApiErrors::methodNotAllowed()
{
    HttpResult r = m_admin->del(QStringLiteral("/api/cs/sessions"));
    CHECK_ERROR(r, 405, "CS_015");
    const QByteArray allow = r.header("allow");
    QVERIFY2(allow.contains("GET") && allow.contains("POST"), allow.constData());
    QVERIFY(!allow.contains("DELETE"));
    r = m_admin->send("PATCH", QStringLiteral("/api/cs/config"), "{}");
    CHECK_ERROR(r, 405, "CS_015");
    QVERIFY2(r.header("allow").contains("PUT"), r.header("allow").constData());
}

void TestCsApiErrors::payloadTooLarge()
{
    RawHttpClient raw;
    QVERIFY(raw.connectTo(m_server.port()));
    raw.send("POST /api/cs/sessions HTTP/1.1\r\nHost: 127.0.0.1\r\nAuthorization: Bearer " + m_admin->token()
        + "\r\nContent-Type: application/json\r\nContent-Length: " + QByteArray::number((1 << 20) + 1) + "\r\n\r\n{");
    const RawResponse r = raw.read(5000);
    HttpResult result;
    result.status = r.status;
    result.body = r.body;
    result.doc = QJsonDocument::fromJson(r.body);
    result.headers = {{"content-type", r.header("content-type")}};
    CHECK_ERROR(result, 413, "CS_016");

    // Exactly the limit is read (and then refused for what it says, not its size).
    HttpResult ok = m_admin->send("POST", QStringLiteral("/api/cs/sessions"), QByteArray(1 << 20, ' '));
    CHECK_ERROR(ok, 400, "CS_011");
}

void TestCsApiErrors::headersTooLarge()
{
    RawHttpClient raw;
    QVERIFY(raw.connectTo(m_server.port()));
    raw.send(
        "GET /api/cs/sessions HTTP/1.1\r\nHost: 127.0.0.1\r\nX-Filler: " + QByteArray(20 * 1024, 'a') + "\r\n\r\n");
    const RawResponse r = raw.read(5000);
    HttpResult result;
    result.status = r.status;
    result.body = r.body;
    result.doc = QJsonDocument::fromJson(r.body);
    result.headers = {{"content-type", r.header("content-type")}};
    CHECK_ERROR(result, 431, "CS_017");
}

void TestCsApiErrors::uriTooLong()
{
    const HttpResult r = m_admin->get(QStringLiteral("/api/cs/sessions?companyId=") + QString(20000, QLatin1Char('a')));
    const QString problem = checkErrorBody(r, 414, QStringLiteral("CS_019"));
    QVERIFY2(problem.isEmpty(), qPrintable(problem));
}

void TestCsApiErrors::longestMessageIsAccepted()
{
    const QString id = createSession();
    QVERIFY(!id.isEmpty());
    const QString text = QStringLiteral("Where is my order? ") + QString(4000 - 19, QLatin1Char('z'));
    QCOMPARE(text.size(), 4000);
    const HttpResult r
        = m_admin->post(QStringLiteral("/api/cs/sessions/%1/messages").arg(id), {{QStringLiteral("message"), text}});
    QVERIFY2(r.status == 201, describe(r));
    QCOMPARE(
        r.json().value(QLatin1String("customerMessage")).toObject().value(QLatin1String("content")).toString(), text);
}

void TestCsApiErrors::refusedRequestsChangeNothing()
{
    const QString configPath
        = withQuery(QStringLiteral("/api/cs/config"), {{QStringLiteral("companyId"), m_server.companyId()}});
    const HttpResult before = m_admin->get(configPath);
    QVERIFY2(before.status == 200, describe(before));
    const QJsonObject negative{{QStringLiteral("companyId"), m_server.companyId()}, {QStringLiteral("enabled"), false},
        {QStringLiteral("tiers"),
            QJsonObject{{QStringLiteral("aiRep"),
                QJsonObject{{QStringLiteral("capabilities"), QJsonObject{{QStringLiteral("maxCreditAmount"), -5}}}}}}}};
    CHECK_ERROR(m_admin->put(QStringLiteral("/api/cs/config"), negative), 400, "CS_011");
    QCOMPARE(m_admin->get(configPath).json(), before.json());

    const QString listPath
        = withQuery(QStringLiteral("/api/cs/sessions"), {{QStringLiteral("companyId"), m_server.companyId()}});
    const int total = m_admin->get(listPath).json().value(QLatin1String("total")).toInt();
    QJsonObject bad = sessionBody(m_server.companyId(), QStringLiteral("cust_ben"), QString(4001, QLatin1Char('y')));
    CHECK_ERROR(m_admin->post(QStringLiteral("/api/cs/sessions"), bad), 400, "CS_008");
    bad = sessionBody(m_server.companyId(), QStringLiteral("bad customer!"));
    CHECK_ERROR(m_admin->post(QStringLiteral("/api/cs/sessions"), bad), 400, "CS_011");
    QCOMPARE(m_admin->get(listPath).json().value(QLatin1String("total")).toInt(), total);
}

QTEST_GUILESS_MAIN(TestCsApiErrors)
#include "tst_csapi_errors.moc"
