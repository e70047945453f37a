#pragma once

#include "core/common/Result.h"
#include "core/voice/SpeechRecognizer.h"

#include <QElapsedTimer>
#include <QHash>

#include <functional>
#include <memory>
#include <mutex>
#include <vector>

namespace tierdesk::voice {

// The calls' speech decoders, lent for one turn of a caller's speech and given back after it, so a
// call holds none while its caller is silent (a decoder is some 22 MB, and a share of
// a 27 MB language model: SharedLanguageModel). Decoders made with
// the same options are one kind; a caller gets back the one it used last when that one is idle (it
// has adapted to their voice), else any idle one, which forgets the voice it heard before, else a new
// one. A decoder idle for idleMs is freed (looked at whenever one is lent or given back), and at most
// maxIdle wait: speaking calls keep theirs warm from turn to turn, silent ones cost none. keepReady()
// keeps some of one kind made ahead and never freed (voice/readyDecoders): callers who all speak
// for the first time at once then find decoders waiting instead of each waiting for one to load.
// Any thread may use it.
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

    // At least `count` decoders of this kind are kept, lent or idle, whatever their idle time (the
    // pool's maxIdle grows to count); prepare() makes them.
    void keepReady(int count, const SpeechRecognizer::Options &options);
    // Makes one decoder of the kind kept ready and leaves it idle, unless enough are made already.
    // Fails when its models cannot be loaded.
    Status prepare();

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

    int keptOf(const QString &kind) const; // lent or idle, with m_mutex held
    // Idle ones, oldest first, while `more` holds, but never those kept ready (with m_mutex held).
    std::vector<std::unique_ptr<SpeechRecognizer>> freeIdle(const std::function<bool(const Idle &)> &more);

    const int m_maxIdle;
    const qint64 m_idleMs;
    QElapsedTimer m_clock;
    mutable std::mutex m_mutex;
    std::vector<Idle> m_idle; // oldest first
    int m_made = 0;
    int m_ready = 0; // kept of m_readyOptions' kind (keepReady)
    SpeechRecognizer::Options m_readyOptions;
    QString m_readyKind = kindOf({}); // kindOf(m_readyOptions), worked out once
    QHash<QString, int> m_lentByKind; // lent() is their sum
};

} // namespace tierdesk::voice
