#pragma once

#include "core/api/auth/AuthGate.h"
#include "core/api/auth/SigV4Verifier.h"
#include "core/api/common/RateLimiter.h"
#include "core/engine/SessionEngine.h"
#include "core/engine/access/ApiTokens.h"
#include "core/engine/admin/ReportJobs.h"
#include "core/engine/desk/Desk.h"

#include <memory>

namespace tierdesk::api {

// Requests per access key and window (docs/platform-api.md, "Limits"); over it: 429
// TooManyRequestsException, as API Gateway's usage-plan throttle answers.
struct PlatformRateLimits {
    bool enabled = true;
    int windowSecs = 60;
    int requestsPerKey = 600;
};

// What the platform services (seed 000) are served with. Every route file's
// install<Resource>Routes() gets it; handlers ask the engine (and the desk), never the store.
struct PlatformServices {
    SessionEngine *engine = nullptr;
    ApiTokens *tokens = nullptr;
    AuthGate *auth = nullptr; // throttles and audits refused signatures
    RateLimiter *limiter = nullptr;
    PlatformRateLimits limits;
    ReportLimits reports; // retention and per-company quota of POST /analytics/reports
    Desk *desk = nullptr; // queues, agents and SLA targets; routes that need it answer 503 without
    // Set by PlatformFamily: verifies AWS SigV4 against the sigv4 keys of ApiTokens,
    // and the context of the engine's asynchronous answers (gone with the family).
    std::shared_ptr<const SigV4Verifier> verifier;
    QObject *context = nullptr;
};

} // namespace tierdesk::api
