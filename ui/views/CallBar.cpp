#include "ui/views/CallBar.h"

#include <QHBoxLayout>
#include <QLabel>
#include <QMenu>
#include <QPushButton>
#include <QToolButton>

namespace tierdesk::ui {

CallBar::CallBar(QWidget *parent) : QFrame(parent)
{
    setObjectName(QStringLiteral("callBar"));
    setStyleSheet(QStringLiteral("#callBar { background:#ecfdf5; border:1px solid #10b981; border-radius:6px; }"));
    m_caller = new QLabel(this);
    m_caller->setObjectName(QStringLiteral("callCaller"));
    m_duration = new QLabel(this);
    m_duration->setObjectName(QStringLiteral("callDuration"));
    m_mute = new QPushButton(tr("Mute"), this);
    m_mute->setObjectName(QStringLiteral("callMute"));
    m_mute->setCheckable(true);
    m_hold = new QPushButton(tr("Hold"), this);
    m_hold->setObjectName(QStringLiteral("callHold"));
    m_hold->setCheckable(true);
    m_transfer = new QToolButton(this);
    m_transfer->setObjectName(QStringLiteral("callTransfer"));
    m_transfer->setText(tr("Transfer"));
    m_transfer->setPopupMode(QToolButton::InstantPopup);
    m_transferMenu = new QMenu(m_transfer);
    m_transferMenu->setObjectName(QStringLiteral("callTransferMenu"));
    m_transfer->setMenu(m_transferMenu);
    m_hangUp = new QPushButton(tr("Hang up"), this);
    m_hangUp->setObjectName(QStringLiteral("callHangUp"));
    m_hangUp->setStyleSheet(QStringLiteral("QPushButton { color:white; background:#dc2626; padding:4px 12px; }"));
    auto *row = new QHBoxLayout(this);
    row->setContentsMargins(10, 6, 10, 6);
    row->addWidget(m_caller, 1);
    row->addWidget(m_duration);
    row->addWidget(m_mute);
    row->addWidget(m_hold);
    row->addWidget(m_transfer);
    row->addWidget(m_hangUp);
    connect(m_mute, &QPushButton::toggled, this, [this](bool on) {
        m_mute->setText(on ? tr("Unmute") : tr("Mute"));
        emit muteToggled(on);
    });
    connect(m_hold, &QPushButton::clicked, this, [this](bool on) { emit holdToggled(on); });
    connect(m_hangUp, &QPushButton::clicked, this, &CallBar::hangUpRequested);
    m_clock.setInterval(1000);
    connect(&m_clock, &QTimer::timeout, this, &CallBar::tick);
    fillTransferMenu();
    hide();
}

void CallBar::showCall(const QJsonObject &call)
{
    const QString callId = call.value(QLatin1String("callId")).toString();
    if (callId != m_callId) { // a new call: its own clock, unmuted
        m_callId = callId;
        m_since.start();
        m_clock.start();
        const QSignalBlocker quiet(m_mute);
        m_mute->setChecked(false);
        m_mute->setText(tr("Mute"));
    }
    m_sessionId = call.value(QLatin1String("sessionId")).toString();
    QString who = call.value(QLatin1String("callerName")).toString();
    if (who.isEmpty())
        who = tr("Caller");
    const QString number = call.value(QLatin1String("callerNumber")).toString();
    if (!number.isEmpty())
        who += QStringLiteral(" (") + number + QLatin1Char(')');
    const bool held = call.value(QLatin1String("state")).toString() == QLatin1String("hold");
    const QString queue = call.value(QLatin1String("queue")).toString();
    m_caller->setText(held    ? tr("On hold: %1").arg(who)
            : queue.isEmpty() ? tr("On a call with %1").arg(who)
                              : tr("On a call with %1 · %2").arg(who, queue));
    const QSignalBlocker quiet(m_hold);
    m_hold->setChecked(held);
    m_hold->setText(held ? tr("Resume") : tr("Hold"));
    tick();
    show();
}

void CallBar::clear()
{
    m_callId.clear();
    m_sessionId.clear();
    m_clock.stop();
    hide();
}

void CallBar::setQueues(const QStringList &queues)
{
    m_queues = queues;
    fillTransferMenu();
}

void CallBar::fillTransferMenu()
{
    m_transferMenu->clear();
    for (const QString &queue : std::as_const(m_queues)) {
        QAction *a = m_transferMenu->addAction(tr("To the %1 queue").arg(queue));
        a->setObjectName(QStringLiteral("callTransfer_") + queue);
        connect(a, &QAction::triggered, this, [this, queue] { emit transferRequested(queue); });
    }
    m_transferMenu->addSeparator();
    QAction *ai = m_transferMenu->addAction(tr("Back to the AI"));
    ai->setObjectName(QStringLiteral("callTransferAi"));
    connect(ai, &QAction::triggered, this, &CallBar::backToAiRequested);
}

QString CallBar::callerText() const
{
    return m_caller->text();
}

QString CallBar::durationText() const
{
    return m_duration->text();
}

void CallBar::tick()
{
    const qint64 s = m_since.isValid() ? m_since.elapsed() / 1000 : 0;
    m_duration->setText(QStringLiteral("%1:%2").arg(s / 60).arg(s % 60, 2, 10, QLatin1Char('0')));
}

} // namespace tierdesk::ui
