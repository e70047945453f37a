#include "core/store/ConnectorCodec.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>

namespace tierdesk::connectorcodec {

namespace {

QJsonObject parsedObject(const QByteArray &text)
{
    return QJsonDocument::fromJson(text).object();
}

QByteArray compact(const QJsonObject &o)
{
    return QJsonDocument(o).toJson(QJsonDocument::Compact);
}

QJsonObject stringMap(const QHash<QString, QString> &map)
{
    QJsonObject o;
    for (auto it = map.constBegin(); it != map.constEnd(); ++it)
        o.insert(it.key(), it.value());
    return o;
}

} // namespace

QByteArray encodeRequests(const QMap<ConnectorPurpose, ConnectorRequest> &requests)
{
    QJsonObject all;
    for (auto it = requests.constBegin(); it != requests.constEnd(); ++it) {
        QJsonArray query;
        for (const auto &item : it->query)
            query.append(QJsonArray{item.first, item.second});
        all.insert(toString(it.key()),
            QJsonObject{{QStringLiteral("method"), it->method}, {QStringLiteral("path"), it->path},
                {QStringLiteral("query"), query}, {QStringLiteral("body"), it->body}});
    }
    return compact(all);
}

QMap<ConnectorPurpose, ConnectorRequest> decodeRequests(const QByteArray &text)
{
    QMap<ConnectorPurpose, ConnectorRequest> out;
    const QJsonObject all = parsedObject(text);
    for (auto it = all.constBegin(); it != all.constEnd(); ++it) {
        const std::optional<ConnectorPurpose> purpose = parseConnectorPurpose(it.key());
        if (!purpose)
            continue;
        const QJsonObject o = it.value().toObject();
        ConnectorRequest r;
        r.method = o.value(QLatin1String("method")).toString();
        r.path = o.value(QLatin1String("path")).toString();
        r.body = o.value(QLatin1String("body")).toString();
        for (const QJsonValue &pair : o.value(QLatin1String("query")).toArray())
            r.query.append({pair.toArray().at(0).toString(), pair.toArray().at(1).toString()});
        out.insert(*purpose, r);
    }
    return out;
}

QByteArray encodeFields(const QMap<ConnectorPurpose, FieldPointers> &fields)
{
    QJsonObject all;
    for (auto it = fields.constBegin(); it != fields.constEnd(); ++it) {
        QJsonObject o = stringMap(it->fields);
        if (it->items)
            o.insert(QStringLiteral("items"),
                QJsonObject{{QStringLiteral("at"), it->items->at}, {QStringLiteral("name"), it->items->name},
                    {QStringLiteral("quantity"), it->items->quantity}, {QStringLiteral("price"), it->items->price}});
        all.insert(toString(it.key()), o);
    }
    return compact(all);
}

QMap<ConnectorPurpose, FieldPointers> decodeFields(const QByteArray &text)
{
    QMap<ConnectorPurpose, FieldPointers> out;
    const QJsonObject all = parsedObject(text);
    for (auto it = all.constBegin(); it != all.constEnd(); ++it) {
        const std::optional<ConnectorPurpose> purpose = parseConnectorPurpose(it.key());
        if (!purpose)
            continue;
        FieldPointers p;
        const QJsonObject o = it.value().toObject();
        for (auto f = o.constBegin(); f != o.constEnd(); ++f) {
            if (f.key() != QLatin1String("items")) {
                p.fields.insert(f.key(), f.value().toString());
                continue;
            }
            const QJsonObject items = f.value().toObject();
            p.items = ItemPointers{items.value(QLatin1String("at")).toString(),
                items.value(QLatin1String("name")).toString(), items.value(QLatin1String("quantity")).toString(),
                items.value(QLatin1String("price")).toString()};
        }
        out.insert(*purpose, p);
    }
    return out;
}

QByteArray encodeAuthParams(const ConnectorAuth &auth)
{
    QJsonObject o;
    const QHash<QString, QString> params{{QStringLiteral("username"), auth.username},
        {QStringLiteral("name"), auth.headerName}, {QStringLiteral("accessKeyId"), auth.accessKeyId},
        {QStringLiteral("region"), auth.region}, {QStringLiteral("service"), auth.service}};
    for (auto it = params.constBegin(); it != params.constEnd(); ++it)
        if (!it.value().isEmpty())
            o.insert(it.key(), it.value());
    return compact(o);
}

void decodeAuthParams(const QByteArray &text, ConnectorAuth *auth)
{
    const QJsonObject o = parsedObject(text);
    auth->username = o.value(QLatin1String("username")).toString();
    auth->headerName = o.value(QLatin1String("name")).toString();
    auth->accessKeyId = o.value(QLatin1String("accessKeyId")).toString();
    auth->region = o.value(QLatin1String("region")).toString();
    auth->service = o.value(QLatin1String("service")).toString(QStringLiteral("lambda"));
}

QString encodePurposes(const QList<ConnectorPurpose> &purposes)
{
    QStringList names;
    for (const ConnectorPurpose p : purposes)
        names << toString(p);
    return names.join(QLatin1Char(','));
}

QList<ConnectorPurpose> decodePurposes(const QString &text)
{
    QList<ConnectorPurpose> out;
    for (const QString &name : text.split(QLatin1Char(','), Qt::SkipEmptyParts))
        if (const auto p = parseConnectorPurpose(name))
            out << *p;
    return out;
}

} // namespace tierdesk::connectorcodec
