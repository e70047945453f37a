#include "ui/models/SimulationModel.h"

#include "ui/models/Display.h"

#include <QBrush>
#include <QColor>

namespace tierdesk::ui {

SimulationModel::SimulationModel(QObject *parent) : JsonRowsModel(parent, QStringLiteral("sessionId")) { }

void SimulationModel::setReport(const QJsonObject &report)
{
    m_report = report;
    setRows(report.value(QLatin1String("sessions")).toArray());
}

QString SimulationModel::changeLabel(const QString &change)
{
    if (change == QLatin1String("EARLIER"))
        return tr("Escalates earlier");
    if (change == QLatin1String("LATER"))
        return tr("Escalates later");
    if (change == QLatin1String("NO_LONGER"))
        return tr("No longer escalates");
    if (change == QLatin1String("NEWLY"))
        return tr("Newly escalates");
    if (change == QLatin1String("DIFFERENT"))
        return tr("Escalates differently");
    return display::enumLabel(change);
}

QString SimulationModel::escalationLabel(const QJsonValue &escalation)
{
    if (!escalation.isObject())
        return tr("No escalation");
    const QJsonObject e = escalation.toObject();
    // Positions count from 0 in the API; people count messages from 1.
    return tr("%1 → %2 at message %3")
        .arg(display::enumLabel(e.value(QLatin1String("reason")).toString()),
            display::tierLabel(e.value(QLatin1String("tier")).toString()))
        .arg(e.value(QLatin1String("messageIndex")).toInt() + 1);
}

QString SimulationModel::summary() const
{
    if (m_report.isEmpty())
        return {};
    const QJsonObject byChange
        = m_report.value(QLatin1String("summary")).toObject().value(QLatin1String("byChange")).toObject();
    // "escalate earlier: 1 · no longer escalate: 1", the kinds that occur, in this order.
    const QList<QPair<const char *, QString>> kinds{{"EARLIER", tr("escalate earlier")},
        {"LATER", tr("escalate later")}, {"NO_LONGER", tr("no longer escalate")}, {"NEWLY", tr("newly escalate")},
        {"DIFFERENT", tr("escalate differently")}};
    QStringList parts;
    for (const auto &kind : kinds)
        if (const int n = byChange.value(QLatin1String(kind.first)).toInt(); n > 0)
            parts << QStringLiteral("%1: %2").arg(kind.second).arg(n);
    QString out
        = tr("%1 of %n session(s) would change", nullptr, m_report.value(QLatin1String("sessionsReplayed")).toInt())
              .arg(rowCount());
    if (!parts.isEmpty())
        out += QStringLiteral(" — ") + parts.join(QStringLiteral(" · "));
    if (m_report.value(QLatin1String("truncated")).toBool())
        out += tr(" (only the newest %1 of %n session(s) were replayed)", nullptr,
            m_report.value(QLatin1String("sessionsInPeriod")).toInt())
                   .arg(m_report.value(QLatin1String("sessionsReplayed")).toInt());
    return out;
}

QString SimulationModel::display(const QJsonObject &s, int column) const
{
    switch (column) {
    case Session:
        return s.value(QLatin1String("sessionId")).toString().left(13) + QStringLiteral("…");
    case Change:
        return changeLabel(s.value(QLatin1String("change")).toString());
    case Before:
        return escalationLabel(s.value(QLatin1String("before")));
    case After:
        return escalationLabel(s.value(QLatin1String("after")));
    }
    return {};
}

QVariant SimulationModel::data(const QModelIndex &index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return {};
    const QJsonObject &s = rows().at(index.row());
    const QString change = s.value(QLatin1String("change")).toString();
    switch (role) {
    case ChangeRole:
        return change;
    case Qt::ToolTipRole:
        // The whole text of a cell the column cuts short.
        return index.column() == Session
            ? tr("%1\nDouble-click to open the conversation").arg(s.value(QLatin1String("sessionId")).toString())
            : JsonRowsModel::data(index, Qt::DisplayRole);
    case Qt::ForegroundRole:
        if (index.column() != Change)
            return {};
        if (change == QLatin1String("EARLIER") || change == QLatin1String("NEWLY"))
            return QBrush(QColor(0x9b, 0x1c, 0x1c));
        if (change == QLatin1String("LATER") || change == QLatin1String("NO_LONGER"))
            return QBrush(QColor(0x16, 0x65, 0x34));
        return {};
    default:
        return JsonRowsModel::data(index, role);
    }
}

QStringList SimulationModel::headers() const
{
    return {tr("Session"), tr("What changes"), tr("Now"), tr("With the change")};
}

} // namespace tierdesk::ui
