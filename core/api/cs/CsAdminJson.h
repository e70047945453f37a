#pragma once

#include "core/domain/AnalyticsSummary.h"
#include "core/domain/AuditEntry.h"
#include "core/domain/WebhookOutbox.h"

#include <QJsonArray>
#include <QJsonObject>

#include <optional>

namespace tierdesk::api::cs {

// Seed 001's webhook deliveries, newest first (docs/api.md, "Webhooks").
QJsonArray deliveriesJson(const QList<WebhookDelivery> &deliveries);

// Seed 001's "Get Analytics" body (docs/api.md, "Analytics"), the people's desk included.
QJsonObject analyticsJson(const AnalyticsSummary &summary);

// One entry of seed 001's audit log (docs/api.md, "Audit log"); `actorName` when known.
QJsonObject auditEntryJson(const AuditEntry &entry, const std::optional<QString> &actorName);

} // namespace tierdesk::api::cs
