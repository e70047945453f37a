#pragma once

#include "core/domain/DeskItem.h"
#include "core/domain/Entities.h"
#include "core/domain/Mention.h"
#include "core/domain/SessionRating.h"

#include <QMetaType>
#include <QString>

#include <optional>

namespace tierdesk {

enum class SessionEventType {
    Created,
    Message,
    Escalated,
    Transferred,
    Resolved,
    Abandoned,
    // A customer rated the session (every rating), and a low one for the supervisors.
    SatisfactionRated,
    SatisfactionLow,
    // An internal note named a colleague: for that person's connections only.
    Mentioned,
    // The agent desk's queue (docs/api.md, "The agent desk").
    QueueAdded,
    QueueUpdated,
    QueueRemoved,
    SlaWarning,
    SlaBreached,
};

// Something that happened to a session, published by the engine after its
// transaction committed. Typed, so that each API family words it in its own
// wire format (seed 001's WebSocket frames: api/cs/CsEventJson; seed 003's
// Socket.IO events: api/chat/ChatSocket).
struct SessionEvent {
    SessionEventType type = SessionEventType::Message;
    QString companyId;
    QString sessionId;
    // The session after the change, without its transcript; absent on desk events.
    std::optional<Session> session;
    // Message: the customer's message of an AI turn (absent when a person wrote).
    std::optional<Message> customerMessage;
    // Message: the AI's reply to it, or the message a person wrote on the desk.
    std::optional<Message> reply;
    std::optional<EscalationRecord> escalation; // Escalated, Transferred
    bool internal = false; // a person's note or a transfer: for agents and above only
    // Desk events: the queue item as the desk serves it; none on QueueRemoved (the session left).
    std::optional<QueueItem> queueItem;
    std::optional<SessionRating> rating; // SatisfactionRated, SatisfactionLow
    std::optional<Mention> mention; // Mentioned
    // Team mode: it happened on another instance and came through the database (TeamRelay).
    // Its clients are told; what it caused there (webhooks, e-mails) is not done again here.
    bool relayed = false;

    bool isDeskEvent() const { return type >= SessionEventType::QueueAdded; }
    // A low rating is for the company's supervisors and admins only.
    bool forSupervisors() const { return type == SessionEventType::SatisfactionLow; }
};

// The session as events carry it: its row, none of its lists.
Session eventSnapshot(const Session &s);
SessionEvent makeSessionEvent(SessionEventType type, const Session &s);

// Stable names ("created", "queue.added", "sla.breached"): seed 001's event types.
QString eventName(SessionEventType type);

} // namespace tierdesk

Q_DECLARE_METATYPE(tierdesk::SessionEvent)
