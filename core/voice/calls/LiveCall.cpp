#include "core/voice/calls/LiveCall.h"

#include "core/common/Ids.h"
#include "core/voice/calls/CallLine.h"

#include <QDateTime>

namespace tierdesk::voice {

LiveCall::LiveCall(SessionEngine &engine, std::shared_ptr<DecoderPool::Lane> lane, const QString &companyId,
    const QString &door, SpeechSynthesizer::Voice voice, const CallSettings &settings, QObject *parent)
    : QObject(parent), m_id(ids::random(QStringLiteral("call_"))), m_companyId(companyId), m_door(door),
      m_startedAtMs(QDateTime::currentMSecsSinceEpoch())
{
    Call::Options options;
    options.silencePromptMs = settings.silencePromptMs;
    m_call = std::make_unique<Call>(std::move(lane), settings.speech, SpeechSynthesizer(voice), options);
    m_talk = std::make_unique<CallConversation>(engine, *m_call, companyId);
    connect(m_call.get(), &Call::audio, this, &LiveCall::audio);
    connect(m_call.get(), &Call::partial, this, &LiveCall::partial);
    connect(m_call.get(), &Call::failed, this, [this] { finish(QStringLiteral("unavailable"), true); });
    connect(m_talk.get(), &CallConversation::transcript, this, &LiveCall::transcript);
    connect(m_talk.get(), &CallConversation::stateChanged, this, &LiveCall::setState);
    connect(m_talk.get(), &CallConversation::hangUp, this, [this](const QString &why) { finish(why, true); });
}

LiveCall::~LiveCall()
{
    m_talk->end(QStringLiteral("server")); // nothing when it ended before
}

void LiveCall::start(const CallConversation::Caller &caller, std::function<void(Result<Session>)> started)
{
    m_caller = caller;
    m_talk->start(caller, std::move(started));
}

void LiveCall::finish(const QString &reason, bool byServer)
{
    if (m_finished)
        return;
    m_finished = true;
    m_talk->end(reason); // says "ended" through stateChanged (once: the conversation may have ended itself)
    emit ended(reason, byServer);
}

void LiveCall::setState(const QString &state, const QString &queue)
{
    if (m_state == QLatin1String("ended"))
        return;
    m_state = state;
    if (!queue.isEmpty())
        m_queue = queue;
    else if (state == QLatin1String("ai"))
        m_queue.clear(); // "agent", "hold", "ended" keep the queue the call came through
    if (m_line) // the line says which queue and place, before anyone hears of it
        m_line->placed(this);
    emit stateChanged(m_state, m_queue);
}

void LiveCall::setPlace(const QString &queue, int position, bool announce)
{
    const bool moved = queue != m_queue || position != m_position;
    m_queue = queue;
    m_position = position;
    if (announce && moved)
        emit stateChanged(m_state, m_queue);
}

} // namespace tierdesk::voice
