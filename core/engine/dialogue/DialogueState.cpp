#include "core/engine/dialogue/DialogueState.h"

#include <QJsonArray>
#include <QJsonDocument>

#include <tuple>

namespace tierdesk::dialogue {
namespace {

QJsonArray toArray(const QStringList &list)
{
    return QJsonArray::fromStringList(list);
}

QStringList toList(const QJsonValue &v)
{
    QStringList out;
    for (const QJsonValue &item : v.toArray())
        out << item.toString();
    return out;
}

QString str(const QJsonObject &o, const char *key)
{
    return o.value(QLatin1String(key)).toString();
}

QJsonObject pendingJson(const PendingAction &p)
{
    return QJsonObject{{QStringLiteral("action"), p.action}, {QStringLiteral("orderId"), p.orderId},
        {QStringLiteral("item"), p.item}, {QStringLiteral("amount"), p.amount}, {QStringLiteral("change"), p.change},
        {QStringLiteral("summary"), p.summary}, {QStringLiteral("tier"), toString(p.tier)}};
}

std::optional<PendingAction> pendingFrom(const QJsonObject &p)
{
    if (str(p, "action").isEmpty())
        return std::nullopt;
    PendingAction a;
    a.action = str(p, "action");
    a.orderId = str(p, "orderId");
    a.item = str(p, "item");
    a.amount = p.value(QLatin1String("amount")).toDouble();
    a.change = str(p, "change");
    a.summary = str(p, "summary");
    a.tier = parse<Tier>(str(p, "tier")).value_or(Tier::AiRep);
    return a;
}

} // namespace

void DialogueState::mention(const QStringList &orderIds)
{
    if (orderIds.isEmpty())
        return;
    lastMentioned = orderIds;
    for (const QString &id : orderIds)
        if (!mentionedOrders.contains(id))
            mentionedOrders << id;
    orderId = orderIds.first();
}

QJsonObject DialogueState::toJson() const
{
    QJsonObject o{{QStringLiteral("intent"), intent}, {QStringLiteral("orderId"), orderId},
        {QStringLiteral("item"), item}, {QStringLiteral("awaitingSlot"), awaitingSlot},
        {QStringLiteral("mentionedOrders"), toArray(mentionedOrders)},
        {QStringLiteral("lastMentioned"), toArray(lastMentioned)}};
    if (!topic.isEmpty())
        o.insert(QStringLiteral("topic"),
            QJsonObject{{QStringLiteral("question"), topic}, {QStringLiteral("intent"), topicIntent}});
    if (!lastRequest.isEmpty())
        o.insert(QStringLiteral("lastRequest"), lastRequest);
    if (!refused.isEmpty())
        o.insert(QStringLiteral("refused"), refused);
    if (!refunded.isEmpty())
        o.insert(QStringLiteral("refunded"), toArray(refunded));
    if (amount)
        o.insert(QStringLiteral("amount"), *amount);
    if (pending)
        o.insert(QStringLiteral("pending"), pendingJson(*pending));
    if (!alsoPending.isEmpty()) {
        QJsonArray also;
        for (const PendingAction &a : alsoPending)
            also.append(pendingJson(a));
        o.insert(QStringLiteral("alsoPending"), also);
    }
    return o;
}

QByteArray DialogueState::toBytes() const
{
    return QJsonDocument(toJson()).toJson(QJsonDocument::Compact);
}

DialogueState DialogueState::fromBytes(const QByteArray &bytes)
{
    return fromJson(QJsonDocument::fromJson(bytes).object());
}

DialogueState DialogueState::fromJson(const QJsonObject &o)
{
    DialogueState s;
    s.intent = str(o, "intent");
    s.orderId = str(o, "orderId");
    s.item = str(o, "item");
    s.awaitingSlot = str(o, "awaitingSlot");
    s.mentionedOrders = toList(o.value(QLatin1String("mentionedOrders")));
    s.lastMentioned = toList(o.value(QLatin1String("lastMentioned")));
    const QJsonObject topic = o.value(QLatin1String("topic")).toObject();
    s.topic = str(topic, "question");
    s.topicIntent = str(topic, "intent");
    s.lastRequest = str(o, "lastRequest");
    s.refused = str(o, "refused");
    s.refunded = toList(o.value(QLatin1String("refunded")));
    if (o.value(QLatin1String("amount")).isDouble())
        s.amount = o.value(QLatin1String("amount")).toDouble();
    if (auto p = pendingFrom(o.value(QLatin1String("pending")).toObject()))
        s.pending = *p;
    for (const QJsonValue &v : o.value(QLatin1String("alsoPending")).toArray())
        if (auto p = pendingFrom(v.toObject()))
            s.alsoPending << *p;
    return s;
}

bool operator==(const PendingAction &a, const PendingAction &b)
{
    return std::tie(a.action, a.orderId, a.item, a.amount, a.change, a.summary, a.tier)
        == std::tie(b.action, b.orderId, b.item, b.amount, b.change, b.summary, b.tier);
}

bool operator==(const DialogueState &a, const DialogueState &b)
{
    return std::tie(a.intent, a.orderId, a.item, a.amount, a.awaitingSlot, a.mentionedOrders, a.lastMentioned, a.topic,
               a.topicIntent, a.lastRequest, a.refused, a.refunded, a.pending, a.alsoPending)
        == std::tie(b.intent, b.orderId, b.item, b.amount, b.awaitingSlot, b.mentionedOrders, b.lastMentioned, b.topic,
            b.topicIntent, b.lastRequest, b.refused, b.refunded, b.pending, b.alsoPending);
}

} // namespace tierdesk::dialogue
