#pragma once

#include "core/voice/calls/CallConversation.h"
#include "core/voice/calls/CallSettings.h"

#include <QObject>

#include <memory>

namespace tierdesk::voice {

class CallLine;

// One call under way, whatever door it came in by (DESIGN.md, "Calls"): its audio (Call) and its
// conversation (CallConversation), with what the rest of the server knows it by (its id, company,
// door, session, state). A door hands it the caller's audio and keys and sends on what audio()
// gives; it never sees the engine. Made and owned by the CallCenter; lives on the engine thread.
class LiveCall : public QObject {
    Q_OBJECT

public:
    LiveCall(SessionEngine &engine, std::shared_ptr<DecoderPool::Lane> lane, const QString &companyId,
        const QString &door, SpeechSynthesizer::Voice voice, const CallSettings &settings, QObject *parent = nullptr);
    ~LiveCall() override;

    // Opens the session and greets the caller; `started` on this thread.
    void start(const CallConversation::Caller &caller, std::function<void(Result<Session>)> started);
    // The call is recorded (CallRecorder): the greeting tells the caller so. Before start().
    void setRecorded(bool recorded) { m_talk->setRecorded(recorded); }
    // The caller's audio: 16 kHz mono s16le.
    void hear(const QByteArray &pcm)
    {
        emit callerAudio(pcm);
        m_call->hear(pcm);
    }
    // Audio for the caller that is not the AI's (a person's voice, a hold message): sent as it comes.
    void sendToCaller(const QByteArray &pcm) { emit audio(pcm); }
    // Keypad digits (DTMF), 0-9 * #.
    void keypad(const QString &keys) { m_call->keypad(keys); }
    // The call is over: the caller hung up, the door lost them, or the server ends it.
    void hangUp(const QString &reason) { finish(reason, false); }
    // The server ends the call (a person hung up, a message was left): the door hangs up.
    void end(const QString &reason) { finish(reason, true); }
    // The desk's side of the state: "queued" (again), "agent", "hold", "message" (DeskCalls, CallWaiting).
    void setState(const QString &state, const QString &queue);
    // Where the call waits (CallLine): its queue and place; `announce` says it again (stateChanged).
    void setPlace(const QString &queue, int position, bool announce);
    void setLine(CallLine *line) { m_line = line; }
    Call &audioCall() { return *m_call; }
    CallConversation &conversation() { return *m_talk; }

    QString id() const { return m_id; }
    QString companyId() const { return m_companyId; }
    QString door() const { return m_door; } // "web", "sip", "lex"
    QString sessionId() const { return m_talk->sessionId(); }
    QString state() const { return m_state; } // "ringing", "ai", "queued", "agent", "hold", "message", "ended"
    QString queue() const { return m_queue; }
    int position() const { return m_state == QLatin1String("queued") ? m_position : 0; } // 1: next
    QString callerName() const { return m_caller.name; }
    QString callerNumber() const { return m_callerNumber; }
    void setCallerNumber(const QString &number) { m_callerNumber = number; }
    qint64 startedAtMs() const { return m_startedAtMs; }
    bool hasEnded() const { return m_finished; }

signals:
    void audio(const QByteArray &pcm); // to the caller: 16 kHz s16le, paced
    void callerAudio(const QByteArray &pcm); // from the caller, as the door gave it
    void partial(const QString &words); // the caller's words so far
    void transcript(const QString &role, const QString &text, bool final);
    void stateChanged(const QString &state, const QString &queue);
    // The call is over (ended once, whatever ended it); `byServer`: the door must hang up.
    void ended(const QString &reason, bool byServer);

private:
    void finish(const QString &reason, bool byServer);

    QString m_id;
    QString m_companyId;
    QString m_door;
    QString m_state = QStringLiteral("ringing");
    QString m_queue;
    int m_position = 0;
    CallLine *m_line = nullptr;
    QString m_callerNumber;
    CallConversation::Caller m_caller;
    qint64 m_startedAtMs = 0;
    bool m_finished = false;
    std::unique_ptr<Call> m_call;
    std::unique_ptr<CallConversation> m_talk;
};

} // namespace tierdesk::voice
