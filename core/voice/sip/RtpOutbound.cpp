#include "core/voice/sip/RtpOutbound.h"

#include <QRandomGenerator>

namespace tierdesk::voice::sip {

RtpOutbound::RtpOutbound(CodecKind codec)
    : m_codec(AudioCodec::create(codec)), m_timestamp(QRandomGenerator::global()->generate()) // RFC 3550 5.1
{
}

void RtpOutbound::setCodec(CodecKind codec)
{
    if (!m_codec || m_codec->kind() != codec)
        m_codec = AudioCodec::create(codec);
}

void RtpOutbound::queue(const Pcm &pcm)
{
    m_carry.insert(m_carry.end(), pcm.begin(), pcm.end());
    size_t at = 0;
    for (; at + kFrameSamples <= m_carry.size(); at += kFrameSamples)
        m_frames.emplace_back(m_carry.begin() + static_cast<std::ptrdiff_t>(at),
            m_carry.begin() + static_cast<std::ptrdiff_t>(at + kFrameSamples));
    m_carry.erase(m_carry.begin(), m_carry.begin() + static_cast<std::ptrdiff_t>(at));
    while (queuedMs() > kMaxQueuedMs) {
        m_frames.pop_front();
        ++m_dropped;
    }
}

QByteArray RtpOutbound::next(uint32_t *timestamp, bool *talkspurt)
{
    static const Pcm quiet(kFrameSamples, 0);
    Pcm frame = quiet;
    const bool audio = !m_frames.empty();
    if (audio) {
        frame = std::move(m_frames.front());
        m_frames.pop_front();
    }
    if (talkspurt)
        *talkspurt = audio && m_quiet;
    m_quiet = !audio;
    *timestamp = m_timestamp;
    if (!m_codec)
        return {};
    m_timestamp += static_cast<uint32_t>(m_codec->info().ticksPerFrame);
    return m_codec->encode(frame);
}

} // namespace tierdesk::voice::sip
