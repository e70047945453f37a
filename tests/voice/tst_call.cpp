// A call's audio for real: Flite's voice is the caller, PocketSphinx hears it through Call's
// endpointing on a DecoderPool lane, and the AI's speech comes back paced, stopping when the
// caller speaks; a call holds a decoder only while its caller speaks. Waits on the call's signals only.
#include "core/voice/Call.h"

#include "tests/voice/CallerAudio.h"

#include <QSignalSpy>
#include <QTest>

using namespace tierdesk::voice;
using tierdesk::test::quiet;
using tierdesk::test::spoken;

class TestCall : public QObject {
    Q_OBJECT

private slots:
    void init();
    void cleanup();
    void callerTurnIsHeard();
    void digitsAnswerUsesTheGrammar();
    void keypadEntryIsATurn();
    void callerInterruptsTheAi();
    void silenceAfterTheAiSpoke();
    void aDecoderIsLentOnlyWhileTheCallerSpeaks();

private:
    // The caller's audio in 20 ms pieces, as a door hands it over.
    void hear(const QByteArray &pcm);
    std::unique_ptr<Call> makeCall(Call::Options options);

    std::unique_ptr<DecoderPool> m_pool;
    std::unique_ptr<Call> m_call;
};

void TestCall::init()
{
    m_pool = std::make_unique<DecoderPool>(2, 4);
    Call::Options options;
    options.leadMs = 600000; // everything at once: the tests wait on signals, not on a clock
    options.waitForPlayOut = false;
    options.silencePromptMs = 1000;
    m_call = makeCall(options);
    QVERIFY(m_call);
}

void TestCall::cleanup()
{
    m_call.reset();
    m_pool->waitForDone();
    m_pool.reset();
}

std::unique_ptr<Call> TestCall::makeCall(Call::Options options)
{
    return std::make_unique<Call>(
        m_pool->openLane(), SpeechRecognizer::Options{}, SpeechSynthesizer(SpeechSynthesizer::Voice::Slt), options);
}

void TestCall::hear(const QByteArray &pcm)
{
    for (qsizetype at = 0; at < pcm.size(); at += kFrameBytes)
        m_call->hear(pcm.mid(at, kFrameBytes));
}

void TestCall::callerTurnIsHeard()
{
    QSignalSpy started(m_call.get(), &Call::callerStarted);
    QSignalSpy turns(m_call.get(), &Call::turn);
    hear(quiet(300) + spoken(QStringLiteral("where is my order")) + quiet(800));
    QVERIFY(turns.wait(20000));
    QCOMPARE(started.count(), 1);
    const auto turn = turns.first().first().value<CallerTurn>();
    QVERIFY2(turn.text.contains(QLatin1String("order")), qPrintable(turn.text));
    QVERIFY(turn.startMs >= 200 && turn.startMs < 600);
    QVERIFY(turn.endMs > turn.startMs + 500 && turn.endMs <= m_call->heardMs());
    QVERIFY(!turn.digits && !turn.keypad);
    QCOMPARE(m_call->heardMs(), 300 + qint64(spoken(QStringLiteral("where is my order")).size() / 32) + 800);
}

void TestCall::digitsAnswerUsesTheGrammar()
{
    QSignalSpy turns(m_call.get(), &Call::turn);
    m_call->expectDigits();
    hear(quiet(300) + spoken(QStringLiteral("one zero zero zero five")) + quiet(800));
    QVERIFY(turns.wait(20000));
    const auto turn = turns.first().first().value<CallerTurn>();
    QVERIFY(turn.digits);
    QCOMPARE(turn.text, QStringLiteral("one zero zero zero five"));
}

void TestCall::keypadEntryIsATurn()
{
    QSignalSpy turns(m_call.get(), &Call::turn);
    m_call->keypad(QStringLiteral("99*1000"));
    m_call->keypad(QStringLiteral("5#"));
    QCOMPARE(turns.count(), 1); // '*' started the entry again, '#' ended it
    const auto turn = turns.first().first().value<CallerTurn>();
    QCOMPARE(turn.text, QStringLiteral("10005"));
    QVERIFY(turn.keypad && turn.digits);
    QCOMPARE(turn.confidence, 1.0);
    m_call->keypad(QStringLiteral("#")); // nothing typed: no turn
    QCOMPARE(turns.count(), 1);
}

