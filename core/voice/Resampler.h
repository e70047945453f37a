#pragma once

#include "core/voice/AudioFrame.h"

struct SpeexResamplerState_;

namespace tierdesk::voice {

// Streaming sample-rate conversion for one call and one direction (speexdsp's resampler): a codec's
// 8 kHz (G.711) or 48 kHz (Opus) to the 16 kHz of Tierdesk's frames and back. It keeps the filter's
// state between calls to process(), so frames join without clicks; one object per stream.
//
// Output is aligned with input: the filter's initial delay is skipped, and its last samples wait
// for more input, or for flush() at the end of the stream. Over a whole stream, input of N samples
// gives N * outRate / inRate samples.
class Resampler {
public:
    Resampler(int inRate, int outRate);
    ~Resampler();
    Resampler(const Resampler &) = delete;
    Resampler &operator=(const Resampler &) = delete;

    bool isValid() const { return m_state != nullptr; }
    int inRate() const { return m_inRate; }
    int outRate() const { return m_outRate; }

    Pcm process(const Pcm &in) { return process(in.data(), in.size()); }
    Pcm process(const int16_t *in, size_t count);
    // The samples the filter still holds; the stream ends here.
    Pcm flush();

private:
    SpeexResamplerState_ *m_state = nullptr;
    int m_inRate;
    int m_outRate;
    qint64 m_inTotal = 0;
    qint64 m_outTotal = 0;
};

} // namespace tierdesk::voice
