#include "ui/views/SettingsView.h"

#include "ui/client/ApiClient.h"
#include "ui/views/AgentsSettings.h"
#include "ui/views/EmailSettings.h"
#include "ui/views/TokensSettings.h"
#include "ui/views/WebhooksSettings.h"
#include "ui/views/settings/AiProvidersSettings.h"
#include "ui/views/settings/CannedResponsesSettings.h"
#include "ui/views/settings/ChannelsSettings.h"
#include "ui/views/settings/CompanySettings.h"
#include "ui/views/settings/ConnectorsSettings.h"
#include "ui/views/settings/HeadsetSettings.h"
#include "ui/views/settings/NotificationsSettings.h"
#include "ui/views/settings/SignInSettings.h"

#include <QButtonGroup>
#include <QComboBox>
#include <QFormLayout>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QRadioButton>
#include <QSpinBox>
#include <QTabWidget>
#include <QVBoxLayout>

namespace tierdesk::ui {

SettingsView::SettingsView(ApiClient &client, QWidget *parent) : QWidget(parent), m_client(client)
{
    m_tabs = new QTabWidget(this);
    m_tabs->setObjectName(QStringLiteral("settingsTabs"));
    m_agents = new AgentsSettings(client, this);
    m_webhooks = new WebhooksSettings(client, this);
    m_email = new EmailSettings(client, this);
    m_aiProviders = new AiProvidersSettings(client, this);
    m_tokens = new TokensSettings(client, this);
    m_canned = new CannedResponsesSettings(client, this);
    m_connectors = new ConnectorsSettings(client, this);
    m_channels = new ChannelsSettings(client, this);
    m_headset = new HeadsetSettings(this);
    m_company = new CompanySettings(client, this);
    m_notifications = new NotificationsSettings(client, this);
    m_signIn = new SignInSettings(client, this);
    m_tabs->addTab(buildConnection(), tr("Connection"));
    m_tabs->addTab(m_company, tr("Company"));
    m_tabs->addTab(m_agents, tr("Agents"));
    m_tabs->addTab(m_canned, tr("Canned responses"));
    m_tabs->addTab(m_webhooks, tr("Webhooks"));
    m_tabs->addTab(m_aiProviders, tr("AI providers"));
    m_tabs->addTab(m_connectors, tr("Connectors"));
    m_tabs->addTab(m_channels, tr("Channels"));
    m_tabs->addTab(m_email, tr("E-mail"));
    m_tabs->addTab(m_tokens, tr("API tokens"));
    m_tabs->addTab(m_headset, tr("Headset"));
    m_tabs->addTab(m_notifications, tr("Notifications"));
    m_tabs->addTab(m_signIn, tr("Sign-in"));
    m_tabs->addTab(buildLanguage(), tr("Language"));
    auto *layout = new QVBoxLayout(this);
    layout->addWidget(m_tabs);
    loadPreferences();
}

QWidget *SettingsView::buildConnection()
{
    auto *page = new QWidget(this);
    m_current = new QLabel(page);
    m_current->setObjectName(QStringLiteral("connectionCurrent"));
    m_current->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_portInUse = new QLabel(page);
    m_portInUse->setObjectName(QStringLiteral("connectionPortInUse"));
    m_portInUse->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_portInUse->setWordWrap(true);
    m_embedded = new QRadioButton(tr("The server built into this console, on port"), page);
    m_embedded->setObjectName(QStringLiteral("connectionEmbedded"));
    m_remote = new QRadioButton(tr("A Tierdesk server the team shares, at"), page);
    m_remote->setObjectName(QStringLiteral("connectionRemote"));
    auto *group = new QButtonGroup(page);
    group->addButton(m_embedded);
    group->addButton(m_remote);
    m_port = new QSpinBox(page);
    m_port->setObjectName(QStringLiteral("connectionPort"));
    m_port->setRange(1, 65535);
    m_server = new QLineEdit(page);
    m_server->setObjectName(QStringLiteral("connectionServer"));
    m_server->setPlaceholderText(tr("https://tierdesk.example.com"));
    const auto follow = [this] {
        m_port->setEnabled(m_embedded->isChecked());
        m_server->setEnabled(m_remote->isChecked());
    };
    connect(m_embedded, &QRadioButton::toggled, this, follow);
    auto *save = new QPushButton(tr("Save"), page);
    save->setObjectName(QStringLiteral("connectionSave"));
    connect(save, &QPushButton::clicked, this, &SettingsView::saveConnection);
    m_connectionMessage = new QLabel(tr("Takes effect the next time the console starts. "
                                        "--server and --port on the command line win over it."),
        page);
    m_connectionMessage->setObjectName(QStringLiteral("connectionMessage"));
    m_connectionMessage->setWordWrap(true);
    auto *form = new QFormLayout;
    form->addRow(tr("Connected to"), m_current);
    form->addRow(tr("Port in use"), m_portInUse);
    form->addRow(m_embedded, m_port);
    form->addRow(m_remote, m_server);
    form->addRow(QString(), save);
    auto *layout = new QVBoxLayout(page);
    layout->addLayout(form);
    layout->addWidget(m_connectionMessage);
    layout->addStretch(1);
    return page;
}

QWidget *SettingsView::buildLanguage()
{
    auto *page = new QWidget(this);
    m_language = new QComboBox(page);
    m_language->setObjectName(QStringLiteral("languageCombo"));
    m_language->addItem(tr("System"), QString());
    // A language is named in itself, whatever the console's language is: not translated.
    m_language->addItem(QStringLiteral("English"), QStringLiteral("en"));
    m_language->addItem(QStringLiteral("Deutsch"), QStringLiteral("de"));
    connect(m_language, &QComboBox::activated, this,
        [this] { m_preferences.setLanguage(m_language->currentData().toString()); });
    auto *note = new QLabel(tr("Takes effect after a restart of the console."), page);
    note->setObjectName(QStringLiteral("languageNote"));
    auto *form = new QFormLayout;
    form->addRow(tr("Language of the console"), m_language);
    auto *layout = new QVBoxLayout(page);
    layout->addLayout(form);
    layout->addWidget(note);
    layout->addStretch(1);
    return page;
}

void SettingsView::setPreferences(const ConsolePreferences &preferences)
{
    m_preferences = preferences;
    loadPreferences();
}

void SettingsView::loadPreferences()
{
    const QUrl server = m_preferences.server();
    m_remote->setChecked(!server.isEmpty());
    m_embedded->setChecked(server.isEmpty());
    m_server->setText(server.toString());
    m_port->setValue(m_preferences.port());
    m_language->setCurrentIndex(qMax(0, m_language->findData(m_preferences.language())));
    m_headset->setPreferences(m_preferences);
}

void SettingsView::saveConnection()
{
    if (m_remote->isChecked()) {
        const QUrl url(m_server->text().trimmed(), QUrl::StrictMode);
        if (!url.isValid() || url.host().isEmpty()
            || (url.scheme() != QLatin1String("http") && url.scheme() != QLatin1String("https"))) {
            m_connectionMessage->setText(tr("The server must be an http:// or https:// address."));
            return;
        }
        m_preferences.setServer(url);
    } else {
        m_preferences.setServer(QUrl());
        m_preferences.setPort(static_cast<quint16>(m_port->value()));
    }
    m_connectionMessage->setText(tr("Saved. Takes effect the next time the console starts."));
}

bool SettingsView::showsAdminTabs() const
{
    return m_tabs->isTabVisible(m_tabs->indexOf(m_agents));
}

// What this console uses now, which may differ from the saved choice below it (--port, --server,
// or a port that was taken).
void SettingsView::showConnection()
{
    const QUrl base = m_client.baseUrl();
    m_current->setText(base.isEmpty() ? tr("not connected") : base.toString());
    const int port = base.port(base.scheme() == QLatin1String("https") ? 443 : 80);
    if (base.isEmpty())
        m_portInUse->clear();
    else if (m_usesEmbedded)
        m_portInUse->setText(tr("%1, by the server built into this console (other programs on this computer reach "
                                "its API at %2/api/cs)")
                                 .arg(port)
                                 .arg(base.toString()));
    else
        m_portInUse->setText(tr("%1, on %2 (a Tierdesk server the team shares)").arg(port).arg(base.host()));
}

void SettingsView::setUsesEmbeddedServer(bool embedded)
{
    m_usesEmbedded = embedded;
    showConnection();
}

void SettingsView::refresh()
{
    showConnection();
    const QString role = m_client.agent().value(QLatin1String("role")).toString();
    const bool admin = role == QLatin1String("admin");
    const bool supervisor = admin || role == QLatin1String("supervisor");
    m_tabs->setTabVisible(m_tabs->indexOf(m_canned), supervisor);
    m_tabs->setTabVisible(m_tabs->indexOf(m_notifications), supervisor);
    m_signIn->refresh();
    if (supervisor) {
        m_canned->refresh();
        m_notifications->refresh();
    }
    for (QWidget *tab : std::initializer_list<QWidget *>{
             m_company, m_agents, m_webhooks, m_aiProviders, m_connectors, m_channels, m_email, m_tokens})
        m_tabs->setTabVisible(m_tabs->indexOf(tab), admin);
    if (!admin)
        return;
    m_company->refresh();
    m_agents->refresh();
    m_webhooks->refresh();
    m_aiProviders->refresh();
    m_connectors->refresh();
    m_channels->refresh();
    m_email->refresh();
    m_tokens->refresh();
}

} // namespace tierdesk::ui
