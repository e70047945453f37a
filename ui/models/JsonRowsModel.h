#pragma once

#include <QAbstractTableModel>
#include <QJsonArray>
#include <QJsonObject>

namespace tierdesk::ui {

// A table whose rows are JSON objects of an API answer, each known by one key field.
// Live views refresh such tables often: when the same rows come back in the same order
// only their cells change (selection and scroll position stay); otherwise the model resets.
class JsonRowsModel : public QAbstractTableModel
{
    Q_OBJECT

public:
    JsonRowsModel(QString keyField, int columns, QObject *parent = nullptr)
        : QAbstractTableModel(parent), m_key(std::move(keyField)), m_columns(columns)
    {
    }

    int rowCount(const QModelIndex &parent = {}) const override { return parent.isValid() ? 0 : int(m_rows.size()); }
    int columnCount(const QModelIndex &parent = {}) const override { return parent.isValid() ? 0 : m_columns; }

    void setRows(const QJsonArray &rows);
    QJsonObject row(int i) const { return m_rows.value(i); }
    QString keyOf(int i) const { return m_rows.value(i).value(m_key).toString(); }
    int rowOf(const QString &key) const;
    // The cells of one column changed by themselves (a clock went on): repaint them.
    void touchColumn(int column);

protected:
    const QList<QJsonObject> &rows() const { return m_rows; }

private:
    QString m_key;
    int m_columns;
    QList<QJsonObject> m_rows;
};

} // namespace tierdesk::ui
