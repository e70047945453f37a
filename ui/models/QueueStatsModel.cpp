#include "ui/models/QueueStatsModel.h"

#include "ui/models/Display.h"
#include "ui/models/QueueModel.h"

#include <QBrush>
#include <QColor>
#include <QDateTime>

namespace tierdesk::ui {

QueueStatsModel::QueueStatsModel(QObject *parent)
    : JsonRowsModel(QStringLiteral("queue"), ColumnCount, parent), m_now([] { return QDateTime::currentMSecsSinceEpoch(); })
{
}

qint64 QueueStatsModel::longestWaitSecs(const QJsonObject &q) const
{
    const qint64 since = display::parseTime(q.value(QLatin1String("oldestWaitingSince")).toString());
    return since > 0 ? qMax<qint64>(0, (m_now() - since) / 1000) : -1;
}

QVariant QueueStatsModel::value(const QJsonObject &q, int column) const
{
    switch (column) {
    case Queue: return q.value(QLatin1String("queue")).toString();
    case Waiting: return q.value(QLatin1String("waiting")).toInt();
    case LongestWait: return longestWaitSecs(q);
    case Claimed: return q.value(QLatin1String("claimed")).toInt();
    case AtRisk: return q.value(QLatin1String("atRisk")).toInt();
    case Breached: return q.value(QLatin1String("breached")).toInt();
    case SlaToday: {
        const QJsonValue attainment = q.value(QLatin1String("slaToday")).toObject().value(QLatin1String("attainment"));
        return attainment.isDouble() ? attainment.toDouble() : -1.0;
    }
    }
    return {};
}

QVariant QueueStatsModel::data(const QModelIndex &index, int role) const
{
    if (!index.isValid() || index.row() >= rowCount())
        return {};
    const QJsonObject &q = rows().at(index.row());
    const QVariant v = value(q, index.column());
    switch (role) {
    case ValueRole: return v;
    case Qt::DisplayRole:
        switch (index.column()) {
        case Queue: return display::titleCase(v.toString());
        case LongestWait: return v.toLongLong() < 0 ? QStringLiteral("—") : QueueModel::formatDuration(v.toLongLong());
        case SlaToday: return v.toDouble() < 0 ? QStringLiteral("—") : tr("%1 %").arg(v.toDouble());
        default: return v;
        }
    case Qt::ToolTipRole:
        if (index.column() == SlaToday) {
            const QJsonObject sla = q.value(QLatin1String("slaToday")).toObject();
            return tr("Since midnight (UTC): %1 answered in time, %2 breached")
                .arg(sla.value(QLatin1String("met")).toInt())
                .arg(sla.value(QLatin1String("missed")).toInt());
        }
        return {};
    case Qt::TextAlignmentRole:
        return index.column() == Queue ? QVariant() : QVariant(int(Qt::AlignRight | Qt::AlignVCenter));
    case Qt::ForegroundRole:
        if (index.column() == Breached && v.toInt() > 0)
            return QBrush(QColor(0x9b, 0x1c, 0x1c));
        if (index.column() == AtRisk && v.toInt() > 0)
            return QBrush(QColor(0x8a, 0x55, 0x00));
        if (index.column() == SlaToday && v.toDouble() >= 0 && v.toDouble() < 90)
            return QBrush(QColor(0x9b, 0x1c, 0x1c));
        return {};
    default: return {};
    }
}

QVariant QueueStatsModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return {};
    switch (section) {
    case Queue: return tr("Queue");
    case Waiting: return tr("Waiting");
    case LongestWait: return tr("Longest wait");
    case Claimed: return tr("Being worked");
    case AtRisk: return tr("At risk");
    case Breached: return tr("Breached");
    case SlaToday: return tr("SLA today");
    }
    return {};
}

} // namespace tierdesk::ui
