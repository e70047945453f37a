#pragma once

#include <QIcon>
#include <QObject>
#include <QStringList>

class QSystemTrayIcon;

namespace tierdesk::ui {

// The console on the desktop: the tray icon with the number waiting (when the desktop has a
// tray) and desktop notifications, each also kept in a list (the tray may be missing).
class ConsoleTray : public QObject {
    Q_OBJECT

public:
    explicit ConsoleTray(QObject *parent = nullptr);

    // The app's mark with the number waiting on it (tray and window icon).
    static QIcon icon(int waiting);
    void showWaiting(int waiting);
    // A desktop notification with a beep.
    void notify(const QString &title, const QString &text);
    // Desktop notifications shown so far, the last 100.
    const QStringList &notifications() const { return m_notifications; }

signals:
    // The tray icon was clicked: the window comes forward.
    void activated();

private:
    QSystemTrayIcon *m_tray = nullptr;
    QStringList m_notifications;
};

} // namespace tierdesk::ui
