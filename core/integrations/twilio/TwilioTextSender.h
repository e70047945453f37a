#pragma once

#include "core/engine/channels/TextSender.h"
#include "core/integrations/OutboundHttp.h"

#include <memory>

namespace tierdesk {

// Sends a text through Twilio's Messages API: POST {apiUrl}/2010-04-01/Accounts/{AccountSid}/Messages.json
// with the form To, From, Body and StatusCallback (when the text has one), HTTP basic auth with the
// account's SID and auth token. The answer's `sid` is the message's id. Twilio's error body
// ({"code","message","more_info","status"}) is kept in the error: InvalidArgument for a 4xx but 429
// (details: status, twilioCode), Unavailable for 429, 5xx, no answer or an answer that is not a
// message (details.retryAfter when Twilio said when to try again). Thread-safe as OutboundHttp is.
class TwilioTextSender final : public TextSender {
public:
    static constexpr int kTimeoutMs = 10000; // one request, connect to last byte
    static constexpr int kMaxAnswerBytes = 64 * 1024; // a Message resource is about 1 kB
    static constexpr int kMaxErrorChars = 300; // of Twilio's message, in ours

    explicit TwilioTextSender(std::shared_ptr<OutboundHttp> http);

    Result<QString> send(const OutboundText &text) override;

    // The request send() makes for `text`, or why it cannot be made (InvalidArgument).
    static Result<OutboundRequest> request(const OutboundText &text);
    // What send() makes of Twilio's answer.
    static Result<QString> answer(const OutboundResult &result);

private:
    std::shared_ptr<OutboundHttp> m_http;
};

} // namespace tierdesk
