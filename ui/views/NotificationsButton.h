#pragma once

#include <QJsonObject>
#include <QList>
#include <QToolButton>

class QMenu;

namespace tierdesk::ui {

class ApiClient;
class NotificationsModel;

// "Notifications (2)" in the status bar: colleagues' @mentions of this person and, for
// supervisors, low customer ratings, as they arrive live (and the unread mentions the server
// kept, at sign-in). Choosing one opens its conversation; a mention is marked read then.
class NotificationsButton : public QToolButton {
    Q_OBJECT

public:
    NotificationsButton(ApiClient &client, QWidget *parent = nullptr);

    NotificationsModel &model() { return *m_model; }
    // Signed in: the unread mentions the server kept for this person.
    void reload();
    // Another company or person: nothing of the last one stays.
    void clear();
    // Opens the conversation of the entry in `row` and forgets the entry.
    void choose(int row);

signals:
    void openSession(const QString &sessionId);
    // Something new arrived (a title and one line), for the status bar and the tray.
    void arrived(const QString &title, const QString &text);
    void status(const QString &text);

private:
    void onEvents(const QList<QJsonObject> &events);
    void rebuildMenu();

    ApiClient &m_client;
    NotificationsModel *m_model;
    QMenu *m_menu;
};

} // namespace tierdesk::ui
