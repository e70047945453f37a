#pragma once

#include "core/engine/desk/DeskItem.h"
#include "core/store/Database.h"

#include <QJsonArray>
#include <QJsonObject>

#include <optional>

namespace tierdesk {

struct QueueFilter
{
    QString companyId;
    QString queue;            // empty: all queues
    std::optional<QString> assignee; // "" = unassigned, an id = held by that agent; none = any
    QStringList preferredQueues; // listed before the others (after breached items)
    int limit = 100;
};

// A queue row with what the queue view shows of its session and customer.
struct QueueRow
{
    DeskItem item;
    QString status, channel, sentiment, issueCategory, issueSummary;
    QString customerId, customerName, customerTier;
    bool customerVip = false;
    QJsonObject lastMessage; // {role, content, timestamp(ms)}; empty when none
};

struct QueueCounts
{
    int waiting = 0;
    int claimed = 0;
    int breached = 0;
};

// desk_items: written only inside the engine's write batch.
class DeskRepo
{
public:
    explicit DeskRepo(Database &db) : m_db(db) {}

    // Inserts or replaces the session's item (a session queued again starts afresh).
    bool put(const DeskItem &item);
    std::optional<DeskItem> find(const QString &sessionId);
    bool remove(const QString &sessionId);
    // Compare-and-set: takes the item for `agentId` only if nobody or that
    // agent holds it. Returns whether it did.
    bool claim(const QString &sessionId, const QString &agentId, const QString &agentName, qint64 now);
    // Sets (or with an empty id clears) the holder unconditionally.
    bool setAssignee(const QString &sessionId, const QString &agentId, const QString &agentName, qint64 now);
    bool setFirstResponse(const QString &sessionId, qint64 at);
    bool setSla(const QString &sessionId, SlaState state, qint64 now);

    QList<QueueRow> list(const QueueFilter &f, int *total);
    QHash<QString, QueueCounts> counts(const QString &companyId);
    std::optional<QueueRow> row(const QString &sessionId);
    // Items whose SLA is not yet breached, over all companies.
    QList<DeskItem> unbreached(int limit);
    // The transcript position of a message of the session, or none.
    std::optional<int> positionOf(const QString &sessionId, const QString &messageId);
    // The customer's messages after a position (at most `limit`): {id, content, timestamp(ms)}.
    QList<QJsonObject> customerMessagesAfter(const QString &sessionId, int position, int limit);
    // Sessions an agent holds.
    int heldBy(const QString &companyId, const QString &agentId);

private:
    Database &m_db;
};

} // namespace tierdesk
