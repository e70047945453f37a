#pragma once

#include "ui/client/EventStream.h"
#include "ui/models/QueueModel.h"

#include <QStatusBar>

class QComboBox;
class QLabel;

namespace tierdesk::ui {

class ApiClient;
class NotificationsButton;

// The window's status bar: where the console is connected, the live connection, the queue's
// counts, the agent's presence and the notifications, always shown (a passing message must not
// hide where we are connected). Choosing a presence sends it to the server.
class ConsoleStatusBar : public QStatusBar {
    Q_OBJECT

public:
    explicit ConsoleStatusBar(ApiClient &client, QWidget *parent = nullptr);

    NotificationsButton *notificationsButton() const { return m_notifications; }
    void showServer(const QString &baseUrl);
    // The embedded engine's outcome.
    void showStarted(const QString &baseUrl, const QString &dataDir, const QString &secrets);
    void showFailed();
    void showConnection(EventStream::State state);
    // The server's database is away (team mode).
    void showStoreReconnecting();
    void showCounts(const QueueModel::Counts &counts);
    // "available" or "away".
    QString presence() const;
    // Shows `presence` when it is one to choose here (offline is not).
    void setPresence(const QString &presence);
    void setPresenceEnabled(bool enabled);

private:
    void setConnection(const QString &text, const char *color);

    ApiClient &m_client;
    QLabel *m_server;
    QLabel *m_connection;
    QLabel *m_counts;
    QComboBox *m_presence;
    NotificationsButton *m_notifications;
};

} // namespace tierdesk::ui
