#pragma once

#include "core/voice/DecoderPool.h"
#include "core/voice/calls/CallLine.h"
#include "core/voice/calls/LiveCall.h"

#include <QHash>
#include <QObject>
#include <QPointer>
#include <QThreadPool>

namespace tierdesk {
class CallLog;
}

namespace tierdesk::voice {

// Every call under way on this server, whatever its door (DESIGN.md, "Calls"): the one decoder
// pool they share, the calls by id, and what the rest of the server (the console's ringing, the
// analytics) hears of them. A door opens a LiveCall here and feeds it; the CallCenter owns it and
// lets it go when it ends. Lives on the engine thread.
class CallCenter : public QObject {
    Q_OBJECT

public:
    CallCenter(SessionEngine &engine, const CallSettings &settings, QObject *parent = nullptr);
    ~CallCenter() override;

    // A new call for `companyId` by `door` ("web", "sip", "lex"), not started yet: NotFound for
    // an unknown company, LimitExceeded when maxCalls are under way (the line is busy).
    Result<LiveCall *> open(const QString &companyId, const QString &door);
    LiveCall *find(const QString &callId) const { return m_calls.value(callId); }
    QList<LiveCall *> calls() const { return m_calls.values(); }
    int count() const { return int(m_calls.size()); }

    // Where calls are logged and recorded (docs/calls.md, "Recording"); none: neither.
    void setCallLog(CallLog *log) { m_log = log; }
    // The calls waiting for a person, and the desk that says in which queue.
    void setDesk(Desk *desk)
    {
        m_desk = desk;
        m_line.setDesk(desk);
    }
    Desk *desk() const { return m_desk; }
    CallLine &line() { return m_line; }

    const CallSettings &settings() const { return m_settings; }
    // Speech work for every door (RecognizeUtterance's too), on voice/decoders threads.
    DecoderPool &pool() { return m_pool; }
    SessionEngine &engine() { return m_engine; }

signals:
    void callOpened(tierdesk::voice::LiveCall *call);
    void callChanged(tierdesk::voice::LiveCall *call); // its state or queue
    void callEnded(const QString &callId, const QString &companyId, const QString &reason);

private:
    SessionEngine &m_engine;
    CallSettings m_settings;
    QHash<QString, LiveCall *> m_calls;
    CallLog *m_log = nullptr;
    QThreadPool m_recordingWriter; // one thread writes every call's recording, in order
    Desk *m_desk = nullptr;
    CallLine m_line{m_engine, m_settings};
    DecoderPool m_pool; // last: destroyed first, waiting for the work of calls that are gone
};

} // namespace tierdesk::voice
