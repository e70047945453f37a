#include "core/api/cs/CsJson.h"

#include "core/common/Time.h"

#include <QJsonArray>

namespace tierdesk::json {
namespace {

QJsonValue timeOrNull(qint64 ms)
{
    return ms > 0 ? QJsonValue(timefmt::iso(ms)) : QJsonValue(QJsonValue::Null);
}

QJsonArray items(const QList<OrderItem> &list)
{
    QJsonArray out;
    for (const OrderItem &i : list)
        out.append(QJsonObject{{QStringLiteral("sku"), i.sku}, {QStringLiteral("name"), i.name},
            {QStringLiteral("quantity"), i.quantity}, {QStringLiteral("price"), i.price}});
    return out;
}

QJsonValue lastMessage(const std::optional<QueueItem::LastMessage> &m)
{
    if (!m)
        return QJsonValue(QJsonValue::Null);
    return QJsonObject{{QStringLiteral("role"), m->role}, {QStringLiteral("content"), m->content.left(500)},
        {QStringLiteral("timestamp"), timefmt::iso(m->timestamp)}};
}

QJsonObject sla(const DeskItem &d)
{
    return {{QStringLiteral("state"), toString(d.sla)},
        {QStringLiteral("firstResponseDue"), timefmt::iso(d.firstResponseDue)},
        {QStringLiteral("resolutionDue"), timefmt::iso(d.resolutionDue)},
        {QStringLiteral("firstResponseAt"), timeOrNull(d.firstResponseAt)}};
}

} // namespace

QJsonObject message(const Message &m)
{
    QJsonObject o{{QStringLiteral("id"), m.id}, {QStringLiteral("role"), m.role},
        {QStringLiteral("content"), m.content}, {QStringLiteral("timestamp"), timefmt::iso(m.timestamp)}};
    if (m.sentiment)
        o.insert(QStringLiteral("sentiment"), toString(*m.sentiment));
    if (!m.meta.isEmpty())
        o.insert(QStringLiteral("metadata"), messageMeta(m.meta));
    return o;
}

void write(JsonWriter &w, const Message &m)
{
    w.beginObject()
        .field("id", m.id)
        .field("role", m.role)
        .field("content", m.content)
        .field("timestamp", timefmt::iso(m.timestamp));
    if (m.sentiment)
        w.field("sentiment", toString(*m.sentiment));
    if (!m.meta.isEmpty())
        write(w.key("metadata"), m.meta);
    w.endObject();
}

QJsonObject sentimentPoint(const SentimentPoint &p)
{
    QJsonObject o{{QStringLiteral("sentiment"), toString(p.sentiment)},
        {QStringLiteral("score"), qRound(p.score * 1000) / 1000.0},
        {QStringLiteral("timestamp"), timefmt::iso(p.timestamp)}};
    if (!p.trigger.isEmpty())
        o.insert(QStringLiteral("trigger"), p.trigger);
    return o;
}

QJsonObject escalation(const EscalationRecord &e)
{
    QJsonObject o{{QStringLiteral("fromTier"), toString(e.fromTier)}, {QStringLiteral("toTier"), toString(e.toTier)},
        {QStringLiteral("reason"), toString(e.reason)}, {QStringLiteral("timestamp"), timefmt::iso(e.timestamp)},
        {QStringLiteral("automatic"), e.automatic}};
    if (!e.notes.isEmpty())
        o.insert(QStringLiteral("notes"), e.notes);
    if (e.transfer)
        o.insert(QStringLiteral("transfer"), true);
    return o;
}

void write(JsonWriter &w, const EscalationRecord &e)
{
    w.beginObject()
        .field("fromTier", toString(e.fromTier))
        .field("toTier", toString(e.toTier))
        .field("reason", toString(e.reason))
        .field("timestamp", timefmt::iso(e.timestamp))
        .field("automatic", e.automatic);
    if (!e.notes.isEmpty())
        w.field("notes", e.notes);
    if (e.transfer)
        w.field("transfer", true);
    w.endObject();
}

QJsonObject resolution(const Resolution &r)
{
    QJsonObject o{{QStringLiteral("type"), toString(r.type)}, {QStringLiteral("summary"), r.summary},
        {QStringLiteral("actionsTaken"), QJsonArray::fromStringList(r.actionsTaken)},
        {QStringLiteral("followUpRequired"), r.followUpRequired}};
    if (!r.resolvedById.isEmpty())
        o.insert(QStringLiteral("resolvedBy"),
            QJsonObject{{QStringLiteral("id"), r.resolvedById}, {QStringLiteral("name"), r.resolvedByName}});
    return o;
}

QJsonObject rating(const SessionRating &r)
{
    return {{QStringLiteral("sessionId"), r.sessionId}, {QStringLiteral("rating"), r.rating},
        {QStringLiteral("comment"), r.comment.isEmpty() ? QJsonValue() : QJsonValue(r.comment)},
        {QStringLiteral("ratedAt"), timefmt::iso(r.ratedAt)}, {QStringLiteral("tier"), r.tier},
        {QStringLiteral("channel"), r.channel},
        {QStringLiteral("agent"),
            r.agentId.isEmpty()
                ? QJsonValue()
                : QJsonValue(QJsonObject{{QStringLiteral("id"), r.agentId}, {QStringLiteral("name"), r.agentName}})}};
}

QJsonObject mention(const Mention &m)
{
    return {{QStringLiteral("id"), m.id}, {QStringLiteral("sessionId"), m.sessionId},
        {QStringLiteral("messageId"), m.messageId},
        {QStringLiteral("from"),
            QJsonObject{{QStringLiteral("agentId"), m.fromId}, {QStringLiteral("name"), m.fromName}}},
        {QStringLiteral("excerpt"), m.excerpt}, {QStringLiteral("createdAt"), timefmt::iso(m.createdAt)},
        {QStringLiteral("readAt"), timeOrNull(m.readAt)}};
}

QJsonObject customer(const Customer &c)
{
    return {{QStringLiteral("id"), c.id}, {QStringLiteral("name"), c.name}, {QStringLiteral("email"), c.email},
        {QStringLiteral("tier"), c.tier}, {QStringLiteral("lifetimeValue"), c.lifetimeValue},
        {QStringLiteral("isVIP"), c.isVIP}};
}

QJsonObject customerRecord(const Customer &c)
{
    QJsonObject out{{QStringLiteral("id"), c.id}, {QStringLiteral("name"), c.name}, {QStringLiteral("email"), c.email},
        {QStringLiteral("phone"), c.phone}, {QStringLiteral("tier"), c.tier},
        {QStringLiteral("lifetimeValue"), c.lifetimeValue}, {QStringLiteral("isVIP"), c.isVIP},
        {QStringLiteral("subscription"),
            c.subscription ? QJsonValue(QJsonObject{{QStringLiteral("plan"), c.subscription->plan},
                {QStringLiteral("status"), c.subscription->status},
                {QStringLiteral("monthlyPrice"), c.subscription->monthlyPrice}})
                           : QJsonValue()},
        {QStringLiteral("creditBalance"), c.creditBalance},
        {QStringLiteral("attributes"), QJsonObject::fromVariantMap(c.attributes)},
        {QStringLiteral("createdAt"), timeOrNull(c.createdAt)}, {QStringLiteral("updatedAt"), timeOrNull(c.updatedAt)}};
    if (c.erasedAt != 0)
        out.insert(QStringLiteral("erasedAt"), timefmt::iso(c.erasedAt));
    return out;
}

QJsonObject order(const Order &o)
{
    return {{QStringLiteral("id"), o.id}, {QStringLiteral("customerId"), o.customerId},
        {QStringLiteral("status"), o.status}, {QStringLiteral("items"), items(o.items)},
        {QStringLiteral("total"), o.total}, {QStringLiteral("refundedAmount"), o.refundedAmount},
        {QStringLiteral("placedAt"), timeOrNull(o.placedAt)}, {QStringLiteral("shippedAt"), timeOrNull(o.shippedAt)},
        {QStringLiteral("estimatedDeliveryAt"), timeOrNull(o.estimatedDeliveryAt)},
        {QStringLiteral("deliveredAt"), timeOrNull(o.deliveredAt)}, {QStringLiteral("carrier"), o.carrier},
        {QStringLiteral("trackingNumber"), o.trackingNumber}};
}

QJsonObject sessionSummary(const Session &s)
{
    QJsonObject o{{QStringLiteral("id"), s.id}, {QStringLiteral("companyId"), s.companyId},
        {QStringLiteral("customerId"), s.customerId}, {QStringLiteral("channel"), toString(s.channel)},
        {QStringLiteral("currentTier"), toString(s.currentTier)}, {QStringLiteral("status"), toString(s.status)},
        {QStringLiteral("customerSentiment"), toString(s.customerSentiment)},
        {QStringLiteral("createdAt"), timefmt::iso(s.createdAt)},
        {QStringLiteral("updatedAt"), timefmt::iso(s.updatedAt)}};
    if (s.issueCategory)
        o.insert(QStringLiteral("issueCategory"), toString(*s.issueCategory));
    if (!s.issueSummary.isEmpty())
        o.insert(QStringLiteral("issueSummary"), s.issueSummary);
    if (!s.metadata.isEmpty())
        o.insert(QStringLiteral("metadata"), QJsonObject::fromVariantMap(s.metadata));
    if (s.resolution) {
        o.insert(QStringLiteral("resolution"), resolution(*s.resolution));
        o.insert(QStringLiteral("resolvedAt"), timefmt::iso(s.resolvedAt));
    }
    return o;
}

QJsonObject sessionFull(const Session &s, const Customer *c, CustomerView view)
{
    QJsonObject o = sessionSummary(s);
    o.insert(QStringLiteral("issueCategory"),
        s.issueCategory ? QJsonValue(toString(*s.issueCategory)) : QJsonValue(QJsonValue::Null));
    o.insert(QStringLiteral("issueSummary"), s.issueSummary);
    QJsonArray history, escalations, messages;
    for (const SentimentPoint &p : s.sentimentHistory)
        history.append(sentimentPoint(p));
    for (const EscalationRecord &e : s.escalationHistory)
        escalations.append(escalation(e));
    for (const Message &m : s.messages)
        messages.append(message(m));
    o.insert(QStringLiteral("sentimentHistory"), history);
    o.insert(QStringLiteral("escalationHistory"), escalations);
    o.insert(QStringLiteral("messages"), messages);
    QJsonObject context;
    if (c && view == CustomerView::Staff)
        context.insert(QStringLiteral("customer"), customer(*c));
    else if (c)
        context.insert(QStringLiteral("customer"),
            QJsonObject{
                {QStringLiteral("id"), c->id}, {QStringLiteral("name"), c->name}, {QStringLiteral("tier"), c->tier}});
    o.insert(QStringLiteral("context"), context);
    return o;
}

QJsonObject queueItem(const QueueItem &q)
{
    const DeskItem &d = q.item;
    return {{QStringLiteral("sessionId"), d.sessionId}, {QStringLiteral("queue"), d.queue},
        {QStringLiteral("priority"), toString(d.priority)}, {QStringLiteral("reason"), toString(d.reason)},
        {QStringLiteral("fromTier"), toString(d.fromTier)}, {QStringLiteral("status"), q.status},
        {QStringLiteral("channel"), q.channel}, {QStringLiteral("sentiment"), q.sentiment},
        {QStringLiteral("issueCategory"),
            q.issueCategory.isEmpty() ? QJsonValue(QJsonValue::Null) : QJsonValue(q.issueCategory)},
        {QStringLiteral("issueSummary"), q.issueSummary},
        {QStringLiteral("customer"),
            QJsonObject{{QStringLiteral("id"), q.customerId}, {QStringLiteral("name"), q.customerName},
                {QStringLiteral("tier"), q.customerTier}, {QStringLiteral("isVIP"), q.customerVip}}},
        {QStringLiteral("queuedAt"), timefmt::iso(d.queuedAt)},
        {QStringLiteral("waitingSeconds"), qMax<qint64>(0, (q.readAt - d.queuedAt) / 1000)},
        {QStringLiteral("sla"), sla(d)},
        {QStringLiteral("assignee"),
            d.claimed() ? QJsonValue(
                QJsonObject{{QStringLiteral("id"), d.assigneeId}, {QStringLiteral("name"), d.assigneeName}})
                        : QJsonValue(QJsonValue::Null)},
        {QStringLiteral("claimedAt"), timeOrNull(d.claimedAt)},
        {QStringLiteral("snoozedUntil"),
            d.snoozed(q.readAt) ? timeOrNull(d.snoozedUntil) : QJsonValue(QJsonValue::Null)},
        {QStringLiteral("lastMessage"), lastMessage(q.lastMessage)}};
}

void registerQueueItemConversion()
{
    if (!QMetaType::hasRegisteredConverterFunction<QueueItem, QJsonObject>())
        QMetaType::registerConverter<QueueItem, QJsonObject>(&queueItem);
}

QJsonObject contextOrder(const SourcedOrder &s)
{
    const Order &o = s.order;
    const auto said = [&s](const char *field, const QJsonValue &v) {
        return s.has(QLatin1String(field)) ? v : QJsonValue(QJsonValue::Null);
    };
    const auto text = [&](const char *field, const QString &v) {
        return v.isEmpty() ? QJsonValue(QJsonValue::Null) : said(field, v);
    };
    return {{QStringLiteral("id"), o.id}, {QStringLiteral("status"), text("status", o.status)},
        {QStringLiteral("total"), said("total", o.total)}, {QStringLiteral("currency"), text("currency", s.currency)},
        {QStringLiteral("refundedAmount"), said("refundedAmount", o.refundedAmount)},
        {QStringLiteral("placedAt"), said("placedAt", timeOrNull(o.placedAt))},
        {QStringLiteral("carrier"), text("carrier", o.carrier)},
        {QStringLiteral("trackingNumber"), text("trackingNumber", o.trackingNumber)},
        {QStringLiteral("itemCount"), said("items", int(o.items.size()))}, {QStringLiteral("source"), s.source}};
}

} // namespace tierdesk::json
