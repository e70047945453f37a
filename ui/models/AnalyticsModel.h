#pragma once

#include <QAbstractTableModel>
#include <QJsonObject>

namespace tierdesk::ui {

// A GET /api/cs/analytics answer as one table, a row per figure of each breakdown:
// the overview, by tier, by channel, by agent (customers' ratings of the people), escalations
// by reason, the sentiment distribution and the timeline. Tiers, channels, agents and periods
// carry their satisfaction (1-5) and how many customers rated. The view's table and the CSV
// export read it.
class AnalyticsModel : public QAbstractTableModel {
    Q_OBJECT

public:
    enum Column {
        Section,
        Name,
        Value,
        Sessions,
        Resolved,
        Rate,
        AvgTime,
        Escalated,
        Satisfaction,
        Ratings,
        ColumnCount
    };
    // The raw number behind a cell (Display shows it worded).
    static constexpr int ValueRole = Qt::UserRole + 1;

    explicit AnalyticsModel(QObject *parent = nullptr) : QAbstractTableModel(parent) { }

    int rowCount(const QModelIndex &parent = {}) const override { return parent.isValid() ? 0 : int(m_rows.size()); }
    int columnCount(const QModelIndex &parent = {}) const override { return parent.isValid() ? 0 : ColumnCount; }
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;

    void setReport(const QJsonObject &report);
    const QJsonObject &report() const { return m_report; }
    // Rows of one section ("tier", "channel", "agent", "reason", "sentiment", "timeline", "overview").
    QList<int> rowsOf(const QString &section) const;

    // The overview's figures by the API's names ("totalSessions", "escalations.total"),
    // and how the console labels each.
    static QStringList figures();
    static QString figureLabel(const QString &key);

    // Every row as CSV (RFC 4180), with a header line.
    QByteArray toCsv() const;

private:
    struct Row {
        QString section;
        QString name;
        QVariant cells[ColumnCount];
    };
    void addOverview();
    void addOutcomes(const QString &section, const QJsonArray &items, const QString &key);
    void addAgents();
    void addContactReasons();

    QJsonObject m_report;
    QList<Row> m_rows;
};

} // namespace tierdesk::ui
