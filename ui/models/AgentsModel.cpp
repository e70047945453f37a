#include "ui/models/AgentsModel.h"

namespace tierdesk::ui {

QStringList AgentsModel::headers() const
{
    return {tr("Name"), tr("E-mail"), tr("Role"), tr("Queues"), tr("Capacity"), tr("Second factor"), tr("Status")};
}

QString AgentsModel::display(const QJsonObject &row, int column) const
{
    switch (column) {
    case Name:
        return row.value(QLatin1String("name")).toString();
    case Email:
        return row.value(QLatin1String("email")).toString();
    case Role:
        return row.value(QLatin1String("role")).toString();
    case Queues: {
        QStringList queues;
        for (const QJsonValue &q : row.value(QLatin1String("queues")).toArray())
            queues << q.toString();
        return queues.join(QLatin1String(", "));
    }
    case Capacity:
        return row.contains(QLatin1String("capacity")) ? QString::number(row.value(QLatin1String("capacity")).toInt())
                                                       : QString();
    case SecondFactor:
        return row.value(QLatin1String("mfa")).toObject().value(QLatin1String("enabled")).toBool() ? tr("On")
                                                                                                   : tr("Off");
    case Status:
        return row.value(QLatin1String("active")).toBool(true) ? tr("Active") : tr("Deactivated");
    }
    return {};
}

} // namespace tierdesk::ui
