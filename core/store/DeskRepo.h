#pragma once

#include "core/common/Result.h"
#include "core/domain/DeskItem.h"
#include "core/store/Database.h"

#include <optional>

namespace tierdesk {

// A message of a session as the desk shows it beside an item.
struct DeskMessage {
    QString id; // empty for the queue's last message (not read)
    QString role;
    QString content;
    qint64 timestamp = 0; // epoch ms
};

// Which items a queue read shows, by their snooze at QueueFilter::at.
enum class SnoozeView { Awake = 0, Snoozed = 1, Either = 2 };

struct QueueFilter {
    QString companyId;
    QString queue; // empty: all queues
    std::optional<QString> assignee; // "" = unassigned, an id = held by that agent; none = any
    QStringList preferredQueues; // listed before the others (after breached items)
    int limit = 100;
    SnoozeView snoozed = SnoozeView::Either;
    qint64 at = 0; // epoch ms the snooze is judged at
};

// What one person holds: how many items, and when they took the newest.
struct AgentHolding {
    int open = 0;
    qint64 lastTakenAt = 0;
};

// A queue row with what the queue view shows of its session and customer.
struct QueueRow {
    DeskItem item;
    QString status, channel, sentiment, issueCategory, issueSummary;
    QString customerId, customerName, customerTier;
    bool customerVip = false;
    std::optional<DeskMessage> lastMessage; // the last message but internal notes; none without one
};

struct QueueCounts {
    int waiting = 0;
    int claimed = 0;
    int breached = 0;
    int warning = 0; // at risk: past the warning mark, not yet breached
    qint64 oldestWaitingAt = 0; // queued_at of the longest-waiting unclaimed item; 0 = none
    // Items whose SLA outcome was settled since the `since` asked for: left the desk
    // (resolved, handed back to the AI) without breaching, or breached.
    int met = 0;
    int missed = 0;
};

// A session a person holds, for the supervisor's view of who holds what.
struct HeldSession {
    QString sessionId;
    QString agentId;
    QString agentName;
    QString queue;
    QString customerName;
    qint64 claimedAt = 0;
    SlaState sla = SlaState::Ok;
};

// desk_items: written only inside the engine's write batch.
class DeskRepo {
public:
    explicit DeskRepo(Database &db) : m_db(db) { }

    // Inserts or replaces the session's item (a session queued again starts afresh).
    Status put(const DeskItem &item);
    std::optional<DeskItem> find(const QString &sessionId);
    // Takes the item off the desk into desk_history; one that never breached is also
    // recorded as an SLA met at `now`.
    Status remove(const QString &sessionId, qint64 now);
    // Compare-and-set: takes the item for `agentId` only if nobody or that
    // agent holds it. Returns whether it did.
    Status claim(const QString &sessionId, const QString &agentId, const QString &agentName, qint64 now);
    // Sets (or with an empty id clears) the holder unconditionally.
    Status setAssignee(const QString &sessionId, const QString &agentId, const QString &agentName, qint64 now);
    Status setFirstResponse(const QString &sessionId, qint64 at);
    // A breach is recorded as an SLA missed at `now`.
    Status setSla(const QString &sessionId, SlaState state, qint64 now);

    QList<QueueRow> list(const QueueFilter &f, int *total);
    // Per queue; `met` and `missed` count outcomes at or after `sinceMs` (none when negative).
    QHash<QString, QueueCounts> counts(const QString &companyId, qint64 sinceMs = -1);
    QList<HeldSession> held(const QString &companyId);
    std::optional<QueueRow> row(const QString &sessionId);
    // Items whose SLA is not yet breached, over all companies.
    QList<DeskItem> unbreached(int limit);
    // The transcript position of a message of the session, or none.
    std::optional<int> positionOf(const QString &sessionId, const QString &messageId);
    // The customer's messages after a position (at most `limit`).
    QList<DeskMessage> customerMessagesAfter(const QString &sessionId, int position, int limit);
    // Sessions an agent holds.
    int heldBy(const QString &companyId, const QString &agentId);
    // Their ids, the longest held first.
    QStringList heldSessions(const QString &companyId, const QString &agentId);
    // By agent id, everyone who holds something.
    QHash<QString, AgentHolding> holdings(const QString &companyId);
    // Unassigned items not snoozed at `now`, in the queue's order (for automatic assignment).
    QList<DeskItem> waiting(const QString &companyId, qint64 now, int limit);
    // Snoozed until `until` (0: awake again); NotFound when the item is gone.
    Status setSnooze(const QString &sessionId, qint64 until, qint64 now);
    // Items whose snooze ended at or before `now`, over all companies (still marked snoozed).
    QList<DeskItem> snoozeOver(qint64 now, int limit);

private:
    Database &m_db;
};

} // namespace tierdesk
