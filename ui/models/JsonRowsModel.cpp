#include "ui/models/JsonRowsModel.h"

namespace tierdesk::ui {

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
        emit dataChanged(index(0, 0), index(int(m_rows.size()) - 1, m_columns - 1));
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

} // namespace tierdesk::ui
