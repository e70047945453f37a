#include "ui/models/HeldSessionsModel.h"

#include "ui/models/Display.h"
#include "ui/models/QueueModel.h"

#include <QBrush>
#include <QColor>
#include <QDateTime>

namespace tierdesk::ui {

HeldSessionsModel::HeldSessionsModel(QObject *parent)
    : JsonRowsModel(parent, QStringLiteral("sessionId")), m_now([] { return QDateTime::currentMSecsSinceEpoch(); })
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

QString HeldSessionsModel::display(const QJsonObject &s, int column) const
{
    const QString sla = s.value(QLatin1String("slaState")).toString();
    switch (column) {
    case Customer:
        return s.value(QLatin1String("customerName")).toString();
    case Queue:
        return display::titleCase(s.value(QLatin1String("queue")).toString());
    case Agent:
        return s.value(QLatin1String("agentName")).toString();
    case HeldFor: {
        const qint64 at = display::parseTime(s.value(QLatin1String("claimedAt")).toString());
        return at > 0 ? QueueModel::formatDuration(qMax<qint64>(0, m_now() - at) / 1000) : QString();
    }
    case Sla:
        return sla == QLatin1String("breached") ? tr("Breached")
            : sla == QLatin1String("warning")   ? tr("At risk")
                                                : tr("On time");
    }
    return {};
}

QVariant HeldSessionsModel::data(const QModelIndex &index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return {};
    const QJsonObject &s = rows().at(index.row());
    const QString sla = s.value(QLatin1String("slaState")).toString();
    switch (role) {
    case AgentIdRole:
        return s.value(QLatin1String("agentId")).toString();
    case Qt::ForegroundRole:
        if (index.column() == Sla && sla != QLatin1String("ok"))
            return QBrush(sla == QLatin1String("breached") ? QColor(0x9b, 0x1c, 0x1c) : QColor(0x8a, 0x55, 0x00));
        return {};
    default:
        return JsonRowsModel::data(index, role);
    }
}

QStringList HeldSessionsModel::headers() const
{
    return {tr("Customer"), tr("Queue"), tr("Held by"), tr("Held for"), tr("SLA")};
}

} // namespace tierdesk::ui
