#include "ui/ConsoleTray.h"

#include <QApplication>
#include <QPainter>
#include <QSystemTrayIcon>

namespace tierdesk::ui {

ConsoleTray::ConsoleTray(QObject *parent) : QObject(parent)
{
    if (!QSystemTrayIcon::isSystemTrayAvailable())
        return;
    m_tray = new QSystemTrayIcon(icon(0), this);
    m_tray->setToolTip(tr("Tierdesk"));
    m_tray->show();
    connect(m_tray, &QSystemTrayIcon::activated, this, &ConsoleTray::activated);
}

QIcon ConsoleTray::icon(int waiting)
{
    QPixmap pm(64, 64);
    pm.fill(Qt::transparent);
    QPainter p(&pm);
    p.setRenderHint(QPainter::Antialiasing);
    p.setBrush(QColor(0x25, 0x63, 0xeb));
    p.setPen(Qt::NoPen);
    p.drawRoundedRect(QRectF(2, 2, 60, 60), 14, 14);
    p.setPen(Qt::white);
    QFont f = p.font();
    f.setBold(true);
    f.setPixelSize(waiting > 99 ? 24 : 34);
    p.setFont(f);
    p.drawText(pm.rect(), Qt::AlignCenter, waiting > 0 ? QString::number(qMin(waiting, 999)) : QStringLiteral("T"));
    return QIcon(pm);
}

void ConsoleTray::showWaiting(int waiting)
{
    if (!m_tray)
        return;
    m_tray->setIcon(icon(waiting));
    m_tray->setToolTip(tr("Tierdesk: %1 waiting").arg(waiting));
}

void ConsoleTray::notify(const QString &title, const QString &text)
{
    m_notifications << title + QStringLiteral(": ") + text;
    while (m_notifications.size() > 100)
        m_notifications.removeFirst();
    if (m_tray && QSystemTrayIcon::supportsMessages())
        m_tray->showMessage(title, text, QSystemTrayIcon::Information, 8000);
    QApplication::beep();
}

} // namespace tierdesk::ui
