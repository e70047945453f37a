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
            ++m_lentByKind[kind];
            if (idle.lastOwner != owner)
                idle.recognizer->forgetVoice(); // another caller's voice is not this one's
            return std::move(idle.recognizer);
        }
    }
    // Made outside the lock: loading the models takes a good half second.
    Result<std::unique_ptr<SpeechRecognizer>> made = SpeechRecognizer::create(options);
    if (made) {
        const std::lock_guard<std::mutex> guard(m_mutex);
        ++m_lentByKind[kind];
        ++m_made;
    }
    return made;
}

void RecognizerPool::keepReady(int count, const SpeechRecognizer::Options &options)
{
    const std::lock_guard<std::mutex> guard(m_mutex);
    m_ready = qMax(0, count);
    m_readyOptions = options;
    m_readyKind = kindOf(options);
}

Status RecognizerPool::prepare()
{
    SpeechRecognizer::Options options;
    QString kind;
    {
        const std::lock_guard<std::mutex> guard(m_mutex);
        if (keptOf(m_readyKind) >= m_ready)
            return Ok{};
        options = m_readyOptions;
        kind = m_readyKind;
    }
    Result<std::unique_ptr<SpeechRecognizer>> made = SpeechRecognizer::create(options);
    if (!made)
        return made.error();
    const std::lock_guard<std::mutex> guard(m_mutex);
    ++m_made;
    m_idle.push_back({kind, 0, std::move(*made), m_clock.elapsed()});
    return Ok{};
}

int RecognizerPool::keptOf(const QString &kind) const
{
    int kept = m_lentByKind.value(kind);
    for (const Idle &idle : m_idle)
        kept += idle.kind == kind ? 1 : 0;
    return kept;
}

void RecognizerPool::give(
    std::unique_ptr<SpeechRecognizer> recognizer, const SpeechRecognizer::Options &options, quintptr owner)
{
    if (!recognizer)
        return;
    if (recognizer->inTurn())
        recognizer->finish(); // a call that ended mid-turn: its words are not wanted
    const QString kind = kindOf(options);
    std::vector<std::unique_ptr<SpeechRecognizer>> freed; // freed outside the lock
    const std::lock_guard<std::mutex> guard(m_mutex);
    if (int &lent = m_lentByKind[kind]; --lent <= 0)
        m_lentByKind.remove(kind);
    freed = expire();
    m_idle.push_back({kind, owner, std::move(recognizer), m_clock.elapsed()});
    std::vector<std::unique_ptr<SpeechRecognizer>> beyond
        = freeIdle([this](const Idle &) { return static_cast<int>(m_idle.size()) > qMax(m_maxIdle, m_ready); });
    std::move(beyond.begin(), beyond.end(), std::back_inserter(freed));
}

// Oldest first, while `more` says so, but never those kept ready.
std::vector<std::unique_ptr<SpeechRecognizer>> RecognizerPool::freeIdle(const std::function<bool(const Idle &)> &more)
{
    std::vector<std::unique_ptr<SpeechRecognizer>> freed;
    int spareReady = keptOf(m_readyKind) - m_ready;
    for (auto it = m_idle.begin(); it != m_idle.end() && more(*it);) {
        if (it->kind == m_readyKind && spareReady-- <= 0) {
            ++it;
            continue;
        }
        freed.push_back(std::move(it->recognizer));
        it = m_idle.erase(it);
    }
    return freed;
}

std::vector<std::unique_ptr<SpeechRecognizer>> RecognizerPool::expire()
{
    const qint64 now = m_clock.elapsed();
    return freeIdle([&](const Idle &idle) { return now - idle.since >= m_idleMs; });
}

int RecognizerPool::idle() const
{
    const std::lock_guard<std::mutex> guard(m_mutex);
    return static_cast<int>(m_idle.size());
}

int RecognizerPool::lent() const
{
    const std::lock_guard<std::mutex> guard(m_mutex);
    int lent = 0;
    for (const int ofKind : m_lentByKind)
        lent += ofKind;
    return lent;
}

int RecognizerPool::made() const
{
    const std::lock_guard<std::mutex> guard(m_mutex);
    return m_made;
}

} // namespace tierdesk::voice
