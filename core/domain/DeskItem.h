#pragma once

#include "core/domain/DeskConfig.h"
#include "core/domain/Enums.h"

#include <QString>

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

    bool claimed() const { return !assigneeId.isEmpty(); }
};

} // namespace tierdesk
