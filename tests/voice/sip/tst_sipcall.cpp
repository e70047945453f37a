// A SIP call to a running server, end to end on 127.0.0.1: `serve --sip-port`'s door (SipDoor,
// SipCallLink) with the engine. Debian's baresip dials the company's number with Flite's words as
// its microphone; the session gets the caller's recognised words as a customer message (the caller
// known by their phone number), and baresip's recording of the AI is recognised by PocketSphinx. An
// unknown number is refused (404), a full house is busy (486).
#include "tests/api/ApiTestSupport.h"

#include "core/voice/SpeechRecognizer.h"
#include "core/voice/SpeechSynthesizer.h"
#include "tests/voice/CallerAudio.h"

#include "core/voice/sip/SipDigest.h"
#include "tests/voice/sip/Baresip.h"
#include "tests/voice/sip/SipProbe.h"

#include <QFile>
#include <QMap>
#include <QRegularExpression>
#include <QStandardPaths>
#include <QTest>

using namespace tierdesk;
using namespace tierdesk::test;

namespace {

const QString kNumber = QStringLiteral("+15550100");

voice::Pcm said(const QString &text)
{
    return voice::SpeechSynthesizer(voice::SpeechSynthesizer::Voice::Rms).synthesize(text);
}

// The resident memory of this process (the server runs in it), from /proc.
qint64 residentKb()
{
    QFile status(QStringLiteral("/proc/self/status"));
    if (!status.open(QIODevice::ReadOnly))
        return -1;
    const QRegularExpressionMatch rss
        = QRegularExpression(QStringLiteral("VmRSS:\\s+(\\d+) kB")).match(QString::fromLatin1(status.readAll()));
    return rss.captured(1).toLongLong();
}

} // namespace

class TestSipCall : public QObject {
    Q_OBJECT

private slots:
    void initTestCase();
    void init();
    void cleanup();
    void knownCallerTalksWithTheAi();
    void unknownNumberIsRefused();
    void busyWhenEveryLineIsTaken();
    void aResolvedCallIsRatedOnTheKeypad();
    void onlyAllowedSourcesMayCall();
    void digestWithSha256AndAReplayedNonce();
    void baresipAnswersAnMd5Challenge();
    void silentCallsCostLittleAndEndSoon();
    void aFloodFromOneSourceLeavesLinesForOthers();

private:
    bool start(const QByteArray &ini = {});
    HttpResult putSip(const QJsonObject &sip);
    int voiceSessions()
    {
        return m_server->scalar(QStringLiteral("SELECT count(*) FROM sessions WHERE channel = 'voice'")).toInt();
    }
    QString sipUri(const QString &number) const
    {
        return QStringLiteral("sip:%1@127.0.0.1:%2").arg(number).arg(m_server->host().sipPort());
    }

    std::unique_ptr<ServerFixture> m_server;
};

void TestSipCall::initTestCase()
{
    if (QStandardPaths::findExecutable(QStringLiteral("baresip")).isEmpty())
        QFAIL("baresip is not installed (Debian's baresip-core, scripts/install-deps.sh)");
}

void TestSipCall::init()
{
    m_server = std::make_unique<ServerFixture>();
}

void TestSipCall::cleanup()
{
    m_server.reset();
}

bool TestSipCall::start(const QByteArray &ini)
{
    m_server->setSip(true);
    QString error;
    if (!m_server->start(ini, true, &error)) {
        qWarning() << error;
        return false;
    }
    auto admin = m_server->client(api::Role::Admin);
    const HttpResult config = admin->put(QStringLiteral("/api/cs/config"),
        QJsonObject{{QStringLiteral("companyId"), m_server->companyId()},
            {QStringLiteral("voice"), QJsonObject{{QStringLiteral("numbers"), QJsonArray{kNumber}}}}});
    return config.status == 200 && m_server->host().sipPort() != 0;
}

