#pragma once

#include "core/domain/CallRecord.h"
#include "core/voice/calls/CallRecorder.h"

#include <QObject>

namespace tierdesk {
class CallLog;
}

namespace tierdesk::voice {

class LiveCall;

// Keeps one call's row in the calls table as it goes (docs/calls.md, "Call analytics"): when it
// started, was queued and in which queue, was answered and by whom, how it ended, whether the AI
// finished it alone or the caller gave up in line; and, when its company records calls, its
// recording (the greeting then says so). Made by the CallCenter for each call, a child of it.
class CallTracker : public QObject {
    Q_OBJECT

public:
    // `writer`: the recordings' writer thread; null: the call is not recorded.
    CallTracker(LiveCall &call, CallLog &log, QThreadPool *writer);

    const CallRecord &record() const { return m_record; }
    CallRecorder *recorder() const { return m_recorder; }

private:
    void onState(const QString &state, const QString &queue);
    void onEnded(const QString &reason, bool byServer);
    void begin();
    void save();

    LiveCall &m_call;
    CallLog &m_log;
    CallRecorder *m_recorder = nullptr;
    CallRecord m_record;
    QString m_state; // the last state before "ended"
};

} // namespace tierdesk::voice
