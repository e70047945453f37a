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

QJsonObject auditEntryJson(const AuditEntry &e, const std::optional<QString> &actorName)
{
    QJsonObject o{{QStringLiteral("timestamp"), timefmt::iso(e.at)}, {QStringLiteral("actor"), e.actor},
        {QStringLiteral("role"), e.role}, {QStringLiteral("action"), e.action},
        {QStringLiteral("resource"), e.resource}, {QStringLiteral("clientAddress"), e.clientAddress},
        {QStringLiteral("status"), e.status}};
    if (!e.details.isEmpty())
        o.insert(QStringLiteral("details"), QJsonObject::fromVariantMap(e.details));
    if (actorName)
        o.insert(QStringLiteral("actorName"), *actorName);
    return o;
}

} // namespace tierdesk::api::cs
