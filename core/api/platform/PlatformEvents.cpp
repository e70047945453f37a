#include "core/api/platform/PlatformEvents.h"

#include "core/common/Time.h"

namespace tierdesk::api {

QStringList PlatformEvents::events()
{
    return {QStringLiteral("conversation.created"), QStringLiteral("escalation.created"),
        QStringLiteral("sentiment.negative")};
}

PlatformEvents::PlatformEvents(SessionEngine &engine, QObject *parent)
    : QObject(parent), m_engine(engine), m_events(engine, this, [this](const SessionEvent &event) { onEvent(event); })
{
    // escalation.created is queued by the routes that escalate, not from events.
    m_events.listenWhile([this] {
        return m_engine.webhooks().subscribedTo(
            {QStringLiteral("conversation.created"), QStringLiteral("sentiment.negative")});
    });
}

void PlatformEvents::onEvent(const SessionEvent &event)
{
    if (!event.session || event.relayed) // the instance where it happened queues its webhooks
        return;
    const Session &s = *event.session;
    if (event.type == SessionEventType::Created) {
        m_engine.queueEvent(event.companyId, QStringLiteral("conversation.created"),
            {{QStringLiteral("conversation_id"), s.id}, {QStringLiteral("user_id"), s.customerId},
                {QStringLiteral("channel"), toString(s.channel).toLower()},
                {QStringLiteral("created_at"), timefmt::iso(s.createdAt)}});
        return;
    }
    // A customer's message read as negative (a person's or the AI's words never are).
    if (event.type != SessionEventType::Message || !event.customerMessage)
        return;
    const Message &m = *event.customerMessage;
    if (!m.sentiment || !isNegative(*m.sentiment))
        return;
    m_engine.queueEvent(event.companyId, QStringLiteral("sentiment.negative"),
        {{QStringLiteral("conversation_id"), s.id}, {QStringLiteral("user_id"), s.customerId},
            {QStringLiteral("message_id"), m.id}, {QStringLiteral("sentiment"), toString(*m.sentiment).toLower()},
            {QStringLiteral("timestamp"), timefmt::iso(m.timestamp)}});
}

} // namespace tierdesk::api
