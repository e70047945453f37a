#include "ui/models/JsonRowsModel.h"

#include "ui/models/Display.h"

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
    case Qt::DisplayRole:
        return display(r, index.column());
    case IdRole:
        return r.value(m_key).toString();
    case RowRole:
        return r;
    case Qt::ForegroundRole:
        return dimmed(r) ? QVariant(QBrush(Qt::gray)) : QVariant();
    default:
        return {};
    }
}

QVariant JsonRowsModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    const QStringList names = headers();
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole || section < 0 || section >= names.size())
        return {};
    return names.at(section);
}

void JsonRowsModel::setRows(const QJsonArray &rows)
{
    QList<QJsonObject> next;
    next.reserve(rows.size());
    bool sameKeys = rows.size() == m_rows.size();
    for (const QJsonValue &v : rows) {
        next << v.toObject();
        if (sameKeys && next.last().value(m_key) != m_rows.at(next.size() - 1).value(m_key))
            sameKeys = false;
    }
    if (!sameKeys) {
        beginResetModel();
        m_rows = std::move(next);
        endResetModel();
        return;
    }
    m_rows = std::move(next);
    if (!m_rows.isEmpty())
        emit dataChanged(index(0, 0), index(int(m_rows.size()) - 1, columnCount() - 1));
}

int JsonRowsModel::rowOf(const QString &key) const
{
    for (int i = 0; i < m_rows.size(); ++i)
        if (m_rows.at(i).value(m_key).toString() == key)
            return i;
    return -1;
}

void JsonRowsModel::touchColumn(int column)
{
    if (!m_rows.isEmpty())
        emit dataChanged(index(0, column), index(int(m_rows.size()) - 1, column));
}

QString JsonRowsModel::localTime(const QJsonValue &iso)
{
    return display::dateTimeOfMs(display::parseTime(iso.toString()));
}

} // namespace tierdesk::ui
