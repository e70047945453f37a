#include "core/engine/policy/EscalationPolicy.h"

#include "core/common/Money.h"
#include "core/nlu/Intents.h"

namespace tierdesk {
namespace {

Tier above(Tier t)
{
    return t == Tier::AiRep ? Tier::AiManager : Tier::HumanAgent;
}

// The notes of a refund (not an exception to policy) that no AI tier may grant; nothing otherwise.
std::optional<QString> refundBeyondAi(const PolicyInput &in)
{
    const RequestedAction &req = in.requested;
    if (req.kind != RequestedAction::Refund || req.needsOrder || req.policyException
        || tierAllowedFor(in.config, in.session.currentTier, req) != Tier::HumanAgent)
        return std::nullopt;
    return QStringLiteral("Refund of ") + formatMoney(req.amount, in.config.company.currency, replyLocale(false))
        + QStringLiteral(" exceeds every AI tier's authority");
}

} // namespace

bool tierAllows(const TierCapabilities &caps, const RequestedAction &action)
{
    switch (action.kind) {
    case RequestedAction::None:
        return true;
    case RequestedAction::Refund:
        return !action.policyException && caps.canProcessRefunds && action.amount <= caps.maxRefundAmount;
    case RequestedAction::Credit:
        return caps.canApplyCredits && action.amount <= caps.maxCreditAmount;
    case RequestedAction::Subscription:
        return caps.canModifySubscription;
    case RequestedAction::Cancel:
        return !action.atCompanySystem; // nothing was charged: every AI tier may cancel in the store
    }
    return false;
}

Tier tierAllowedFor(const CsConfig &config, Tier from, const RequestedAction &action)
{
    for (Tier t : {Tier::AiRep, Tier::AiManager}) {
        if (rank(t) >= rank(from) && tierAllows(config.tier(t), action))
            return t;
    }
    return Tier::HumanAgent;
}

std::optional<Tier> enabledTierFrom(const CsConfig &config, Tier desired)
{
    for (Tier t : {Tier::AiManager, Tier::HumanAgent}) {
        if (rank(t) >= rank(desired) && config.tier(t).enabled)
            return t;
    }
    return std::nullopt;
}

std::optional<EscalationDecision> decideEscalation(const PolicyInput &in)
{
    const Tier current = in.session.currentTier;
    if (current == Tier::HumanAgent)
        return std::nullopt; // a person has it; nothing above
    const MessageAnalysis &a = in.analysis;
    const bool atRep = current == Tier::AiRep;
    auto decide = [&](EscalationReason reason, Tier target, QString notes) -> std::optional<EscalationDecision> {
        const auto tier = enabledTierFrom(in.config, target);
        if (!tier || rank(*tier) <= rank(current))
            return std::nullopt;
        return EscalationDecision{reason, *tier, std::move(notes)};
    };

    // A refund beyond every AI tier's cap only a person can grant: whatever else the message
    // says (a person or manager asked for, a threat, anger, a VIP), it goes there as such.
    if (const auto beyond = refundBeyondAi(in)) {
        if (auto d = decide(EscalationReason::RefundOverThreshold, Tier::HumanAgent, *beyond))
            return d;
    }
    if (!a.humanCue.isEmpty())
        return decide(EscalationReason::CustomerRequest, Tier::HumanAgent,
            QStringLiteral("Customer asked for a person: \"%1\"").arg(a.humanCue));
    if (!a.managerCue.isEmpty())
        return decide(EscalationReason::CustomerRequest, above(current),
            QStringLiteral("Customer asked for a manager: \"%1\"").arg(a.managerCue));
    if (!a.legalCue.isEmpty())
        return decide(atRep ? EscalationReason::LegalMention : EscalationReason::EscalatedComplaint, above(current),
            QStringLiteral("Legal action mentioned: \"%1\"").arg(a.legalCue));
    if (!a.socialCue.isEmpty())
        return decide(atRep ? EscalationReason::SocialMediaThreat : EscalationReason::EscalatedComplaint,
            above(current), QStringLiteral("Public complaint threatened: \"%1\"").arg(a.socialCue));

    const IrateProtocol irate = in.config.irate;
    if (irate.enabled && irate.autoEscalate && a.irate && in.session.irateCount >= irate.afterAttempts) {
        const QString notes
            = QStringLiteral("Irate %1 time(s) at this tier (%2)").arg(in.session.irateCount).arg(a.irateTrigger());
        if (rank(irate.targetTier) > rank(current))
            return decide(EscalationReason::IrateCustomer, irate.targetTier, notes);
        return decide(EscalationReason::EscalatedComplaint, above(current), notes);
    }

    const RequestedAction &req = in.requested;
    if (req.policyException)
        return decide(EscalationReason::PolicyException, Tier::HumanAgent,
            QStringLiteral("Customer asks for an exception to policy (order %1)").arg(req.orderId));
    if (req.kind != RequestedAction::None && !req.needsOrder && !tierAllows(in.config.tier(current), req)) {
        const Tier needed = tierAllowedFor(in.config, current, req);
        const auto money
            = [&in](double amount) { return formatMoney(amount, in.config.company.currency, replyLocale(false)); };
        const QString what = req.kind == RequestedAction::Refund ? QStringLiteral("Refund of ") + money(req.amount)
            : req.kind == RequestedAction::Credit                ? QStringLiteral("Credit of ") + money(req.amount)
            : req.kind == RequestedAction::Cancel
            ? QStringLiteral("Cancellation of %1 in the company's system").arg(req.orderId)
            : QStringLiteral("Subscription change");
        if (needed == Tier::HumanAgent) {
            const EscalationReason reason = req.kind == RequestedAction::Refund ? EscalationReason::RefundOverThreshold
                                                                                : EscalationReason::PolicyException;
            return decide(reason, Tier::HumanAgent, what + QStringLiteral(" exceeds every AI tier's authority"));
        }
        const EscalationReason reason
            = req.kind == RequestedAction::Refund ? EscalationReason::RefundRequest : EscalationReason::ComplexIssue;
        return decide(reason, needed, what + QStringLiteral(" exceeds the AI Rep's authority"));
    }

    if (atRep && in.customer && in.customer->isVIP && isNegative(a.sentiment.level))
        return decide(EscalationReason::HighValueCustomer, Tier::AiManager,
            QStringLiteral("VIP customer with %1 sentiment").arg(toString(a.sentiment.level)));
    if (atRep && in.repeatContact)
        return decide(EscalationReason::RepeatContact, Tier::AiManager,
            QStringLiteral("Repeat contact within %1 hours").arg(in.config.escalationRules.repeatContactWindowHours));
    if (in.unconfidentTurns >= in.config.escalationRules.complexIssueAfterTurns)
        return decide(atRep ? EscalationReason::ComplexIssue : EscalationReason::TechnicalLimitation,
            in.doubtGoesToPerson ? Tier::HumanAgent : above(current),
            QStringLiteral("No confident answer after %1 attempt(s)").arg(in.unconfidentTurns));
    return std::nullopt;
}

} // namespace tierdesk