void TestSipCall::knownCallerTalksWithTheAi()
{
    QVERIFY(start());
    auto admin = m_server->client(api::Role::Admin);
    const HttpResult customer
        = admin->put(QStringLiteral("/api/cs/customers/cust_pat?companyId=") + m_server->companyId(),
            QJsonObject{{QStringLiteral("name"), QStringLiteral("Pat Caller")},
                {QStringLiteral("phone"), QStringLiteral("+1 555 123 4567")}});
    QVERIFY2(customer.status == 201, describe(customer));
    // The greeting plays to the quiet caller, who then asks for a person and listens to the answer
    // until the microphone file ends and baresip hangs up.
    Baresip caller(QStringLiteral("g722"),
        join({voice::silence(6000), said(QStringLiteral("i want to talk to a person")), voice::silence(9000)}), 16000,
        1, QStringLiteral("+15551234567"));
    QVERIFY(caller.dial(sipUri(kNumber)));
    QVERIFY2(!caller.waitForEvent(QStringLiteral("CALL_ESTABLISHED")).isEmpty(), qPrintable(caller.output()));
    QVERIFY2(!caller.waitForEvent(QStringLiteral("CALL_CLOSED"), 60000).isEmpty(), qPrintable(caller.output()));
    QVERIFY(caller.quit());

    const QString sessionId
        = m_server
              ->scalar(QStringLiteral("SELECT id FROM sessions WHERE channel = 'voice' AND customer_id = ?"),
                  {QStringLiteral("cust_pat")})
              .toString();
    QVERIFY2(!sessionId.isEmpty(), "the caller's phone number names the customer");
    QTRY_VERIFY_WITH_TIMEOUT(m_server->scalar(QStringLiteral("SELECT metadata FROM sessions WHERE id = ?"), {sessionId})
                                 .toString()
                                 .contains(QLatin1String("\"callEnded\":\"hangup\"")),
        10000);
    const QString heard = m_server
                              ->scalar(QStringLiteral("SELECT content FROM messages WHERE session_id = ? AND role = "
                                                      "'customer' ORDER BY seq LIMIT 1"),
                                  {sessionId})
                              .toString();
    QVERIFY2(heard.contains(QLatin1String("person")), qPrintable(heard));
    // The call is logged with its door and the caller's number, and recorded (recordCalls is on).
    QTRY_COMPARE_WITH_TIMEOUT(
        m_server
            ->scalar(QStringLiteral("SELECT door || ' ' || caller_number FROM calls WHERE session_id = ?"), {sessionId})
            .toString(),
        QStringLiteral("sip +15551234567"), 10000);
    const QString recording
        = m_server->scalar(QStringLiteral("SELECT recording_path FROM calls WHERE session_id = ?"), {sessionId})
              .toString();
    QVERIFY2(!recording.isEmpty(), "the call is recorded");
    // What the caller heard: the greeting ("... How can I help you today?") and the answer.
    const QString words = recognised(caller.heard());
    QVERIFY2(words.contains(QLatin1String("help")), qPrintable(words));
    QVERIFY2(
        words.contains(QLatin1String("person")) || words.contains(QLatin1String("conversation")), qPrintable(words));
}

void TestSipCall::unknownNumberIsRefused()
{
    QVERIFY(start());
    Baresip caller(QStringLiteral("g722"), voice::silence(5000), 16000);
    QVERIFY(caller.dial(sipUri(QStringLiteral("+15559999"))));
    const QJsonObject closed = caller.waitForEvent(QStringLiteral("CALL_CLOSED"));
    QVERIFY2(closed.value(QLatin1String("param")).toString().contains(QLatin1String("404")),
        qPrintable(QString::fromUtf8(QJsonDocument(closed).toJson()) + caller.output()));
    QVERIFY(caller.quit());
    QCOMPARE(m_server->scalar(QStringLiteral("SELECT count(*) FROM sessions WHERE channel = 'voice'")).toInt(), 0);
}

void TestSipCall::busyWhenEveryLineIsTaken()
{
    QVERIFY(start("[voice]\nmaxCalls=1\n"));
    SipProbe first(m_server->host().sipPort());
    first.invite(kNumber.mid(1), SipProbe::pcmuOffer(40010)); // as a trunk may dial it, without the +
    QCOMPARE(first.waitForFinal(), 200);
    SipProbe second(m_server->host().sipPort());
    second.invite(kNumber, SipProbe::pcmuOffer(40020));
    QCOMPARE(second.waitForFinal(), 486);
}

