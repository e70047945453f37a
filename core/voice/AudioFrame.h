#pragma once

#include <QByteArray>
#include <QByteArrayView>

#include <cstdint>
#include <vector>

namespace tierdesk::voice {

// A call's audio inside Tierdesk, whatever door it came in by (DESIGN.md, "Calls"): 16 kHz mono
// signed 16-bit PCM, little-endian on the wire, in frames of 20 ms. Transports convert to this at
// their edge (Resampler for 8 and 48 kHz codecs); nothing below them sees another format.
constexpr int kSampleRate = 16000;
constexpr int kFrameMs = 20;
constexpr int kFrameSamples = kSampleRate * kFrameMs / 1000; // 320
constexpr int kFrameBytes = kFrameSamples * 2; // 640

// Samples in host order. A vector rather than a QByteArray: the C libraries take int16_t pointers,
// and sample arithmetic (energy, mixing) needs no casts.
using Pcm = std::vector<int16_t>;

constexpr qint64 samplesToMs(qint64 samples, int rate = kSampleRate)
{
    return samples * 1000 / rate;
}
constexpr qint64 msToSamples(qint64 ms, int rate = kSampleRate)
{
    return ms * rate / 1000;
}

// s16le bytes (a WebSocket's binary frame, an RTP payload after decoding) to samples; a trailing
// odd byte is dropped.
Pcm pcmFromLittleEndian(QByteArrayView bytes);
QByteArray pcmToLittleEndian(const Pcm &pcm);

// The audio cut in 20 ms frames, the last one padded with silence.
std::vector<Pcm> splitFrames(const Pcm &pcm);

// Silence of the given length at 16 kHz.
Pcm silence(qint64 ms);

// Root mean square of the samples in dB below full scale (-100 for digital silence).
double levelDbfs(const int16_t *samples, size_t count);
inline double levelDbfs(const Pcm &pcm)
{
    return levelDbfs(pcm.data(), pcm.size());
}

} // namespace tierdesk::voice
