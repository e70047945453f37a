#pragma once

#include "core/common/Result.h"
#include "core/domain/Language.h"
#include "core/voice/DecoderPool.h"
#include "core/voice/SpeechRecognizer.h"
#include "core/voice/SpeechSynthesizer.h"

#include <QObject>

#include <functional>
#include <memory>
#include <mutex>
#include <vector>

namespace tierdesk::api {

// RecognizeUtterance's speech, never on the engine thread (DESIGN.md, "Threading"): the caller's
// audio recognised and the reply spoken on a bounded DecoderPool, one lane per utterance, the
// answer handed back to the engine thread. Recognisers take about 0.6 s and 90 MB to load, so
// idle ones are kept for the next utterance (at most one per pool thread).
class LexSpeech {
public:
    struct Options {
        int maxConcurrent = 2; // pool threads
        int maxInFlight = 16; // utterances being recognised or spoken at once; more: refused (busy)
        voice::SpeechSynthesizer::Voice voice = voice::SpeechSynthesizer::Voice::Slt;
    };

    explicit LexSpeech(const Options &options);
    ~LexSpeech(); // waits for the work under way

    using Heard = std::function<void(Result<voice::Recognition>)>;
    using Spoken = std::function<void(QByteArray pcm16le)>;
    // The words of 16 kHz mono audio (digits: the order-number grammar), `done` on `context`'s
    // thread. False, and nothing called, when maxInFlight utterances are in flight.
    bool recognize(voice::Pcm audio, bool digits, QObject *context, Heard done);
    // The text prepared for the ear and spoken: 16 kHz 16-bit little-endian PCM, on `context`'s thread.
    bool speak(const QString &text, Language language, QObject *context, Spoken done);

private:
    std::unique_ptr<voice::SpeechRecognizer> takeRecognizer(QString *error);
    void giveBack(std::unique_ptr<voice::SpeechRecognizer> recognizer);

    Options m_options;
    voice::SpeechSynthesizer m_synthesizer;
    std::mutex m_mutex;
    std::vector<std::unique_ptr<voice::SpeechRecognizer>> m_idle;
    voice::DecoderPool m_pool; // last: destroyed first, waiting for the jobs that use the rest
};

} // namespace tierdesk::api