// Resolved through the API while the caller is on the line: the call asks for a rating, baresip
// presses 4 (an RFC 4733 event), the session is rated 4 and the call thanks the caller and hangs up.
void TestSipCall::aResolvedCallIsRatedOnTheKeypad()
{
    QVERIFY(start());
    auto admin = m_server->client(api::Role::Admin);
    const HttpResult customer
        = admin->put(QStringLiteral("/api/cs/customers/cust_kim?companyId=") + m_server->companyId(),
            QJsonObject{{QStringLiteral("name"), QStringLiteral("Kim Keys")},
                {QStringLiteral("phone"), QStringLiteral("+1 555 765 4321")}});
    QVERIFY2(customer.status == 201, describe(customer));
    Baresip caller(QStringLiteral("g711"), voice::silence(60000), 8000, 1, QStringLiteral("+15557654321"));
    QVERIFY(caller.dial(sipUri(kNumber)));
    QVERIFY2(!caller.waitForEvent(QStringLiteral("CALL_ESTABLISHED")).isEmpty(), qPrintable(caller.output()));
    const auto sessionOfCall = [this] {
        return m_server
            ->scalar(QStringLiteral("SELECT id FROM sessions WHERE channel = 'voice' AND customer_id = ?"),
                {QStringLiteral("cust_kim")})
            .toString();
    };
    QTRY_VERIFY_WITH_TIMEOUT(!sessionOfCall().isEmpty(), 10000);
    const QString sessionId = sessionOfCall();
    const HttpResult resolved = admin->post(QStringLiteral("/api/cs/sessions/%1/resolve").arg(sessionId),
        {{QStringLiteral("resolutionType"), QStringLiteral("ISSUE_RESOLVED")}});
    QVERIFY2(resolved.status == 200, describe(resolved));
    QTRY_COMPARE_WITH_TIMEOUT(
        m_server->scalar(QStringLiteral("SELECT kind FROM surveys WHERE session_id = ?"), {sessionId}).toString(),
        QStringLiteral("voice"), 10000);
    QVERIFY(caller.command(QStringLiteral("sndcode"), QStringLiteral("4")));
    QVERIFY2(!caller.waitForEvent(QStringLiteral("CALL_CLOSED"), 60000).isEmpty(), qPrintable(caller.output()));
    QVERIFY(caller.quit());
    QCOMPARE(m_server->scalar(QStringLiteral("SELECT rating FROM session_ratings WHERE session_id = ?"), {sessionId})
                 .toInt(),
        4);
    QCOMPARE(
        m_server->scalar(QStringLiteral("SELECT rating FROM surveys WHERE session_id = ?"), {sessionId}).toInt(), 4);
    QTRY_VERIFY_WITH_TIMEOUT(m_server->scalar(QStringLiteral("SELECT metadata FROM sessions WHERE id = ?"), {sessionId})
                                 .toString()
                                 .contains(QLatin1String("\"callEnded\":\"goodbye\"")),
        10000);
}

HttpResult TestSipCall::putSip(const QJsonObject &sip)
{
    return m_server->client(api::Role::Admin)
        ->put(QStringLiteral("/api/cs/config"),
            QJsonObject{{QStringLiteral("companyId"), m_server->companyId()},
                {QStringLiteral("voice"), QJsonObject{{QStringLiteral("sip"), sip}}}});
}

