#pragma once

#include "core/domain/BusinessHours.h"
#include "core/domain/Enums.h"

#include <QList>
#include <QStringList>

#include <optional>

// The agent desk's part of a company's CS config ("desk" in GET /config):
// queues by category, SLA targets by priority and the business hours they count
// (docs/api.md, "The agent desk").
namespace tierdesk {

// Most pressing first; the order is the queue's sort order.
enum class Priority { Urgent, High, Normal, Low };
QString toString(Priority p);
std::optional<Priority> parsePriority(const QString &name);
QStringList priorityNames();

struct SlaTarget {
    int firstResponseMinutes = 60;
    int resolutionMinutes = 1440;
};

struct DeskQueue {
    QString name;
    QList<IssueCategory> categories; // empty: every category no other queue names
    QString email; // where notifyOnEscalation mails go; may be empty
};

// How escalations reach people: they claim them from the queue (manual), or the desk gives each to
// the available person of its queue with room who holds the fewest (automatic; docs/api.md).
enum class Assignment { Manual, Automatic };
QString toString(Assignment a);
std::optional<Assignment> parseAssignment(const QString &name);

struct DeskConfig {
    QList<DeskQueue> queues;
    SlaTarget sla[4];
    double warningAt = 0.75; // fraction of a target after which the state is "warning"
    Assignment assignment = Assignment::Manual;
    std::optional<BusinessHours> businessHours; // none: always open, SLA clocks count every minute

    // Three queues (orders, complaints, inquiries: the catch-all) and the SLA table of
    // docs/api.md, "Queues, priority and SLA".
    static DeskConfig defaults();
    // The queue a session of this category goes to: the queue that names the
    // category, else the first catch-all queue, else the first queue.
    QString queueFor(std::optional<IssueCategory> category) const;
    const SlaTarget &target(Priority p) const { return sla[static_cast<int>(p)]; }
    bool hasQueue(const QString &name) const;
    QStringList queueNames() const;
};

} // namespace tierdesk
