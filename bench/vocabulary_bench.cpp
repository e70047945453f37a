// What the words a call listens for cost and gain (docs/calls.md, "Speech on the machine"):
//   ninja -C build tierdesk_vocabulary_bench && build/bench/tierdesk_vocabulary_bench [bench/vocabulary_sentences.txt]
// Sixty callers' sentences (bench/vocabulary_sentences.txt) said by Flite's four US voices, each fed to a
// decoder as a call feeds it (the endpointer's 200 ms before the speech and 500 ms of quiet line after
// it, 20 ms at a time), under three settings: the whole dictionary with PocketSphinx's flat second
// pass (its defaults), the whole dictionary without it, and the product's (the model's 20,000 most
// likely words and the service words, no flat pass). Prints each one's word error rate per voice, the
// CPU seconds a second of audio costs as it is fed, and the CPU a turn's end costs (what the caller
// waits for). The service words are counted without the examples that are sentences of the set, so
// that the set's own words are not handed to the decoder.
#include "core/voice/SpeechRecognizer.h"
#include "core/voice/WordErrorRate.h"
#include "core/voice/calls/CallVocabulary.h"

#include <flite/flite.h>

#include <QCoreApplication>
#include <QFile>
#include <QRandomGenerator>

#include <cstdio>
#include <ctime>

extern "C" {
cst_voice *register_cmu_us_slt(const char *voxdir);
cst_voice *register_cmu_us_rms(const char *voxdir);
cst_voice *register_cmu_us_awb(const char *voxdir);
cst_voice *register_cmu_us_kal16(const char *voxdir);
}

using namespace tierdesk;
using namespace tierdesk::voice;

namespace {

double threadCpuSeconds()
{
    timespec t{};
    clock_gettime(CLOCK_THREAD_CPUTIME_ID, &t);
    return double(t.tv_sec) + double(t.tv_nsec) / 1e9;
}

QStringList sentencesIn(const QString &path)
{
    QFile file(path);
    QStringList sentences;
    if (!file.open(QIODevice::ReadOnly | QIODevice::Text))
        return sentences;
    while (!file.atEnd()) {
        const QString line = QString::fromUtf8(file.readLine()).trimmed();
        if (!line.isEmpty() && !line.startsWith(u'#'))
            sentences << line;
    }
    return sentences;
}

struct Caller {
    const char *name;
    std::vector<Pcm> said; // one per sentence, with the line's quiet before and after
};

// A quiet line: a few units of noise, as a real line has (digital silence is not one).
Pcm quietLine(int ms, QRandomGenerator &random)
{
    Pcm quiet(static_cast<size_t>(ms) * kSampleRate / 1000);
    for (int16_t &s : quiet)
        s = static_cast<int16_t>(random.bounded(-3, 4));
    return quiet;
}

std::vector<Caller> callers(const QStringList &sentences)
{
    flite_init();
    const std::pair<const char *, cst_voice *> voices[]
        = {{"slt", register_cmu_us_slt(nullptr)}, {"rms", register_cmu_us_rms(nullptr)},
            {"awb", register_cmu_us_awb(nullptr)}, {"kal16", register_cmu_us_kal16(nullptr)}};
    QRandomGenerator random(1);
    std::vector<Caller> out;
    for (const auto &[name, voice] : voices) {
        Caller caller{name, {}};
        for (const QString &sentence : sentences) {
            cst_wave *wave = flite_text_to_wave(sentence.toUtf8().constData(), voice);
            Pcm audio = quietLine(200, random);
            audio.insert(audio.end(), wave->samples, wave->samples + wave->num_samples);
            const Pcm after = quietLine(500, random);
            audio.insert(audio.end(), after.begin(), after.end());
            delete_wave(wave);
            caller.said.push_back(std::move(audio));
        }
        out.push_back(std::move(caller));
    }
    return out;
}

void measure(const char *label, const SpeechRecognizer::Options &options, const std::vector<Caller> &callers,
    const QStringList &sentences)
{
    auto recognizer = SpeechRecognizer::create(options);
    if (!recognizer.ok()) {
        std::fprintf(stderr, "%s\n", qPrintable(recognizer.error().message));
        return;
    }
    WordErrorRate all;
    double feedCpu = 0, endCpu = 0, endMax = 0, audioSeconds = 0;
    int turns = 0;
    std::printf("%s:\n ", label);
    for (const Caller &caller : callers) {
        WordErrorRate voice;
        for (size_t i = 0; i < caller.said.size(); ++i) {
            (*recognizer)->start();
            const double fed = threadCpuSeconds();
            for (const Pcm &frame : splitFrames(caller.said[i]))
                (*recognizer)->feed(frame);
            const double ending = threadCpuSeconds();
            const Recognition heard = (*recognizer)->finish();
            const double ended = threadCpuSeconds();
            feedCpu += ending - fed;
            endCpu += ended - ending;
            endMax = std::max(endMax, ended - ending);
            audioSeconds += double(caller.said[i].size()) / kSampleRate;
            ++turns;
            voice.add(sentences.at(static_cast<qsizetype>(i)), heard.text);
            all.add(sentences.at(static_cast<qsizetype>(i)), heard.text);
        }
        std::printf(" %s %.1f %%", caller.name, 100 * voice.rate());
    }
    std::printf("\n  word errors %d / %d = %.1f %%; %.3f CPU-s per audio-s fed; a turn's end %.0f CPU-ms (max %.0f)\n",
        all.errors(), all.words(), 100 * all.rate(), feedCpu / audioSeconds, 1000 * endCpu / turns, 1000 * endMax);
    std::fflush(stdout);
}

} // namespace

int main(int argc, char **argv)
{
    QCoreApplication app(argc, argv);
    const QString path = argc > 1 ? QString::fromLocal8Bit(argv[1]) : QStringLiteral("bench/vocabulary_sentences.txt");
    const QStringList sentences = sentencesIn(path);
    if (sentences.isEmpty()) {
        std::fprintf(stderr, "no sentences in %s\n", qPrintable(path));
        return 1;
    }
    const std::vector<Caller> voices = callers(sentences);
    std::printf("%lld sentences, said by %zu voices\n", static_cast<long long>(sentences.size()), voices.size());
    SpeechRecognizer::Options whole;
    whole.maskProfanity = false; // the sentences' words as said
    whole.vocabularySize = 0;
    whole.flatPass = true;
    measure("the whole dictionary (72,547 words), flat second pass", whole, voices, sentences);
    whole.flatPass = false;
    measure("the whole dictionary, no flat pass", whole, voices, sentences);
    SpeechRecognizer::Options product;
    product.maskProfanity = false;
    product.extraWords = CallVocabulary::serviceWordsWithout(sentences);
    measure("20,000 words and the service words, no flat pass (calls' default)", product, voices, sentences);
    return 0;
}
