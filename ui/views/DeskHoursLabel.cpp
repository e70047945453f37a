#include "ui/views/DeskHoursLabel.h"

#include "ui/client/ApiClient.h"

#include <QJsonObject>

namespace tierdesk::ui {

DeskHoursLabel::DeskHoursLabel(ApiClient &client, QWidget *parent)
    : QLabel(parent), m_client(client), m_now([] { return QDateTime::currentMSecsSinceEpoch(); })
{
    setObjectName(QStringLiteral("deskHours"));
    hide();
    m_tick.setInterval(30'000);
    connect(&m_tick, &QTimer::timeout, this, &DeskHoursLabel::updateText);
    m_tick.start();
    m_reload.setInterval(kReloadMs);
    connect(&m_reload, &QTimer::timeout, this, &DeskHoursLabel::reload);
    m_reload.start();
    connect(&m_client, &ApiClient::agentChanged, this, &DeskHoursLabel::reload);
}

void DeskHoursLabel::reload()
{
    const QString company = m_client.companyId();
    if (company.isEmpty())
        return;
    ApiReply *r = m_client.config();
    connect(r, &ApiReply::succeeded, this, [this, company](const QJsonObject &config) {
        if (company != m_client.companyId())
            return; // signed in elsewhere meanwhile
        setHours(
            DeskHours::fromJson(config.value(QLatin1String("desk")).toObject().value(QLatin1String("businessHours"))));
    });
}

void DeskHoursLabel::setHours(const DeskHours &hours)
{
    m_hours = hours;
    updateText();
    emit hoursChanged();
}

void DeskHoursLabel::setClock(std::function<qint64()> nowMs)
{
    m_now = std::move(nowMs);
    updateText();
}

void DeskHoursLabel::updateText()
{
    if (!m_hours.isSet()) {
        hide();
        return;
    }
    const QDateTime now = QDateTime::fromMSecsSinceEpoch(m_now());
    const bool open = m_hours.isOpenAt(now);
    setText((open ? QStringLiteral("● ") : QStringLiteral("○ ")) + m_hours.status(now));
    setStyleSheet(open ? QStringLiteral("color:#1e7b45;") : QStringLiteral("color:#8a5500;"));
    setToolTip(tr("The desk's business hours (%1). SLA due times count only open hours.")
                   .arg(QString::fromUtf8(m_hours.timeZone().id())));
    show();
}

} // namespace tierdesk::ui
