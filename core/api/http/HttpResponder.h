#pragma once

#include "core/api/http/HttpTypes.h"

#include <functional>
#include <memory>

namespace tierdesk::http {

namespace detail {
struct ResponderState;
}

// Answers one request, now or later (after a batched commit). Copies share state.
// send() works at most once; after the client has gone it does nothing. Replies on one
// connection always leave in request order, whatever order send() is called in.
class HttpResponder {
public:
    HttpResponder() = default; // a detached responder: send() does nothing
    explicit HttpResponder(std::shared_ptr<detail::ResponderState> state);
    // No connection: send() hands the reply to sink (fuzzers and in-process drivers of the
    // router). Connected responders never look at it.
    static HttpResponder capturing(std::function<void(HttpResponse &&)> sink);

    void send(HttpResponse response) const;
    bool isConnected() const;
    bool isSent() const;

private:
    std::shared_ptr<detail::ResponderState> d;
};

} // namespace tierdesk::http
