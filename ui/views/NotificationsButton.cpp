#include "ui/views/NotificationsButton.h"

#include "ui/client/ApiClient.h"
#include "ui/models/NotificationsModel.h"

#include <QJsonArray>
#include <QMenu>

namespace tierdesk::ui {

NotificationsButton::NotificationsButton(ApiClient &client, QWidget *parent) : QToolButton(parent), m_client(client)
{
    setObjectName(QStringLiteral("notificationsButton"));
    setToolTip(tr("Mentions of you in colleagues' notes, and low customer ratings"));
    setPopupMode(QToolButton::InstantPopup);
    setAutoRaise(true);
    m_model = new NotificationsModel(this);
    m_menu = new QMenu(this);
    m_menu->setObjectName(QStringLiteral("notificationsMenu"));
    setMenu(m_menu);
    // Queued: an entry chosen from the menu is removed while its action still runs.
    for (auto signal : {&NotificationsModel::rowsInserted, &NotificationsModel::rowsRemoved})
        connect(m_model, signal, this, &NotificationsButton::rebuildMenu, Qt::QueuedConnection);
    connect(m_model, &NotificationsModel::modelReset, this, &NotificationsButton::rebuildMenu, Qt::QueuedConnection);
    connect(&m_client.events(), &EventStream::eventsArrived, this, &NotificationsButton::onEvents);
    rebuildMenu();
}

void NotificationsButton::reload()
{
    ApiReply *r = m_client.mentions(true);
    connect(r, &ApiReply::succeeded, this,
        [this](const QJsonObject &body) { m_model->setMentions(body.value(QLatin1String("mentions")).toArray()); });
    // A server without mentions (or a moment's failure): live ones still arrive.
}

void NotificationsButton::clear()
{
    m_model->clear();
}

void NotificationsButton::onEvents(const QList<QJsonObject> &events)
{
    for (const QJsonObject &e : events) {
        const QStringList news = m_model->applyEvents({e});
        const bool mention = e.value(QLatin1String("type")).toString() == QLatin1String("mention");
        for (const QString &text : news)
            emit arrived(mention ? tr("You were mentioned") : tr("Low rating"), text);
    }
}

void NotificationsButton::choose(int row)
{
    const QModelIndex i = m_model->index(row);
    if (!i.isValid())
        return;
    const QString sessionId = i.data(NotificationsModel::SessionIdRole).toString();
    if (i.data(NotificationsModel::KindRole).toInt() == NotificationsModel::Mention) {
        ApiReply *r = m_client.markMentionRead(i.data(NotificationsModel::IdRole).toString());
        connect(r, &ApiReply::failed, this,
            [this](const ApiError &e) { emit status(tr("The mention was not marked read: %1").arg(e.message)); });
    }
    m_model->remove(row);
    emit openSession(sessionId);
}

void NotificationsButton::rebuildMenu()
{
    const int n = m_model->rowCount();
    setText(n > 0 ? tr("Notifications (%n)", nullptr, n) : tr("Notifications"));
    setStyleSheet(n > 0 ? QStringLiteral("QToolButton { font-weight:600; color:#1d4ed8; }") : QString());
    m_menu->clear();
    if (n == 0) {
        m_menu->addAction(tr("Nothing new"))->setEnabled(false);
        return;
    }
    for (int row = 0; row < n; ++row) {
        const QModelIndex i = m_model->index(row);
        QAction *a = m_menu->addAction(i.data().toString());
        a->setObjectName(QStringLiteral("notification%1").arg(row));
        a->setToolTip(i.data(Qt::ToolTipRole).toString());
        connect(a, &QAction::triggered, this, [this, row] { choose(row); });
    }
}

} // namespace tierdesk::ui
