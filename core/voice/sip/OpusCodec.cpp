#include "core/voice/sip/OpusCodec.h"

#include <opus.h>

namespace tierdesk::voice::sip {

OpusCodec::OpusCodec() : AudioCodec(CodecKind::Opus)
{
    int err = OPUS_OK;
    m_encoder = opus_encoder_create(kSampleRate, 1, OPUS_APPLICATION_VOIP, &err);
    if (m_encoder) {
        opus_encoder_ctl(m_encoder, OPUS_SET_BITRATE(kBitrate));
        opus_encoder_ctl(m_encoder, OPUS_SET_COMPLEXITY(kComplexity));
    }
    m_decoder = opus_decoder_create(kSampleRate, 1, &err);
}

OpusCodec::~OpusCodec()
{
    if (m_encoder)
        opus_encoder_destroy(m_encoder);
    if (m_decoder)
        opus_decoder_destroy(m_decoder);
}

QByteArray OpusCodec::encode(const Pcm &frame)
{
    if (!m_encoder || frame.size() != static_cast<size_t>(kFrameSamples))
        return {};
    QByteArray out(kMaxPayloadBytes, Qt::Uninitialized);
    const opus_int32 n = opus_encode(m_encoder, frame.data(), kFrameSamples,
        reinterpret_cast<unsigned char *>(out.data()), static_cast<opus_int32>(out.size()));
    if (n <= 0)
        return {};
    out.truncate(n);
    return out;
}

Pcm OpusCodec::decode(const uint8_t *payload, size_t size)
{
    if (!m_decoder || size == 0 || size > static_cast<size_t>(kMaxPayloadBytes))
        return {};
    Pcm out(static_cast<size_t>(msToSamples(kMaxDecodedMs)));
    const int n
        = opus_decode(m_decoder, payload, static_cast<opus_int32>(size), out.data(), static_cast<int>(out.size()), 0);
    if (n <= 0)
        return {};
    out.resize(static_cast<size_t>(n));
    return out;
}

} // namespace tierdesk::voice::sip
