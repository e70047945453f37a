// The platform services' door on a real server on 127.0.0.1 (seed 000): AWS SigV4
// signatures with keys Tierdesk issued, refusals in API Gateway's error body
// (audited), GET /api/release-notes, and the server's own errors under its paths.
#include "tests/api/platform/PlatformTestSupport.h"
#include "tests/support/FakeClock.h"

#include <QDateTime>
#include <QJsonArray>
#include <QTest>

using namespace tierdesk;
using namespace tierdesk::test;

class TestPlatformApiAuth : public QObject {
    Q_OBJECT

private slots:
    void init();
    void cleanup();
    // First: the route read its notes once, and kept them, in the code before.
    void missingReleaseNotesAreTheTablesInternalError();
    void releaseNotesListTheProgramsVersions();
    void keyOfAnotherRegionSigns();
    void unsignedRequestIsRefused();
    void wrongSecretIsRefusedAndAudited();
    void changedBodyIsRefused();
    void dateSixMinutesOffIsRefused();
    void dateFourMinutesOffIsAccepted();
    void revokedKeyIsRefused();
    void unknownPathTakesApiGatewaysErrorBody();
    void wrongMethodTakesApiGatewaysErrorBody();
    void repeatedRefusalsAreThrottled();
    void eachKeyHasItsRateLimit();

private:
    qlonglong authFailures(const QString &company = {});

    std::unique_ptr<ServerFixture> m_fixture;
    ServerFixture &server() { return *m_fixture; }
    SigV4Key m_key;
};

void TestPlatformApiAuth::init()
{
    m_fixture = std::make_unique<ServerFixture>();
    QString error;
    QVERIFY2(server().start({}, false, &error), qPrintable(error));
    m_key = issueSigV4Key(server());
    QVERIFY(m_key.isValid());
}

void TestPlatformApiAuth::cleanup()
{
    m_fixture.reset();
}

qlonglong TestPlatformApiAuth::authFailures(const QString &company)
{
    if (company.isEmpty())
        return server()
            .scalar(QStringLiteral("SELECT count(*) FROM audit_log WHERE action = 'auth.failed'"))
            .toLongLong();
    return server()
        .scalar(
            QStringLiteral("SELECT count(*) FROM audit_log WHERE action = 'auth.failed' AND company_id = ?"), {company})
        .toLongLong();
}

// Without :/release-notes.json (the build's resources taken away) the route answers as
// the table answers our own faults: 500, and never our words.
void TestPlatformApiAuth::missingReleaseNotesAreTheTablesInternalError()
{
    PlatformClient client(server().port(), m_key);
    Q_CLEANUP_RESOURCE(tierdesk_defaults);
    HttpResult r = client.get(QStringLiteral("/api/release-notes"));
    Q_INIT_RESOURCE(tierdesk_defaults);
    QVERIFY2(checkPlatformError(r, 500, QStringLiteral("InternalServerErrorException")).isEmpty(), describe(r));
    QCOMPARE(r.json().value(QLatin1String("message")).toString(), QStringLiteral("Internal server error"));
    r = client.get(QStringLiteral("/api/release-notes"));
    QVERIFY2(r.status == 200, describe(r));
}

void TestPlatformApiAuth::releaseNotesListTheProgramsVersions()
{
    PlatformClient client(server().port(), m_key);
    const HttpResult r = client.get(QStringLiteral("/api/release-notes"));
    QVERIFY2(r.status == 200, describe(r));
    const QJsonObject o = r.json();
    QCOMPARE(o.value(QLatin1String("current_version")).toString(), QStringLiteral(TIERDESK_VERSION));
    const QJsonArray releases = o.value(QLatin1String("releases")).toArray();
    QVERIFY(!releases.isEmpty());
    bool listsCurrent = false;
    for (const QJsonValue &v : releases) {
        const QJsonObject rel = v.toObject();
        QVERIFY(!rel.value(QLatin1String("highlights")).toArray().isEmpty());
        listsCurrent
            = listsCurrent || rel.value(QLatin1String("version")).toString() == QStringLiteral(TIERDESK_VERSION);
    }
    QVERIFY2(listsCurrent, "the running version is not among the releases");
}

