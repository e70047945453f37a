// Speech on the machine, measured (docs/calls.md, "Speech on the machine"):
//   ninja -C build tierdesk_voice_bench && build/bench/tierdesk_voice_bench
// For each Flite voice as the caller: the word error rate of PocketSphinx on the fixed set of
// customer-service sentences (the one tests/voice/tst_speechrecognizer.cpp asserts), the CPU
// seconds spent recognising per second of audio, and the milliseconds Flite takes per sentence.
// Then what one decoder costs to create (time, resident memory).
#include "core/voice/SpeechRecognizer.h"
#include "core/voice/SpeechSynthesizer.h"
#include "core/voice/WordErrorRate.h"

#include <QCoreApplication>
#include <QElapsedTimer>
#include <QFile>

#include <cstdio>
#include <ctime>

using namespace tierdesk::voice;

namespace {

const char *const kSentences[] = {"where is my order", "i want a refund", "talk to a person", "cancel my order",
    "my package has not arrived", "i was charged twice", "can i change my delivery address", "the item arrived damaged",
    "how do i return this", "thank you goodbye"};

double cpuSeconds()
{
    timespec t{};
    clock_gettime(CLOCK_PROCESS_CPUTIME_ID, &t);
    return double(t.tv_sec) + double(t.tv_nsec) / 1e9;
}

long residentKb()
{
    QFile status(QStringLiteral("/proc/self/status"));
    if (!status.open(QIODevice::ReadOnly))
        return 0;
    for (const QByteArray &line : status.readAll().split('\n')) {
        if (line.startsWith("VmRSS:"))
            return line.mid(6).trimmed().split(' ').value(0).toLong();
    }
    return 0;
}

void measureVoice(SpeechSynthesizer::Voice voice, SpeechRecognizer &recognizer)
{
    const SpeechSynthesizer synthesizer(voice);
    WordErrorRate wer;
    double synthMs = 0;
    double recogniseCpu = 0;
    double audioSeconds = 0;
    double finishCpu = 0; // the end of a turn: what the caller waits for after the endpointer
    for (const char *sentence : kSentences) {
        QElapsedTimer wall;
        wall.start();
        const Pcm audio = synthesizer.synthesize(QString::fromLatin1(sentence));
        synthMs += double(wall.nsecsElapsed()) / 1e6;
        audioSeconds += double(audio.size()) / kSampleRate;
        const double before = cpuSeconds();
        recognizer.start();
        for (const Pcm &frame : splitFrames(audio))
            recognizer.feed(frame);
        const double beforeFinish = cpuSeconds();
        const Recognition heard = recognizer.finish();
        finishCpu += cpuSeconds() - beforeFinish;
        recogniseCpu += cpuSeconds() - before;
        wer.add(QString::fromLatin1(sentence), heard.text);
        if (WordErrorRate::distance(QString::fromLatin1(sentence), heard.text) > 0)
            std::printf("    %-34s -> %s\n", sentence, qPrintable(heard.text));
    }
    const int n = int(std::size(kSentences));
    std::printf("  caller voice %s: WER %d/%d = %.1f %%; recognise %.3f CPU-s per audio-s (%.1f s of audio); "
                "end of turn %.1f CPU-ms; synthesise %.1f ms per sentence\n",
        qPrintable(SpeechSynthesizer::voiceName(voice)), wer.errors(), wer.words(), 100 * wer.rate(),
        recogniseCpu / audioSeconds, audioSeconds, 1000 * finishCpu / n, synthMs / n);
}

} // namespace

int main(int argc, char **argv)
{
    QCoreApplication app(argc, argv);
    const long rssBefore = residentKb();
    QElapsedTimer created;
    created.start();
    auto recognizer = SpeechRecognizer::create();
    if (!recognizer.ok()) {
        std::fprintf(stderr, "%s\n", qPrintable(recognizer.error().message));
        return 1;
    }
    std::printf(
        "one decoder: created in %lld ms, %ld MB resident\n", created.elapsed(), (residentKb() - rssBefore) / 1024);
    // Flite registers a voice on first use: once, outside the figures.
    SpeechSynthesizer(SpeechSynthesizer::Voice::Slt).synthesize(QStringLiteral("hello"));
    SpeechSynthesizer(SpeechSynthesizer::Voice::Rms).synthesize(QStringLiteral("hello"));
    for (const auto voice : {SpeechSynthesizer::Voice::Rms, SpeechSynthesizer::Voice::Slt})
        measureVoice(voice, *recognizer.value());
    return 0;
}
