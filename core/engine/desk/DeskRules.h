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

// The due times of an item queued at `queuedAt` with this priority: its targets counted
// in the config's business hours (from the next opening when queued while closed), or in
// every minute without them.
void setDueTimes(DeskItem &item, const DeskConfig &config);

// ok, warning (a target's `warningAt` fraction has passed, in open time under business
// hours) or breached (a due time has passed). The first-response target counts until the
// first reply. Never below the item's own state (states only move forward), so an item
// already warned costs no walk through the calendar.
SlaState slaState(
    const DeskItem &item, qint64 now, double warningAt, const std::optional<BusinessHours> &hours = std::nullopt);

// A person automatic assignment may give an item to: available, of the item's queue.
struct Candidate {
    QString agentId;
    int open = 0; // conversations held now
    int capacity = 0;
    qint64 idleSince = 0; // when they were last given or took one (0: not since the server started)
};

// The one with room (open < capacity) who holds the fewest; ties go to the one idle the
// longest, then to the smaller id (so a round is repeatable). None when nobody has room.
std::optional<int> pickAgent(const QList<Candidate> &candidates);

// A colleague an internal note may name.
struct Colleague {
    QString agentId;
    QString name; // "Bob Baker"
};

// Who a note names with `@Full Name` or `@First` (when no other colleague has that first
// name), case-insensitive, in the order named, each once, at most `limit`. An `@` inside a
// word (an e-mail address) names nobody, nor does a name running on into a longer word.
QList<int> mentioned(const QString &text, const QList<Colleague> &colleagues, int limit);

} // namespace desk
} // namespace tierdesk
