// The sign-ins of the people at the desk on a real server on 127.0.0.1 (and again on PostgreSQL):
// each login opens a session its token names; a person lists theirs and ends one or logs out, an
// admin lists and ends an agent's; an ended session's token is refused at the next request (401
// CS_012) and its WebSockets close; deactivation, a new password or another role end them all.
#include "tests/api/ApiTestSupport.h"
#include "tests/api/WsClient.h"
#include "tests/support/FakeClock.h"

#include <QSignalSpy>
#include <QTest>

using namespace tierdesk;
using namespace tierdesk::test;

namespace {

const QString kPassword = QStringLiteral("correct horse battery");

struct Login {
    QByteArray token;
    QString sessionId;
    int status = 0;
    QJsonObject body;
};

QJsonArray sessionsOf(const HttpResult &r)
{
    return r.json().value(QLatin1String("sessions")).toArray();
}

} // namespace

class TestCsApiLoginSessions : public QObject {
    Q_OBJECT

private slots:
    void init();
    void cleanup();
    void loginOpensASessionListedAsCurrent();
    void endedSessionIsRefusedAtOnce();
    void logoutEndsTheSessionAndClosesItsSockets();
    void adminListsAndEndsAnAgentsSessions();
    void agentChangesEndTheirSessions_data();
    void agentChangesEndTheirSessions();
    void lastSeenIsKeptAndWritten();
    void endedSessionsStayEndedAfterARestart();
    void badDeviceIsRefused();

private:
    Login login(const QString &email, const QString &device = {}, const HeaderList &headers = {});
    QString addAgent(const QString &email, const QString &role = QStringLiteral("agent"));

    FakeClock m_clock{QDateTime(QDate(2026, 11, 11), QTime(15, 0), Qt::UTC)};
    std::unique_ptr<ServerFixture> m_fixture;
    ServerFixture &server() { return *m_fixture; }
    QString m_adminId;
    QString m_agentId;
};

void TestCsApiLoginSessions::init()
{
    m_fixture = std::make_unique<ServerFixture>();
    m_fixture->setClock(&m_clock);
    QString error;
    QVERIFY2(server().start("[auth]\nloginFailuresPerWindow=1000\n", false, &error), qPrintable(error));
    m_adminId = addAgent(QStringLiteral("ada@example.com"), QStringLiteral("admin"));
    m_agentId = addAgent(QStringLiteral("dan@example.com"));
    QVERIFY(!m_adminId.isEmpty() && !m_agentId.isEmpty());
}

void TestCsApiLoginSessions::cleanup()
{
    m_fixture.reset();
}

QString TestCsApiLoginSessions::addAgent(const QString &email, const QString &role)
{
    const auto agent = server().runtime().agents().create(
        NewAgent{server().companyId(), email, email.section(QLatin1Char('@'), 0, 0), role, {}}, kPassword, Actor{});
    if (!agent || !server().runtime().store().batch().flush())
        return {};
    return agent->id;
}

Login TestCsApiLoginSessions::login(const QString &email, const QString &device, const HeaderList &headers)
{
    HttpClient anonymous(server().port());
    QJsonObject body{{QStringLiteral("email"), email}, {QStringLiteral("password"), kPassword}};
    if (!device.isNull())
        body.insert(QStringLiteral("device"), device);
    const HttpResult r = anonymous.send(
        "POST", QStringLiteral("/api/cs/auth/login"), QJsonDocument(body).toJson(QJsonDocument::Compact), headers);
    Login out;
    out.status = r.status;
    out.body = r.json();
    out.token = r.json().value(QLatin1String("token")).toString().toLatin1();
    out.sessionId = r.json().value(QLatin1String("sessionId")).toString();
    return out;
}

