#include "core/engine/desk/DeskRules.h"

#include <QHash>

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

namespace {

qint64 slaTimeAfter(const std::optional<BusinessHours> &hours, qint64 from, int minutes)
{
    const qint64 duration = qint64(minutes) * 60000;
    return hours ? hours->addOpenTime(from, duration) : from + duration;
}

// Whether `warningAt` of the target from `start` to `due` has passed at `now`; under
// business hours both the target and the part passed are open time.
bool warned(qint64 start, qint64 due, qint64 now, double warningAt, const std::optional<BusinessHours> &hours)
{
    if (!hours)
        return now >= start + qint64(double(due - start) * warningAt);
    const qint64 target = hours->openTimeBetween(start, due);
    return now >= hours->addOpenTime(start, qint64(double(target) * warningAt));
}

} // namespace

void setDueTimes(DeskItem &item, const DeskConfig &config)
{
    const SlaTarget &t = config.target(item.priority);
    item.firstResponseDue = slaTimeAfter(config.businessHours, item.queuedAt, t.firstResponseMinutes);
    item.resolutionDue = slaTimeAfter(config.businessHours, item.queuedAt, t.resolutionMinutes);
}

SlaState slaState(const DeskItem &item, qint64 now, double warningAt, const std::optional<BusinessHours> &hours)
{
    const bool awaitingFirstReply = item.firstResponseAt == 0;
    if (now >= item.resolutionDue || (awaitingFirstReply && now >= item.firstResponseDue))
        return SlaState::Breached;
    if (item.sla >= SlaState::Warning)
        return item.sla;
    if (warned(item.queuedAt, item.resolutionDue, now, warningAt, hours)
        || (awaitingFirstReply && warned(item.queuedAt, item.firstResponseDue, now, warningAt, hours)))
        return SlaState::Warning;
    return SlaState::Ok;
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

namespace {

// The length of `name` when the text names it at `at`, and it ends there; else 0.
int namedAt(const QString &text, qsizetype at, const QString &name)
{
    if (name.isEmpty() || QStringView(text).mid(at, name.size()).compare(name, Qt::CaseInsensitive) != 0)
        return 0;
    const qsizetype end = at + name.size();
    return end < text.size() && text.at(end).isLetterOrNumber() ? 0 : int(name.size());
}

QString firstName(const QString &name)
{
    return name.section(QLatin1Char(' '), 0, 0, QString::SectionSkipEmpty);
}

} // namespace

QList<int> mentioned(const QString &text, const QList<Colleague> &colleagues, int limit)
{
    QHash<QString, int> firstNames; // lower-case first name -> how many colleagues have it
    for (const Colleague &c : colleagues)
        ++firstNames[firstName(c.name).toLower()];
    QList<int> out;
    for (qsizetype at = text.indexOf(QLatin1Char('@')); at >= 0 && out.size() < limit;
         at = text.indexOf(QLatin1Char('@'), at + 1)) {
        if (at > 0 && text.at(at - 1).isLetterOrNumber())
            continue; // an e-mail address
        int best = -1, bestLength = 0;
        for (int i = 0; i < colleagues.size(); ++i) {
            const QString &name = colleagues.at(i).name.simplified();
            int length = namedAt(text, at + 1, name);
            if (length == 0 && firstNames.value(firstName(name).toLower()) == 1)
                length = namedAt(text, at + 1, firstName(name));
            if (length > bestLength)
                best = i, bestLength = length;
        }
        if (best >= 0 && !out.contains(best))
            out << best;
    }
    return out;
}

} // namespace tierdesk::desk
