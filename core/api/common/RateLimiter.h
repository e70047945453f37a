#pragma once

#include "core/common/Clock.h"

#include <QHash>
#include <QString>

namespace tierdesk::api {

struct RateDecision {
    bool allowed = true;
    int limit = 0;
    int remaining = 0;
    qint64 resetAt = 0; // epoch seconds when the window ends
    qint64 retryAfter = 0; // seconds, when refused
};

// Fixed-window counters keyed by (rule, subject). Windows are aligned to the
// clock so X-RateLimit-Reset is the same for everyone sharing a window.
class RateLimiter {
public:
    explicit RateLimiter(const Clock &clock) : m_clock(clock) { }
    RateDecision hit(const QString &key, int limit, int windowSecs);
    // What hit() would decide, without counting.
    RateDecision peek(const QString &key, int limit, int windowSecs) const;

private:
    struct Window {
        qint64 start = 0;
        int count = 0;
    };
    void prune(qint64 nowSecs);

    const Clock &m_clock;
    QHash<QString, Window> m_windows;
    qint64 m_lastPrune = 0;
};

} // namespace tierdesk::api
