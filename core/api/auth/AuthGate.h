#pragma once

#include "core/api/auth/Authenticator.h"
#include "core/api/common/RateLimiter.h"

#include <optional>

namespace tierdesk {
class SessionEngine;
}

namespace tierdesk::api {

struct AuthThrottle {
    bool enabled = true;
    int maxFailures = 20; // failed authentications per address and window
    int windowSecs = 60;
};

// Authentication with a memory. Every failure is written to the audit log
// (the reason and the address, never the token), and an address whose
// failures reach the limit is refused with 429 for the rest of the window,
// valid token or not, so guessing tokens or flooding the log is bounded.
class AuthGate {
public:
    AuthGate(const Authenticator &auth, SessionEngine &engine, AuthThrottle throttle);

    struct Outcome {
        std::optional<Principal> who;
        int status = 401; // when refused: 401, or 429 while throttled
        QString reason; // short, for the error body's details
        qint64 retryAfter = 0; // seconds, with 429
    };
    Outcome check(const http::HttpRequest &req, bool allowQueryToken);

    // For families with keys of their own (SigV4): the same throttle and audit as
    // for tokens. A 429 outcome while the address is throttled, else nullopt.
    std::optional<Outcome> throttled(const http::HttpRequest &req);
    // Counts a refused key against the address and audits it in `company`'s log
    // (empty: in no company's), with the refusal's reason and the family's name.
    void refuseKey(
        const http::HttpRequest &req, const QString &company, const QString &family, const QString &reason, int status);

private:
    void recordFailure(const http::HttpRequest &req, const QString &reason, int status);

    const Authenticator &m_auth;
    SessionEngine &m_engine;
    AuthThrottle m_throttle;
    RateLimiter m_failures;
};

} // namespace tierdesk::api
