#include "core/voice/Resampler.h"
#include "core/voice/SpeechRecognizer.h"
#include "core/voice/SpeechSynthesizer.h"

#include <QTest>

#include <cmath>

using namespace tierdesk::voice;

namespace {

Pcm tone(double hz, int rate, qint64 ms, double amplitude = 8000)
{
    Pcm pcm(static_cast<size_t>(msToSamples(ms, rate)));
    for (size_t i = 0; i < pcm.size(); ++i)
        pcm[i] = static_cast<int16_t>(std::lround(amplitude * std::sin(2 * M_PI * hz * double(i) / rate)));
    return pcm;
}

// Through a resampler in 20 ms pieces, as a call's frames go, then flushed.
Pcm streamed(Resampler &resampler, const Pcm &in)
{
    Pcm out;
    const size_t piece = static_cast<size_t>(resampler.inRate() / 50);
    for (size_t at = 0; at < in.size(); at += piece) {
        const Pcm part = resampler.process(in.data() + at, std::min(piece, in.size() - at));
        out.insert(out.end(), part.begin(), part.end());
    }
    const Pcm tail = resampler.flush();
    out.insert(out.end(), tail.begin(), tail.end());
    return out;
}

// The level of the middle of a signal, away from the filters' edges.
double middleDb(const Pcm &pcm)
{
    const size_t quarter = pcm.size() / 4;
    return levelDbfs(pcm.data() + quarter, pcm.size() / 2);
}

} // namespace

class TestResampler : public QObject {
    Q_OBJECT

private slots:
    void roundTripKeepsLengthAndLevel_data();
    void roundTripKeepsLengthAndLevel();
    void eightKilohertzKeepsOutWhatItCannotCarry();
    void piecesGiveWhatOneGoGives();
    void speechSurvivesTheWidebandRoundTrip();
    void invalidRates();
};

void TestResampler::roundTripKeepsLengthAndLevel_data()
{
    QTest::addColumn<int>("codecRate");
    QTest::newRow("8 kHz (G.711)") << 8000;
    QTest::newRow("48 kHz (Opus)") << 48000;
}

// 16 kHz -> codec rate -> 16 kHz: exactly as many samples as went in, at each step the length the
// rates call for, a 440 Hz tone's level within 0.5 dB and the wave itself close to the original.
void TestResampler::roundTripKeepsLengthAndLevel()
{
    QFETCH(int, codecRate);
    const Pcm original = tone(440, kSampleRate, 1000);
    Resampler out(kSampleRate, codecRate);
    Resampler back(codecRate, kSampleRate);
    const Pcm codec = streamed(out, original);
    QCOMPARE(codec.size(), size_t(codecRate));
    const Pcm again = streamed(back, codec);
    QCOMPARE(again.size(), original.size());
    QVERIFY(std::abs(middleDb(again) - middleDb(original)) < 0.5);
    double error = 0;
    double power = 0;
    for (size_t i = original.size() / 4; i < original.size() * 3 / 4; ++i) {
        error += std::pow(double(again[i]) - original[i], 2);
        power += std::pow(double(original[i]), 2);
    }
    const double snrDb = 10 * std::log10(power / std::max(error, 1.0));
    QVERIFY2(snrDb > 25, qPrintable(QString::number(snrDb)));
}

// A 6 kHz tone does not fit in 8 kHz audio (its top is 4 kHz): it must be filtered out, not folded
// back as a 2 kHz one.
void TestResampler::eightKilohertzKeepsOutWhatItCannotCarry()
{
    const Pcm high = tone(6000, kSampleRate, 500);
    Resampler down(kSampleRate, 8000);
    const Pcm narrow = streamed(down, high);
    QVERIFY2(middleDb(narrow) < middleDb(high) - 30, qPrintable(QString::number(middleDb(narrow))));
}

void TestResampler::piecesGiveWhatOneGoGives()
{
    const Pcm original = tone(1000, kSampleRate, 300);
    Resampler pieces(kSampleRate, 48000);
    Resampler whole(kSampleRate, 48000);
    Pcm oneGo = whole.process(original);
    const Pcm tail = whole.flush();
    oneGo.insert(oneGo.end(), tail.begin(), tail.end());
    QVERIFY(streamed(pieces, original) == oneGo);
}

// A caller on Opus: 16 -> 48 -> 16 kHz, and the words are still the words.
void TestResampler::speechSurvivesTheWidebandRoundTrip()
{
    const Pcm said = SpeechSynthesizer(SpeechSynthesizer::Voice::Rms).synthesize(QStringLiteral("where is my order"));
    Resampler up(kSampleRate, 48000);
    Resampler down(48000, kSampleRate);
    const Pcm heardPcm = streamed(down, streamed(up, said));
    auto created = SpeechRecognizer::create();
    QVERIFY(created.ok());
    SpeechRecognizer &recognizer = *created.value();
    recognizer.start();
    for (const Pcm &frame : splitFrames(heardPcm))
        recognizer.feed(frame);
    QCOMPARE(recognizer.finish().text, QStringLiteral("where is my order"));
}

void TestResampler::invalidRates()
{
    Resampler none(0, kSampleRate);
    QVERIFY(!none.isValid());
    QVERIFY(none.process(tone(440, 8000, 20)).empty());
    QVERIFY(none.flush().empty());
}

QTEST_GUILESS_MAIN(TestResampler)
#include "tst_resampler.moc"
