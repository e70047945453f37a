#include "core/api/chat/ChatJson.h"

#include "core/common/Time.h"
#include "core/domain/Enums.h"

#include <QJsonArray>

namespace tierdesk::api::chat {

QString chatRole(const QString &engineRole)
{
    if (engineRole == QLatin1String("customer"))
        return QStringLiteral("user");
    if (engineRole == QLatin1String("ai_rep") || engineRole == QLatin1String("ai_manager"))
        return QStringLiteral("assistant");
    if (engineRole == QLatin1String("human_agent"))
        return QStringLiteral("agent");
    return QStringLiteral("system");
}

bool visibleToVisitor(const QString &engineRole)
{
    return engineRole != QLatin1String("internal_note");
}

QJsonObject message(const Message &m)
{
    QJsonObject out{{QStringLiteral("id"), m.id}, {QStringLiteral("role"), chatRole(m.role)},
        {QStringLiteral("content"), m.content}, {QStringLiteral("timestamp"), timefmt::iso(m.timestamp)},
        {QStringLiteral("sender"), m.role}};
    // A person's reply names them, as the agent desk shows it (the visitor is talking to them).
    const QString agentName = m.meta.person ? m.meta.person->agentName : QString();
    if (m.role == QLatin1String("human_agent") && !agentName.isEmpty())
        out.insert(QStringLiteral("senderName"), agentName.left(200));
    // The files sent with it, read with GET /api/v1/chat/attachments/:id.
    QJsonArray files;
    for (const ChannelFileRef &f : m.meta.files)
        files.append(attachment(f));
    if (!files.isEmpty())
        out.insert(QStringLiteral("attachments"), files);
    return out;
}

QJsonObject attachment(const ChannelFileRef &f)
{
    return {{QStringLiteral("id"), f.id}, {QStringLiteral("name"), f.name},
        {QStringLiteral("contentType"), f.contentType}, {QStringLiteral("bytes"), f.bytes}};
}

QJsonObject sessionState(const Session &s, const ChatVisitor &v)
{
    return {{QStringLiteral("sessionId"), s.id}, {QStringLiteral("userId"), v.userId},
        {QStringLiteral("identified"), !v.customerId.isEmpty()}, {QStringLiteral("status"), toString(s.status)},
        {QStringLiteral("tier"), toString(s.currentTier)}, {QStringLiteral("sentiment"), toString(s.customerSentiment)},
        {QStringLiteral("createdAt"), timefmt::iso(s.createdAt)},
        {QStringLiteral("updatedAt"), timefmt::iso(s.updatedAt)}};
}

QJsonObject escalation(const QString &sessionId, const EscalationRecord &e)
{
    return {{QStringLiteral("sessionId"), sessionId}, {QStringLiteral("reason"), toString(e.reason)},
        {QStringLiteral("fromTier"), toString(e.fromTier)}, {QStringLiteral("toTier"), toString(e.toTier)},
        {QStringLiteral("timestamp"), timefmt::iso(e.timestamp)}};
}

QJsonObject messageOutcome(const MessageOutcome &o)
{
    const Session &s = o.session;
    QJsonObject out{{QStringLiteral("sessionId"), s.id}, {QStringLiteral("messageId"), o.customerMessage.id},
        {QStringLiteral("response"), o.aiResponse ? QJsonValue(o.aiResponse->content) : QJsonValue(QJsonValue::Null)},
        {QStringLiteral("reply"), o.aiResponse ? QJsonValue(message(*o.aiResponse)) : QJsonValue(QJsonValue::Null)},
        {QStringLiteral("escalated"), o.escalation.has_value()},
        {QStringLiteral("shouldEscalate"), s.currentTier == Tier::HumanAgent},
        {QStringLiteral("escalation"),
            o.escalation ? QJsonValue(escalation(s.id, *o.escalation)) : QJsonValue(QJsonValue::Null)},
        {QStringLiteral("status"), toString(s.status)}, {QStringLiteral("tier"), toString(s.currentTier)},
        {QStringLiteral("sentiment"), toString(s.customerSentiment)},
        {QStringLiteral("timestamp"), timefmt::iso(o.customerMessage.timestamp)}};
    return out;
}

QJsonObject rating(const SessionRating &r)
{
    return {{QStringLiteral("sessionId"), r.sessionId}, {QStringLiteral("rating"), r.rating},
        {QStringLiteral("comment"), r.comment.isEmpty() ? QJsonValue() : QJsonValue(r.comment)},
        {QStringLiteral("ratedAt"), timefmt::iso(r.ratedAt)}};
}

QJsonValue ratingField(SessionEngine &engine, const ChatVisitor &v, const Actor &actor)
{
    const auto found = engine.ratings().find(v.companyId, v.sessionId, actor);
    return found && found->has_value() ? QJsonValue(rating(**found)) : QJsonValue(QJsonValue::Null);
}

} // namespace tierdesk::api::chat
