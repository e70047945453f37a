#pragma once

#include "ui/ConsolePreferences.h"
#include "ui/Headset.h"
#include "ui/Ringer.h"
#include "ui/client/CallClient.h"

#include <QObject>

namespace tierdesk::ui {

class ApiClient;
class CallBar;
class ConsoleTray;
class MainWindow;

// Calls in the console (docs/calls.md, "Taking calls"): a call that waits in one of the person's
// queues rings (the notice above the window with Accept, a desktop notification, the ring on the
// chosen speaker); accepted, its conversation opens with the call bar above it and the headset
// (Settings > Headset) carries the voices both ways until the call is no longer theirs.
class ConsoleCalls : public QObject {
    Q_OBJECT

public:
    ConsoleCalls(ApiClient &client, MainWindow &window, ConsoleTray &tray, CallBar *bar);

    CallClient &client() { return m_calls; }
    Headset &headset() { return m_headset; }
    Ringer &ringer() { return m_ringer; }
    CallBar *bar() const { return m_bar; }
    // Takes the call that has rung longest (the notice's Accept).
    void acceptFirst();

private:
    void onRinging();
    void onAccepted(const QJsonObject &call);
    void onFinished(const QString &reason);
    ConsolePreferences preferences() const;

    CallClient m_calls;
    Headset m_headset;
    Ringer m_ringer;
    MainWindow &m_window;
    ConsoleTray &m_tray;
    CallBar *m_bar;
    QString m_noticeFor; // the call the notice rings for
    QStringList m_notified; // calls a desktop notification was shown for
};

} // namespace tierdesk::ui
