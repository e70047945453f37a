#include "core/engine/policy/ConfigReplay.h"

#include "core/engine/dialogue/Requests.h"
#include "core/engine/policy/EscalationPolicy.h"
#include "core/nlu/Intents.h"

namespace tierdesk {
namespace {

// What the message itself asks for in money or subscriptions. The engine's planner
// also reads the order (a refund is capped at what it still owes) and the dialogue;
// the replay takes the amount the customer wrote, the same way for both configs.
RequestedAction requestedBy(const MessageAnalysis &a, const QString &text)
{
    RequestedAction r;
    const double amount = a.slotValues.amount.value_or(0);
    if ((a.intent.id() == nlu::Intent::RefundRequest || dialogue::asksForRefund(text)) && amount > 0) {
        r.kind = RequestedAction::Refund;
        r.amount = amount;
        r.orderId = a.slotValues.orderId;
    } else if (dialogue::asksForCredit(text) && amount > 0) {
        r.kind = RequestedAction::Credit;
        r.amount = amount;
    } else if (const QString change = dialogue::subscriptionChangeAsked(text); !change.isEmpty()) {
        r.kind = RequestedAction::Subscription;
        r.change = change;
    }
    return r;
}

} // namespace

QString toString(ReplayChange c)
{
    switch (c) {
    case ReplayChange::None:
        return QStringLiteral("UNCHANGED");
    case ReplayChange::Earlier:
        return QStringLiteral("EARLIER");
    case ReplayChange::Later:
        return QStringLiteral("LATER");
    case ReplayChange::NoLonger:
        return QStringLiteral("NO_LONGER");
    case ReplayChange::Newly:
        return QStringLiteral("NEWLY");
    case ReplayChange::Different:
        return QStringLiteral("DIFFERENT");
    }
    return {};
}

ReplayResult replaySession(const ReplaySession &session, const CsConfig &config, const MessageAnalyzer &analyzer,
    const QString &companyId, QList<ReplayStep> *steps)
{
    ReplayResult out;
    Session s;
    s.id = session.id;
    s.companyId = companyId;
    s.customerId = session.customerId;
    Customer customer;
    customer.id = session.customerId;
    customer.isVIP = session.customerIsVip;
    for (int i = 0; i < session.texts.size(); ++i) {
        if (s.currentTier == Tier::HumanAgent)
            break; // a person has it: the policy decides nothing more
        const QString &text = session.texts.at(i);
        const MessageAnalysis a = analyzer.analyze(text, config.irate, companyId);
        if (a.irate)
            ++s.irateCount;
        const Tier tierBefore = s.currentTier;
        const auto decision = decideEscalation({s, &customer, config, a, requestedBy(a, text), false, 0});
        if (decision) {
            if (!out.first)
                out.first = ReplayEscalation{session.positions.value(i, i), decision->target, decision->reason};
            s.currentTier = decision->target; // as SessionEngine::applyEscalation does
            s.irateCount = 0;
        }
        if (steps)
            steps->append(ReplayStep{i, s, tierBefore, a, decision});
    }
    out.finalTier = s.currentTier;
    return out;
}

ReplayChange compareReplays(const ReplayResult &before, const ReplayResult &after)
{
    if (!before.first && !after.first)
        return ReplayChange::None;
    if (!after.first)
        return ReplayChange::NoLonger;
    if (!before.first)
        return ReplayChange::Newly;
    if (after.first->messagePosition < before.first->messagePosition)
        return ReplayChange::Earlier;
    if (after.first->messagePosition > before.first->messagePosition)
        return ReplayChange::Later;
    return *after.first == *before.first && after.finalTier == before.finalTier ? ReplayChange::None
                                                                                : ReplayChange::Different;
}

} // namespace tierdesk
