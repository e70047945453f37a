#pragma once

#include "core/voice/calls/CallSettings.h"

#include <QObject>
#include <QTimer>

namespace tierdesk {
class SessionEngine;
}

namespace tierdesk::voice {

class LiveCall;

// One call's wait in line for a person (CallLine makes it, and lets it go when the call leaves the
// line): the caller hears their place at once and again every voice/lineReminderSeconds; once
// voice/maxWaitSeconds have passed, or at once when the company is outside its business hours, they
// are offered to leave a message instead (CallMessage; the call's state becomes "message").
class CallWaiting : public QObject {
    Q_OBJECT

public:
    CallWaiting(
        SessionEngine &engine, LiveCall &call, const CallSettings &settings, bool closed, QObject *parent = nullptr);

private:
    void begin();
    void offerMessage();

    SessionEngine &m_engine;
    LiveCall &m_call;
    bool m_closed;
    QTimer m_reminder;
    QTimer m_maxWait;
};

} // namespace tierdesk::voice
