#pragma once

#include "core/integrations/mail/InboundMail.h"

#include <QByteArray>

namespace tierdesk::mail {

// A message/delivery-status part (RFC 3464): the per-message fields, then one block of fields per
// recipient. Recipients whose Action is "failed" (every one named, when no block has an Action)
// are the failed ones; Status and Diagnostic-Code come from the first of them. The returned
// message's id is not here: the reader takes it from the report's message/rfc822 or
// text/rfc822-headers part.
class DeliveryStatus {
public:
    static BounceReport parse(const QByteArray &part);
};

} // namespace tierdesk::mail
