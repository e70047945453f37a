#pragma once

#include "ui/ConsolePreferences.h"

#include <QWidget>

class QComboBox;
class QLabel;
class QLineEdit;
class QRadioButton;
class QSpinBox;
class QTabWidget;

namespace tierdesk::ui {

class AgentsSettings;
class AiProvidersSettings;
class ApiClient;
class CannedResponsesSettings;
class ChannelsSettings;
class CompanySettings;
class ConnectorsSettings;
class EmailSettings;
class HeadsetSettings;
class NotificationsSettings;
class SignInSettings;
class TokensSettings;
class WebhooksSettings;

// The Settings page: the console's own connection, headset and language, and one's sign-in (second factor,
// sessions) for everyone; for supervisors
// and admins the company's canned responses and their own e-mail notifications; for admins the company's profile,
// policies and AI voice, its agents, webhooks, AI providers, connectors to its own systems, its inbox channels
// (mailbox, Twilio), the server's e-mail settings and API tokens (tabs hidden for other roles; the API refuses them
// anyway).
class SettingsView : public QWidget {
    Q_OBJECT

public:
    explicit SettingsView(ApiClient &client, QWidget *parent = nullptr);
    // Tests point the console preferences at a file of their own.
    void setPreferences(const ConsolePreferences &preferences);
    const ConsolePreferences &preferences() const { return m_preferences; }
    AgentsSettings *agents() const { return m_agents; }
    TokensSettings *tokens() const { return m_tokens; }
    WebhooksSettings *webhooks() const { return m_webhooks; }
    EmailSettings *email() const { return m_email; }
    AiProvidersSettings *aiProviders() const { return m_aiProviders; }
    CannedResponsesSettings *cannedResponses() const { return m_canned; }
    ConnectorsSettings *connectors() const { return m_connectors; }
    ChannelsSettings *channels() const { return m_channels; }
    CompanySettings *company() const { return m_company; }
    HeadsetSettings *headset() const { return m_headset; }
    NotificationsSettings *notifications() const { return m_notifications; }
    SignInSettings *signIn() const { return m_signIn; }
    QTabWidget *tabs() const { return m_tabs; }
    bool showsAdminTabs() const;
    // Whether this console uses its built-in server (else one given with --server or saved here).
    void setUsesEmbeddedServer(bool embedded);

public slots:
    // Shows the tabs the signed-in role may use and reloads the visible lists.
    void refresh();

private:
    QWidget *buildConnection();
    QWidget *buildLanguage();
    void loadPreferences();
    void saveConnection();
    void showConnection();

    ApiClient &m_client;
    ConsolePreferences m_preferences;
    QTabWidget *m_tabs;
    AgentsSettings *m_agents;
    WebhooksSettings *m_webhooks;
    EmailSettings *m_email;
    AiProvidersSettings *m_aiProviders;
    TokensSettings *m_tokens;
    CannedResponsesSettings *m_canned;
    ConnectorsSettings *m_connectors;
    ChannelsSettings *m_channels;
    CompanySettings *m_company;
    HeadsetSettings *m_headset;
    NotificationsSettings *m_notifications;
    SignInSettings *m_signIn;
    QLabel *m_current;
    QLabel *m_portInUse;
    bool m_usesEmbedded = true;
    QRadioButton *m_embedded;
    QRadioButton *m_remote;
    QSpinBox *m_port;
    QLineEdit *m_server;
    QLabel *m_connectionMessage;
    QComboBox *m_language;
};

} // namespace tierdesk::ui
