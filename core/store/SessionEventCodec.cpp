#include "core/store/SessionEventCodec.h"

#include "core/common/JsonWriter.h"
#include "core/store/MessageMetaCodec.h"

#include <QJsonDocument>
#include <QJsonObject>

namespace tierdesk::storage {
namespace {

QJsonObject messageJson(const Message &m)
{
    QJsonObject o{{QStringLiteral("id"), m.id}, {QStringLiteral("role"), m.role},
        {QStringLiteral("content"), m.content}, {QStringLiteral("timestamp"), m.timestamp},
        {QStringLiteral("meta"), QString::fromUtf8(encodeMessageMeta(m.meta))}};
    if (m.sentiment)
        o.insert(QStringLiteral("sentiment"), toString(*m.sentiment));
    return o;
}

std::optional<Message> messageFrom(const QJsonValue &v)
{
    if (!v.isObject())
        return std::nullopt;
    const QJsonObject o = v.toObject();
    Message m;
    m.id = o.value(QLatin1String("id")).toString();
    m.role = o.value(QLatin1String("role")).toString();
    m.content = o.value(QLatin1String("content")).toString();
    m.timestamp = qint64(o.value(QLatin1String("timestamp")).toDouble());
    if (o.contains(QLatin1String("sentiment")))
        m.sentiment = parse<Sentiment>(o.value(QLatin1String("sentiment")).toString());
    m.meta = decodeMessageMeta(o.value(QLatin1String("meta")).toString().toUtf8());
    return m;
}

QJsonObject escalationJson(const EscalationRecord &e)
{
    return {{QStringLiteral("from"), toString(e.fromTier)}, {QStringLiteral("to"), toString(e.toTier)},
        {QStringLiteral("reason"), toString(e.reason)}, {QStringLiteral("timestamp"), e.timestamp},
        {QStringLiteral("notes"), e.notes}, {QStringLiteral("automatic"), e.automatic},
        {QStringLiteral("transfer"), e.transfer}};
}

EscalationRecord escalationFrom(const QJsonObject &o)
{
    EscalationRecord e;
    e.fromTier = parse<Tier>(o.value(QLatin1String("from")).toString()).value_or(Tier::AiRep);
    e.toTier = parse<Tier>(o.value(QLatin1String("to")).toString()).value_or(Tier::AiManager);
    e.reason = parse<EscalationReason>(o.value(QLatin1String("reason")).toString()).value_or(e.reason);
    e.timestamp = qint64(o.value(QLatin1String("timestamp")).toDouble());
    e.notes = o.value(QLatin1String("notes")).toString();
    e.automatic = o.value(QLatin1String("automatic")).toBool();
    e.transfer = o.value(QLatin1String("transfer")).toBool();
    return e;
}

QJsonObject ratingJson(const SessionRating &r)
{
    return {{QStringLiteral("rating"), r.rating}, {QStringLiteral("comment"), r.comment},
        {QStringLiteral("ratedAt"), r.ratedAt}, {QStringLiteral("agentId"), r.agentId},
        {QStringLiteral("agentName"), r.agentName}, {QStringLiteral("tier"), r.tier},
        {QStringLiteral("channel"), r.channel}, {QStringLiteral("ratedBy"), r.ratedBy}};
}

SessionRating ratingFrom(const QJsonObject &o, const SessionEvent &e)
{
    SessionRating r;
    r.sessionId = e.sessionId;
    r.companyId = e.companyId;
    r.rating = o.value(QLatin1String("rating")).toInt();
    r.comment = o.value(QLatin1String("comment")).toString();
    r.ratedAt = qint64(o.value(QLatin1String("ratedAt")).toDouble());
    r.agentId = o.value(QLatin1String("agentId")).toString();
    r.agentName = o.value(QLatin1String("agentName")).toString();
    r.tier = o.value(QLatin1String("tier")).toString();
    r.channel = o.value(QLatin1String("channel")).toString();
    r.ratedBy = o.value(QLatin1String("ratedBy")).toString();
    return r;
}

QJsonObject mentionJson(const Mention &m)
{
    return {{QStringLiteral("id"), m.id}, {QStringLiteral("agentId"), m.agentId},
        {QStringLiteral("messageId"), m.messageId}, {QStringLiteral("fromId"), m.fromId},
        {QStringLiteral("fromName"), m.fromName}, {QStringLiteral("excerpt"), m.excerpt},
        {QStringLiteral("createdAt"), m.createdAt}, {QStringLiteral("readAt"), m.readAt}};
}

Mention mentionFrom(const QJsonObject &o, const SessionEvent &e)
{
    Mention m;
    m.id = o.value(QLatin1String("id")).toString();
    m.companyId = e.companyId;
    m.sessionId = e.sessionId;
    m.agentId = o.value(QLatin1String("agentId")).toString();
    m.messageId = o.value(QLatin1String("messageId")).toString();
    m.fromId = o.value(QLatin1String("fromId")).toString();
    m.fromName = o.value(QLatin1String("fromName")).toString();
    m.excerpt = o.value(QLatin1String("excerpt")).toString();
    m.createdAt = qint64(o.value(QLatin1String("createdAt")).toDouble());
    m.readAt = qint64(o.value(QLatin1String("readAt")).toDouble());
    return m;
}

} // namespace

QByteArray encodeSessionEvent(const SessionEvent &e)
{
    QJsonObject o{{QStringLiteral("type"), static_cast<int>(e.type)}, {QStringLiteral("companyId"), e.companyId},
        {QStringLiteral("sessionId"), e.sessionId}, {QStringLiteral("internal"), e.internal},
        {QStringLiteral("withSession"), e.session.has_value()},
        {QStringLiteral("withQueueItem"), e.queueItem.has_value()}};
    if (e.customerMessage)
        o.insert(QStringLiteral("customerMessage"), messageJson(*e.customerMessage));
    if (e.reply)
        o.insert(QStringLiteral("reply"), messageJson(*e.reply));
    if (e.escalation)
        o.insert(QStringLiteral("escalation"), escalationJson(*e.escalation));
    if (e.rating)
        o.insert(QStringLiteral("rating"), ratingJson(*e.rating));
    if (e.mention)
        o.insert(QStringLiteral("mention"), mentionJson(*e.mention));
    return compactJson(o);
}

std::optional<RelayedEvent> decodeSessionEvent(const QByteArray &text)
{
    const QJsonObject o = QJsonDocument::fromJson(text).object();
    const int type = o.value(QLatin1String("type")).toInt(-1);
    if (type < 0 || type > static_cast<int>(SessionEventType::SlaBreached))
        return std::nullopt;
    RelayedEvent r;
    SessionEvent &e = r.event;
    e.type = static_cast<SessionEventType>(type);
    e.companyId = o.value(QLatin1String("companyId")).toString();
    e.sessionId = o.value(QLatin1String("sessionId")).toString();
    e.internal = o.value(QLatin1String("internal")).toBool();
    e.customerMessage = messageFrom(o.value(QLatin1String("customerMessage")));
    e.reply = messageFrom(o.value(QLatin1String("reply")));
    if (o.contains(QLatin1String("escalation")))
        e.escalation = escalationFrom(o.value(QLatin1String("escalation")).toObject());
    if (o.contains(QLatin1String("rating")))
        e.rating = ratingFrom(o.value(QLatin1String("rating")).toObject(), e);
    if (o.contains(QLatin1String("mention")))
        e.mention = mentionFrom(o.value(QLatin1String("mention")).toObject(), e);
    r.withSession = o.value(QLatin1String("withSession")).toBool();
    r.withQueueItem = o.value(QLatin1String("withQueueItem")).toBool();
    return r;
}

} // namespace tierdesk::storage
