#include "core/voice/SourceLimits.h"

namespace tierdesk::voice {

namespace {

void dropOlderThan(std::deque<qint64> &times, qint64 oldest)
{
    while (!times.empty() && times.front() <= oldest)
        times.pop_front();
}

} // namespace

SourceLimits::Verdict SourceLimits::admit(const QString &source, int callsUnderWay, qint64 nowMs)
{
    if (m_trusted.contains(source))
        return Verdict::Allowed;
    if (!m_invites.contains(source) && m_invites.size() >= kMaxSources)
        forgetQuietest(nowMs);
    std::deque<qint64> &times = m_invites[source];
    dropOlderThan(times, nowMs - kWindowMs);
    const bool over = static_cast<int>(times.size()) >= m_limits.invitesPerMinute;
    if (over)
        times.pop_front(); // kept at the limit: the newest times say when a flood has stopped
    times.push_back(nowMs);
    if (over)
        return Verdict::TooManyInvites;
    if (callsUnderWay >= m_limits.callsPerSource)
        return Verdict::TooManyCalls;
    return Verdict::Allowed;
}

void SourceLimits::trust(const QString &source)
{
    if (source.isEmpty() || m_trusted.contains(source))
        return;
    if (static_cast<int>(m_trusted.size()) >= kMaxTrusted) {
        m_trusted.remove(m_trustOrder.front());
        m_trustOrder.pop_front();
    }
    m_trusted.insert(source);
    m_trustOrder.push_back(source);
    m_invites.remove(source); // what it did before it was known no longer counts
}

int SourceLimits::retryAfterSecs(const QString &source, qint64 nowMs) const
{
    const auto it = m_invites.constFind(source);
    if (it == m_invites.constEnd() || it->empty())
        return 1;
    const qint64 waitMs = it->front() + kWindowMs - nowMs;
    return static_cast<int>(qMax<qint64>(1, (waitMs + 999) / 1000));
}

bool SourceLimits::tell(const QString &source, qint64 nowMs)
{
    const auto told = m_toldAt.constFind(source);
    if (told != m_toldAt.constEnd() && *told > nowMs - kWindowMs)
        return false;
    m_toldAt.insert(source, nowMs);
    return true;
}

void SourceLimits::forgetQuietest(qint64 nowMs)
{
    // First those whose INVITEs all left the window; if none did, the one with the fewest.
    for (auto it = m_invites.begin(); it != m_invites.end();) {
        dropOlderThan(*it, nowMs - kWindowMs);
        it = it->empty() ? m_invites.erase(it) : std::next(it);
    }
    for (auto it = m_toldAt.begin(); it != m_toldAt.end();)
        it = *it <= nowMs - kWindowMs ? m_toldAt.erase(it) : std::next(it);
    if (m_invites.size() < kMaxSources)
        return;
    auto quietest = m_invites.begin();
    for (auto it = m_invites.begin(); it != m_invites.end(); ++it)
        if (it->size() < quietest->size())
            quietest = it;
    m_toldAt.remove(quietest.key());
    m_invites.erase(quietest);
}

} // namespace tierdesk::voice
