#include "ui/models/QueueStatsModel.h"

#include "ui/models/Display.h"
#include "ui/models/QueueModel.h"

#include <QBrush>
#include <QColor>
#include <QDateTime>

namespace tierdesk::ui {

QueueStatsModel::QueueStatsModel(QObject *parent)
    : JsonRowsModel(parent, QStringLiteral("queue")), m_now([] { return QDateTime::currentMSecsSinceEpoch(); })
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
    case Queue:
        return q.value(QLatin1String("queue")).toString();
    case Waiting:
        return q.value(QLatin1String("waiting")).toInt();
    case LongestWait:
        return longestWaitSecs(q);
    case Claimed:
        return q.value(QLatin1String("claimed")).toInt();
    case AtRisk:
        return q.value(QLatin1String("atRisk")).toInt();
    case Breached:
        return q.value(QLatin1String("breached")).toInt();
    case SlaToday: {
        const QJsonValue attainment = q.value(QLatin1String("slaToday")).toObject().value(QLatin1String("attainment"));
        return attainment.isDouble() ? attainment.toDouble() : -1.0;
    }
    }
    return {};
}

QString QueueStatsModel::display(const QJsonObject &q, int column) const
{
    const QVariant v = value(q, column);
    switch (column) {
    case Queue:
        return display::titleCase(v.toString());
    case LongestWait:
        return v.toLongLong() < 0 ? QStringLiteral("—") : QueueModel::formatDuration(v.toLongLong());
    case SlaToday:
        return v.toDouble() < 0 ? QStringLiteral("—") : tr("%1 %").arg(v.toDouble());
    default:
        return v.toString();
    }
}

QVariant QueueStatsModel::data(const QModelIndex &index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return {};
    const QJsonObject &q = rows().at(index.row());
    switch (role) {
    case ValueRole:
        return value(q, index.column());
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
    case Qt::ForegroundRole: {
        const QVariant v = value(q, index.column());
        if (index.column() == Breached && v.toInt() > 0)
            return QBrush(QColor(0x9b, 0x1c, 0x1c));
        if (index.column() == AtRisk && v.toInt() > 0)
            return QBrush(QColor(0x8a, 0x55, 0x00));
        if (index.column() == SlaToday && v.toDouble() >= 0 && v.toDouble() < 90)
            return QBrush(QColor(0x9b, 0x1c, 0x1c));
        return {};
    }
    default:
        return JsonRowsModel::data(index, role);
    }
}

QStringList QueueStatsModel::headers() const
{
    return {tr("Queue"), tr("Waiting"), tr("Longest wait"), tr("Being worked"), tr("At risk"), tr("Breached"),
        tr("SLA today")};
}

} // namespace tierdesk::ui
