#pragma once

#include <QAbstractTableModel>
#include <QJsonArray>
#include <QJsonObject>

namespace tierdesk::ui {

// A table of JSON objects as an API route answers them (one row each, in the server's
// order), each known by one key field; subclasses name the columns and say what each shows.
// Live views refresh such tables often: when the same rows come back in the same order only
// their cells change (selection and scroll position stay); otherwise the model resets.
class JsonRowsModel : public QAbstractTableModel {
    Q_OBJECT

public:
    // IdRole: the row's key; RowRole: the whole object. Subclasses number theirs from FirstOwnRole.
    enum Role { IdRole = Qt::UserRole + 1, RowRole, FirstOwnRole };

    explicit JsonRowsModel(QObject *parent = nullptr, QString keyField = QStringLiteral("id"))
        : QAbstractTableModel(parent), m_key(std::move(keyField))
    {
    }

    int rowCount(const QModelIndex &parent = {}) const override { return parent.isValid() ? 0 : int(m_rows.size()); }
    int columnCount(const QModelIndex &parent = {}) const override
    {
        return parent.isValid() ? 0 : int(headers().size());
    }
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;

    void setRows(const QJsonArray &rows);
    QJsonObject row(int i) const { return m_rows.value(i); }
    QString keyOf(int i) const { return m_rows.value(i).value(m_key).toString(); }
    int rowOf(const QString &key) const;
    // The cells of one column changed by themselves (a clock went on): repaint them.
    void touchColumn(int column);

protected:
    virtual QStringList headers() const = 0;
    virtual QString display(const QJsonObject &row, int column) const = 0;
    // Rows shown dimmed (deactivated, revoked).
    virtual bool dimmed(const QJsonObject &) const { return false; }
    // An ISO time of the API as a local date and time.
    static QString localTime(const QJsonValue &iso);
    const QList<QJsonObject> &rows() const { return m_rows; }

private:
    QString m_key;
    QList<QJsonObject> m_rows;
};

} // namespace tierdesk::ui
