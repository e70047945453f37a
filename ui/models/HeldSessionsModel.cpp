#include "ui/models/HeldSessionsModel.h"

#include "ui/models/Display.h"
#include "ui/models/QueueModel.h"

#include <QBrush>
#include <QColor>
#include <QDateTime>

namespace tierdesk::ui {

HeldSessionsModel::HeldSessionsModel(QObject *parent)
    : JsonRowsModel(QStringLiteral("sessionId"), ColumnCount, parent), m_now([] { return QDateTime::currentMSecsSinceEpoch(); })
{
}

void HeldSessionsModel::setAgents(const QJsonArray &agents)
{
    QJsonArray held;
    for (const QJsonValue &a : agents) {
        const QJsonObject person = a.toObject();
        for (const QJsonValue &s : person.value(QLatin1String("sessions")).toArray()) {
            QJsonObject row = s.toObject();
            row.insert(QStringLiteral("agentId"), person.value(QLatin1String("id")));
            row.insert(QStringLiteral("agentName"), person.value(QLatin1String("name")));
            held.append(row);
        }
    }
    setRows(held);
}

QVariant HeldSessionsModel::data(const QModelIndex &index, int role) const
{
    if (!index.isValid() || index.row() >= rowCount())
        return {};
    const QJsonObject &s = rows().at(index.row());
    const QString sla = s.value(QLatin1String("slaState")).toString();
    switch (role) {
    case SessionIdRole: return s.value(QLatin1String("sessionId")).toString();
    case AgentIdRole: return s.value(QLatin1String("agentId")).toString();
    case Qt::DisplayRole:
        switch (index.column()) {
        case Customer: return s.value(QLatin1String("customerName")).toString();
        case Queue: return display::titleCase(s.value(QLatin1String("queue")).toString());
        case Agent: return s.value(QLatin1String("agentName")).toString();
        case HeldFor: {
            const qint64 at = display::parseTime(s.value(QLatin1String("claimedAt")).toString());
            return at > 0 ? QueueModel::formatDuration(qMax<qint64>(0, m_now() - at) / 1000) : QString();
        }
        case Sla:
            return sla == QLatin1String("breached") ? tr("Breached") : sla == QLatin1String("warning") ? tr("At risk") : tr("On time");
        }
        return {};
    case Qt::ForegroundRole:
        if (index.column() == Sla && sla != QLatin1String("ok"))
            return QBrush(sla == QLatin1String("breached") ? QColor(0x9b, 0x1c, 0x1c) : QColor(0x8a, 0x55, 0x00));
        return {};
    default: return {};
    }
}

QVariant HeldSessionsModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return {};
    switch (section) {
    case Customer: return tr("Customer");
    case Queue: return tr("Queue");
    case Agent: return tr("Held by");
    case HeldFor: return tr("Held for");
    case Sla: return tr("SLA");
    }
    return {};
}

} // namespace tierdesk::ui
