// The SIP door's transport on 127.0.0.1, with no engine: Debian's baresip calls the server with
// Flite's words as its microphone; what the server hears is recognised by PocketSphinx, and what it
// sends back (Flite's words too) is recognised from baresip's own recording. Keypad codes, both
// sides hanging up, and the refusals are checked against what the caller and the server saw.
#include "core/voice/SpeechRecognizer.h"
#include "core/voice/SpeechSynthesizer.h"
#include "core/voice/sip/SipServer.h"
#include "tests/voice/CallerAudio.h"

#include "tests/voice/sip/Baresip.h"
#include "tests/voice/sip/SipProbe.h"

#include <QPointer>
#include <QRegularExpression>
#include <QSignalSpy>
#include <QStandardPaths>
#include <QTest>

using namespace tierdesk;
using namespace tierdesk::test;
using voice::sip::SipCall;
using voice::sip::SipServer;
using voice::sip::SipVerdict;

namespace {

voice::Pcm speech(const QString &text, voice::SpeechSynthesizer::Voice who = voice::SpeechSynthesizer::Voice::Rms)
{
    return voice::SpeechSynthesizer(who).synthesize(text);
}

// The test's side of the door: accepts (or refuses) and remembers what the call brought.
struct Door : voice::sip::SipHandler {
    SipVerdict verdict = SipVerdict::Accept;
    voice::Pcm greeting; // sent as the call is answered
    QPointer<SipCall> call;
    QString number;
    QString from;
    QString codec;
    QByteArray heard;
    QString keys;
    QString ended;

    SipVerdict incoming(SipCall *c) override
    {
        number = c->number();
        from = c->from();
        codec = c->codec();
        if (verdict != SipVerdict::Accept)
            return verdict;
        call = c;
        QObject::connect(c, &SipCall::audio, c, [this](const QByteArray &pcm) { heard += pcm; });
        QObject::connect(c, &SipCall::keypad, c, [this](const QString &k) { keys += k; });
        QObject::connect(c, &SipCall::ended, c, [this](const QString &why) { ended = why; });
        if (!greeting.empty())
            c->send(voice::pcmToLittleEndian(greeting));
        return SipVerdict::Accept;
    }
};

} // namespace

class TestSipServer : public QObject {
    Q_OBJECT

private slots:
    void initTestCase();
    void g722BothWays();
    void opusBothWays();
    void pcmuKeypadAndServerHangUp();
    void unknownNumberIsNotFound();
    void fullHouseIsBusy();
    void oneSourceCannotTakeEveryLine();
    void offersWeCannotAnswerAre488();
    void garbageIsDroppedAndTheServerGoesOn();
    void silentCallerTimesOut();
    void aCallerThatNeverSendsAudioIsLetGoSooner();
    void stopEndsCallsWhoseCallersAreGone();

private:
    void bothWays(const QString &module, int rate, int channels, const QString &codec);
    SipServer::Options options() const;
    QString uri(const QString &number, quint16 port) const;
};

void TestSipServer::initTestCase()
{
    if (QStandardPaths::findExecutable(QStringLiteral("baresip")).isEmpty())
        QFAIL("baresip is not installed (Debian's baresip-core, scripts/install-deps.sh)");
}

SipServer::Options TestSipServer::options() const
{
    SipServer::Options o;
    o.host = QHostAddress::LocalHost;
    o.port = 0;
    return o;
}

QString TestSipServer::uri(const QString &number, quint16 port) const
{
    return QStringLiteral("sip:%1@127.0.0.1:%2").arg(number).arg(port);
}

