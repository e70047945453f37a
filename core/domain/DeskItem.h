#pragma once

#include "core/domain/DeskConfig.h"
#include "core/domain/Enums.h"

#include <QMetaType>
#include <QString>

#include <optional>

namespace tierdesk {

enum class SlaState { Ok, Warning, Breached };
QString toString(SlaState s);
std::optional<SlaState> parseSlaState(const QString &name);

// One session waiting for or held by a person (a row of desk_items). Times
// are epoch ms; 0 = not yet.
struct DeskItem {
    QString sessionId;
    QString companyId;
    QString queue;
    Priority priority = Priority::Normal;
    EscalationReason reason = EscalationReason::CustomerRequest;
    Tier fromTier = Tier::AiRep;
    qint64 queuedAt = 0;
    QString assigneeId; // empty: waiting
    QString assigneeName;
    qint64 claimedAt = 0;
    qint64 firstResponseDue = 0;
    qint64 resolutionDue = 0;
    qint64 firstResponseAt = 0;
    SlaState sla = SlaState::Ok;
    qint64 updatedAt = 0;
    qint64 snoozedUntil = 0; // out of the queue's items until then, or the customer's next message

    bool snoozed(qint64 now) const { return snoozedUntil > now; }

    bool claimed() const { return !assigneeId.isEmpty(); }
};

// A session's line in the desk's queue (docs/api.md, "QueueItem"): its item, what the
// session and its customer show of themselves, and its last message a customer may see.
// Read at `readAt` (epoch ms): the wait is counted to then.
struct QueueItem {
    struct LastMessage {
        QString role;
        QString content;
        qint64 timestamp = 0;
    };

    DeskItem item;
    QString status, channel, sentiment, issueCategory, issueSummary; // the session's, as stored
    QString customerId, customerName, customerTier;
    bool customerVip = false;
    std::optional<LastMessage> lastMessage; // none before the first message
    qint64 readAt = 0;
};

} // namespace tierdesk

Q_DECLARE_METATYPE(tierdesk::QueueItem)
