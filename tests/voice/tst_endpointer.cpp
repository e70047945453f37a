#include "core/voice/Endpointer.h"
#include "core/voice/SpeechRecognizer.h"
#include "core/voice/SpeechSynthesizer.h"

#include <QRandomGenerator>
#include <QTest>

using namespace tierdesk::voice;

namespace {

struct Turn {
    qint64 startedAtMs = -1; // when SpeechStarted came (the audio processed so far)
    qint64 startMs = 0;
    qint64 endMs = -1;
};

Pcm say(const QString &text)
{
    static const SpeechSynthesizer caller(SpeechSynthesizer::Voice::Rms);
    return caller.synthesize(text);
}

Pcm joined(std::initializer_list<Pcm> parts)
{
    Pcm all;
    for (const Pcm &p : parts)
        all.insert(all.end(), p.begin(), p.end());
    return all;
}

std::vector<Turn> turnsOf(const Pcm &audio, Endpointer &endpointer)
{
    std::vector<Turn> turns;
    for (const Pcm &frame : splitFrames(audio)) {
        switch (endpointer.process(frame)) {
        case Endpointer::Event::SpeechStarted:
            turns.push_back({endpointer.positionMs(), endpointer.speechStartMs(), -1});
            break;
        case Endpointer::Event::SpeechEnded:
            turns.back().endMs = endpointer.speechEndMs();
            break;
        case Endpointer::Event::None:
            break;
        }
    }
    return turns;
}

// A line's hiss: white noise at about -56 dBFS.
Pcm hiss(qint64 ms)
{
    QRandomGenerator random(7);
    Pcm noise(static_cast<size_t>(msToSamples(ms)));
    for (int16_t &s : noise)
        s = static_cast<int16_t>(random.bounded(-90, 91));
    return noise;
}

Pcm mixed(Pcm a, const Pcm &b)
{
    for (size_t i = 0; i < a.size() && i < b.size(); ++i)
        a[i] = static_cast<int16_t>(std::clamp(a[i] + b[i], -32768, 32767));
    return a;
}

} // namespace

class TestEndpointer : public QObject {
    Q_OBJECT

private slots:
    void twoTurnsSplitBySilence();
    void speechStartComesEarlyForBargeIn();
    void pausesInsideASentenceDoNotEndIt();
    void clickAndHissAreNotSpeech();
    void turnsOfTheEndpointerAreRecognised();
};

// Speech, 600 ms of silence, speech: two turns, each starting and ending within a frame or two of
// where the words do (Flite's own audio starts and ends with some silence, so the bounds are loose
// on the outside and tight on the order).
void TestEndpointer::twoTurnsSplitBySilence()
{
    const Pcm first = say(QStringLiteral("where is my order"));
    const Pcm second = say(QStringLiteral("i want a refund"));
    const qint64 firstEnd = 300 + samplesToMs(qint64(first.size()));
    const qint64 secondStart = firstEnd + 600;
    const qint64 secondEnd = secondStart + samplesToMs(qint64(second.size()));
    Endpointer endpointer;
    const auto turns = turnsOf(joined({silence(300), first, silence(600), second, silence(800)}), endpointer);
    QCOMPARE(turns.size(), size_t(2));
    QVERIFY2(turns[0].startMs >= 300 && turns[0].startMs < 500, qPrintable(QString::number(turns[0].startMs)));
    QVERIFY2(turns[0].endMs > turns[0].startMs + 700 && turns[0].endMs <= firstEnd,
        qPrintable(QString::number(turns[0].endMs)));
    QVERIFY2(turns[1].startMs >= secondStart && turns[1].startMs < secondStart + 200,
        qPrintable(QString::number(turns[1].startMs)));
    QVERIFY2(turns[1].endMs > turns[1].startMs + 700 && turns[1].endMs <= secondEnd,
        qPrintable(QString::number(turns[1].endMs)));
    QVERIFY(!endpointer.inSpeech());
}

