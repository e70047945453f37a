#pragma once

#include <QAbstractTableModel>
#include <QJsonArray>
#include <QJsonObject>

namespace tierdesk::ui {

// A table of JSON objects as a list route answers them (one row each, in the
// server's order); subclasses name the columns and say what each shows.
class JsonRowsModel : public QAbstractTableModel
{
    Q_OBJECT

public:
    enum Role { IdRole = Qt::UserRole + 1, RowRole };

    explicit JsonRowsModel(QObject *parent = nullptr) : QAbstractTableModel(parent) {}

    int rowCount(const QModelIndex &parent = {}) const override { return parent.isValid() ? 0 : int(m_rows.size()); }
    int columnCount(const QModelIndex &parent = {}) const override { return parent.isValid() ? 0 : int(headers().size()); }
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;

    void setRows(const QJsonArray &rows);
    QJsonObject row(int row) const { return m_rows.value(row); }
    int rowOf(const QString &id) const;

protected:
    virtual QStringList headers() const = 0;
    virtual QString display(const QJsonObject &row, int column) const = 0;
    // Rows shown dimmed (deactivated, revoked).
    virtual bool dimmed(const QJsonObject &) const { return false; }
    // An ISO time of the API as a local date and time.
    static QString localTime(const QJsonValue &iso);

private:
    QList<QJsonObject> m_rows;
};

} // namespace tierdesk::ui
