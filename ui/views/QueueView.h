#pragma once

#include <QWidget>

class QCheckBox;
class QComboBox;
class QLabel;
class QLineEdit;
class QPushButton;
class QTableView;

namespace tierdesk::ui {

class QueueFilterModel;
class QueueModel;

// The queue: filters on top, the escalations in a sortable table with SLA
// colours and countdowns, claim / release / open below.
class QueueView : public QWidget {
    Q_OBJECT

public:
    explicit QueueView(QueueModel &model, QWidget *parent = nullptr);

    QueueFilterModel &filter() { return *m_filter; }
    QTableView *table() const { return m_table; }
    QString currentSessionId() const;
    bool selectSession(const QString &sessionId);
    void selectNext(int step); // +1 next, -1 previous; wraps
    void focusSearch();
    void setAgentId(const QString &agentId);
    void setQueues(const QStringList &queues);

signals:
    void openRequested(const QString &sessionId);
    void claimRequested(const QString &sessionId);
    void releaseRequested(const QString &sessionId);

private:
    QWidget *buildFilters();
    void updateButtons();

    QueueModel &m_model;
    QueueFilterModel *m_filter;
    QTableView *m_table;
    QComboBox *m_queue;
    QComboBox *m_priority;
    QCheckBox *m_mine;
    QCheckBox *m_unassigned;
    QLineEdit *m_search;
    QPushButton *m_claim;
    QPushButton *m_release;
    QPushButton *m_open;
    QLabel *m_empty;
    QString m_agentId;
};

} // namespace tierdesk::ui