void TestCall::callerInterruptsTheAi()
{
    Call::Options paced;
    paced.leadMs = 200; // as on a real call: the AI's speech goes out at the pace it is played
    paced.paceMs = 20;
    m_call = makeCall(paced);
    QSignalSpy audio(m_call.get(), &Call::audio);
    QSignalSpy spokenSpy(m_call.get(), &Call::spoken);
    m_call->say(QStringLiteral("Your order is on its way and should arrive by Friday. Is there anything else I "
                               "can help you with today?"));
    QVERIFY(m_call->speaking());
    QVERIFY(audio.wait(10000));
    qint64 sentBytes = 0;
    for (const QList<QVariant> &a : audio)
        sentBytes += a.first().toByteArray().size();
    QVERIFY2(sentBytes <= 2 * 16000 * 2, "more than a second sent at once: not paced"); // ~200 ms lead
    QSignalSpy started(m_call.get(), &Call::callerStarted);
    hear(quiet(200) + spoken(QStringLiteral("stop")));
    QCOMPARE(started.count(), 1); // endpointing is done as the audio comes: the AI stops at once
    QVERIFY(!m_call->speaking()); // nothing left to send: the rest of the sentence was dropped
    QCOMPARE(spokenSpy.count(), 0);
}

void TestCall::silenceAfterTheAiSpoke()
{
    QSignalSpy spokenSpy(m_call.get(), &Call::spoken);
    QSignalSpy quietSpy(m_call.get(), &Call::silence);
    hear(quiet(2000)); // before the AI has spoken, quiet is no silence to prompt
    m_call->say(QStringLiteral("How can I help?"));
    QVERIFY(spokenSpy.wait(10000));
    hear(quiet(600));
    QCOMPARE(quietSpy.count(), 0);
    hear(quiet(600)); // 1.2 s of quiet after the AI spoke: the first prompt
    QCOMPARE(quietSpy.count(), 1); // counted in the call's audio time, as it comes
    QCOMPARE(quietSpy.first().first().toInt(), 1);
    m_call->say(QStringLiteral("Are you still there?"));
    QVERIFY(spokenSpy.wait(10000));
    hear(quiet(1200));
    QCOMPARE(quietSpy.count(), 2);
    QCOMPARE(quietSpy.last().first().toInt(), 2);
}

// A silent caller costs no decoder; one that speaks borrows one for the turn and gives it back, and
// the next call's turn gets that same decoder (none made anew), its digits grammar set for that turn.
void TestCall::aDecoderIsLentOnlyWhileTheCallerSpeaks()
{
    RecognizerPool &decoders = m_pool->recognizers();
    QSignalSpy turns(m_call.get(), &Call::turn);
    QSignalSpy started(m_call.get(), &Call::callerStarted);
    hear(quiet(3000));
    m_pool->waitForDone();
    QCOMPARE(decoders.made(), 0);
    QCOMPARE(decoders.lent(), 0);
    hear(spoken(QStringLiteral("where is my order")) + quiet(800));
    QCOMPARE(started.count(), 1);
    QVERIFY(turns.wait(20000));
    QCOMPARE(decoders.lent(), 0);
    QCOMPARE(decoders.idle(), 1);
    QCOMPARE(decoders.made(), 1);

    Call::Options options;
    options.leadMs = 600000;
    options.waitForPlayOut = false;
    m_call = makeCall(options);
    QSignalSpy second(m_call.get(), &Call::turn);
    m_call->expectDigits();
    hear(quiet(300) + spoken(QStringLiteral("one zero zero zero five")) + quiet(800));
    QVERIFY(second.wait(20000));
    const auto turn = second.first().first().value<CallerTurn>();
    QVERIFY(turn.digits);
    QCOMPARE(turn.text, QStringLiteral("one zero zero zero five"));
    QCOMPARE(decoders.made(), 1); // the first call's decoder, lent again
}

QTEST_GUILESS_MAIN(TestCall)
#include "tst_call.moc"
