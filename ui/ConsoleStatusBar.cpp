#include "ui/ConsoleStatusBar.h"

#include "ui/client/ApiClient.h"
#include "ui/views/NotificationsButton.h"

#include <QComboBox>
#include <QLabel>

namespace tierdesk::ui {

ConsoleStatusBar::ConsoleStatusBar(ApiClient &client, QWidget *parent) : QStatusBar(parent), m_client(client)
{
    m_server = new QLabel(tr("Starting…"), this);
    m_server->setObjectName(QStringLiteral("serverStatus"));
    m_connection = new QLabel(this);
    m_connection->setObjectName(QStringLiteral("connectionState"));
    m_presence = new QComboBox(this);
    m_presence->setObjectName(QStringLiteral("presenceCombo"));
    m_presence->addItem(tr("● Available"), QStringLiteral("available"));
    m_presence->addItem(tr("◐ Away"), QStringLiteral("away"));
    m_presence->setEnabled(false);
    m_counts = new QLabel(this);
    m_counts->setObjectName(QStringLiteral("queueCounts"));
    addPermanentWidget(m_server);
    addPermanentWidget(m_connection);
    addPermanentWidget(m_counts);
    addPermanentWidget(m_presence);
    m_notifications = new NotificationsButton(m_client, this);
    addPermanentWidget(m_notifications);
    connect(m_presence, &QComboBox::activated, this, [this] {
        ApiReply *r = m_client.setPresence(m_presence->currentData().toString());
        connect(r, &ApiReply::failed, this,
            [this](const ApiError &e) { showMessage(tr("Presence not changed: %1").arg(e.message), 8000); });
    });
}

void ConsoleStatusBar::showServer(const QString &baseUrl)
{
    m_server->setText(baseUrl);
}

void ConsoleStatusBar::showStarted(const QString &baseUrl, const QString &dataDir, const QString &secrets)
{
    m_server->setText(baseUrl);
    m_server->setToolTip(
        tr("Serving the CS API at %1/api/cs\nData directory: %2\nSecrets: %3").arg(baseUrl, dataDir, secrets));
}

void ConsoleStatusBar::showFailed()
{
    m_server->setText(tr("The engine could not start"));
}

void ConsoleStatusBar::setConnection(const QString &text, const char *color)
{
    m_connection->setText(text);
    m_connection->setStyleSheet(QStringLiteral("color:%1;").arg(QLatin1String(color)));
}

void ConsoleStatusBar::showStoreReconnecting()
{
    setConnection(tr("○ Server reconnecting to its database…"), "#9b1c1c");
}

void ConsoleStatusBar::showConnection(EventStream::State state)
{
    switch (state) {
    case EventStream::State::Connected:
        setConnection(tr("● Live"), "#1e7b45");
        break;
    case EventStream::State::Connecting:
        setConnection(tr("○ Connecting…"), "#7a4b00");
        break;
    case EventStream::State::Reconnecting:
        setConnection(tr("○ Connection lost — retrying"), "#9b1c1c");
        break;
    case EventStream::State::Offline:
        setConnection(tr("○ Offline"), "#5f6b7a");
        break;
    }
}

void ConsoleStatusBar::showCounts(const QueueModel::Counts &c)
{
    QString text = tr("%1 waiting · %2 claimed").arg(c.waiting).arg(c.claimed);
    if (c.breached > 0)
        text += tr(" · <span style=\"color:#9b1c1c\"><b>%1 breached</b></span>").arg(c.breached);
    m_counts->setText(text);
}

QString ConsoleStatusBar::presence() const
{
    return m_presence->currentData().toString();
}

void ConsoleStatusBar::setPresence(const QString &presence)
{
    if (const int i = m_presence->findData(presence); i >= 0)
        m_presence->setCurrentIndex(i);
}

void ConsoleStatusBar::setPresenceEnabled(bool enabled)
{
    m_presence->setEnabled(enabled);
}

} // namespace tierdesk::ui
