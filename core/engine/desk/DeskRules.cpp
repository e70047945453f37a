#include "core/engine/desk/DeskRules.h"

#include <tuple>

namespace tierdesk::desk {

Priority priorityFor(EscalationReason reason, Sentiment sentiment, bool vip)
{
    Priority base = Priority::Normal;
    switch (reason) {
    case EscalationReason::LegalMention:
    case EscalationReason::SocialMediaThreat:
    case EscalationReason::IrateCustomer:
        base = Priority::Urgent;
        break;
    case EscalationReason::RefundOverThreshold:
    case EscalationReason::EscalatedComplaint:
    case EscalationReason::RepeatContact:
    case EscalationReason::HighValueCustomer:
        base = Priority::High;
        break;
    default:
        break;
    }
    const bool raise = vip || sentiment == Sentiment::Angry || sentiment == Sentiment::Irate;
    if (raise && base != Priority::Urgent)
        return static_cast<Priority>(static_cast<int>(base) - 1);
    if (!raise && base == Priority::Normal && (sentiment == Sentiment::Happy || sentiment == Sentiment::Satisfied))
        return Priority::Low;
    return base;
}

void setDueTimes(DeskItem &item, const DeskConfig &config)
{
    const SlaTarget &t = config.target(item.priority);
    item.firstResponseDue = item.queuedAt + qint64(t.firstResponseMinutes) * 60000;
    item.resolutionDue = item.queuedAt + qint64(t.resolutionMinutes) * 60000;
}

namespace {

SlaState against(qint64 start, qint64 due, qint64 now, double warningAt)
{
    if (now >= due)
        return SlaState::Breached;
    const qint64 warnAt = start + qint64(double(due - start) * warningAt);
    return now >= warnAt ? SlaState::Warning : SlaState::Ok;
}

} // namespace

SlaState slaState(const DeskItem &item, qint64 now, double warningAt)
{
    SlaState s = against(item.queuedAt, item.resolutionDue, now, warningAt);
    if (item.firstResponseAt == 0)
        s = qMax(s, against(item.queuedAt, item.firstResponseDue, now, warningAt));
    return s;
}

std::optional<int> pickAgent(const QList<Candidate> &candidates)
{
    std::optional<int> best;
    for (int i = 0; i < candidates.size(); ++i) {
        const Candidate &c = candidates.at(i);
        if (c.open >= c.capacity)
            continue;
        if (!best) {
            best = i;
            continue;
        }
        const Candidate &b = candidates.at(*best);
        if (std::tie(c.open, c.idleSince, c.agentId) < std::tie(b.open, b.idleSince, b.agentId))
            best = i;
    }
    return best;
}

} // namespace tierdesk::desk