void TestCsApiLoginSessions::loginOpensASessionListedAsCurrent()
{
    const Login laptop = login(QStringLiteral("dan@example.com"), QStringLiteral("Dan's laptop"));
    QCOMPARE(laptop.status, 200);
    QVERIFY(laptop.sessionId.startsWith(QLatin1String("lgs_")));
    const Login phone = login(QStringLiteral("dan@example.com"), {}, {{"User-Agent", "Tierdesk-Test/1.0 (phone)"}});
    QCOMPARE(phone.status, 200);
    QVERIFY(phone.sessionId != laptop.sessionId);

    HttpClient dan(server().port(), laptop.token);
    const HttpResult listed = dan.get(QStringLiteral("/api/cs/auth/sessions"));
    QCOMPARE(listed.status, 200);
    const QJsonArray sessions = sessionsOf(listed);
    QCOMPARE(sessions.size(), 2);
    for (const QJsonValue &v : sessions) {
        const QJsonObject s = v.toObject();
        const bool isLaptop = s.value(QLatin1String("id")).toString() == laptop.sessionId;
        QCOMPARE(s.value(QLatin1String("current")).toBool(), isLaptop);
        QCOMPARE(s.value(QLatin1String("device")).toString(),
            isLaptop ? QStringLiteral("Dan's laptop") : QStringLiteral("Tierdesk-Test/1.0 (phone)"));
        QCOMPARE(s.value(QLatin1String("method")).toString(), QStringLiteral("password"));
        QCOMPARE(s.value(QLatin1String("address")).toString(), QStringLiteral("127.0.0.1"));
        QCOMPARE(s.value(QLatin1String("createdAt")).toString(), QStringLiteral("2026-11-11T15:00:00Z"));
        QCOMPARE(
            s.value(QLatin1String("expiresAt")).toString(), laptop.body.value(QLatin1String("expiresAt")).toString());
    }
    // The login's audit names its session.
    QCOMPARE(
        server()
            .scalar(QStringLiteral("SELECT count(*) FROM audit_log WHERE action = 'auth.login' AND details LIKE ?"),
                {QString(QStringLiteral("%") + laptop.sessionId + QStringLiteral("%"))})
            .toInt(),
        1);
}

void TestCsApiLoginSessions::endedSessionIsRefusedAtOnce()
{
    const Login laptop = login(QStringLiteral("dan@example.com"), QStringLiteral("laptop"));
    const Login lost = login(QStringLiteral("dan@example.com"), QStringLiteral("lost phone"));
    HttpClient dan(server().port(), laptop.token);
    HttpClient thief(server().port(), lost.token);
    QCOMPARE(thief.get(QStringLiteral("/api/cs/auth/me")).status, 200); // verified (and cached) just before

    QCOMPARE(dan.del(QStringLiteral("/api/cs/auth/sessions/") + lost.sessionId).status, 204);
    const HttpResult refused = thief.get(QStringLiteral("/api/cs/auth/me"));
    QCOMPARE(refused.status, 401);
    QCOMPARE(refused.errorCode(), QStringLiteral("CS_012"));
    QCOMPARE(dan.get(QStringLiteral("/api/cs/auth/me")).status, 200);
    QCOMPARE(sessionsOf(dan.get(QStringLiteral("/api/cs/auth/sessions"))).size(), 1);
    // Ending it again is fine; someone else's session or none is not found.
    QCOMPARE(dan.del(QStringLiteral("/api/cs/auth/sessions/") + lost.sessionId).status, 204);
    const Login ada = login(QStringLiteral("ada@example.com"));
    QCOMPARE(dan.del(QStringLiteral("/api/cs/auth/sessions/") + ada.sessionId).errorCode(), QStringLiteral("CS_014"));
    QCOMPARE(dan.del(QStringLiteral("/api/cs/auth/sessions/lgs_none")).status, 404);
    QCOMPARE(HttpClient(server().port(), ada.token).get(QStringLiteral("/api/cs/auth/me")).status, 200);
    QCOMPARE(server()
                 .scalar(QStringLiteral("SELECT ended_reason FROM login_sessions WHERE id = ?"), {lost.sessionId})
                 .toString(),
        QStringLiteral("ended"));
    QCOMPARE(server()
                 .scalar(QStringLiteral("SELECT count(*) FROM audit_log WHERE action = 'auth.session_end'"
                                        " AND resource = ?"),
                     {QString(QStringLiteral("session:") + lost.sessionId)})
                 .toInt(),
        1);
}

