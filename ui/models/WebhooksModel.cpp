#include "ui/models/WebhooksModel.h"

namespace tierdesk::ui {

QStringList WebhooksModel::headers() const
{
    return {tr("Address"), tr("Events"), tr("Created")};
}

QString WebhooksModel::display(const QJsonObject &row, int column) const
{
    switch (column) {
    case Url:
        return row.value(QLatin1String("url")).toString();
    case Events: {
        QStringList events;
        for (const QJsonValue &e : row.value(QLatin1String("events")).toArray())
            events << e.toString();
        return events.join(QLatin1String(", "));
    }
    case Created:
        return localTime(row.value(QLatin1String("createdAt")));
    }
    return {};
}

QStringList DeliveriesModel::headers() const
{
    return {tr("Event"), tr("State"), tr("Attempts"), tr("Last answer"), tr("Created")};
}

QString DeliveriesModel::display(const QJsonObject &row, int column) const
{
    switch (column) {
    case Event:
        return row.value(QLatin1String("event")).toString();
    case State:
        return row.value(QLatin1String("state")).toString();
    case Attempts:
        return QString::number(row.value(QLatin1String("attempts")).toInt());
    case LastStatus: {
        const int status = row.value(QLatin1String("lastStatus")).toInt();
        const QString error = row.value(QLatin1String("lastError")).toString();
        return status > 0 ? QString::number(status) : error;
    }
    case Created:
        return localTime(row.value(QLatin1String("createdAt")));
    }
    return {};
}

} // namespace tierdesk::ui
