#include "core/integrations/connectors/ConnectEvent.h"

#include "core/integrations/connectors/OrderFields.h"

#include <QJsonDocument>
#include <QJsonObject>

namespace tierdesk::connectors {

namespace {

QJsonObject stringsObject(const QMap<QString, QString> &values)
{
    QJsonObject o;
    for (auto it = values.constBegin(); it != values.constEnd(); ++it)
        o.insert(it.key(), it.value());
    return o;
}

Error lambdaFailure(const QString &message)
{
    return makeError(ErrorKind::Unavailable, message);
}

// The flat map of order keys: `orderStatus` is the status, and there must be one.
Result<std::optional<SourcedOrder>> readFlat(const QJsonObject &map)
{
    FieldPointers pointers = OrderFields::flat();
    if (map.contains(QLatin1String("orderStatus")))
        pointers.fields.insert(QStringLiteral("status"), QStringLiteral("/orderStatus"));
    Result<SourcedOrder> order = OrderFields::read(map, pointers);
    if (!order)
        return lambdaFailure(order.error().message);
    if (!order->has(QStringLiteral("status")))
        return lambdaFailure(QStringLiteral("the function's answer has no orderStatus"));
    return std::optional<SourcedOrder>(*order);
}

} // namespace

QByteArray ConnectEvent::invocation(const ConnectContact &contact, const QMap<QString, QString> &parameters)
{
    const QJsonObject endpoint{
        {QStringLiteral("Address"), contact.address}, {QStringLiteral("Type"), contact.addressType}};
    const QJsonObject contactData{{QStringLiteral("ContactId"), contact.contactId},
        {QStringLiteral("InitialContactId"), contact.contactId}, {QStringLiteral("Channel"), contact.channel},
        {QStringLiteral("InitiationMethod"), QStringLiteral("INBOUND")}, {QStringLiteral("CustomerEndpoint"), endpoint},
        {QStringLiteral("Attributes"), stringsObject(contact.attributes)},
        {QStringLiteral("Queue"), QJsonObject{{QStringLiteral("Name"), contact.queueName}}}};
    const QJsonObject event{{QStringLiteral("Name"), QStringLiteral("ContactFlowEvent")},
        {QStringLiteral("Details"),
            QJsonObject{{QStringLiteral("ContactData"), contactData},
                {QStringLiteral("Parameters"), stringsObject(parameters)}}}};
    return QJsonDocument(event).toJson(QJsonDocument::Compact);
}

Result<std::optional<SourcedOrder>> ConnectEvent::readOrder(int status, const QByteArray &body)
{
    if (status == 404)
        return std::optional<SourcedOrder>();
    if (status < 200 || status > 299)
        return lambdaFailure(QStringLiteral("the function answered HTTP %1").arg(status));
    QJsonParseError err{};
    const QJsonDocument doc = QJsonDocument::fromJson(body, &err);
    if (err.error != QJsonParseError::NoError || !doc.isObject())
        return lambdaFailure(QStringLiteral("the function's answer is not a JSON object"));
    const QJsonObject answer = doc.object();
    if (!answer.contains(QLatin1String("statusCode")))
        return readFlat(answer);
    const QJsonValue code = answer.value(QLatin1String("statusCode"));
    if (!code.isDouble())
        return lambdaFailure(QStringLiteral("the function's statusCode is not a number"));
    if (code.toInt() == 404)
        return std::optional<SourcedOrder>();
    if (code.toInt() < 200 || code.toInt() > 299)
        return lambdaFailure(QStringLiteral("the function returned statusCode %1").arg(code.toInt()));
    QJsonValue inner = answer.value(QLatin1String("body"));
    if (inner.isString()) {
        const QJsonDocument parsed = QJsonDocument::fromJson(inner.toString().toUtf8(), &err);
        if (err.error != QJsonParseError::NoError || !parsed.isObject())
            return lambdaFailure(QStringLiteral("the function's body is not a JSON object"));
        inner = parsed.object();
    }
    if (!inner.isObject())
        return lambdaFailure(QStringLiteral("the function's body is not a JSON object"));
    return readFlat(inner.toObject());
}

} // namespace tierdesk::connectors
