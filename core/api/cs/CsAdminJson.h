#pragma once

#include "core/domain/WebhookOutbox.h"

#include <QJsonArray>

namespace tierdesk::api::cs {

// Seed 001's webhook deliveries, newest first (docs/api.md, "Webhooks").
QJsonArray deliveriesJson(const QList<WebhookDelivery> &deliveries);

} // namespace tierdesk::api::cs
