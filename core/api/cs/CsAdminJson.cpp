#include "core/api/cs/CsAdminJson.h"

#include "core/common/Time.h"

#include <QJsonObject>

namespace tierdesk::api::cs {

QJsonArray deliveriesJson(const QList<WebhookDelivery> &deliveries)
{
    QJsonArray out;
    for (const WebhookDelivery &d : deliveries)
        out.append(QJsonObject{{QStringLiteral("deliveryId"), d.deliveryId}, {QStringLiteral("webhookId"), d.webhookId},
            {QStringLiteral("event"), d.event}, {QStringLiteral("state"), d.state},
            {QStringLiteral("attempts"), d.attempts}, {QStringLiteral("lastStatus"), d.lastStatus},
            {QStringLiteral("lastError"), d.lastError}, {QStringLiteral("createdAt"), timefmt::iso(d.createdAt)}});
    return out;
}

} // namespace tierdesk::api::cs
