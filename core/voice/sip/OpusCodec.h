#pragma once

#include "core/voice/sip/AudioCodec.h"

struct OpusEncoder;
struct OpusDecoder;

namespace tierdesk::voice::sip {

// Opus (RFC 7587) mono. libopus encodes and decodes at 16 kHz itself (its API takes 8, 12, 16, 24
// or 48 kHz whatever the RTP clock says), so no resampler stands between it and the call.
class OpusCodec : public AudioCodec {
public:
    static constexpr int kBitrate = 24000; // wideband speech, well above what recognition needs
    static constexpr int kComplexity = 5; // of 10: half the CPU of the default, 20 calls on 2 cores

    OpusCodec();
    ~OpusCodec() override;

    QByteArray encode(const Pcm &frame) override;
    Pcm decode(const uint8_t *payload, size_t size) override;

private:
    OpusEncoder *m_encoder = nullptr;
    OpusDecoder *m_decoder = nullptr;
};

} // namespace tierdesk::voice::sip
