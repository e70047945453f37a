#pragma once

#include "core/common/Result.h"
#include "core/voice/SpeechRecognizer.h"

#include <QElapsedTimer>

#include <memory>
#include <mutex>
#include <vector>

namespace tierdesk::voice {

// The calls' speech decoders, lent for one turn of a caller's speech and given back after it, so a
// call holds none while its caller is silent (a decoder is some 56 MB of models). Decoders made with
// the same options are one kind; a caller gets back the one it used last when that one is idle (it
// has adapted to their voice), else any idle one, which forgets the voice it heard before, else a new
// one. A decoder idle for idleMs is freed (looked at whenever one is lent or given back), and at most
// maxIdle wait: speaking calls keep theirs warm from turn to turn, silent ones cost none. Any thread
// may use it.
class RecognizerPool {
public:
    static constexpr qint64 kIdleMs = 60000;

    explicit RecognizerPool(int maxIdle, qint64 idleMs = kIdleMs) : m_maxIdle(maxIdle), m_idleMs(idleMs)
    {
        m_clock.start();
    }
    RecognizerPool(const RecognizerPool &) = delete;
    RecognizerPool &operator=(const RecognizerPool &) = delete;

    // `owner`: who asks (a call's ear); fails when a new decoder cannot be made (its models).
    Result<std::unique_ptr<SpeechRecognizer>> take(const SpeechRecognizer::Options &options, quintptr owner);
    void give(std::unique_ptr<SpeechRecognizer> recognizer, const SpeechRecognizer::Options &options, quintptr owner);

    int idle() const;
    int lent() const;
    int made() const; // decoders made over the pool's life (a measure of what pooling saves)

private:
    struct Idle {
        QString kind;
        quintptr lastOwner = 0;
        std::unique_ptr<SpeechRecognizer> recognizer;
        qint64 since = 0; // m_clock's time it was given back
    };
    static QString kindOf(const SpeechRecognizer::Options &options);
    // Those idle too long, out of m_idle (with m_mutex held); freed by the caller outside the lock.
    std::vector<std::unique_ptr<SpeechRecognizer>> expire();

    const int m_maxIdle;
    const qint64 m_idleMs;
    QElapsedTimer m_clock;
    mutable std::mutex m_mutex;
    std::vector<Idle> m_idle; // oldest first
    int m_lent = 0;
    int m_made = 0;
};

} // namespace tierdesk::voice
