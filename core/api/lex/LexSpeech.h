#pragma once

#include "core/common/Result.h"
#include "core/domain/Language.h"
#include "core/voice/DecoderPool.h"
#include "core/voice/SpeechRecognizer.h"
#include "core/voice/SpeechSynthesizer.h"

#include <QObject>

#include <condition_variable>
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
        // The server's calls' pool (the CallCenter's), so that utterances and calls share
        // voice/decoders threads and voice/maxCalls lines; none: a pool of its own.
        voice::DecoderPool *pool = nullptr;
        int maxConcurrent = 2; // threads of a pool of its own; recognisers kept idle
        int maxInFlight = 16; // utterances being recognised or spoken at once; more: refused (busy)
        voice::SpeechRecognizer::Options recognizer; // the calls' (their vocabulary)
    };

    explicit LexSpeech(const Options &options);
    ~LexSpeech(); // waits for its work under way (not for the shared pool's other work)

    using Heard = std::function<void(Result<voice::Recognition>)>;
    using Spoken = std::function<void(QByteArray pcm16le)>;
    // The words of 16 kHz mono audio (digits: the order-number grammar), `done` on `context`'s
    // thread. False, and nothing called, when maxInFlight utterances are in flight.
    bool recognize(voice::Pcm audio, bool digits, QObject *context, Heard done);
    // The text prepared for the ear and spoken: 16 kHz 16-bit little-endian PCM, on `context`'s thread.
    bool speak(
        const QString &text, Language language, voice::SpeechSynthesizer::Voice voice, QObject *context, Spoken done);

private:
    std::unique_ptr<voice::SpeechRecognizer> takeRecognizer(QString *error);
    void giveBack(std::unique_ptr<voice::SpeechRecognizer> recognizer);
    // A job for a lane of the pool, counted in flight until it has run; false when the pool or
    // maxInFlight is full.
    bool post(std::function<void()> job);

    Options m_options;
    std::mutex m_mutex;
    std::condition_variable m_allDone;
    int m_inFlight = 0;
    std::vector<std::unique_ptr<voice::SpeechRecognizer>> m_idle;
    std::unique_ptr<voice::DecoderPool> m_ownPool; // last: destroyed first, waiting for its jobs
    voice::DecoderPool *m_pool = nullptr;
};

} // namespace tierdesk::api
