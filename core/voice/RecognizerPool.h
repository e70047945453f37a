#pragma once

#include "core/common/Result.h"
#include "core/voice/SpeechRecognizer.h"

#include <QHash>

#include <memory>
#include <mutex>
#include <vector>

namespace tierdesk::voice {

// The calls' speech decoders, lent for one turn of a caller's speech and given back after it, so a
// call holds none while its caller is silent (a decoder is some 56 MB of models). Decoders made with
// the same options are one kind; a caller gets back the one it used last when that one is idle (it
// has adapted to their voice), else any idle one, which forgets the voice it heard before, else a new
// one. At most maxIdle wait idle; more given back are freed. Any thread may use it.
class RecognizerPool {
public:
    explicit RecognizerPool(int maxIdle) : m_maxIdle(maxIdle) { }
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
    };
    static QString kindOf(const SpeechRecognizer::Options &options);

    const int m_maxIdle;
    mutable std::mutex m_mutex;
    std::vector<Idle> m_idle; // oldest first
    int m_lent = 0;
    int m_made = 0;
};

} // namespace tierdesk::voice
