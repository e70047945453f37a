#pragma once

#include "ui/client/CompanyLogins.h"
#include "ui/client/EventStream.h"
#include "ui/models/QueueModel.h"

#include <QJsonObject>
#include <QMainWindow>
#include <QTimer>

#include <functional>

class QPushButton;
class QListWidget;
class QListWidgetItem;
class QStackedWidget;

namespace tierdesk::ui {

class AnalyticsView;
class ApiClient;
class CompanySwitcher;
class ConsoleCalls;
class ConfigView;
class ConsoleStatusBar;
class ConsoleTray;
class ConversationView;
class CustomersView;
class KnowledgeView;
class NoticeBar;
class NotificationsButton;
class QueueModel;
class QueueView;
class SettingsView;
class ShortcutsOverlay;
class SupervisorView;

// The console's window: the company switcher and navigation on the left (the queue, the
// conversation), the views in the middle, a notice above them (NoticeBar), and the status bar
// (ConsoleStatusBar) with the server, the live connection, the agent's presence and the queue's counts.
class MainWindow : public QMainWindow {
    Q_OBJECT

public:
    // How often the status bar asks whether the server's database is back.
    static constexpr int kStoreProbeMs = 2000;

    explicit MainWindow(ApiClient &client, QWidget *parent = nullptr);
    ~MainWindow() override;

    // The embedded engine's outcome (a remote console shows only the URL).
    void showStarted(const QString &baseUrl, const QString &dataDir, const QString &secrets, const QString &warning);
    void showFailed(const QString &error);
    // A notice above everything; showing one removes the previous one's action.
    void showNotice(const QString &text);
    // A button beside the notice (e.g. "Move secrets into the keyring").
    void offerNoticeAction(const QString &label, std::function<void()> action);
    // Logged in: load the queue and canned responses, open the live stream.
    void startSession();
    void stopSession();

    QueueModel &queueModel() { return *m_model; }
    QueueView *queueView() const { return m_queue; }
    ConversationView *conversation() const { return m_conversation; }
    CustomersView *customers() const { return m_customers; }
    KnowledgeView *knowledge() const { return m_knowledge; }
    AnalyticsView *analytics() const { return m_analytics; }
    SupervisorView *supervisor() const { return m_supervisor; }
    ConfigView *configuration() const { return m_configView; }
    SettingsView *settings() const { return m_settings; }
    // Calls at the desk: ringing, the call bar, the headset.
    ConsoleCalls *calls() const { return m_calls; }
    NotificationsButton *notificationsButton() const;
    // Desktop notifications shown so far (the tray may be missing).
    const QStringList &notifications() const;
    // Read-only: a supervisor watching; nothing can be sent or changed from the view.
    void openConversation(const QString &sessionId, bool readOnly = false);
    void showQueue();
    void showCustomers();
    void showKnowledge();
    void showAnalytics();
    void showSupervisor();
    void showConfiguration(); // admins only (hidden for other roles)
    void showSettings();
    void claimCurrent();
    void reloadQueue();
    // The company switcher (top left): the companies this console holds a login for on
    // the server, the signed-in one checked; admins may also make and rename companies.
    void setCompanies(const QList<CompanyLogin> &logins);
    QPushButton *companySwitcher() const;

signals:
    void queueLoaded();
    void companyChosen(const QString &companyId);
    void companyLoginRequested(); // sign in to another company
    void newCompanyRequested();
    void renameCompanyRequested();
    void signOutRequested();
    // The notice was closed with its × button.
    void noticeDismissed();

private:
    void buildViews();
    QWidget *buildCentral();
    QWidget *buildNavigation();
    void buildTray();
    void connectViews();
    void connectStatusBar();
    // The signed-in person's id and role: what the navigation shows them.
    void applyAgent();
    // Another company than the last session's: nothing of the old one stays on screen.
    void forgetPreviousCompany();
    void installShortcuts();
    void onEvents(const QList<QJsonObject> &events);
    void onConnection(EventStream::State state);
    // The server's database is away (team mode): said in the status bar, asked again until back.
    void onStoreReconnecting(bool reconnecting);
    void updateCounts();
    void rememberServerCounts(const QJsonObject &queueBody);
    void refreshServerCounts();
    bool concernsMe(const QJsonObject &queueItem) const;
    void claim(const QString &sessionId);
    void release(const QString &sessionId);
    void message(const QString &text);

    ApiClient &m_client;
    QueueModel *m_model;
    QueueView *m_queue;
    ConversationView *m_conversation;
    CustomersView *m_customers;
    KnowledgeView *m_knowledge;
    AnalyticsView *m_analytics;
    SupervisorView *m_supervisor;
    ConfigView *m_configView;
    QListWidgetItem *m_configItem = nullptr;
    SettingsView *m_settings;
    QStackedWidget *m_stack;
    QListWidget *m_nav;
    CompanySwitcher *m_switcher = nullptr;
    QString m_sessionCompany; // the company of the running (or last) session
    NoticeBar *m_notice = nullptr;
    ConsoleStatusBar *m_status = nullptr;
    // The queue route sends one page; when the queue is longer the status bar
    // shows the server's counts (refreshed shortly after live changes).
    bool m_listTruncated = false;
    QueueModel::Counts m_serverCounts;
    QTimer m_countsRefresh;
    QTimer m_storeProbe;
    ConsoleTray *m_tray = nullptr;
    ConsoleCalls *m_calls = nullptr;
    ShortcutsOverlay *m_overlay = nullptr;
};

} // namespace tierdesk::ui
