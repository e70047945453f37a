#include "core/domain/DeskConfig.h"

#include <algorithm>

namespace tierdesk {
namespace {

const char *const kPriorityNames[] = {"urgent", "high", "normal", "low"};

} // namespace

QString toString(Priority p)
{
    return QLatin1String(kPriorityNames[static_cast<int>(p)]);
}

std::optional<Priority> parsePriority(const QString &name)
{
    for (int i = 0; i < 4; ++i)
        if (name == QLatin1String(kPriorityNames[i]))
            return static_cast<Priority>(i);
    return std::nullopt;
}

QStringList priorityNames()
{
    QStringList out;
    for (const char *p : kPriorityNames)
        out << QLatin1String(p);
    return out;
}

QString toString(Assignment a)
{
    return a == Assignment::Automatic ? QStringLiteral("automatic") : QStringLiteral("manual");
}

std::optional<Assignment> parseAssignment(const QString &name)
{
    if (name == QLatin1String("manual"))
        return Assignment::Manual;
    if (name == QLatin1String("automatic"))
        return Assignment::Automatic;
    return std::nullopt;
}

DeskConfig DeskConfig::defaults()
{
    using C = IssueCategory;
    DeskConfig d;
    d.queues = {{QStringLiteral("orders"), {C::Shipping, C::Refund, C::Billing, C::Cancellation}, {}},
        {QStringLiteral("complaints"), {C::Complaint, C::ProductQuality}, {}}, {QStringLiteral("inquiries"), {}, {}}};
    d.sla[int(Priority::Urgent)] = {5, 60};
    d.sla[int(Priority::High)] = {15, 240};
    d.sla[int(Priority::Normal)] = {60, 1440};
    d.sla[int(Priority::Low)] = {240, 4320};
    d.warningAt = 0.75;
    return d;
}

QString DeskConfig::queueFor(std::optional<IssueCategory> category) const
{
    if (queues.isEmpty())
        return QStringLiteral("inquiries");
    if (category)
        for (const DeskQueue &q : queues)
            if (q.categories.contains(*category))
                return q.name;
    for (const DeskQueue &q : queues)
        if (q.categories.isEmpty())
            return q.name;
    return queues.first().name;
}

bool DeskConfig::hasQueue(const QString &name) const
{
    return std::any_of(queues.cbegin(), queues.cend(), [&](const DeskQueue &q) { return q.name == name; });
}

QStringList DeskConfig::queueNames() const
{
    QStringList out;
    for (const DeskQueue &q : queues)
        out << q.name;
    return out;
}

} // namespace tierdesk