// voice.sip.allowedSources: an INVITE from elsewhere is 403 and starts nothing; the trunk's address
// is answered, and once trusted its calls are not held to the per-source share of the lines.
void TestSipCall::onlyAllowedSourcesMayCall()
{
    QVERIFY(start("[voice]\nmaxCallsPerSource=1\n"));
    const HttpResult bad = putSip({{QStringLiteral("allowedSources"), QJsonArray{QStringLiteral("trunk.example")}}});
    QCOMPARE(bad.status, 400);
    QVERIFY2(describe(bad).contains("voice.sip.allowedSources"), describe(bad));
    const HttpResult allowed = putSip(
        {{QStringLiteral("allowedSources"), QJsonArray{QStringLiteral("127.0.0.2"), QStringLiteral("10.0.0.0/8")}}});
    QVERIFY2(allowed.status == 200, describe(allowed));

    SipProbe stranger(m_server->host().sipPort());
    stranger.invite(kNumber, SipProbe::pcmuOffer(40110));
    QCOMPARE(stranger.waitForFinal(), 403);
    SipProbe trunk(m_server->host().sipPort(), QHostAddress(QStringLiteral("127.0.0.2")));
    trunk.invite(kNumber, SipProbe::pcmuOffer(40120));
    QCOMPARE(trunk.waitForFinal(), 200);
    trunk.ack();
    SipProbe second(m_server->host().sipPort(), QHostAddress(QStringLiteral("127.0.0.2")));
    second.invite(kNumber, SipProbe::pcmuOffer(40124));
    QCOMPARE(second.waitForFinal(), 200); // over maxCallsPerSource=1: the trunk is trusted
    second.ack();
    QTRY_COMPARE_WITH_TIMEOUT(voiceSessions(), 2, 10000);
    QCOMPARE(m_server->scalar(QStringLiteral("SELECT count(*) FROM calls")).toInt(), 2); // none for the stranger
}

// voice.sip.digest: no credentials is a challenge (SHA-256 first, then MD5); a right SHA-256 answer
// is a call; the same answer again (a replayed nonce) is challenged afresh, a wrong password is 403.
// The password is sealed in the database and never shown.
void TestSipCall::digestWithSha256AndAReplayedNonce()
{
    QVERIFY(start());
    const HttpResult noPassword
        = putSip({{QStringLiteral("digest"), QJsonObject{{QStringLiteral("username"), QStringLiteral("trunk")}}}});
    QCOMPARE(noPassword.status, 400);
    QVERIFY2(describe(noPassword).contains("voice.sip.digest.password"), describe(noPassword));
    const HttpResult set = putSip({{QStringLiteral("digest"),
        QJsonObject{{QStringLiteral("username"), QStringLiteral("trunk")},
            {QStringLiteral("password"), QStringLiteral("s3cret-trunk")}}}});
    QVERIFY2(set.status == 200, describe(set));
    const QJsonObject digest
        = set.doc.object()[QLatin1String("voice")][QLatin1String("sip")][QLatin1String("digest")].toObject();
    QCOMPARE(digest.value(QLatin1String("passwordSet")).toBool(), true);
    QVERIFY(!digest.contains(QLatin1String("password")));
    QVERIFY(!m_server->scalar(QStringLiteral("SELECT config FROM companies WHERE id = ?"), {m_server->companyId()})
                 .toString()
                 .contains(QLatin1String("s3cret-trunk")));
    // A change that leaves the password out keeps it.
    QVERIFY(putSip({{QStringLiteral("allowedSources"), QJsonArray{}}}).status == 200);

    SipProbe caller(m_server->host().sipPort());
    caller.invite(kNumber, SipProbe::pcmuOffer(40130));
    QCOMPARE(caller.waitForFinal(), 401);
    const QString challenge = caller.finalAnswer();
    QVERIFY2(challenge.indexOf(QLatin1String("algorithm=SHA-256")) > 0
            && challenge.indexOf(QLatin1String("algorithm=SHA-256"))
                < challenge.indexOf(QLatin1String("algorithm=MD5")),
        qPrintable(challenge));
    const QString nonce = QRegularExpression(QStringLiteral("nonce=\"([^\"]+)\"")).match(challenge).captured(1);
    const auto authorization = [&](const QString &password) {
        const QHash<QString, QString> p{{QStringLiteral("username"), QStringLiteral("trunk")},
            {QStringLiteral("realm"), QStringLiteral("tierdesk")}, {QStringLiteral("nonce"), nonce},
            {QStringLiteral("uri"), caller.requestUri(kNumber)}, {QStringLiteral("qop"), QStringLiteral("auth")},
            {QStringLiteral("nc"), QStringLiteral("00000001")}, {QStringLiteral("cnonce"), QStringLiteral("c0ffee")}};
        return QStringLiteral("Authorization: Digest username=\"trunk\", realm=\"tierdesk\", nonce=\"%1\", "
                              "uri=\"%2\", response=\"%3\", algorithm=SHA-256, cnonce=\"c0ffee\", qop=auth, "
                              "nc=00000001\r\n")
            .arg(nonce, caller.requestUri(kNumber),
                QString::fromLatin1(
                    voice::sip::SipDigest::response(QStringLiteral("SHA-256"), p, password, QStringLiteral("INVITE"))));
    };
    caller.inviteAgain(2, kNumber, SipProbe::pcmuOffer(40130), authorization(QStringLiteral("s3cret-trunk")));
    QCOMPARE(caller.waitForFinal(10000, 2), 200);
    caller.ack(2);
    QTRY_COMPARE_WITH_TIMEOUT(voiceSessions(), 1, 10000);

    SipProbe replay(m_server->host().sipPort());
    replay.inviteAgain(1, kNumber, SipProbe::pcmuOffer(40134), authorization(QStringLiteral("s3cret-trunk")));
    QCOMPARE(replay.waitForFinal(), 401);

    SipProbe guesser(m_server->host().sipPort());
    guesser.invite(kNumber, SipProbe::pcmuOffer(40138));
    QCOMPARE(guesser.waitForFinal(), 401);
    const QString guessNonce
        = QRegularExpression(QStringLiteral("nonce=\"([^\"]+)\"")).match(guesser.finalAnswer()).captured(1);
    QVERIFY(guessNonce != nonce);
    const QHash<QString, QString> guess{{QStringLiteral("username"), QStringLiteral("trunk")},
        {QStringLiteral("realm"), QStringLiteral("tierdesk")}, {QStringLiteral("nonce"), guessNonce},
        {QStringLiteral("uri"), guesser.requestUri(kNumber)}};
    guesser.inviteAgain(2, kNumber, SipProbe::pcmuOffer(40138),
        QStringLiteral("Authorization: Digest username=\"trunk\", realm=\"tierdesk\", nonce=\"%1\", uri=\"%2\", "
                       "response=\"%3\", algorithm=MD5\r\n")
            .arg(guessNonce, guesser.requestUri(kNumber),
                QString::fromLatin1(voice::sip::SipDigest::response(
                    QStringLiteral("MD5"), guess, QStringLiteral("password1"), QStringLiteral("INVITE")))));
    QCOMPARE(guesser.waitForFinal(10000, 2), 403);
    QCOMPARE(voiceSessions(), 1);
}

