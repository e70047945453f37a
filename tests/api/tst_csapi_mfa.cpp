// A second factor (TOTP) on a real server on 127.0.0.1 (and again on PostgreSQL), its codes made by
// a second implementation (oathtool, at the test's clock): enrolment confirmed with a first code,
// a login's second step, a code refused the second time, one step of drift, recovery codes once,
// a company that requires a factor, failures in the login throttle, an admin removing a factor.
#include "tests/api/ApiTestSupport.h"
#include "tests/support/FakeClock.h"

#include <QProcess>
#include <QRegularExpression>
#include <QStandardPaths>
#include <QTest>

using namespace tierdesk;
using namespace tierdesk::test;

namespace {

const QString kPassword = QStringLiteral("correct horse battery");

QString str(const HttpResult &r, const char *key)
{
    return r.json().value(QLatin1String(key)).toString();
}

} // namespace

class TestCsApiMfa : public QObject {
    Q_OBJECT

private slots:
    void initTestCase();
    void init();
    void cleanup();
    void enrolmentThenLoginInTwoSteps();
    void aCodeWorksOnceWithOneStepOfDrift();
    void recoveryCodesWorkOnce();
    void companyRequiresASecondFactor();
    void wrongCodesCountIntoTheLoginThrottle();
    void adminRemovesAnAgentsFactor();
    void agentRemovesTheirOwnFactor();
    void badChallengesAndCodesAreRefused();

private:
    // oathtool's code for `secret` (base32) at the test clock's time plus `offsetSecs`.
    QString oathCode(const QString &secret, qint64 offsetSecs = 0) const;
    HttpResult login(const QString &email = QStringLiteral("dan@example.com"));
    HttpResult secondStep(const QString &challenge, const QString &code);
    // Dan sets a factor up over the API; its secret.
    QString enrolDan();

    FakeClock m_clock{QDateTime(QDate(2026, 11, 11), QTime(15, 0, 5), Qt::UTC)};
    std::unique_ptr<ServerFixture> m_fixture;
    ServerFixture &server() { return *m_fixture; }
    QString m_oathtool;
    QString m_danId;
    QByteArray m_adminToken;
};

void TestCsApiMfa::initTestCase()
{
    m_oathtool = QStandardPaths::findExecutable(QStringLiteral("oathtool"));
    QVERIFY2(!m_oathtool.isEmpty(), "oathtool is missing: scripts/install-deps.sh installs it");
}

void TestCsApiMfa::init()
{
    m_fixture = std::make_unique<ServerFixture>();
    m_fixture->setClock(&m_clock);
    QString error;
    QVERIFY2(
        server().start("[auth]\nloginFailuresPerWindow=5\nloginWindowSeconds=600\n", false, &error), qPrintable(error));
    for (const auto &[email, role] : {std::pair{"ada@example.com", "admin"}, std::pair{"dan@example.com", "agent"}}) {
        const auto agent = server().runtime().agents().create(
            NewAgent{server().companyId(), QLatin1String(email), QLatin1String(email).left(3), QLatin1String(role), {}},
            kPassword, Actor{});
        QVERIFY(agent);
        if (QLatin1String(role) == QLatin1String("agent"))
            m_danId = agent->id;
    }
    QVERIFY(server().runtime().store().batch().flush());
    m_adminToken = str(login(QStringLiteral("ada@example.com")), "token").toLatin1();
    QVERIFY(!m_adminToken.isEmpty());
}

void TestCsApiMfa::cleanup()
{
    m_fixture.reset();
}

QString TestCsApiMfa::oathCode(const QString &secret, qint64 offsetSecs) const
{
    QProcess oathtool;
    const QString at = m_clock.now().addSecs(offsetSecs).toUTC().toString(QStringLiteral("yyyy-MM-dd HH:mm:ss"))
        + QStringLiteral(" UTC");
    oathtool.start(
        m_oathtool, {QStringLiteral("--totp"), QStringLiteral("--base32"), QStringLiteral("--now"), at, secret});
    if (!oathtool.waitForFinished(10000) || oathtool.exitCode() != 0)
        return {};
    return QString::fromLatin1(oathtool.readAllStandardOutput()).trimmed();
}

HttpResult TestCsApiMfa::login(const QString &email)
{
    return HttpClient(server().port())
        .post(QStringLiteral("/api/cs/auth/login"),
            {{QStringLiteral("email"), email}, {QStringLiteral("password"), kPassword},
                {QStringLiteral("device"), QStringLiteral("test")}});
}