void TestPlatformApiAuth::keyOfAnotherRegionSigns()
{
    const SigV4Key frankfurt = issueSigV4Key(server(), {}, QStringLiteral("eu-central-1"));
    QVERIFY(frankfurt.isValid());
    QCOMPARE(frankfurt.region, QByteArray("eu-central-1"));
    PlatformClient client(server().port(), frankfurt);
    QVERIFY2(client.get(QStringLiteral("/api/release-notes")).status == 200, "a key signs for its own region");
    SigV4Key wrongRegion = frankfurt;
    wrongRegion.region = "us-west-2";
    client.setKey(wrongRegion);
    const HttpResult r = client.get(QStringLiteral("/api/release-notes"));
    const QString problem = checkPlatformError(r, 403, QStringLiteral("InvalidSignatureException"));
    QVERIFY2(problem.isEmpty(), qPrintable(problem));
}

void TestPlatformApiAuth::unsignedRequestIsRefused()
{
    PlatformClient client(server().port(), m_key);
    const HttpResult r = client.sendUnsigned("GET", QStringLiteral("/api/release-notes"));
    const QString problem = checkPlatformError(r, 403, QStringLiteral("MissingAuthenticationTokenException"));
    QVERIFY2(problem.isEmpty(), qPrintable(problem));
    QCOMPARE(r.json().value(QLatin1String("message")).toString(), QStringLiteral("Missing Authentication Token"));
}

void TestPlatformApiAuth::wrongSecretIsRefusedAndAudited()
{
    const qlonglong before = authFailures(server().companyId());
    SigV4Key wrong = m_key;
    wrong.secretAccessKey[0] = wrong.secretAccessKey.at(0) == 'A' ? 'B' : 'A';
    PlatformClient client(server().port(), wrong);
    const HttpResult r = client.get(QStringLiteral("/api/release-notes"));
    const QString problem = checkPlatformError(r, 403, QStringLiteral("InvalidSignatureException"));
    QVERIFY2(problem.isEmpty(), qPrintable(problem));
    QVERIFY(r.json().value(QLatin1String("message")).toString().contains(QLatin1String("does not match")));
    // The key exists: its company's log shows the attempt, with the reason.
    QCOMPARE(authFailures(server().companyId()), before + 1);
    const QString details = server()
                                .scalar(QStringLiteral("SELECT details FROM audit_log WHERE action = 'auth.failed' "
                                                       "ORDER BY rowid DESC LIMIT 1"))
                                .toString();
    QVERIFY2(details.contains(QLatin1String("wrong_signature")), qPrintable(details));
    QVERIFY2(details.contains(QLatin1String("platform")), qPrintable(details));
    QVERIFY2(!details.contains(QString::fromLatin1(m_key.secretAccessKey)), "the secret is not logged");
}

void TestPlatformApiAuth::changedBodyIsRefused()
{
    PlatformClient client(server().port(), m_key);
    const HttpResult r = client.sendTampered("GET", QStringLiteral("/api/release-notes"), R"({"a":1})", R"({"a":2})");
    const QString problem = checkPlatformError(r, 403, QStringLiteral("InvalidSignatureException"));
    QVERIFY2(problem.isEmpty(), qPrintable(problem));
}

void TestPlatformApiAuth::dateSixMinutesOffIsRefused()
{
    PlatformClient client(server().port(), m_key);
    for (const qint64 offset : {-360, 360}) {
        client.setClockOffsetSecs(offset);
        const HttpResult r = client.get(QStringLiteral("/api/release-notes"));
        const QString problem = checkPlatformError(r, 403, QStringLiteral("InvalidSignatureException"));
        QVERIFY2(problem.isEmpty(), qPrintable(problem));
        QVERIFY2(r.json().value(QLatin1String("message")).toString().startsWith(QLatin1String("Signature expired")),
            r.body.constData());
    }
}

void TestPlatformApiAuth::dateFourMinutesOffIsAccepted()
{
    PlatformClient client(server().port(), m_key);
    client.setClockOffsetSecs(-240);
    const HttpResult r = client.get(QStringLiteral("/api/release-notes"));
    QVERIFY2(r.status == 200, describe(r));
}

