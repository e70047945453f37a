#include "core/voice/AudioFrame.h"

#include <QtEndian>

#include <algorithm>
#include <cmath>

namespace tierdesk::voice {

Pcm pcmFromLittleEndian(QByteArrayView bytes)
{
    Pcm pcm(static_cast<size_t>(bytes.size() / 2));
    for (size_t i = 0; i < pcm.size(); ++i)
        pcm[i] = qFromLittleEndian<qint16>(bytes.data() + 2 * i);
    return pcm;
}

QByteArray pcmToLittleEndian(const Pcm &pcm)
{
    QByteArray bytes(static_cast<qsizetype>(pcm.size() * 2), Qt::Uninitialized);
    for (size_t i = 0; i < pcm.size(); ++i)
        qToLittleEndian<qint16>(pcm[i], bytes.data() + 2 * i);
    return bytes;
}

std::vector<Pcm> splitFrames(const Pcm &pcm)
{
    std::vector<Pcm> frames;
    frames.reserve(pcm.size() / kFrameSamples + 1);
    for (size_t at = 0; at < pcm.size(); at += kFrameSamples) {
        const size_t n = std::min<size_t>(kFrameSamples, pcm.size() - at);
        Pcm frame(kFrameSamples, 0);
        std::copy_n(pcm.begin() + static_cast<std::ptrdiff_t>(at), n, frame.begin());
        frames.push_back(std::move(frame));
    }
    return frames;
}

Pcm silence(qint64 ms)
{
    return Pcm(static_cast<size_t>(msToSamples(ms)), 0);
}

double levelDbfs(const int16_t *samples, size_t count)
{
    if (count == 0)
        return -100.0;
    double sum = 0;
    for (size_t i = 0; i < count; ++i)
        sum += double(samples[i]) * samples[i];
    const double rms = std::sqrt(sum / double(count)) / 32768.0;
    return rms > 1e-5 ? 20.0 * std::log10(rms) : -100.0;
}

} // namespace tierdesk::voice
