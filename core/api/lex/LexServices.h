#pragma once

#include "core/api/auth/AuthGate.h"
#include "core/api/auth/SigV4Verifier.h"
#include "core/api/common/RateLimiter.h"
#include "core/engine/SessionEngine.h"
#include "core/engine/access/ApiTokens.h"
#include "core/engine/customers/CustomerDirectory.h"
#include "core/engine/desk/Desk.h"

#include <memory>

namespace tierdesk::api {

class LexSpeech;

// Requests per access key and window, as the platform services count them (settings
// rateLimit/platformPerWindow); over it: 429 ThrottlingException.
struct LexRateLimits {
    bool enabled = true;
    int windowSecs = 60;
    int requestsPerKey = 600;
};

// What the Lex V2 runtime (seed 004) is served with. Handlers ask the engine, the desk (a
// handed-over conversation's queue) and the customer directory (a caller found by phone), never
// the store.
struct LexServices {
    SessionEngine *engine = nullptr;
    ApiTokens *tokens = nullptr;
    AuthGate *auth = nullptr; // throttles and audits refused signatures
    RateLimiter *limiter = nullptr;
    LexRateLimits limits;
    Desk *desk = nullptr; // the queue of a conversation handed to a person; none: no queue is told
    CustomerDirectory *customers = nullptr; // callers by phone; none: callerNumber finds nobody
    // Set by LexFamily: SigV4 for service "lex" against the sigv4 keys of ApiTokens (the
    // utterance's verifier also takes UNSIGNED-PAYLOAD, as botocore sends it), the speech
    // off the engine thread, and the context of the engine's asynchronous answers.
    std::shared_ptr<const SigV4Verifier> verifier;
    std::shared_ptr<const SigV4Verifier> streamVerifier;
    LexSpeech *speech = nullptr;
    QObject *context = nullptr;
};

} // namespace tierdesk::api
