#pragma once

#include "core/domain/Entities.h"
#include "core/engine/pipeline/Actor.h"

namespace tierdesk {

// What the agent desk (core/engine/desk/Desk) adds to the engine's own
// changes. The engine calls these inside the change's batch work; false undoes it.
class DeskHooks {
public:
    virtual ~DeskHooks() = default;
    // The session was escalated to HUMAN_AGENT: queue it for a person.
    virtual bool queued(const Session &s, const EscalationRecord &e, qint64 now) = 0;
    // Added to the AI's hand-over reply: when and how a person will answer (may be empty).
    virtual QString handoverNote(const Session &s, const Company &company) = 0;
    // A customer wrote to a session at the human tier.
    virtual void customerWrote(const Session &s) = 0;
    // A model wrote the session's summary for a person after its hand-over (agent assist).
    virtual void summaryWritten(const Session &s) = 0;
    // The session is being resolved: a person's resolve records them and says goodbye
    // (closingMessage: their own words instead of the default; empty: no goodbye);
    // the session leaves the queue.
    virtual bool resolving(Session &s, const Actor &actor, qint64 now, const std::optional<QString> &closingMessage)
        = 0;
};

} // namespace tierdesk
