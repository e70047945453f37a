#include "core/voice/calls/CallWaiting.h"

#include "core/voice/calls/CallMessage.h"
#include "core/voice/calls/CallWords.h"
#include "core/voice/calls/LiveCall.h"

namespace tierdesk::voice {

CallWaiting::CallWaiting(
    SessionEngine &engine, LiveCall &call, const CallSettings &settings, bool closed, QObject *parent)
    : QObject(parent), m_engine(engine), m_call(call), m_closed(closed)
{
    m_reminder.setInterval(qMax(1000, settings.lineReminderMs));
    connect(&m_reminder, &QTimer::timeout, this, [this] {
        CallConversation &talk = m_call.conversation();
        if (!m_call.audioCall().speaking()) // not over the caller's own words or a message still playing
            talk.speak(callWords(CallWord::StillWaiting, talk.language(), QString::number(qMax(1, m_call.position()))));
    });
    m_maxWait.setSingleShot(true);
    m_maxWait.setInterval(qMax(1000, settings.maxWaitMs));
    connect(&m_maxWait, &QTimer::timeout, this, &CallWaiting::offerMessage);
    // After the state change that put the call in line has been said: its place is known then.
    QTimer::singleShot(0, this, &CallWaiting::begin);
}

void CallWaiting::begin()
{
    if (m_call.state() != QLatin1String("queued"))
        return; // taken (or gone on) before its place was said; this goes with the line
    if (m_closed)
        return offerMessage();
    CallConversation &talk = m_call.conversation();
    talk.speak(callWords(CallWord::InLine, talk.language(), QString::number(qMax(1, m_call.position()))));
    m_reminder.start();
    m_maxWait.start();
}

void CallWaiting::offerMessage()
{
    m_reminder.stop();
    m_maxWait.stop();
    SessionEngine &engine = m_engine;
    LiveCall &call = m_call;
    const bool closed = m_closed;
    call.setState(QStringLiteral("message"), {}); // out of the line: this goes with it, later
    new CallMessage(engine, call, closed, &call);
}

} // namespace tierdesk::voice
