#pragma once

#include "core/domain/Entities.h"
#include "core/engine/pipeline/MessageAnalysis.h"

#include <optional>

namespace tierdesk {

struct EscalationDecision {
    EscalationReason reason;
    Tier target;
    QString notes;
};

// What the message asks the engine to do with money or subscriptions; the
// policy compares it with each tier's capabilities.
struct RequestedAction {
    // Cancel: an order not yet shipped (nothing charged, no money moves).
    enum Kind { None, Refund, Credit, Subscription, Cancel } kind = None;
    double amount = 0;
    bool needsOrder = false; // a refund whose order the customer has not named yet
    QString orderId{}; // refunds and cancellations
    QString item{}; // a refund of one item of the order
    QString change{}; // subscriptions: "paused", "active", "cancelled", "plan:<name>"
    bool insteadOfRefund = false; // a cancellation offered because money back was asked for
    bool policyException = false; // asks for what the policy does not allow: only a person may decide
    // A cancellation of an order kept in the company's own system (a connector's) where no
    // connector cancels (the configuration's `connectors.cancel`): only a person can make it.
    bool atCompanySystem = false;
    double askedAmount = 0; // more than is owed was asked for; `amount` is what is owed
};

struct PolicyInput {
    const Session &session;
    const Customer *customer;
    const CsConfig &config;
    const MessageAnalysis &analysis;
    RequestedAction requested;
    bool repeatContact = false; // same customer and category within the window
    int unconfidentTurns = 0; // including this message
    bool doubtGoesToPerson = false; // unconfident turns hand over to a person (seed 003's chat)
};

// Decides whether this message escalates the session, and where to. The order
// of the checks is the order of precedence; the first that applies wins.
std::optional<EscalationDecision> decideEscalation(const PolicyInput &in);

// The lowest enabled tier at or above `desired`; nullopt when none is enabled.
std::optional<Tier> enabledTierFrom(const CsConfig &config, Tier desired);
// The lowest tier at or above `from` whose capabilities allow the action.
Tier tierAllowedFor(const CsConfig &config, Tier from, const RequestedAction &action);
bool tierAllows(const TierCapabilities &caps, const RequestedAction &action);

} // namespace tierdesk