void TestPlatformApiAuth::revokedKeyIsRefused()
{
    auto admin = server().client(api::Role::Admin);
    const HttpResult list = admin->get(QStringLiteral("/api/cs/tokens"));
    QVERIFY2(list.status == 200, describe(list));
    QString id;
    for (const QJsonValue &v : list.json().value(QLatin1String("tokens")).toArray())
        if (v.toObject().value(QLatin1String("accessKeyId")).toString() == QString::fromLatin1(m_key.accessKeyId))
            id = v.toObject().value(QLatin1String("id")).toString();
    QVERIFY2(!id.isEmpty(), list.body.constData());
    QVERIFY(admin->del(QStringLiteral("/api/cs/tokens/") + id).status < 300);
    PlatformClient client(server().port(), m_key);
    const HttpResult r = client.get(QStringLiteral("/api/release-notes"));
    const QString problem = checkPlatformError(r, 403, QStringLiteral("UnrecognizedClientException"));
    QVERIFY2(problem.isEmpty(), qPrintable(problem));
}

void TestPlatformApiAuth::unknownPathTakesApiGatewaysErrorBody()
{
    PlatformClient client(server().port(), m_key);
    const HttpResult r = client.get(QStringLiteral("/knowledge/nothing/here"));
    const QString problem = checkPlatformError(r, 404, QStringLiteral("NotFoundException"));
    QVERIFY2(problem.isEmpty(), qPrintable(problem));
}

void TestPlatformApiAuth::wrongMethodTakesApiGatewaysErrorBody()
{
    PlatformClient client(server().port(), m_key);
    const HttpResult r = client.send("DELETE", QStringLiteral("/sentiment/analyze"), {});
    const QString problem = checkPlatformError(r, 405, QStringLiteral("MethodNotAllowedException"));
    QVERIFY2(problem.isEmpty(), qPrintable(problem));
}

void TestPlatformApiAuth::repeatedRefusalsAreThrottled()
{
    SigV4Key wrong = m_key;
    wrong.secretAccessKey.append('x');
    PlatformClient guesser(server().port(), wrong);
    int refused = 0;
    HttpResult r;
    for (int i = 0; i < 30 && r.status != 429; ++i) {
        r = guesser.get(QStringLiteral("/api/release-notes"));
        refused += r.status == 403 ? 1 : 0;
    }
    // auth/maxFailures (20) refusals, then 429 for the address, whatever it sends.
    QCOMPARE(refused, 20);
    QString problem = checkPlatformError(r, 429, QStringLiteral("TooManyRequestsException"));
    QVERIFY2(problem.isEmpty(), qPrintable(problem));
    QVERIFY(r.hasHeader("retry-after"));
    PlatformClient honest(server().port(), m_key);
    problem = checkPlatformError(
        honest.get(QStringLiteral("/api/release-notes")), 429, QStringLiteral("TooManyRequestsException"));
    QVERIFY2(problem.isEmpty(), qPrintable(problem));
}

void TestPlatformApiAuth::eachKeyHasItsRateLimit()
{
    FakeClock clock(QDateTime::currentDateTimeUtc()); // a window must not roll over mid-test
    ServerFixture limited;
    limited.setClock(&clock);
    QString error;
    QVERIFY2(limited.start("[rateLimit]\nplatformPerKey=3\n", true, &error), qPrintable(error));
    const SigV4Key first = issueSigV4Key(limited), second = issueSigV4Key(limited);
    QVERIFY(first.isValid() && second.isValid());
    PlatformClient client(limited.port(), first);
    for (int i = 0; i < 3; ++i)
        QCOMPARE(client.get(QStringLiteral("/api/release-notes")).status, 200);
    const HttpResult r = client.get(QStringLiteral("/api/release-notes"));
    const QString problem = checkPlatformError(r, 429, QStringLiteral("TooManyRequestsException"));
    QVERIFY2(problem.isEmpty(), qPrintable(problem));
    QVERIFY(r.hasHeader("retry-after"));
    // Another key of the same company counts on its own.
    PlatformClient other(limited.port(), second);
    QCOMPARE(other.get(QStringLiteral("/api/release-notes")).status, 200);
}

QTEST_GUILESS_MAIN(TestPlatformApiAuth)
#include "tst_platformapi_auth.moc"
