#pragma once

#include <QAbstractTableModel>
#include <QJsonArray>
#include <QJsonObject>

namespace tierdesk::ui {

// The company's knowledge sources as GET /api/cs/kb/sources lists them: kind, address, status
// (with the running sync's progress), the last and next sync, and what the last sync did.
class KbSourcesModel : public QAbstractTableModel {
    Q_OBJECT

public:
    enum Column { Kind, Address, Status, LastSync, NextSync, Imported, Updated, Removed, ColumnCount };
    enum Role { IdRole = Qt::UserRole + 1, SourceRole };

    explicit KbSourcesModel(QObject *parent = nullptr) : QAbstractTableModel(parent) { }

    int rowCount(const QModelIndex &parent = {}) const override { return parent.isValid() ? 0 : int(m_rows.size()); }
    int columnCount(const QModelIndex &parent = {}) const override { return parent.isValid() ? 0 : ColumnCount; }
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;

    // Replaces the rows with a list answer's "sources".
    void setSources(const QJsonArray &sources);
    // One source as GET /sources/:id answered it, in place (a source not listed is left out).
    void updateSource(const QJsonObject &source);
    int rowOf(qint64 id) const;
    QJsonObject source(int row) const { return m_rows.value(row); }

    // How the console names a source's kind ("Website") and status ("Running: 3 of 7 pages").
    static QString kindLabel(const QString &kind);
    static QString statusLabel(const QJsonObject &source);

private:
    QList<QJsonObject> m_rows;
};

} // namespace tierdesk::ui
