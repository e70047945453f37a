#include "ui/models/ConnectorCallsModel.h"

#include "ui/models/ConnectorsModel.h"

#include <QBrush>
#include <QColor>

namespace tierdesk::ui {

QStringList ConnectorCallsModel::headers() const
{
    return {tr("At"), tr("Purpose"), tr("Session"), tr("Result"), tr("HTTP status"), tr("Latency"), tr("Error")};
}

QString ConnectorCallsModel::display(const QJsonObject &row, int column) const
{
    switch (column) {
    case At:
        return localTime(row.value(QLatin1String("at")));
    case Purpose:
        return ConnectorsModel::purposeLabel(row.value(QLatin1String("purpose")).toString());
    case Session: {
        const QString session = row.value(QLatin1String("sessionId")).toString();
        return session.isEmpty() ? tr("test") : session;
    }
    case Outcome:
        return row.value(QLatin1String("ok")).toBool() ? tr("OK") : tr("Failed");
    case Status: {
        const int status = row.value(QLatin1String("status")).toInt();
        return status > 0 ? QString::number(status) : tr("—");
    }
    case Latency:
        return tr("%1 ms").arg(row.value(QLatin1String("latencyMs")).toInteger());
    case Error:
        return row.value(QLatin1String("error")).toString();
    }
    return {};
}

QVariant ConnectorCallsModel::data(const QModelIndex &index, int role) const
{
    if (role == Qt::ForegroundRole && index.isValid() && index.column() == Outcome)
        return QBrush(QColor(row(index.row()).value(QLatin1String("ok")).toBool() ? 0x166534 : 0xb91c1c));
    return JsonRowsModel::data(index, role);
}

} // namespace tierdesk::ui