// Debian's baresip (libre 1.x answers MD5 only, and gives up on a challenge that names another
// algorithm) with the trunk's credentials is answered; with a wrong password it is refused.
void TestSipCall::baresipAnswersAnMd5Challenge()
{
    QVERIFY(start());
    const HttpResult set = putSip({{QStringLiteral("digest"),
        QJsonObject{{QStringLiteral("username"), QStringLiteral("trunk")},
            {QStringLiteral("password"), QStringLiteral("s3cret-trunk")},
            {QStringLiteral("algorithms"), QJsonArray{QStringLiteral("MD5")}}}}});
    QVERIFY2(set.status == 200, describe(set));
    Baresip trunk(QStringLiteral("g711"), voice::silence(3000), 8000, 1, QStringLiteral("trunk"));
    trunk.setPassword(QStringLiteral("s3cret-trunk"));
    QVERIFY(trunk.dial(sipUri(kNumber)));
    QVERIFY2(!trunk.waitForEvent(QStringLiteral("CALL_ESTABLISHED")).isEmpty(), qPrintable(trunk.output()));
    QVERIFY(trunk.quit());
    QTRY_COMPARE_WITH_TIMEOUT(voiceSessions(), 1, 10000);

    Baresip intruder(QStringLiteral("g711"), voice::silence(3000), 8000, 1, QStringLiteral("trunk"));
    intruder.setPassword(QStringLiteral("not-the-password"));
    QVERIFY(intruder.dial(sipUri(kNumber)));
    const QJsonObject closed = intruder.waitForEvent(QStringLiteral("CALL_CLOSED"));
    QVERIFY2(closed.value(QLatin1String("param")).toString().contains(QLatin1String("403")),
        qPrintable(QString::fromUtf8(QJsonDocument(closed).toJson()) + intruder.output()));
    QVERIFY(intruder.quit());
    QCOMPARE(voiceSessions(), 1);
}

