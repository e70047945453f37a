#pragma once

#include "core/domain/Entities.h"
#include "core/engine/pipeline/TurnReading.h"

#include <QVariantMap>

#include <optional>

namespace tierdesk {

struct CreateSessionRequest {
    QString companyId;
    QString customerId;
    Channel channel = Channel::Chat;
    QString initialMessage;
    std::optional<IssueCategory> issueCategory;
    QVariantMap metadata; // JSON values (QJsonObject::toVariantMap)
    // Empty: a new random id. Another API family may name the session itself
    // (a valid id not in use; Conflict when it is). Last, so brace-initialised requests keep their order.
    QString id{};
    // A customer the company does not know yet is stored with this name (a chat visitor's own word).
    QString customerName{};
};

struct MessageOutcome {
    Message customerMessage;
    std::optional<Message> aiResponse; // none while a person has the session
    Session session; // the row after this message (no transcript)
    std::optional<EscalationRecord> escalation;
    TurnReading reading; // what the turn read and where the dialogue stands after it
};

} // namespace tierdesk
