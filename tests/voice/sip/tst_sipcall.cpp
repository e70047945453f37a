// A SIP call to a running server, end to end on 127.0.0.1: `serve --sip-port`'s door (SipDoor,
// SipCallLink) with the engine. Debian's baresip dials the company's number with Flite's words as
// its microphone; the session gets the caller's recognised words as a customer message (the caller
// known by their phone number), and baresip's recording of the AI is recognised by PocketSphinx. An
// unknown number is refused (404), a full house is busy (486).
#include "tests/api/ApiTestSupport.h"

#include "core/voice/SpeechRecognizer.h"
#include "core/voice/SpeechSynthesizer.h"
#include "tests/voice/CallerAudio.h"

#include "tests/voice/sip/Baresip.h"
#include "tests/voice/sip/SipProbe.h"

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

private:
    bool start(const QByteArray &ini = {});
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

QTEST_GUILESS_MAIN(TestSipCall)
#include "tst_sipcall.moc"
