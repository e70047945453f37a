#pragma once

#include "core/domain/DeskItem.h"

namespace tierdesk {

// The desk's pure rules (docs/api.md, "The agent desk"), tested on their own.
namespace desk {

// From the escalation reason: LEGAL_MENTION, SOCIAL_MEDIA_THREAT and
// IRATE_CUSTOMER are urgent; REFUND_OVER_THRESHOLD, ESCALATED_COMPLAINT,
// REPEAT_CONTACT and HIGH_VALUE_CUSTOMER high; the rest normal. A VIP customer
// or an ANGRY or IRATE sentiment raises that one step (once); a normal item of
// a HAPPY or SATISFIED customer who is not a VIP is low.
Priority priorityFor(EscalationReason reason, Sentiment sentiment, bool vip);

// The due times of an item queued at `queuedAt` with this priority.
void setDueTimes(DeskItem &item, const DeskConfig &config);

// ok, warning (a target's `warningAt` fraction has passed) or breached (a due
// time has passed). The first-response target counts until the first reply.
SlaState slaState(const DeskItem &item, qint64 now, double warningAt);

} // namespace desk
} // namespace tierdesk