void TestSipServer::bothWays(const QString &module, int rate, int channels, const QString &codec)
{
    Door door;
    door.greeting = join({voice::silence(600),
        speech(QStringLiteral("thank you for calling the help desk"), voice::SpeechSynthesizer::Voice::Slt)});
    SipServer server(options(), door);
    QVERIFY(server.start().ok());
    // The caller speaks after a second, then listens; its microphone file ends, and it hangs up.
    Baresip caller(module,
        join({voice::silence(1000), speech(QStringLiteral("where is my order")), voice::silence(4000)}), rate,
        channels);
    QVERIFY(caller.dial(uri(QStringLiteral("+15550100"), server.port())));
    QVERIFY2(!caller.waitForEvent(QStringLiteral("CALL_ESTABLISHED")).isEmpty(), qPrintable(caller.output()));
    QCOMPARE(door.number, QStringLiteral("+15550100"));
    QCOMPARE(door.from, QStringLiteral("caller"));
    QCOMPARE(door.codec, codec);
    QTRY_COMPARE_WITH_TIMEOUT(door.ended, QStringLiteral("bye"), 30000);
    QVERIFY(caller.quit());
    const QString serverHeard = recognised(voice::pcmFromLittleEndian(door.heard));
    QVERIFY2(serverHeard.contains(QLatin1String("order")), qPrintable(serverHeard));
    const QString callerHeard = recognised(caller.heard());
    QVERIFY2(callerHeard.contains(QLatin1String("calling")) || callerHeard.contains(QLatin1String("help")),
        qPrintable(callerHeard));
    QCOMPARE(server.calls(), 0);
}

void TestSipServer::g722BothWays()
{
    bothWays(QStringLiteral("g722"), 16000, 1, QStringLiteral("G722"));
}

void TestSipServer::opusBothWays()
{
    bothWays(QStringLiteral("opus"), 48000, 2, QStringLiteral("opus"));
}

void TestSipServer::pcmuKeypadAndServerHangUp()
{
    Door door;
    SipServer server(options(), door);
    QVERIFY(server.start().ok());
    Baresip caller(QStringLiteral("g711"), voice::silence(30000), 8000);
    QVERIFY(caller.dial(uri(QStringLiteral("+15550100"), server.port())));
    QVERIFY2(!caller.waitForEvent(QStringLiteral("CALL_ESTABLISHED")).isEmpty(), qPrintable(caller.output()));
    QCOMPARE(door.codec, QStringLiteral("PCMU")); // G.711's two laws: µ first
    // Keypad codes as RFC 4733 events, each key once however often its packets repeat.
    QVERIFY(caller.command(QStringLiteral("sndcode"), QStringLiteral("1")));
    QTRY_COMPARE_WITH_TIMEOUT(door.keys, QStringLiteral("1"), 10000);
    for (const QString &key : {QStringLiteral("0"), QStringLiteral("5"), QStringLiteral("#")}) {
        const QString before = door.keys;
        QVERIFY(caller.command(QStringLiteral("sndcode"), key));
        QTRY_COMPARE_WITH_TIMEOUT(door.keys, before + key, 10000);
    }
    // The server hangs up: the caller gets a BYE.
    QVERIFY(door.call);
    door.call->hangUp();
    QVERIFY2(!caller.waitForEvent(QStringLiteral("CALL_CLOSED")).isEmpty(), qPrintable(caller.output()));
    QTRY_COMPARE(door.ended, QStringLiteral("hangup"));
    QTRY_COMPARE(server.calls(), 0);
    QVERIFY(caller.quit());
}

void TestSipServer::unknownNumberIsNotFound()
{
    Door door;
    door.verdict = SipVerdict::NotFound;
    SipServer server(options(), door);
    QVERIFY(server.start().ok());
    QSignalSpy refused(&server, &SipServer::refused);
    SipProbe probe(server.port());
    probe.invite(QStringLiteral("%2B15559999"), SipProbe::pcmuOffer()); // the user part escaped, as phones may
    QCOMPARE(probe.waitForFinal(), 404);
    QCOMPARE(door.number, QStringLiteral("+15559999"));
    QCOMPARE(refused.size(), 1);
    QCOMPARE(server.calls(), 0);
}

