#include "core/api/platform/PlatformEvents.h"

namespace tierdesk::api {

QStringList PlatformEvents::events()
{
    return {QStringLiteral("conversation.created"), QStringLiteral("escalation.created"),
        QStringLiteral("sentiment.negative")};
}

PlatformEvents::PlatformEvents(SessionEngine &engine, QObject *parent) : QObject(parent), m_engine(engine)
{
    connect(&m_engine, &SessionEngine::sessionEvent, this, &PlatformEvents::onEvent);
}

void PlatformEvents::onEvent(
    const QString &companyId, const QString &sessionId, const QString &type, const QJsonObject &data)
{
    if (type == QLatin1String("created")) {
        m_engine.queueEvent(companyId, QStringLiteral("conversation.created"),
            {{QStringLiteral("conversation_id"), sessionId},
                {QStringLiteral("user_id"), data.value(QLatin1String("customerId"))},
                {QStringLiteral("channel"), data.value(QLatin1String("channel")).toString().toLower()},
                {QStringLiteral("created_at"), data.value(QLatin1String("createdAt"))}});
        return;
    }
    if (type != QLatin1String("message"))
        return;
    const QJsonObject message = data.value(QLatin1String("customerMessage")).toObject();
    const auto sentiment = parse<Sentiment>(message.value(QLatin1String("sentiment")).toString());
    if (!sentiment || !isNegative(*sentiment))
        return;
    m_engine.queueEvent(companyId, QStringLiteral("sentiment.negative"),
        {{QStringLiteral("conversation_id"), sessionId},
            {QStringLiteral("user_id"), data.value(QLatin1String("session"))[QLatin1String("customerId")]},
            {QStringLiteral("message_id"), message.value(QLatin1String("id"))},
            {QStringLiteral("sentiment"), sentiment ? toString(*sentiment).toLower() : QString()},
            {QStringLiteral("timestamp"), message.value(QLatin1String("timestamp"))}});
}

} // namespace tierdesk::api
