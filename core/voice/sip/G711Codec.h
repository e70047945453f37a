#pragma once

#include "core/voice/Resampler.h"
#include "core/voice/sip/AudioCodec.h"

namespace tierdesk::voice::sip {

// G.711 µ-law (PCMU) or A-law (PCMA): 8 kHz telephone band, one byte a sample, resampled from and
// to the call's 16 kHz. What the band cuts off (above 3.4 kHz) the recogniser misses.
class G711Codec : public AudioCodec {
public:
    static constexpr int kRate = 8000;
    static constexpr int kFrameSamples8k = kRate * kFrameMs / 1000; // 160

    explicit G711Codec(CodecKind kind); // Pcmu or Pcma

    QByteArray encode(const Pcm &frame) override;
    Pcm decode(const uint8_t *payload, size_t size) override;

private:
    Resampler m_down{kSampleRate, kRate};
    Resampler m_up{kRate, kSampleRate};
    Pcm m_carry; // 8 kHz samples the resampler gave beyond the last packet
};

} // namespace tierdesk::voice::sip
