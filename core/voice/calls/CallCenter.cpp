#include "core/voice/calls/CallCenter.h"

#include "core/voice/calls/CallTracker.h"
#include "core/voice/calls/CallVocabulary.h"

namespace tierdesk::voice {

CallCenter::CallCenter(SessionEngine &engine, const CallSettings &settings, QObject *parent)
    : QObject(parent), m_engine(engine), m_settings(settings),
      m_pool(qBound(1, settings.decoders, 64), qBound(1, settings.maxCalls, 500))
{
    m_settings.speech.extraWords += CallVocabulary::serviceWords();
    m_pool.keepReady(m_settings.readyDecoders, m_settings.speech);
    m_recordingWriter.setMaxThreadCount(1);
    m_recordingWriter.setObjectName(QStringLiteral("recordings"));
}

CallCenter::~CallCenter()
{
    const QList<LiveCall *> calls = m_calls.values();
    for (LiveCall *call : calls) // ended as any call ends: its log and recording are closed
        call->hangUp(QStringLiteral("server"));
    m_calls.clear();
    qDeleteAll(calls);
}

Result<LiveCall *> CallCenter::open(const QString &companyId, const QString &door)
{
    const Result<Company> company = m_engine.company(companyId);
    if (!company)
        return company.error();
    std::shared_ptr<DecoderPool::Lane> lane = m_pool.openLane();
    if (!lane)
        return makeError(ErrorKind::LimitExceeded, QStringLiteral("all lines are busy"));
    const SpeechSynthesizer::Voice voice
        = SpeechSynthesizer::voiceNamed(company->config.voice.voice).value_or(SpeechSynthesizer::Voice::Slt);
    auto *call = new LiveCall(m_engine, std::move(lane), companyId, door, voice, m_settings, this);
    m_calls.insert(call->id(), call);
    call->setLine(&m_line);
    if (m_log)
        new CallTracker(*call, *m_log, company->config.voice.recordCalls ? &m_recordingWriter : nullptr);
    connect(call, &LiveCall::stateChanged, this, [this, call] { emit callChanged(call); });
    connect(call, &LiveCall::ended, this, [this, call](const QString &reason) {
        if (m_calls.remove(call->id()) == 0)
            return;
        emit callEnded(call->id(), call->companyId(), reason);
        call->deleteLater(); // after the door has heard the end
    });
    emit callOpened(call);
    return call;
}

} // namespace tierdesk::voice