// Twenty callers that send no audio at all, as an INVITE flood does: each is answered and greeted,
// the server's memory grows by less than 100 MB (a call holds no decoder while its caller is silent,
// where each used to load one of some 56 MB), and each call ends with a BYE after
// voice/firstAudioSeconds.
void TestSipCall::silentCallsCostLittleAndEndSoon()
{
    QVERIFY(start("[voice]\nfirstAudioSeconds=2\nmaxCallsPerSource=20\ninvitesPerSourcePerMinute=100\n"));
    const qint64 before = residentKb();
    std::vector<std::unique_ptr<SipProbe>> callers;
    for (int i = 0; i < 20; ++i) {
        callers.push_back(std::make_unique<SipProbe>(m_server->host().sipPort()));
        callers.back()->invite(kNumber, SipProbe::pcmuOffer(static_cast<quint16>(41000 + 2 * i)));
    }
    for (const auto &caller : callers) {
        QCOMPARE(caller->waitForFinal(), 200);
        caller->ack();
    }
    QTRY_COMPARE_WITH_TIMEOUT(voiceSessions(), 20, 10000);
    const qint64 during = residentKb();
    qInfo("resident memory: %lld kB before, %lld kB with 20 silent calls", before, during);
    QVERIFY2(during - before < 100 * 1024,
        qPrintable(QStringLiteral("%1 kB before, %2 kB with 20 silent calls").arg(before).arg(during)));
    for (const auto &caller : callers)
        QVERIFY(!caller->waitForRequest(QStringLiteral("BYE")).isEmpty());
    QTRY_COMPARE_WITH_TIMEOUT(m_server
                                  ->scalar(QStringLiteral("SELECT count(*) FROM sessions WHERE channel = 'voice' AND "
                                                          "metadata LIKE '%\"callEnded\":\"timeout\"%'"))
                                  .toInt(),
        20, 10000);
}

// An INVITE flood from one address on the real server (40 INVITEs with plain offers and no audio
// after): the source gets its share of 4 lines, then 486 Busy Here and, past 30 INVITEs in the
// minute, 503 with Retry-After; Debian's baresip calling from another address is still answered.
void TestSipCall::aFloodFromOneSourceLeavesLinesForOthers()
{
    QVERIFY(start());
    std::vector<std::unique_ptr<SipProbe>> flood;
    for (int i = 0; i < 40; ++i) {
        flood.push_back(std::make_unique<SipProbe>(m_server->host().sipPort()));
        flood.back()->invite(kNumber, SipProbe::pcmuOffer(static_cast<quint16>(42000 + 2 * i)));
    }
    QMap<int, int> answers;
    for (const auto &invite : flood)
        ++answers[invite->waitForFinal()];
    QCOMPARE(answers.value(200), 4);
    QCOMPARE(answers.value(486), 26);
    QCOMPARE(answers.value(503), 10);

    Baresip other(QStringLiteral("g711"), voice::silence(3000), 8000, 1, QStringLiteral("+15557654321"));
    other.setAddress(QStringLiteral("127.0.0.2"));
    QVERIFY(other.dial(sipUri(kNumber)));
    QVERIFY2(!other.waitForEvent(QStringLiteral("CALL_ESTABLISHED")).isEmpty(), qPrintable(other.output()));
    QVERIFY(other.quit());
    QTRY_COMPARE_WITH_TIMEOUT(
        m_server->scalar(QStringLiteral("SELECT COUNT(*) FROM calls WHERE caller_number = '+15557654321'")).toInt(), 1,
        10000);
}

QTEST_GUILESS_MAIN(TestSipCall)
#include "tst_sipcall.moc"
