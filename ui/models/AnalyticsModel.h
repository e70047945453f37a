#pragma once

#include <QAbstractTableModel>
#include <QJsonObject>

namespace tierdesk::ui {

// A GET /api/cs/analytics answer as one table, a row per figure of each breakdown:
// the overview, by tier, by channel, by agent (customers' ratings of the people), reasons for
// contact, escalations by reason, the sentiment distribution and the timeline. Tiers, channels,
// agents and periods carry their satisfaction (1-5) and how many customers rated. The overview's
// figures carry the previous range's value and the change against it. The view's tiles and
// table and the CSV export read it.
class AnalyticsModel : public QAbstractTableModel {
    Q_OBJECT

public:
    enum Column {
        Section,
        Name,
        Value,
        Previous, // the overview's figure in the range just before
        Change, // Value - Previous, rates in percentage points
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
    // Of a Change cell: a Trend, or nothing when there is no change or it is a volume (neither better nor worse).
    static constexpr int TrendRole = Qt::UserRole + 2;
    enum Trend { Worse = -1, Same = 0, Better = 1 };

    explicit AnalyticsModel(QObject *parent = nullptr) : QAbstractTableModel(parent) { }

    int rowCount(const QModelIndex &parent = {}) const override { return parent.isValid() ? 0 : int(m_rows.size()); }
    int columnCount(const QModelIndex &parent = {}) const override { return parent.isValid() ? 0 : ColumnCount; }
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;

    // `previous`: the answer for the range just before, to compare with ({}: none).
    void setReport(const QJsonObject &report, const QJsonObject &previous = {});
    const QJsonObject &report() const { return m_report; }
    const QJsonObject &previousReport() const { return m_previous; }
    // Rows of one section ("tier", "channel", "agent", "reason", "sentiment", "timeline", "overview").
    QList<int> rowsOf(const QString &section) const;

    // The overview's figures by the API's names ("totalSessions", "escalations.total"),
    // and how the console labels each.
    static QStringList figures();
    static QString figureLabel(const QString &key);
    // Whether a figure is a percentage (its change is in percentage points).
    static bool isRate(const QString &key);
    // 1 when a higher figure is better, -1 when a lower one is (escalations, cost, times), 0 for volumes.
    static int betterWhen(const QString &key);
    // "1h 02m", "4m 05s", "37s"
    static QString duration(int seconds);

    // Every row as CSV (RFC 4180), with a header line: raw numbers, the cost rows with their currency.
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
    QString figureText(const QString &key, double value, const QString &currency) const;
    QString changeText(const QString &key, double change) const;
    QString currencyOf(const QJsonObject &report) const;

    QJsonObject m_report;
    QJsonObject m_previous;
    QList<Row> m_rows;
};

} // namespace tierdesk::ui
