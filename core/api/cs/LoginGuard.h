#pragma once

#include "core/api/common/RateLimiter.h"

#include <QHash>
#include <QThreadPool>

namespace tierdesk::api {

// Bounds password guessing at POST /api/cs/auth/login: failed logins are
// counted per e-mail and per client address in fixed windows; a login whose
// password is still being checked counts as a failure until it is known, so a
// burst of parallel guesses cannot slip past the limit. The checks themselves
// run on a small pool of their own (Argon2id is slow and takes 64 MiB each).
class LoginGuard {
public:
    static constexpr int kMaxInFlight = 64; // password checks queued or running; beyond: 503

    LoginGuard(const Clock &clock, int failuresPerWindow, int windowSecs);
    ~LoginGuard();

    int failuresPerWindow() const { return m_limit; }
    int windowSecs() const { return m_window; }
    bool busy() const { return m_inFlight >= kMaxInFlight; }
    // Allowed: counts one login in flight for both keys. Refused: retryAfter is set.
    RateDecision admit(const QString &email, const QString &address);
    // The check of an admitted login ended; a failure counts for both keys.
    void finish(const QString &email, const QString &address, bool failed);
    QThreadPool &pool() { return m_pool; }

private:
    RateDecision decide(const QString &key) const;

    RateLimiter m_failures;
    int m_limit;
    int m_window;
    int m_inFlight = 0;
    QHash<QString, int> m_pending;
    QThreadPool m_pool;
};

} // namespace tierdesk::api
