#pragma once

#include "core/integrations/OutboundHttp.h"
#include "core/integrations/models/ProviderProtocols.h"

#include <memory>

namespace tierdesk {

// A provider reached over its HTTP API (providers::openai, anthropic, ollama).
// A 429 is retried once when its Retry-After ends before the deadline; every
// other failure is returned at once, for the caller's fallback. The key goes
// only into the request's header: no error message, log line or result holds it.
class HttpChatModel final : public ChatModel {
public:
    HttpChatModel(providers::Endpoint endpoint, std::shared_ptr<OutboundHttp> http);
    Result<ChatCompletion> complete(const ChatRequest &request, QDeadlineTimer deadline) override;

private:
    Result<ChatCompletion> attempt(const ChatRequest &request, QDeadlineTimer deadline, int *retryAfterSecs) const;
    Error failure(const OutboundResult &answer) const;

    providers::Endpoint m_endpoint;
    std::shared_ptr<OutboundHttp> m_http;
};

} // namespace tierdesk
