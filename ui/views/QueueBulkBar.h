#pragma once

#include <QHash>
#include <QStringList>
#include <QWidget>

#include <functional>

class QLabel;
class QPushButton;

namespace tierdesk::ui {

class ApiClient;
class ApiReply;
class TeamRoster;

// A supervisor's actions on several queue rows at once: Assign to…, Transfer to queue…,
// Resolve… (after a confirmation). Each runs the single-session call for every selected
// session and reports how many succeeded and why the others failed.
class QueueBulkBar : public QWidget {
    Q_OBJECT

public:
    // The selected sessions, and how to name each (the customer) in a report.
    using Selection = std::function<QStringList()>;
    using Labels = std::function<QHash<QString, QString>()>;

    QueueBulkBar(ApiClient &client, TeamRoster &roster, Selection selection, Labels labels, QWidget *parent = nullptr);

    void setQueues(const QStringList &queues) { m_queues = queues; }
    // The selection changed: say how many, enable the actions.
    void selectionChanged();
    // The actions themselves, without asking (the buttons ask first).
    void assignTo(const QString &agentId, const QString &name);
    void transferTo(const QString &queue);
    void resolve();
    bool running() const { return m_running; }
    QString lastReport() const;

signals:
    void finished(const QString &report);

private:
    void askAssign();
    void askTransfer();
    void askResolve();
    void run(const std::function<QString(int done, int total)> &words,
        const std::function<ApiReply *(const QString &)> &call);

    ApiClient &m_client;
    TeamRoster &m_roster;
    Selection m_selection;
    Labels m_labels;
    QStringList m_queues;
    QLabel *m_count;
    QLabel *m_result;
    QPushButton *m_assign;
    QPushButton *m_transfer;
    QPushButton *m_resolve;
    bool m_running = false;
};

} // namespace tierdesk::ui