void TestCsApiLoginSessions::logoutEndsTheSessionAndClosesItsSockets()
{
    const Login mine = login(QStringLiteral("dan@example.com"), QStringLiteral("desk"));
    const Login other = login(QStringLiteral("dan@example.com"), QStringLiteral("home"));
    WsClient ws;
    QVERIFY(ws.open(server().port(), mine.token));
    WsClient otherWs;
    QVERIFY(otherWs.open(server().port(), other.token));
    HttpClient dan(server().port(), mine.token);
    QCOMPARE(dan.post(QStringLiteral("/api/cs/auth/logout"), {}).status, 204);
    QTRY_VERIFY(ws.closed);
    QCOMPARE(ws.socket.closeReason(), QStringLiteral("session ended"));
    QCOMPARE(dan.get(QStringLiteral("/api/cs/auth/me")).status, 401);
    // The other session holds, and its socket with it.
    HttpClient home(server().port(), other.token);
    QCOMPARE(home.get(QStringLiteral("/api/cs/auth/me")).status, 200);
    QVERIFY(!otherWs.closed);
    // A token that names no session (an API token of an admin) has nothing to log out of.
    auto api = server().client(api::Role::Agent);
    QCOMPARE(api->post(QStringLiteral("/api/cs/auth/logout"), {}).status, 403);
}

void TestCsApiLoginSessions::adminListsAndEndsAnAgentsSessions()
{
    const Login ada = login(QStringLiteral("ada@example.com"));
    const Login dan1 = login(QStringLiteral("dan@example.com"), QStringLiteral("one"));
    const Login dan2 = login(QStringLiteral("dan@example.com"), QStringLiteral("two"));
    HttpClient admin(server().port(), ada.token);
    const QString path = QStringLiteral("/api/cs/agents/") + m_agentId + QStringLiteral("/sessions");
    const HttpResult listed = admin.get(path);
    QCOMPARE(listed.status, 200);
    QCOMPARE(sessionsOf(listed).size(), 2);
    QCOMPARE(sessionsOf(listed).at(0).toObject().value(QLatin1String("current")).toBool(), false);

    HttpClient dan(server().port(), dan1.token);
    QCOMPARE(dan.get(path).status, 403); // an agent may not
    QCOMPARE(dan.del(path).status, 403);
    QCOMPARE(admin.del(path).status, 204);
    QCOMPARE(dan.get(QStringLiteral("/api/cs/auth/me")).status, 401);
    QCOMPARE(HttpClient(server().port(), dan2.token).get(QStringLiteral("/api/cs/auth/me")).status, 401);
    QCOMPARE(sessionsOf(admin.get(path)).size(), 0);
    QCOMPARE(admin.get(QStringLiteral("/api/cs/auth/me")).status, 200);
    // Another company's agent is not found.
    const QString other = server().createCompany(QStringLiteral("Other Co"));
    const auto stranger = server().runtime().agents().create(
        NewAgent{other, QStringLiteral("olga@other.example"), QStringLiteral("Olga"), QStringLiteral("agent"), {}},
        kPassword, Actor{});
    QVERIFY(stranger);
    QVERIFY(server().runtime().store().batch().flush());
    QCOMPARE(admin.get(QStringLiteral("/api/cs/agents/") + stranger->id + QStringLiteral("/sessions")).status, 404);
    QCOMPARE(admin.del(QStringLiteral("/api/cs/agents/") + stranger->id + QStringLiteral("/sessions")).status, 404);
}

void TestCsApiLoginSessions::agentChangesEndTheirSessions_data()
{
    QTest::addColumn<QString>("change");
    QTest::addColumn<QString>("reason");
    QTest::newRow("deactivated") << QStringLiteral("deactivate") << QStringLiteral("deactivated");
    QTest::newRow("new password") << QStringLiteral("password") << QStringLiteral("password changed");
    QTest::newRow("another role") << QStringLiteral("role") << QStringLiteral("role changed");
}