HttpResult TestCsApiMfa::secondStep(const QString &challenge, const QString &code)
{
    return HttpClient(server().port())
        .post(QStringLiteral("/api/cs/auth/login/mfa"),
            {{QStringLiteral("challenge"), challenge}, {QStringLiteral("code"), code}});
}

QString TestCsApiMfa::enrolDan()
{
    HttpClient dan(server().port(), str(login(), "token").toLatin1());
    const HttpResult enrolled = dan.post(QStringLiteral("/api/cs/agents/me/mfa"), {});
    if (enrolled.status != 201)
        return {};
    const QString secret = str(enrolled, "secret");
    const HttpResult confirmed
        = dan.post(QStringLiteral("/api/cs/agents/me/mfa/confirm"), {{QStringLiteral("code"), oathCode(secret)}});
    if (confirmed.status != 200)
        return {};
    m_clock.advanceSecs(30); // the confirming code's step is used up
    return secret;
}

void TestCsApiMfa::enrolmentThenLoginInTwoSteps()
{
    HttpClient dan(server().port(), str(login(), "token").toLatin1());
    const HttpResult enrolled = dan.post(QStringLiteral("/api/cs/agents/me/mfa"), {});
    QCOMPARE(enrolled.status, 201);
    const QString secret = str(enrolled, "secret");
    QCOMPARE(secret.size(), 32); // 20 bytes in base32
    QVERIFY(str(enrolled, "otpauthUrl").startsWith(QLatin1String("otpauth://totp/Tierdesk:dan@example.com?secret=")));
    QVERIFY(str(enrolled, "otpauthUrl").contains(QLatin1String("secret=") + secret));
    // Not on until confirmed: a login still needs no second step.
    QVERIFY(login().json().contains(QLatin1String("token")));

    const HttpResult wrong
        = dan.post(QStringLiteral("/api/cs/agents/me/mfa/confirm"), {{QStringLiteral("code"), oathCode(secret, 3600)}});
    QCOMPARE(wrong.status, 400);
    QCOMPARE(wrong.error().value(QLatin1String("details")).toObject().value(QLatin1String("field")).toString(),
        QStringLiteral("code"));
    const HttpResult confirmed
        = dan.post(QStringLiteral("/api/cs/agents/me/mfa/confirm"), {{QStringLiteral("code"), oathCode(secret)}});
    QCOMPARE(confirmed.status, 200);
    const QJsonArray codes = confirmed.json().value(QLatin1String("recoveryCodes")).toArray();
    QCOMPARE(codes.size(), 10);
    QSet<QString> distinct;
    for (const QJsonValue &c : codes)
        distinct.insert(c.toString());
    QCOMPARE(distinct.size(), 10);
    QCOMPARE(server()
                 .scalar(QStringLiteral("SELECT count(*) FROM agent_recovery_codes WHERE agent_id = ?"), {m_danId})
                 .toInt(),
        10);
    // Stored hashed, the secret sealed.
    QCOMPARE(server()
                 .scalar(QStringLiteral("SELECT count(*) FROM agent_recovery_codes WHERE code_hash = ?"),
                     {codes.at(0).toString()})
                 .toInt(),
        0);
    QVERIFY(!server()
                 .scalar(QStringLiteral("SELECT mfa_secret FROM agents WHERE id = ?"), {m_danId})
                 .toString()
                 .contains(secret));
    QCOMPARE(dan.get(QStringLiteral("/api/cs/auth/me"))
                 .json()
                 .value(QLatin1String("agent"))
                 .toObject()
                 .value(QLatin1String("mfa"))
                 .toObject()
                 .value(QLatin1String("enabled"))
                 .toBool(),
        true);
    QCOMPARE(dan.post(QStringLiteral("/api/cs/agents/me/mfa"), {}).status, 409); // one at a time

    m_clock.advanceSecs(30);
    const HttpResult first = login();
    QCOMPARE(first.status, 200);
    QCOMPARE(first.json().value(QLatin1String("mfaRequired")).toBool(), true);
    QVERIFY(!first.json().contains(QLatin1String("token")));
    const QString challenge = str(first, "challenge");
    QVERIFY(!challenge.isEmpty());
    // The challenge is no bearer token.
    QCOMPARE(HttpClient(server().port(), challenge.toLatin1()).get(QStringLiteral("/api/cs/auth/me")).status, 401);
    const HttpResult second = secondStep(challenge, oathCode(secret));
    QCOMPARE(second.status, 200);
    const QByteArray token = str(second, "token").toLatin1();
    HttpClient signedIn(server().port(), token);
    QCOMPARE(signedIn.get(QStringLiteral("/api/cs/sessions?companyId=") + server().companyId()).status, 200);
    const QJsonArray sessions
        = signedIn.get(QStringLiteral("/api/cs/auth/sessions")).json().value(QLatin1String("sessions")).toArray();
    bool foundMfa = false;
    for (const QJsonValue &s : sessions)
        if (s.toObject().value(QLatin1String("current")).toBool())
            foundMfa = s.toObject().value(QLatin1String("method")).toString() == QLatin1String("mfa")
                && s.toObject().value(QLatin1String("device")).toString() == QLatin1String("test");
    QVERIFY(foundMfa);
}

