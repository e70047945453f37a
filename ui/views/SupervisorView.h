#pragma once

#include <QJsonObject>
#include <QTimer>
#include <QWidget>

class QComboBox;
class QLabel;
class QPushButton;
class QSortFilterProxyModel;
class QTableView;

namespace tierdesk::ui {

class ApiClient;
class DeskHoursLabel;
class HeldSessionsModel;
class QueueStatsModel;
class TeamModel;

// The supervisor's live desk (GET /api/cs/desk/overview): per queue what waits, the
// longest wait, what is at risk or breached and today's SLA attainment; the team with
// presence and what each person holds. A held session opens read-only or is reassigned.
// Live events ask for a fresh overview (coalesced, so a burst costs one request); the
// waiting times count on by themselves every second in between.
class SupervisorView : public QWidget {
    Q_OBJECT

public:
    // How soon after an event the overview is asked for again.
    static constexpr int kCoalesceMs = 150;

    explicit SupervisorView(ApiClient &client, QWidget *parent = nullptr);

    QueueStatsModel &queues() { return *m_queues; }
    TeamModel &team() { return *m_team; }
    HeldSessionsModel &held() { return *m_held; }
    DeskHoursLabel &hoursLabel() { return *m_hours; }
    // The overview last shown ({} before the first answer).
    const QJsonObject &overview() const { return m_overview; }
    // The line above the tables: waiting, longest wait, people available, SLA today.
    QString summary() const;

    void applyEvents(const QList<QJsonObject> &events);
    // The held session selected in the table ("" when none).
    QString selectedSession() const;
    bool selectSession(const QString &sessionId);
    // Gives the selected session to the agent picked beside it.
    void reassignSelected();
    void setReassignTarget(const QString &agentId);

public slots:
    void refresh();

signals:
    void openSession(const QString &sessionId, bool readOnly);
    void status(const QString &text);
    // An overview was shown.
    void loaded();

protected:
    void showEvent(QShowEvent *event) override;

private:
    QWidget *buildHeldPanel();
    void display(const QJsonObject &overview);
    void fillReassignTargets();
    void summarise();
    void fitQueueTable();
    void filterByAgent();
    void updateButtons();
    qint64 serverNowMs() const;

    ApiClient &m_client;
    QueueStatsModel *m_queues;
    TeamModel *m_team;
    HeldSessionsModel *m_held;
    QSortFilterProxyModel *m_heldFilter;
    QTableView *m_queueTable;
    QTableView *m_teamTable;
    QTableView *m_heldTable;
    QLabel *m_updated;
    DeskHoursLabel *m_hours;
    QLabel *m_summary;
    QPushButton *m_open;
    QComboBox *m_target;
    QPushButton *m_reassign;
    QPushButton *m_showAll;
    QTimer m_coalesce;
    QTimer m_tick;
    QTimer m_poll;
    QJsonObject m_overview;
    qint64 m_clockOffsetMs = 0; // the server's clock minus ours, from the last answer
    bool m_inFlight = false;
    bool m_again = false;
};

} // namespace tierdesk::ui
