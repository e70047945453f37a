#include "ui/models/KbGapsModel.h"

namespace tierdesk::ui {

QStringList KbGapsModel::headers() const
{
    return {tr("Question"), tr("Asked"), tr("Conversations"), tr("To a person"), tr("Resolved by people"),
        tr("Last asked")};
}

QString KbGapsModel::display(const QJsonObject &row, int column) const
{
    switch (column) {
    case Question:
        return row.value(QLatin1String("label")).toString();
    case Asked:
        return QString::number(row.value(QLatin1String("questions")).toInt());
    case Conversations:
        return QString::number(row.value(QLatin1String("sessions")).toInt());
    case ToAPerson:
        return QString::number(row.value(QLatin1String("escalated")).toInt());
    case ResolvedByPeople:
        return QString::number(row.value(QLatin1String("resolvedByPeople")).toInt());
    case LastAsked:
        return localTime(row.value(QLatin1String("lastSeenAt")));
    }
    return {};
}

} // namespace tierdesk::ui
