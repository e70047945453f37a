#include "core/voice/calls/CallTracker.h"

#include "core/engine/admin/CallLog.h"
#include "core/voice/calls/LiveCall.h"

#include <QLoggingCategory>

namespace tierdesk::voice {
namespace {

Q_LOGGING_CATEGORY(lcTracker, "tierdesk.calls")

} // namespace

CallTracker::CallTracker(LiveCall &call, CallLog &log, QThreadPool *writer) : QObject(&call), m_call(call), m_log(log)
{
    m_record.id = call.id();
    m_record.companyId = call.companyId();
    m_record.door = call.door();
    if (writer) {
        m_recorder = new CallRecorder(*writer, {}, this);
        connect(&call, &LiveCall::callerAudio, m_recorder, &CallRecorder::caller);
        connect(&call, &LiveCall::audio, m_recorder, &CallRecorder::heard);
        call.setRecorded(true);
    }
    connect(&call, &LiveCall::stateChanged, this, &CallTracker::onState);
    connect(&call, &LiveCall::ended, this, &CallTracker::onEnded);
}

// The session is open (the call's first state after ringing): the row and the recording's file.
void CallTracker::begin()
{
    m_record.sessionId = m_call.sessionId();
    m_record.startedAt = m_log.now();
    if (m_recorder) {
        m_record.recordingPath = m_log.recordingPath(m_record);
        m_recorder->start(m_log.newRecordingFile(m_record.recordingPath));
    }
}

void CallTracker::onState(const QString &state, const QString &queue)
{
    if (state == QLatin1String("ended"))
        return; // onEnded says how; the state before it tells an abandoned call
    if (m_record.sessionId.isEmpty() && !m_call.sessionId().isEmpty())
        begin();
    m_state = state;
    if (state == QLatin1String("queued") && m_record.queuedAt == 0) {
        m_record.queuedAt = m_log.now();
        m_record.queue = queue.isEmpty() ? m_log.deskOf(m_record.sessionId).first : queue;
    } else if (state == QLatin1String("agent") && m_record.answeredAt == 0) {
        m_record.answeredAt = m_log.now();
        const auto [deskQueue, agent] = m_log.deskOf(m_record.sessionId);
        m_record.agentId = agent;
        if (m_record.queue.isEmpty())
            m_record.queue = queue.isEmpty() ? deskQueue : queue;
    }
    save();
}

void CallTracker::onEnded(const QString &reason, bool byServer)
{
    const qint64 bytes = m_recorder ? m_recorder->finish() : 0;
    if (m_record.sessionId.isEmpty())
        return; // it never became a conversation
    m_record.endedAt = m_log.now();
    m_record.endReason = reason;
    m_record.aiAlone = m_record.queuedAt == 0;
    m_record.abandoned = m_state == QLatin1String("queued") && !byServer;
    m_record.recordingBytes = bytes;
    if (bytes == 0)
        m_record.recordingPath.clear();
    save();
}

void CallTracker::save()
{
    m_record.callerNumber = m_call.callerNumber();
    if (const Status saved = m_log.save(m_record); !saved)
        qCWarning(lcTracker) << "call" << m_record.id << "not logged:" << saved.error().message;
}

} // namespace tierdesk::voice
