#include "core/voice/calls/CallMessage.h"

#include "core/voice/calls/CallWords.h"
#include "core/voice/calls/LiveCall.h"

namespace tierdesk::voice {

CallMessage::CallMessage(SessionEngine &engine, LiveCall &call, bool closed, QObject *parent)
    : QObject(parent), m_engine(engine), m_call(call)
{
    m_quiet.setSingleShot(true);
    m_longest.setSingleShot(true);
    m_longest.setInterval(kMaxMessageMs);
    connect(&m_quiet, &QTimer::timeout, this, &CallMessage::finish);
    connect(&m_longest, &QTimer::timeout, this, &CallMessage::finish);
    connect(&call.audioCall(), &Call::spoken, this, [this] {
        if (m_phase == Phase::Offering)
            listen();
        else if (m_phase == Phase::Closing)
            m_call.end(m_saved ? QStringLiteral("message") : QStringLiteral("no message"));
    });
    connect(&call, &LiveCall::partial, this, [this](const QString &words) {
        if (m_phase == Phase::Listening && !words.isEmpty())
            m_quiet.start(kPauseMs); // still speaking
    });
    connect(&call, &LiveCall::ended, this, [this] { save(); }); // hung up while speaking
    CallConversation &talk = call.conversation();
    talk.divertTurns([this](const CallerTurn &turn) { onTurn(turn); });
    talk.speak(callWords(closed ? CallWord::ClosedLeaveMessage : CallWord::LeaveMessage, talk.language()));
}

void CallMessage::listen()
{
    m_phase = Phase::Listening;
    m_quiet.start(m_words.isEmpty() ? kNothingSaidMs : kPauseMs);
    m_longest.start();
}

void CallMessage::onTurn(const CallerTurn &turn)
{
    if (m_phase == Phase::Closing)
        return;
    if (m_phase == Phase::Offering) // spoke over the offer (which stopped): that is the message
        listen();
    const QString text = turn.text.simplified();
    if (!text.isEmpty()) {
        if (m_words.isEmpty())
            m_first = turn;
        m_words << text;
        m_confidence = qMin(m_confidence, turn.confidence);
        m_first.endMs = turn.endMs;
    }
    m_quiet.start(m_words.isEmpty() ? kNothingSaidMs : kPauseMs);
}

void CallMessage::finish()
{
    if (m_phase == Phase::Closing)
        return;
    m_phase = Phase::Closing;
    m_quiet.stop();
    m_longest.stop();
    CallConversation &talk = m_call.conversation();
    talk.divertTurns(nullptr);
    save();
    talk.speak(callWords(m_saved ? CallWord::MessageTaken : CallWord::NoMessage, talk.language()));
}

void CallMessage::save()
{
    if (m_saved || m_words.isEmpty())
        return;
    m_saved = true;
    CallConversation &talk = m_call.conversation();
    QVariantMap voicemail{{QStringLiteral("callId"), m_call.id()}};
    if (!m_call.callerNumber().isEmpty())
        voicemail.insert(QStringLiteral("callbackNumber"), m_call.callerNumber());
    m_engine.setMetadataEntry(talk.companyId(), talk.sessionId(), QStringLiteral("voicemail"), voicemail, talk.actor());
    MessageMeta meta;
    meta.asr = AsrMeta{m_confidence, m_first.startMs, m_first.endMs, false, false};
    const QString text = m_words.join(QLatin1Char(' ')).left(kMaxChars);
    emit talk.transcript(QStringLiteral("customer"), text, true);
    m_engine.postMessage(
        talk.companyId(), talk.sessionId(), text, talk.actor(), this, [](const Result<MessageOutcome> &) {}, meta);
}

} // namespace tierdesk::voice
