#pragma once

#include "core/api/http/HttpResponder.h"

#include <functional>

namespace tierdesk {
class SessionEngine;
}

namespace tierdesk::api {

// A family's answers to a write that did not become durable: `storageFailure` when the store
// failed for good (its reason), `retryLater` when the commit failed and may succeed again.
struct CommitFailureBodies {
    std::function<http::HttpResponse(const QString &reason)> storageFailure;
    std::function<http::HttpResponse()> retryLater;
};

// Sends `response` once the engine's current batch has committed, so an acknowledged write is
// durable; if the commit fails, the family's body for it instead. Every API family answers so.
void replyAfterCommit(SessionEngine &engine, const http::HttpResponder &res, const http::HttpResponse &response,
    const CommitFailureBodies &failed);

} // namespace tierdesk::api
