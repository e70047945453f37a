#include "core/voice/Resampler.h"

#include <speex/speex_resampler.h>

#include <algorithm>

namespace tierdesk::voice {

namespace {

// speexdsp's quality 0..10: 4 is its desktop default, well above telephone needs (the 8 kHz
// filter's stop band keeps what is above 4 kHz out) at a cost too small to measure against decoding.
constexpr int kResamplerQuality = SPEEX_RESAMPLER_QUALITY_DEFAULT;

} // namespace

Resampler::Resampler(int inRate, int outRate) : m_inRate(inRate), m_outRate(outRate)
{
    if (inRate <= 0 || outRate <= 0)
        return;
    int error = 0;
    m_state = speex_resampler_init(
        1, static_cast<spx_uint32_t>(inRate), static_cast<spx_uint32_t>(outRate), kResamplerQuality, &error);
    if (m_state && error == RESAMPLER_ERR_SUCCESS)
        speex_resampler_skip_zeros(m_state);
}

Resampler::~Resampler()
{
    if (m_state)
        speex_resampler_destroy(m_state);
}

Pcm Resampler::process(const int16_t *in, size_t count)
{
    if (!m_state || count == 0)
        return {};
    Pcm out(count * static_cast<size_t>(m_outRate) / static_cast<size_t>(m_inRate) + 64);
    size_t used = 0;
    size_t made = 0;
    // The resampler may stop early when its output buffer is full: go on until all input is taken.
    while (used < count) {
        if (made == out.size())
            out.resize(out.size() * 2);
        spx_uint32_t inLength = static_cast<spx_uint32_t>(count - used);
        spx_uint32_t outLength = static_cast<spx_uint32_t>(out.size() - made);
        speex_resampler_process_int(m_state, 0, in + used, &inLength, out.data() + made, &outLength);
        if (inLength == 0 && outLength == 0)
            break;
        used += inLength;
        made += outLength;
    }
    out.resize(made);
    m_inTotal += static_cast<qint64>(used);
    m_outTotal += static_cast<qint64>(made);
    return out;
}

Pcm Resampler::flush()
{
    if (!m_state)
        return {};
    // Zeros push the held samples out; only as many are kept as the stream's length calls for.
    const qint64 expected = m_inTotal * m_outRate / m_inRate;
    const Pcm zeros(static_cast<size_t>(speex_resampler_get_input_latency(m_state)) + 1, 0);
    const qint64 inBefore = m_inTotal;
    Pcm tail = process(zeros);
    m_inTotal = inBefore;
    const qint64 wanted = std::max<qint64>(0, expected - (m_outTotal - static_cast<qint64>(tail.size())));
    tail.resize(static_cast<size_t>(std::min<qint64>(wanted, static_cast<qint64>(tail.size()))));
    m_outTotal = expected;
    speex_resampler_reset_mem(m_state);
    speex_resampler_skip_zeros(m_state);
    return tail;
}

} // namespace tierdesk::voice
