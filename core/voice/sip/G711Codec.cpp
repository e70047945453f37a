#include "core/voice/sip/G711Codec.h"

// spandsp's headers need telephony.h first, and g711.h needs bit_operations.h.
#include <spandsp/telephony.h>

#include <spandsp/bit_operations.h>

#include <spandsp/g711.h>

namespace tierdesk::voice::sip {

G711Codec::G711Codec(CodecKind kind) : AudioCodec(kind) { }

QByteArray G711Codec::encode(const Pcm &frame)
{
    if (frame.size() != static_cast<size_t>(kFrameSamples) || !m_down.isValid())
        return {};
    const Pcm narrow = m_down.process(frame);
    m_carry.insert(m_carry.end(), narrow.begin(), narrow.end());
    // The filter holds back its first few samples: the first packet starts with that much silence,
    // so every packet is a whole 20 ms.
    if (m_carry.size() < static_cast<size_t>(kFrameSamples8k))
        m_carry.insert(m_carry.begin(), static_cast<size_t>(kFrameSamples8k) - m_carry.size(), 0);
    QByteArray out(kFrameSamples8k, Qt::Uninitialized);
    const bool ulaw = kind() == CodecKind::Pcmu;
    for (int i = 0; i < kFrameSamples8k; ++i)
        out[i] = static_cast<char>(
            ulaw ? linear_to_ulaw(m_carry[static_cast<size_t>(i)]) : linear_to_alaw(m_carry[static_cast<size_t>(i)]));
    m_carry.erase(m_carry.begin(), m_carry.begin() + kFrameSamples8k);
    return out;
}

Pcm G711Codec::decode(const uint8_t *payload, size_t size)
{
    if (size == 0 || size > static_cast<size_t>(kMaxPayloadBytes) || !m_up.isValid())
        return {};
    Pcm narrow(size);
    const bool ulaw = kind() == CodecKind::Pcmu;
    for (size_t i = 0; i < size; ++i)
        narrow[i] = ulaw ? ulaw_to_linear(payload[i]) : alaw_to_linear(payload[i]);
    return m_up.process(narrow);
}

} // namespace tierdesk::voice::sip
