#pragma once

#include "core/common/Result.h"
#include "core/engine/channels/TextMessage.h"

namespace tierdesk {

// Sends a text through the company's messaging provider (Twilio). Blocking: called on a worker
// thread, so implementations are thread-safe. Behind this interface so engine tests use a fake.
class TextSender {
public:
    virtual ~TextSender() = default;
    // The provider's id of the message (Twilio's MessageSid), or why not: InvalidArgument when
    // the provider refused the request (retrying cannot help), Unavailable when it could not be
    // reached or failed (retry later).
    virtual Result<QString> send(const OutboundText &text) = 0;
};

} // namespace tierdesk
