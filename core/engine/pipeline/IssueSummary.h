#pragma once

#include "core/engine/actions/Actions.h"
#include "core/engine/dialogue/TurnPlanner.h"
#include "core/engine/pipeline/MessageAnalysis.h"

#include <optional>

namespace tierdesk {

// The session's issue in one line, as the queue and seed 001's issueSummary show
// it: what the customer wants, about which order, and what happened to it
// ("Refund of $378.00 for ORD-10007 (Summit Tent) - legal action mentioned").
// A message that adds no topic (thanks, small talk, a question outside customer
// service) keeps the summary the session had.
class IssueSummary {
public:
    struct Turn {
        const MessageAnalysis &analysis;
        const TurnPlan &plan;
        const ActionReport &report;
        const std::optional<EscalationDecision> &escalation;
        QString currency = QStringLiteral("USD"); // the company's: the amounts it states
    };

    static QString update(const QString &previous, const Turn &turn);

private:
    static QString topicOf(const Turn &turn);
    static QString requestTopic(const RequestedAction &r, const QString &currency);
    static QString confirmedTopic(const ActionReport &report, const QString &currency);
    static QString escalationNote(EscalationReason reason);
};

} // namespace tierdesk