void TestSipServer::fullHouseIsBusy()
{
    Door door;
    door.verdict = SipVerdict::Busy;
    SipServer server(options(), door);
    QVERIFY(server.start().ok());
    SipProbe probe(server.port());
    probe.invite(QStringLiteral("+15550100"), SipProbe::pcmuOffer());
    QCOMPARE(probe.waitForFinal(), 486);
    // The stack's own limit answers without asking.
    SipServer::Options none = options();
    none.maxCalls = 0;
    Door untouched;
    SipServer full(none, untouched);
    QVERIFY(full.start().ok());
    SipProbe second(full.port());
    second.invite(QStringLiteral("+15550100"), SipProbe::pcmuOffer());
    QCOMPARE(second.waitForFinal(), 486);
    QVERIFY(untouched.number.isEmpty());
}

// An INVITE flood from one address, each call answered and then silent, takes that address's share
// and no more: its fifth call is busy, its INVITEs past the minute's budget get 503 with
// Retry-After, and a caller from another address still gets a line.
void TestSipServer::oneSourceCannotTakeEveryLine()
{
    Door door;
    SipServer::Options o = options();
    o.maxCalls = 20;
    o.maxCallsPerSource = 4;
    o.invitesPerSourcePerMinute = 30;
    SipServer server(o, door);
    QVERIFY(server.start().ok());
    std::vector<std::unique_ptr<SipProbe>> flood;
    QList<int> answers;
    for (int i = 0; i < 40; ++i) {
        flood.push_back(std::make_unique<SipProbe>(server.port()));
        flood.back()->invite(QStringLiteral("+15550100"), SipProbe::pcmuOffer(static_cast<quint16>(40000 + 2 * i)));
        answers << flood.back()->waitForFinal();
    }
    QCOMPARE(answers.count(200), 4);
    QCOMPARE(answers.count(486), 26);
    QCOMPARE(answers.count(503), 10);
    QCOMPARE(server.calls(), 4);
    const QString refused = flood.back()->reply(503);
    const QRegularExpressionMatch retry
        = QRegularExpression(QStringLiteral("(?m)^Retry-After: ([0-9]+)\r$")).match(refused);
    QVERIFY2(
        retry.hasMatch() && retry.captured(1).toInt() >= 1 && retry.captured(1).toInt() <= 60, qPrintable(refused));
    SipProbe other(server.port(), QHostAddress(QStringLiteral("127.0.0.2")));
    other.invite(QStringLiteral("+15550100"), SipProbe::pcmuOffer(41000));
    QCOMPARE(other.waitForFinal(), 200);
    QCOMPARE(server.calls(), 5);
}

void TestSipServer::offersWeCannotAnswerAre488()
{
    Door door;
    SipServer server(options(), door);
    QVERIFY(server.start().ok());
    const struct {
        const char *what;
        QString body;
        QString type;
    } offers[] = {
        {"GSM only", SipProbe::sdp(QStringLiteral("3"), QStringLiteral("a=rtpmap:3 GSM/8000\r\n")),
            QStringLiteral("application/sdp")},
        {"not SDP", QStringLiteral("v=0\r\nthis is not SDP at all"), QStringLiteral("application/sdp")},
        {"binary", QString::fromLatin1(QByteArray(300, '\x01')), QStringLiteral("application/sdp")},
        {"no offer", QString(), QString()},
        {"another type", SipProbe::pcmuOffer(), QStringLiteral("text/plain")},
        {"SRTP only", SipProbe::pcmuOffer().replace(QStringLiteral("RTP/AVP"), QStringLiteral("RTP/SAVP")),
            QStringLiteral("application/sdp")},
        {"too large", SipProbe::pcmuOffer() + QStringLiteral("a=x:%1\r\n").arg(QString(9000, QLatin1Char('y'))),
            QStringLiteral("application/sdp")},
    };
    for (const auto &offer : offers) {
        SipProbe probe(server.port());
        probe.invite(QStringLiteral("+15550100"), offer.body, offer.type);
        QVERIFY2(probe.waitForFinal() == 488, offer.what);
    }
    QVERIFY2(door.number.isEmpty(), "an offer we cannot answer never reaches the door");
}

