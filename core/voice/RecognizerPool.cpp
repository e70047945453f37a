#include "core/voice/RecognizerPool.h"

namespace tierdesk::voice {

QString RecognizerPool::kindOf(const SpeechRecognizer::Options &o)
{
    QStringList words = o.extraWords;
    words.sort();
    return QStringLiteral("%1|%2|%3|%4|%5")
        .arg(o.modelDir)
        .arg(o.vocabularySize)
        .arg(o.maskProfanity ? 1 : 0)
        .arg(o.flatPass ? 1 : 0)
        .arg(words.join(QLatin1Char(' ')));
}

Result<std::unique_ptr<SpeechRecognizer>> RecognizerPool::take(const SpeechRecognizer::Options &options, quintptr owner)
{
    const QString kind = kindOf(options);
    std::vector<std::unique_ptr<SpeechRecognizer>> expired; // freed outside the lock
    {
        const std::lock_guard<std::mutex> guard(m_mutex);
        expired = expire();
        // The owner's own first, else the idle one given back last (its memory is the warmest).
        std::ptrdiff_t chosen = -1;
        for (std::ptrdiff_t i = static_cast<std::ptrdiff_t>(m_idle.size()) - 1; i >= 0; --i) {
            const Idle &idle = m_idle[static_cast<size_t>(i)];
            if (idle.kind != kind)
                continue;
            if (chosen < 0 || idle.lastOwner == owner)
                chosen = i;
            if (idle.lastOwner == owner)
                break;
        }
        if (chosen >= 0) {
            Idle idle = std::move(m_idle[static_cast<size_t>(chosen)]);
            m_idle.erase(m_idle.begin() + chosen);
            ++m_lent;
            if (idle.lastOwner != owner)
                idle.recognizer->forgetVoice(); // another caller's voice is not this one's
            return std::move(idle.recognizer);
        }
    }
    // Made outside the lock: loading the models takes a good half second.
    Result<std::unique_ptr<SpeechRecognizer>> made = SpeechRecognizer::create(options);
    if (made) {
        const std::lock_guard<std::mutex> guard(m_mutex);
        ++m_lent;
        ++m_made;
    }
    return made;
}

void RecognizerPool::give(
    std::unique_ptr<SpeechRecognizer> recognizer, const SpeechRecognizer::Options &options, quintptr owner)
{
    if (!recognizer)
        return;
    if (recognizer->inTurn())
        recognizer->finish(); // a call that ended mid-turn: its words are not wanted
    std::vector<std::unique_ptr<SpeechRecognizer>> freed; // freed outside the lock
    const std::lock_guard<std::mutex> guard(m_mutex);
    m_lent = qMax(0, m_lent - 1);
    freed = expire();
    m_idle.push_back({kindOf(options), owner, std::move(recognizer), m_clock.elapsed()});
    if (static_cast<int>(m_idle.size()) > m_maxIdle) {
        freed.push_back(std::move(m_idle.front().recognizer));
        m_idle.erase(m_idle.begin());
    }
}

std::vector<std::unique_ptr<SpeechRecognizer>> RecognizerPool::expire()
{
    std::vector<std::unique_ptr<SpeechRecognizer>> out;
    const qint64 now = m_clock.elapsed();
    while (!m_idle.empty() && now - m_idle.front().since >= m_idleMs) { // oldest first
        out.push_back(std::move(m_idle.front().recognizer));
        m_idle.erase(m_idle.begin());
    }
    return out;
}

int RecognizerPool::idle() const
{
    const std::lock_guard<std::mutex> guard(m_mutex);
    return static_cast<int>(m_idle.size());
}

int RecognizerPool::lent() const
{
    const std::lock_guard<std::mutex> guard(m_mutex);
    return m_lent;
}

int RecognizerPool::made() const
{
    const std::lock_guard<std::mutex> guard(m_mutex);
    return m_made;
}

} // namespace tierdesk::voice