void TestCsApiMfa::aCodeWorksOnceWithOneStepOfDrift()
{
    const QString secret = enrolDan();
    QVERIFY(!secret.isEmpty());
    const QString code = oathCode(secret);
    QCOMPARE(secondStep(str(login(), "challenge"), code).status, 200);
    // The same code again, within its window: refused.
    const HttpResult replay = secondStep(str(login(), "challenge"), code);
    QCOMPARE(replay.status, 401);
    QCOMPARE(replay.errorCode(), QStringLiteral("CS_012"));
    // A phone a step ahead is accepted...
    QCOMPARE(secondStep(str(login(), "challenge"), oathCode(secret, 30)).status, 200);
    // ... and after it, nothing older.
    m_clock.advanceSecs(60);
    QCOMPARE(secondStep(str(login(), "challenge"), oathCode(secret, -30)).status, 401);
    // Two steps behind is too far.
    m_clock.advanceSecs(30);
    QCOMPARE(secondStep(str(login(), "challenge"), oathCode(secret, -60)).status, 401);
    QCOMPARE(secondStep(str(login(), "challenge"), oathCode(secret)).status, 200);
}

void TestCsApiMfa::recoveryCodesWorkOnce()
{
    HttpClient dan(server().port(), str(login(), "token").toLatin1());
    const QString secret = str(dan.post(QStringLiteral("/api/cs/agents/me/mfa"), {}), "secret");
    const QJsonArray codes
        = dan.post(QStringLiteral("/api/cs/agents/me/mfa/confirm"), {{QStringLiteral("code"), oathCode(secret)}})
              .json()
              .value(QLatin1String("recoveryCodes"))
              .toArray();
    QCOMPARE(codes.size(), 10);
    const QString code = codes.at(3).toString();
    QVERIFY(QRegularExpression(QStringLiteral("^[a-z2-7]{4}-[a-z2-7]{4}-[a-z2-7]{4}$")).match(code).hasMatch());
    const HttpResult used = secondStep(str(login(), "challenge"), code.toUpper()); // case does not matter
    QCOMPARE(used.status, 200);
    QCOMPARE(used.json().value(QLatin1String("recoveryCodesLeft")).toInt(), 9);
    QCOMPARE(secondStep(str(login(), "challenge"), code).status, 401);
    QCOMPARE(server()
                 .scalar(QStringLiteral("SELECT count(*) FROM audit_log WHERE action = 'auth.login_failed'"
                                        " AND details LIKE '%second factor%'"))
                 .toInt(),
        1);
}

void TestCsApiMfa::companyRequiresASecondFactor()
{
    HttpClient admin(server().port(), m_adminToken);
    QCOMPARE(admin
                 .put(QStringLiteral("/api/cs/config"),
                     {{QStringLiteral("companyId"), server().companyId()},
                         {QStringLiteral("auth"), QJsonObject{{QStringLiteral("requireMfa"), true}}}})
                 .status,
        200);
    const HttpResult first = login();
    QCOMPARE(first.status, 200);
    QCOMPARE(first.json().value(QLatin1String("mfaSetupRequired")).toBool(), true);
    HttpClient dan(server().port(), str(first, "token").toLatin1());
    // Nothing but setting one up.
    const HttpResult refused = dan.get(QStringLiteral("/api/cs/sessions?companyId=") + server().companyId());
    QCOMPARE(refused.status, 403);
    QCOMPARE(refused.error().value(QLatin1String("details")).toObject().value(QLatin1String("reason")).toString(),
        QStringLiteral("mfa setup required"));
    QCOMPARE(dan.get(QStringLiteral("/api/cs/queue")).status, 403);
    QCOMPARE(dan.get(QStringLiteral("/api/cs/auth/me")).status, 200);
    const QString secret = str(dan.post(QStringLiteral("/api/cs/agents/me/mfa"), {}), "secret");
    const HttpResult confirmed
        = dan.post(QStringLiteral("/api/cs/agents/me/mfa/confirm"), {{QStringLiteral("code"), oathCode(secret)}});
    QCOMPARE(confirmed.status, 200);
    QCOMPARE(confirmed.json().value(QLatin1String("recoveryCodes")).toArray().size(), 10);
    // The answer is a full login in place of the one that could only set a factor up.
    HttpClient full(server().port(), str(confirmed, "token").toLatin1());
    QCOMPARE(full.get(QStringLiteral("/api/cs/sessions?companyId=") + server().companyId()).status, 200);
    QCOMPARE(dan.get(QStringLiteral("/api/cs/auth/me")).status, 401);
    // While it is required, the factor cannot be dropped.
    m_clock.advanceSecs(30);
    const HttpResult drop = full.send("DELETE", QStringLiteral("/api/cs/agents/me/mfa"),
        QJsonDocument(QJsonObject{{QStringLiteral("code"), oathCode(secret)}}).toJson());
    QCOMPARE(drop.status, 409);
    // The admin (no factor yet) is asked too.
    QCOMPARE(login(QStringLiteral("ada@example.com")).json().value(QLatin1String("mfaSetupRequired")).toBool(), true);
}

