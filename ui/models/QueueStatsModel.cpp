#include "ui/models/QueueStatsModel.h"

#include "ui/models/Display.h"
#include "ui/models/QueueModel.h"

#include <QBrush>
#include <QColor>
#include <QDateTime>
#include <QLocale>

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
    case SlaToday: {
        const QJsonObject sla = q.value(QLatin1String("slaToday")).toObject();
        return slaTodayText(sla.value(QLatin1String("met")).toInt(), sla.value(QLatin1String("missed")).toInt());
    }
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
            const int met = sla.value(QLatin1String("met")).toInt(),
                      missed = sla.value(QLatin1String("missed")).toInt();
            return QString(tr("%n left the desk within their SLA", nullptr, met) + QLatin1Char('\n')
                + tr("%n breached their SLA", nullptr, missed) + QLatin1String("\n\n") + slaTodayExplained());
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

QString QueueStatsModel::slaTodayText(int met, int missed)
{
    if (met + missed == 0)
        return tr("none settled yet");
    const double percent = qRound(met * 1000.0 / (met + missed)) / 10.0;
    return tr("%1 % (%2 of %3)").arg(QLocale().toString(percent)).arg(met).arg(met + missed);
}

QString QueueStatsModel::slaTodayExplained() const
{
    const QString since = m_since.isValid()
        ? display::when(m_since.toLocalTime(), QDateTime::fromMSecsSinceEpoch(m_now()))
        : tr("midnight (UTC)");
    return tr("SLA today: of the conversations settled since %1, the share that met its SLA. A conversation "
              "counts as met when it leaves the desk (resolved or handed back to the AI) without breaching, "
              "and as missed the moment it breaches. Conversations answered in time but still open count "
              "for nothing yet, so early in the day a single breach can show 0 %.")
        .arg(since);
}

QVariant QueueStatsModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation == Qt::Horizontal && role == Qt::ToolTipRole && section == SlaToday)
        return slaTodayExplained();
    return JsonRowsModel::headerData(section, orientation, role);
}

QStringList QueueStatsModel::headers() const
{
    return {tr("Queue"), tr("Waiting"), tr("Longest wait"), tr("Being worked"), tr("At risk"), tr("Breached"),
        tr("SLA today")};
}

} // namespace tierdesk::ui