void TestSipServer::garbageIsDroppedAndTheServerGoesOn()
{
    Door door;
    SipServer server(options(), door);
    QVERIFY(server.start().ok());
    SipProbe probe(server.port());
    probe.sendRaw(QByteArray(1400, '\xff'));
    probe.sendRaw("INVITE sip:+15550100@127.0.0.1 SIP/2.0\r\nVia: broken\r\n\r\n");
    probe.sendRaw("INVITE\r\n\r\n");
    probe.sendRaw(QByteArray("INVITE sip:") + QByteArray(60000, 'a') + " SIP/2.0\r\n\r\n");
    probe.options(); // still answering
    QCOMPARE(probe.waitForFinal(), 200);
    QVERIFY(door.number.isEmpty());
}

void TestSipServer::silentCallerTimesOut()
{
    Door door;
    SipServer::Options o = options();
    o.rtpTimeoutMs = 1000;
    SipServer server(o, door);
    QVERIFY(server.start().ok());
    SipProbe probe(server.port());
    probe.invite(QStringLiteral("+15550100"), SipProbe::pcmuOffer());
    QCOMPARE(probe.waitForFinal(), 200);
    QVERIFY(probe.reply(200).contains(QLatin1String("m=audio")));
    QVERIFY(probe.reply(200).contains(QLatin1String("PCMU/8000")));
    QVERIFY(probe.reply(200).contains(QLatin1String("telephone-event/8000")));
    probe.ack();
    // No RTP ever comes: the server says goodbye.
    QVERIFY(!probe.waitForRequest(QStringLiteral("BYE")).isEmpty());
    QTRY_COMPARE(door.ended, QStringLiteral("timeout"));
    QCOMPARE(server.calls(), 0);
}

// No RTP at all after the answer: the call ends after firstRtpTimeoutMs, not after the (long) wait
// allowed to a caller who went quiet, so a flood of silent INVITEs holds no line for long.
void TestSipServer::aCallerThatNeverSendsAudioIsLetGoSooner()
{
    Door door;
    SipServer::Options o = options();
    o.rtpTimeoutMs = 60000; // longer than waitForRequest waits
    o.firstRtpTimeoutMs = 1000;
    SipServer server(o, door);
    QVERIFY(server.start().ok());
    SipProbe probe(server.port());
    probe.invite(QStringLiteral("+15550100"), SipProbe::pcmuOffer());
    QCOMPARE(probe.waitForFinal(), 200);
    probe.ack();
    QVERIFY(!probe.waitForRequest(QStringLiteral("BYE")).isEmpty());
    QTRY_COMPARE(door.ended, QStringLiteral("timeout"));
    QCOMPARE(server.calls(), 0);
}

// Stopping while one caller never sent the ACK for its 200 OK and another will never answer our
// BYE: both are let go within the stop's time, and nothing of libre is left behind (the sanitized
// build's leak check).
void TestSipServer::stopEndsCallsWhoseCallersAreGone()
{
    Door door;
    SipServer server(options(), door);
    QVERIFY(server.start().ok());
    SipProbe noAck(server.port());
    noAck.invite(QStringLiteral("+15550100"), SipProbe::pcmuOffer(40030));
    QCOMPARE(noAck.waitForFinal(), 200);
    SipProbe silent(server.port());
    silent.invite(QStringLiteral("+15550100"), SipProbe::pcmuOffer(40040));
    QCOMPARE(silent.waitForFinal(), 200);
    silent.ack();
    QTRY_COMPARE(server.calls(), 2);
    QSignalSpy ended(door.call.data(), &SipCall::ended);
    server.stop();
    QCOMPARE(ended.size(), 1);
    QCOMPARE(ended.at(0).at(0).toString(), QStringLiteral("shutdown"));
    QCOMPARE(server.calls(), 0);
}

QTEST_GUILESS_MAIN(TestSipServer)
#include "tst_sipserver.moc"
