#include "ui/views/settings/NotificationsSettings.h"

#include "ui/client/ApiClient.h"

#include <QCheckBox>
#include <QJsonObject>
#include <QLabel>
#include <QVBoxLayout>

namespace tierdesk::ui {

NotificationsSettings::NotificationsSettings(ApiClient &client, QWidget *parent) : QWidget(parent), m_client(client)
{
    m_weekly = new QCheckBox(tr("E-mail me a summary of the past week every Monday morning"), this);
    m_weekly->setObjectName(QStringLiteral("weeklySummary"));
    auto *about = new QLabel(tr("Sessions, what the AI resolved on its own and whether it held, first-contact "
                                "resolution, satisfaction per channel, the AI's cost and the five biggest knowledge "
                                "gaps, each beside the week before. It goes to your address from 07:00 in the "
                                "company's time zone, through the server's e-mail settings; without them nothing "
                                "is sent."),
        this);
    about->setWordWrap(true);
    about->setStyleSheet(QStringLiteral("color: palette(mid)"));
    m_message = new QLabel(this);
    m_message->setObjectName(QStringLiteral("notificationsMessage"));
    auto *layout = new QVBoxLayout(this);
    layout->addWidget(m_weekly);
    layout->addWidget(about);
    layout->addWidget(m_message);
    layout->addStretch(1);
    connect(m_weekly, &QCheckBox::clicked, this, &NotificationsSettings::save);
}

void NotificationsSettings::refresh()
{
    const QJsonObject notifications = m_client.agent().value(QLatin1String("notifications")).toObject();
    m_weekly->setChecked(notifications.value(QLatin1String("weeklySummary")).toBool());
    m_message->clear();
}

void NotificationsSettings::save(bool on)
{
    m_weekly->setEnabled(false);
    ApiReply *r = m_client.setWeeklySummary(on);
    connect(r, &ApiReply::succeeded, this, [this, on] {
        m_weekly->setEnabled(true);
        m_message->setStyleSheet(QString());
        m_message->setText(on ? tr("Saved: the next summary comes on Monday.") : tr("Saved: no more summaries."));
        emit saved(true);
    });
    connect(r, &ApiReply::failed, this, [this, on](const ApiError &e) {
        m_weekly->setEnabled(true);
        m_weekly->setChecked(!on); // as the server still has it
        m_message->setStyleSheet(QStringLiteral("color: #b91c1c"));
        m_message->setText(e.message);
        emit saved(false);
    });
}

} // namespace tierdesk::ui
