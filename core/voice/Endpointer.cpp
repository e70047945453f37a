#include "core/voice/Endpointer.h"

#include <algorithm>

namespace tierdesk::voice {

Endpointer::Endpointer(const Options &options) : m_options(options) { }

// Voiced: above the absolute minimum and marginDb above the noise floor. The floor follows quiet
// frames quickly down and slowly up, so a noisy line raises it and speech itself does not.
bool Endpointer::voiced(double levelDb)
{
    const bool isVoiced = levelDb > m_options.minimumDb && levelDb > m_noiseDb + m_options.marginDb;
    if (!isVoiced) {
        const double rate = levelDb < m_noiseDb ? 0.3 : 0.02;
        m_noiseDb += rate * (std::max(levelDb, -90.0) - m_noiseDb);
    }
    return isVoiced;
}

Endpointer::Event Endpointer::process(const Pcm &frame)
{
    const qint64 frameStart = samplesToMs(m_samples);
    m_samples += static_cast<qint64>(frame.size());
    const qint64 frameEnd = samplesToMs(m_samples);
    const bool isVoiced = voiced(levelDbfs(frame));

    m_recent.push_back(frame);
    const size_t keep = static_cast<size_t>(std::max(1, m_options.preRollMs / kFrameMs + 1));
    while (m_recent.size() > keep)
        m_recent.pop_front();

    if (isVoiced)
        m_lastVoicedEndMs = frameEnd;
    return m_inSpeech ? endOrWait(isVoiced, frameStart, frameEnd) : startOrWait(isVoiced, frameStart);
}

// A turn starts when at least two thirds of the last startMs of frames are voiced, a click or a
// single loud frame does not start one. Its start is the window's first voiced frame.
Endpointer::Event Endpointer::startOrWait(bool isVoiced, qint64 frameStart)
{
    const size_t window = static_cast<size_t>(std::max(1, m_options.startMs / kFrameMs));
    m_window.push_back(isVoiced);
    m_windowStarts.push_back(frameStart);
    while (m_window.size() > window) {
        m_window.pop_front();
        m_windowStarts.pop_front();
    }
    const auto voicedCount = std::count(m_window.begin(), m_window.end(), true);
    if (m_window.size() < window || voicedCount * 3 < static_cast<qint64>(window) * 2)
        return Event::None;
    const auto firstVoiced = std::find(m_window.begin(), m_window.end(), true) - m_window.begin();
    m_startMs = m_windowStarts[static_cast<size_t>(firstVoiced)];
    m_inSpeech = true;
    m_silentMs = 0;
    m_window.clear();
    m_windowStarts.clear();
    return Event::SpeechStarted;
}

Endpointer::Event Endpointer::endOrWait(bool isVoiced, qint64 frameStart, qint64 frameEnd)
{
    m_silentMs = isVoiced ? 0 : m_silentMs + int(frameEnd - frameStart);
    if (m_silentMs < m_options.endSilenceMs)
        return Event::None;
    m_inSpeech = false;
    m_endMs = m_lastVoicedEndMs;
    return Event::SpeechEnded;
}

} // namespace tierdesk::voice
