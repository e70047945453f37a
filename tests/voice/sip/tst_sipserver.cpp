// The SIP door's transport on 127.0.0.1, with no engine: Debian's baresip calls the server with
// Flite's words as its microphone; what the server hears is recognised by PocketSphinx, and what it
// sends back (Flite's words too) is recognised from baresip's own recording. Keypad codes, both
// sides hanging up, and the refusals are checked against what the caller and the server saw.
#include "core/voice/SpeechRecognizer.h"
#include "core/voice/SpeechSynthesizer.h"
#include "core/voice/sip/SipServer.h"

#include "tests/voice/sip/Baresip.h"

#include <QPointer>
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

voice::Pcm join(std::initializer_list<voice::Pcm> parts)
{
    voice::Pcm all;
    for (const voice::Pcm &p : parts)
        all.insert(all.end(), p.begin(), p.end());
    return all;
}

QString recognised(const voice::Pcm &pcm)
{
    auto ear = voice::SpeechRecognizer::create();
    if (!ear)
        return {};
    (*ear)->start();
    (*ear)->feed(pcm);
    return (*ear)->finish().text;
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

QTEST_GUILESS_MAIN(TestSipServer)
#include "tst_sipserver.moc"
