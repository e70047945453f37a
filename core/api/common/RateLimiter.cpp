#include "core/api/common/RateLimiter.h"

namespace tierdesk::api {

RateDecision RateLimiter::hit(const QString &key, int limit, int windowSecs)
{
    const qint64 now = m_clock.nowSecs();
    prune(now);
    const qint64 start = now - (now % windowSecs);
    Window &w = m_windows[key];
    if (w.start != start)
        w = Window{start, 0};
    RateDecision d;
    d.limit = limit;
    d.resetAt = start + windowSecs;
    if (w.count >= limit) {
        d.allowed = false;
        d.retryAfter = qMax<qint64>(1, d.resetAt - now);
        return d;
    }
    ++w.count;
    d.remaining = limit - w.count;
    return d;
}

RateDecision RateLimiter::peek(const QString &key, int limit, int windowSecs) const
{
    const qint64 now = m_clock.nowSecs();
    const qint64 start = now - (now % windowSecs);
    const auto it = m_windows.constFind(key);
    const int count = it != m_windows.cend() && it->start == start ? it->count : 0;
    RateDecision d;
    d.limit = limit;
    d.resetAt = start + windowSecs;
    d.allowed = count < limit;
    d.remaining = qMax(0, limit - count);
    if (!d.allowed)
        d.retryAfter = qMax<qint64>(1, d.resetAt - now);
    return d;
}

void RateLimiter::prune(qint64 nowSecs)
{
    // Drop windows that ended long ago, at most once a minute, so memory stays
    // bounded by the number of active keys.
    if (nowSecs - m_lastPrune < 60 || m_windows.size() < 10000)
        return;
    m_lastPrune = nowSecs;
    for (auto it = m_windows.begin(); it != m_windows.end();) {
        if (it->start < nowSecs - 3600)
            it = m_windows.erase(it);
        else
            ++it;
    }
}

} // namespace tierdesk::api
