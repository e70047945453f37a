#include "core/api/cs/CsEventJson.h"

#include "core/api/cs/CsJson.h"

namespace tierdesk::api::cs {
namespace {

QJsonObject messageData(const SessionEvent &event)
{
    QJsonObject data;
    if (event.customerMessage) { // an AI turn: the customer's message and the reply to it
        data.insert(QStringLiteral("customerMessage"), json::message(*event.customerMessage));
        if (event.reply)
            data.insert(QStringLiteral("aiResponse"), json::message(*event.reply));
    } else if (event.reply) { // a person wrote on the desk
        data.insert(QStringLiteral("message"), json::message(*event.reply));
    }
    return data;
}

QJsonObject escalationData(const EscalationRecord &e)
{
    return {{QStringLiteral("fromTier"), toString(e.fromTier)}, {QStringLiteral("toTier"), toString(e.toTier)},
        {QStringLiteral("reason"), toString(e.reason)}, {QStringLiteral("escalation"), json::escalation(e)}};
}

} // namespace

QJsonObject eventData(const SessionEvent &event)
{
    if (event.isDeskEvent())
        return event.queueItem ? json::queueItem(*event.queueItem)
                               : QJsonObject{{QStringLiteral("sessionId"), event.sessionId}};
    if (!event.session)
        return {};
    const QJsonObject summary = json::sessionSummary(*event.session);
    if (event.type == SessionEventType::Created)
        return summary;
    QJsonObject data;
    switch (event.type) {
    case SessionEventType::Message:
        data = messageData(event);
        break;
    case SessionEventType::Escalated:
        if (event.escalation)
            data = escalationData(*event.escalation);
        break;
    case SessionEventType::Transferred:
        if (event.escalation)
            data.insert(QStringLiteral("escalation"), json::escalation(*event.escalation));
        break;
    case SessionEventType::SatisfactionRated:
    case SessionEventType::SatisfactionLow:
        if (event.rating)
            data.insert(QStringLiteral("rating"), json::rating(*event.rating));
        break;
    case SessionEventType::Resolved:
        if (event.session->resolution)
            data.insert(QStringLiteral("resolution"), json::resolution(*event.session->resolution));
        break;
    default:
        break;
    }
    data.insert(QStringLiteral("session"), summary);
    if (event.internal)
        data.insert(QStringLiteral("internal"), true);
    return data;
}

} // namespace tierdesk::api::cs
