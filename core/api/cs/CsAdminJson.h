#pragma once

#include "core/domain/AuditEntry.h"
#include "core/domain/WebhookOutbox.h"

#include <QJsonArray>
#include <QJsonObject>

#include <optional>

namespace tierdesk::api::cs {

// Seed 001's webhook deliveries, newest first (docs/api.md, "Webhooks").
QJsonArray deliveriesJson(const QList<WebhookDelivery> &deliveries);

// One entry of seed 001's audit log (docs/api.md, "Audit log"); `actorName` when known.
QJsonObject auditEntryJson(const AuditEntry &entry, const std::optional<QString> &actorName);

} // namespace tierdesk::api::cs