void TestCsApiMfa::wrongCodesCountIntoTheLoginThrottle()
{
    const QString secret = enrolDan();
    QVERIFY(!secret.isEmpty());
    const QString challenge = str(login(), "challenge");
    for (int i = 0; i < 5; ++i)
        QCOMPARE(secondStep(challenge,
                     QStringLiteral("000000") == oathCode(secret) ? QStringLiteral("111111") : QStringLiteral("000000"))
                     .status,
            401);
    const HttpResult throttled = secondStep(challenge, oathCode(secret));
    QCOMPARE(throttled.status, 429);
    QVERIFY(throttled.hasHeader("Retry-After"));
    QCOMPARE(login().status, 429); // the password too
}

void TestCsApiMfa::adminRemovesAnAgentsFactor()
{
    QVERIFY(!enrolDan().isEmpty());
    HttpClient admin(server().port(), m_adminToken);
    QCOMPARE(admin.del(QStringLiteral("/api/cs/agents/") + m_danId + QStringLiteral("/mfa")).status, 204);
    QCOMPARE(
        server().scalar(QStringLiteral("SELECT count(*) FROM audit_log WHERE action = 'auth.mfa_remove'")).toInt(), 1);
    QVERIFY(login().json().contains(QLatin1String("token")));
    QCOMPARE(server()
                 .scalar(QStringLiteral("SELECT count(*) FROM agent_recovery_codes WHERE agent_id = ?"), {m_danId})
                 .toInt(),
        0);
    HttpClient dan(server().port(), str(login(), "token").toLatin1());
    QCOMPARE(dan.del(QStringLiteral("/api/cs/agents/") + m_danId + QStringLiteral("/mfa")).status, 403);
    QCOMPARE(admin.del(QStringLiteral("/api/cs/agents/agt_nobody/mfa")).status, 404);
}

void TestCsApiMfa::agentRemovesTheirOwnFactor()
{
    const QString secret = enrolDan();
    const HttpResult second = secondStep(str(login(), "challenge"), oathCode(secret));
    HttpClient dan(server().port(), str(second, "token").toLatin1());
    const HttpResult wrong = dan.send("DELETE", QStringLiteral("/api/cs/agents/me/mfa"),
        QJsonDocument(QJsonObject{{QStringLiteral("code"), QStringLiteral("123")}}).toJson());
    QCOMPARE(wrong.status, 400);
    m_clock.advanceSecs(30);
    const HttpResult removed = dan.send("DELETE", QStringLiteral("/api/cs/agents/me/mfa"),
        QJsonDocument(QJsonObject{{QStringLiteral("code"), oathCode(secret)}}).toJson());
    QCOMPARE(removed.status, 204);
    QVERIFY(login().json().contains(QLatin1String("token")));
}

void TestCsApiMfa::badChallengesAndCodesAreRefused()
{
    const QString secret = enrolDan();
    const QString challenge = str(login(), "challenge");
    QCOMPARE(secondStep(QStringLiteral("nonsense"), oathCode(secret)).status, 401);
    QCOMPARE(secondStep(QString(), oathCode(secret)).status, 400);
    QCOMPARE(secondStep(challenge, QString()).status, 400);
    QCOMPARE(secondStep(challenge, QString(100, QLatin1Char('1'))).status, 400);
    // A bearer token is no challenge.
    QCOMPARE(secondStep(QString::fromLatin1(m_adminToken), oathCode(secret)).status, 401);
    // A challenge lasts five minutes.
    m_clock.advanceSecs(301);
    QCOMPARE(secondStep(challenge, oathCode(secret)).status, 401);
}

QTEST_GUILESS_MAIN(TestCsApiMfa)
#include "tst_csapi_mfa.moc"
