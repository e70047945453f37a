#pragma once

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

// The supervisor's analytics: a date range and grouping, the key figures, charts
// (sessions over time, resolution rate by tier and channel, escalation reasons,
// final sentiment), every figure in a table and the customers' satisfaction per tier,
// channel and agent beside it, all from GET /api/cs/analytics;
// exported as CSV or as a PDF with the charts, written off the GUI thread.
class AnalyticsView : public QWidget {
    Q_OBJECT

public:
    explicit AnalyticsView(ApiClient &client, QWidget *parent = nullptr);
    AnalyticsModel &model() { return *m_model; }
    // The figure shown for an overview key of the API ("totalSessions", "escalations.total").
    QString figure(const QString &key) const;
    void setRange(const QDate &from, const QDate &to);

public slots:
    void refresh();
    void exportCsv(const QString &path);
    void exportPdf(const QString &path);

signals:
    void status(const QString &text);
    void loaded();
    void exported(const QString &path, const QString &error);

private:
    QWidget *buildControls();
    QWidget *buildFigures();
    QWidget *buildRatings();
    void display(const QJsonObject &report);
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
    QList<QPair<QString, QLabel *>> m_figures;
    QList<QChartView *> m_charts;
    QTableView *m_table;
    QTableView *m_ratings;
    int m_pending = 0;
};

} // namespace tierdesk::ui
