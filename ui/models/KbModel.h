#pragma once

#include <QAbstractTableModel>
#include <QJsonArray>
#include <QJsonObject>

namespace tierdesk::ui {

// Knowledge-base articles as GET /api/cs/kb lists them (summaries, in the server's order:
// by category and title, or ranked when searched).
class KbModel : public QAbstractTableModel {
    Q_OBJECT

public:
    enum Column { Title, Category, Source, Updated, ColumnCount };
    enum Role { IdRole = Qt::UserRole + 1, SummaryRole };

    explicit KbModel(QObject *parent = nullptr) : QAbstractTableModel(parent) { }

    int rowCount(const QModelIndex &parent = {}) const override { return parent.isValid() ? 0 : int(m_rows.size()); }
    int columnCount(const QModelIndex &parent = {}) const override { return parent.isValid() ? 0 : ColumnCount; }
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;

    // Replaces the rows with a list answer's "articles".
    void setArticles(const QJsonArray &articles);
    int rowOf(qint64 id) const;
    QJsonObject article(int row) const { return m_rows.value(row); }

private:
    QList<QJsonObject> m_rows;
};

} // namespace tierdesk::ui
