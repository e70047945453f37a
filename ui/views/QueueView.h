#pragma once

#include "ui/models/SavedQueueFilters.h"

#include <QSet>
#include <QTimer>
#include <QWidget>

class QCheckBox;
class QComboBox;
class QHBoxLayout;
class QLabel;
class QLineEdit;
class QPushButton;
class QTableView;
class QToolButton;

namespace tierdesk::ui {

class ApiClient;
class DeskHoursLabel;
class QueueBulkBar;
class QueueFilterModel;
class QueueModel;
class TeamRoster;

// The queue: filters (and the agent's saved ones) on top, whether the desk is open and who
// of the team has room, the escalations in a sortable table with SLA colours and countdowns,
// claim / release / open below, and for supervisors actions on several selected rows. The
// snoozed conversations are a list of their own, shown instead when asked for.
class QueueView : public QWidget {
    Q_OBJECT

public:
    // How soon after a desk event the snoozed list is read again while it is shown.
    static constexpr int kSnoozedReloadMs = 300;

    QueueView(QueueModel &model, ApiClient &client, QWidget *parent = nullptr);

    QueueFilterModel &filter() { return *m_filter; }
    QTableView *table() const { return m_table; }
    QString currentSessionId() const;
    bool selectSession(const QString &sessionId);
    void selectNext(int step); // +1 next, -1 previous; wraps
    void focusSearch();
    void setAgentId(const QString &agentId);
    void setQueues(const QStringList &queues);

    // Snoozed conversations instead of the others (GET /queue?snoozed=true).
    void setShowSnoozed(bool on);
    bool showsSnoozed() const;
    QueueModel &snoozedModel() { return *m_snoozed; }
    TeamRoster &roster() { return *m_roster; }
    DeskHoursLabel &hoursLabel() { return *m_hours; }
    QString teamRoomText() const;

    // The filter bar as it is set, and set to a saved one.
    QueueFilterState filterState() const;
    void applyFilterState(const QueueFilterState &filter);
    // Saved filters of the signed-in agent in this company.
    void saveFilterAs(const QString &name);
    bool applySavedFilter(const QString &name);
    void deleteSavedFilter(const QString &name);
    QStringList savedFilterNames() const;
    // Tests keep the saved filters in a file of their own.
    void setFiltersFile(const QString &file) { m_filtersFile = file; }

    // Multi-select and the bulk actions: supervisors and admins only.
    void setSupervisor(bool on);
    QueueBulkBar &bulkBar() { return *m_bulk; }
    QStringList selectedSessions() const;
    bool selectSessions(const QStringList &sessionIds);

signals:
    void openRequested(const QString &sessionId);
    void claimRequested(const QString &sessionId);
    void releaseRequested(const QString &sessionId);
    void status(const QString &text);

private:
    void buildTable();
    QHBoxLayout *buildButtons();
    void connectSignals();
    QWidget *buildFilters();
    QWidget *buildInfoRow();
    QToolButton *buildSavedFiltersButton(QWidget *parent);
    void fillSavedFiltersMenu();
    void askFilterName();
    SavedQueueFilters savedFilters() const;
    void onEvents(const QList<QJsonObject> &events);
    void reloadSnoozed();
    void updateButtons();
    // Asks the server once per chat session whether it came by WhatsApp (the queue item says only "chat").
    void learnSources(QueueModel &model);

    QueueModel &m_model;
    ApiClient &m_client;
    QueueModel *m_snoozed;
    TeamRoster *m_roster;
    QueueFilterModel *m_filter;
    QTableView *m_table;
    QComboBox *m_queue;
    QComboBox *m_priority;
    QComboBox *m_channel;
    QCheckBox *m_mine;
    QCheckBox *m_unassigned;
    QCheckBox *m_snoozedBox;
    QLineEdit *m_search;
    QToolButton *m_saved;
    DeskHoursLabel *m_hours = nullptr;
    QLabel *m_room;
    QPushButton *m_claim;
    QPushButton *m_release;
    QPushButton *m_open;
    QueueBulkBar *m_bulk = nullptr;
    QLabel *m_empty;
    QTimer m_snoozedReload;
    QString m_agentId;
    QString m_filtersFile;
    QStringList m_queues;
    QSet<QString> m_sourceAsked; // chat sessions whose source was asked for
};

} // namespace tierdesk::ui
