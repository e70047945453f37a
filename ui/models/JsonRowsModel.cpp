#include "ui/models/JsonRowsModel.h"

#include <QBrush>
#include <QDateTime>
#include <QLocale>

namespace tierdesk::ui {

QVariant JsonRowsModel::data(const QModelIndex &index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return {};
    const QJsonObject &r = m_rows.at(index.row());
    switch (role) {
    case Qt::DisplayRole: return display(r, index.column());
    case IdRole: return r.value(QLatin1String("id")).toString();
    case RowRole: return r;
    case Qt::ForegroundRole: return dimmed(r) ? QVariant(QBrush(Qt::gray)) : QVariant();
    default: return {};
    }
}

QVariant JsonRowsModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole || section < 0 || section >= headers().size())
        return {};
    return headers().at(section);
}

void JsonRowsModel::setRows(const QJsonArray &rows)
{
    beginResetModel();
    m_rows.clear();
    for (const QJsonValue &v : rows)
        m_rows << v.toObject();
    endResetModel();
}

int JsonRowsModel::rowOf(const QString &id) const
{
    for (int i = 0; i < m_rows.size(); ++i)
        if (m_rows.at(i).value(QLatin1String("id")).toString() == id)
            return i;
    return -1;
}

QString JsonRowsModel::localTime(const QJsonValue &iso)
{
    const QDateTime at = QDateTime::fromString(iso.toString(), Qt::ISODateWithMs);
    return at.isValid() ? QLocale().toString(at.toLocalTime(), QLocale::ShortFormat) : QString();
}

} // namespace tierdesk::ui
