#include "core/voice/sip/G722Codec.h"

// spandsp's headers need telephony.h first.
#include <spandsp/telephony.h>

#include <spandsp/g722.h>

namespace tierdesk::voice::sip {

G722Codec::G722Codec() : AudioCodec(CodecKind::G722)
{
    m_encoder = g722_encode_init(nullptr, 64000, 0);
    m_decoder = g722_decode_init(nullptr, 64000, 0);
}

G722Codec::~G722Codec()
{
    if (m_encoder)
        g722_encode_free(m_encoder);
    if (m_decoder)
        g722_decode_free(m_decoder);
}

QByteArray G722Codec::encode(const Pcm &frame)
{
    if (!m_encoder || frame.size() != static_cast<size_t>(kFrameSamples))
        return {};
    QByteArray out(kFrameSamples / 2, Qt::Uninitialized);
    const int n = g722_encode(m_encoder, reinterpret_cast<uint8_t *>(out.data()), frame.data(), kFrameSamples);
    out.truncate(qMax(0, n));
    return out;
}

Pcm G722Codec::decode(const uint8_t *payload, size_t size)
{
    if (!m_decoder || size == 0 || size > static_cast<size_t>(kMaxPayloadBytes))
        return {};
    Pcm out(size * 2); // two samples a byte at 64 kbit/s
    const int n = g722_decode(m_decoder, out.data(), payload, static_cast<int>(size));
    out.resize(static_cast<size_t>(qMax(0, n)));
    return out;
}

} // namespace tierdesk::voice::sip
