#pragma once

#include <QDate>
#include <QJsonObject>
#include <QWidget>

class QChartView;
class QComboBox;
class QDateEdit;
class QLabel;
class QProgressBar;
class QPushButton;
class QTableView;

namespace tierdesk::ui {

class AnalyticsModel;
class ApiClient;
class ReportExporter;

// The supervisor's analytics: a date range and grouping, the key figures with their change against
// the range of as many days just before, charts (sessions, satisfaction and the AI's resolutions over
// time, resolution rate by tier and channel, reasons for contact, escalation reasons, final sentiment,
// the desk's SLA), every figure in a table and the customers' satisfaction per tier, channel and agent
// beside it, all from GET /api/cs/analytics; a reason for contact clicked lists its sessions;
// exported as CSV or as a PDF with the charts, written off the GUI thread.
class AnalyticsView : public QWidget {
    Q_OBJECT

public:
    explicit AnalyticsView(ApiClient &client, QWidget *parent = nullptr);
    AnalyticsModel &model() { return *m_model; }
    // The figure shown for an overview key of the API ("totalSessions", "escalations.total").
    QString figure(const QString &key) const;
    // The change shown under that figure ("+3", "−1.0 pts", "—").
    QString change(const QString &key) const;
    void setRange(const QDate &from, const QDate &to);
    // The range compared with: as many days as [from, to], just before it.
    static QPair<QDate, QDate> previousRange(const QDate &from, const QDate &to);

public slots:
    void refresh();
    void exportCsv(const QString &path);
    void exportPdf(const QString &path);
    // Lists the sessions of a reason for contact in the range shown (a ReasonSessionsDialog).
    void showReason(const QString &reason);

signals:
    void status(const QString &text);
    void loaded();
    void exported(const QString &path, const QString &error);
    void openSession(const QString &sessionId, bool readOnly);

private:
    struct Tile {
        QString key;
        QLabel *value;
        QLabel *change;
    };
    const Tile *tileOf(const QString &key) const; // null for a figure without a tile
    QWidget *buildControls();
    QWidget *buildFigures();
    QWidget *buildCharts(QWidget *parent);
    QWidget *buildRatings();
    void display(const QJsonObject &report, const QJsonObject &previous, const QDate &from, const QDate &to);
    void showFigures();
    void showCharts(const QJsonObject &report);
    void say(const QString &text, bool error = false);
    QString askPath(const QString &suffix);

    ApiClient &m_client;
    AnalyticsModel *m_model;
    ReportExporter *m_exporter;
    QDateEdit *m_from;
    QDateEdit *m_to;
    QComboBox *m_group;
    QPushButton *m_refresh;
    QPushButton *m_csv;
    QPushButton *m_pdf;
    QProgressBar *m_progress;
    QLabel *m_message;
    QList<Tile> m_figures;
    QList<QChartView *> m_charts;
    QDate m_shownFrom; // the range of the figures shown, whatever the date fields say since
    QDate m_shownTo;
    QTableView *m_table;
    QTableView *m_ratings;
    int m_pending = 0;
};

} // namespace tierdesk::ui