// Barge-in: the AI's speech stops when SpeechStarted comes, so it must come within a few frames of
// the caller's first sound, not at the end of their words.
void TestEndpointer::speechStartComesEarlyForBargeIn()
{
    Endpointer endpointer;
    const auto turns = turnsOf(joined({silence(1000), say(QStringLiteral("talk to a person"))}), endpointer);
    QCOMPARE(turns.size(), size_t(1));
    QVERIFY2(turns[0].startedAtMs - turns[0].startMs <= 120, qPrintable(QString::number(turns[0].startedAtMs)));
    QCOMPARE(turns[0].endMs, -1); // still speaking when the audio stops
    QVERIFY(endpointer.inSpeech());
    // Pre-roll: the turn's first frames are there to feed the recogniser.
    QVERIFY(endpointer.preRoll().size() >= size_t(Endpointer::Options{}.preRollMs / kFrameMs));
}

void TestEndpointer::pausesInsideASentenceDoNotEndIt()
{
    Endpointer endpointer;
    // Flite pauses at each comma.
    const auto turns = turnsOf(
        joined({say(QStringLiteral("yes, my order has not arrived, and i need it today")), silence(600)}), endpointer);
    QCOMPARE(turns.size(), size_t(1));
}

void TestEndpointer::clickAndHissAreNotSpeech()
{
    Pcm click = silence(40);
    click[10] = 20000;
    click[11] = -20000;
    Endpointer endpointer;
    QCOMPARE(turnsOf(joined({hiss(500), click, hiss(1000)}), endpointer).size(), size_t(0));
    QVERIFY2(endpointer.noiseFloorDb() < -50, qPrintable(QString::number(endpointer.noiseFloorDb())));
    // Speech over the same hiss is found, and its end too.
    const Pcm words = say(QStringLiteral("cancel my order"));
    const Pcm line = mixed(joined({silence(500), words, silence(700)}), hiss(1200 + samplesToMs(qint64(words.size()))));
    Endpointer heard;
    const auto turns = turnsOf(line, heard);
    QCOMPARE(turns.size(), size_t(1));
    QVERIFY(turns[0].endMs > 0);
}

// The endpointer and the recogniser together, as a call uses them: each turn's pre-roll, then its
// frames until SpeechEnded; the turns are recognised with their times in the call.
void TestEndpointer::turnsOfTheEndpointerAreRecognised()
{
    auto created = SpeechRecognizer::create();
    QVERIFY(created.ok());
    SpeechRecognizer &recognizer = *created.value();
    Endpointer endpointer;
    std::vector<Recognition> heard;
    const Pcm call = joined({silence(500), say(QStringLiteral("where is my order")), silence(600),
        say(QStringLiteral("talk to a person")), silence(700)});
    for (const Pcm &frame : splitFrames(call)) {
        const auto event = endpointer.process(frame);
        if (event == Endpointer::Event::SpeechStarted) {
            const auto preRoll = endpointer.preRoll();
            recognizer.start(endpointer.positionMs() - qint64(preRoll.size()) * kFrameMs);
            for (const Pcm &early : preRoll)
                recognizer.feed(early);
        } else if (recognizer.inTurn()) {
            recognizer.feed(frame);
            if (event == Endpointer::Event::SpeechEnded)
                heard.push_back(recognizer.finish());
        }
    }
    QCOMPARE(heard.size(), size_t(2));
    QCOMPARE(heard[0].text, QStringLiteral("where is my order"));
    QCOMPARE(heard[1].text, QStringLiteral("talk to a person"));
    QVERIFY(heard[0].startMs >= 500 && heard[0].endMs < heard[1].startMs);
    QVERIFY(heard[1].endMs <= endpointer.positionMs());
}

QTEST_GUILESS_MAIN(TestEndpointer)
#include "tst_endpointer.moc"