void TestCsApiLoginSessions::agentChangesEndTheirSessions()
{
    QFETCH(QString, change);
    QFETCH(QString, reason);
    const Login dan = login(QStringLiteral("dan@example.com"));
    WsClient ws;
    QVERIFY(ws.open(server().port(), dan.token));
    HttpClient admin(server().port(), login(QStringLiteral("ada@example.com")).token);
    const QString agent = QStringLiteral("/api/cs/agents/") + m_agentId;
    HttpResult changed;
    if (change == QLatin1String("deactivate"))
        changed = admin.patch(agent, {{QStringLiteral("active"), false}});
    else if (change == QLatin1String("role"))
        changed = admin.patch(agent, {{QStringLiteral("role"), QStringLiteral("supervisor")}});
    else
        changed = admin.post(
            agent + QStringLiteral("/password"), {{QStringLiteral("password"), QString(kPassword + QLatin1Char('!'))}});
    QCOMPARE(changed.status, 200);
    QTRY_VERIFY(ws.closed);
    QCOMPARE(HttpClient(server().port(), dan.token).get(QStringLiteral("/api/cs/auth/me")).status, 401);
    QCOMPARE(server()
                 .scalar(QStringLiteral("SELECT ended_reason FROM login_sessions WHERE id = ?"), {dan.sessionId})
                 .toString(),
        reason);
}

void TestCsApiLoginSessions::lastSeenIsKeptAndWritten()
{
    const Login dan = login(QStringLiteral("dan@example.com"));
    HttpClient client(server().port(), dan.token);
    m_clock.advanceSecs(300);
    QCOMPARE(client.get(QStringLiteral("/api/cs/auth/me")).status, 200);
    // Answered from memory before it is written...
    const QJsonArray listed = sessionsOf(client.get(QStringLiteral("/api/cs/auth/sessions")));
    QCOMPARE(
        listed.at(0).toObject().value(QLatin1String("lastSeenAt")).toString(), QStringLiteral("2026-11-11T15:05:00Z"));
    // ... and written at the next flush.
    server().runtime().loginSessions().flushSeen();
    QVERIFY(server().runtime().store().batch().flush());
    QCOMPARE(server()
                 .scalar(QStringLiteral("SELECT last_seen_at FROM login_sessions WHERE id = ?"), {dan.sessionId})
                 .toLongLong(),
        m_clock.nowMs());
}

void TestCsApiLoginSessions::endedSessionsStayEndedAfterARestart()
{
    const Login dan = login(QStringLiteral("dan@example.com"));
    HttpClient client(server().port(), dan.token);
    QCOMPARE(client.post(QStringLiteral("/api/cs/auth/logout"), {}).status, 204);
    QVERIFY(server().runtime().store().batch().flush());
    // A server started afresh on the same data reads which sessions ended.
    LoginSessions fresh(server().runtime().engine());
    QCOMPARE(fresh.refusal(dan.sessionId).error().kind, ErrorKind::Unauthenticated);
    QVERIFY(fresh.refusal(QStringLiteral("lgs_other")));
}

void TestCsApiLoginSessions::badDeviceIsRefused()
{
    const Login tooLong = login(QStringLiteral("dan@example.com"), QString(101, QLatin1Char('x')));
    QCOMPARE(tooLong.status, 400);
    QCOMPARE(tooLong.body.value(QLatin1String("error"))
                 .toObject()
                 .value(QLatin1String("details"))
                 .toObject()
                 .value(QLatin1String("field")),
        QJsonValue(QStringLiteral("device")));
    HttpClient anonymous(server().port());
    const HttpResult notText = anonymous.post(QStringLiteral("/api/cs/auth/login"),
        {{QStringLiteral("email"), QStringLiteral("dan@example.com")}, {QStringLiteral("password"), kPassword},
            {QStringLiteral("device"), 7}});
    QCOMPARE(notText.status, 400);
    // Control characters are not kept.
    const Login odd = login(QStringLiteral("dan@example.com"), QStringLiteral("line\none\ttwo"));
    QCOMPARE(odd.status, 200);
    QCOMPARE(
        server().scalar(QStringLiteral("SELECT device FROM login_sessions WHERE id = ?"), {odd.sessionId}).toString(),
        QStringLiteral("line one two"));
}

QTEST_GUILESS_MAIN(TestCsApiLoginSessions)
#include "tst_csapi_loginsessions.moc"
