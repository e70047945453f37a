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
        int status = 401; // when refused: 401, 403 for a token that must set up a second factor, 429 while throttled
        QString reason; // short, for the error body's details
        qint64 retryAfter = 0; // seconds, with 429
    };
    // A token that may only set up a second factor is refused (403) unless allowMfaSetup: the
    // CS family lets it reach the routes that set one up, and no other.
    Outcome check(const http::HttpRequest &req, bool allowQueryToken, bool allowMfaSetup = false);

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
