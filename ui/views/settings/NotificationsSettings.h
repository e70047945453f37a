#pragma once

#include <QWidget>

class QCheckBox;
class QLabel;

namespace tierdesk::ui {

class ApiClient;

// Settings > Notifications (supervisors and admins): the past week's figures and the biggest
// knowledge gaps by e-mail every Monday (PUT /api/cs/agents/me/notifications), for the person
// signed in.
class NotificationsSettings : public QWidget {
    Q_OBJECT

public:
    explicit NotificationsSettings(ApiClient &client, QWidget *parent = nullptr);
    // Shows what the signed-in person asked for.
    void refresh();
    QCheckBox *weeklySummary() const { return m_weekly; }

signals:
    void saved(bool ok);

private:
    void save(bool on);

    ApiClient &m_client;
    QCheckBox *m_weekly;
    QLabel *m_message;
};

} // namespace tierdesk::ui
