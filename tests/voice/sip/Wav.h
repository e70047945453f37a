#pragma once

// RIFF WAVE files of 16-bit PCM for the SIP tests: baresip's microphone (aufile wants the codec's own
// rate) and its recording (sndfile writes the codec's rate and channels).
#include "core/voice/AudioFrame.h"
#include "core/voice/Resampler.h"

#include <QFile>
#include <QtEndian>

namespace tierdesk::test {

struct Wav {
    int rate = voice::kSampleRate;
    int channels = 1;
    voice::Pcm samples; // interleaved
};

// `mono` written to each of `channels`.
inline QByteArray wavBytes(const voice::Pcm &mono, int rate, int channels = 1)
{
    voice::Pcm interleaved;
    interleaved.reserve(mono.size() * static_cast<size_t>(channels));
    for (const int16_t s : mono)
        interleaved.insert(interleaved.end(), static_cast<size_t>(channels), s);
    const QByteArray data = voice::pcmToLittleEndian(interleaved);
    QByteArray out("RIFF");
    auto u32 = [&out](quint32 v) {
        char b[4];
        qToLittleEndian(v, b);
        out.append(b, 4);
    };
    auto u16 = [&out](quint16 v) {
        char b[2];
        qToLittleEndian(v, b);
        out.append(b, 2);
    };
    u32(static_cast<quint32>(36 + data.size()));
    out += "WAVEfmt ";
    u32(16);
    u16(1);
    u16(static_cast<quint16>(channels));
    u32(static_cast<quint32>(rate));
    u32(static_cast<quint32>(rate * 2 * channels));
    u16(static_cast<quint16>(2 * channels));
    u16(16);
    out += "data";
    u32(static_cast<quint32>(data.size()));
    return out + data;
}

// Chunks are walked, so a file with extra chunks (LIST) reads too; a file still being written
// (data size 0 or too big) is read to its end.
inline std::optional<Wav> readWav(const QString &path)
{
    QFile f(path);
    if (!f.open(QIODevice::ReadOnly))
        return std::nullopt;
    const QByteArray all = f.readAll();
    if (all.size() < 12 || !all.startsWith("RIFF") || all.mid(8, 4) != "WAVE")
        return std::nullopt;
    Wav wav;
    qsizetype at = 12;
    while (at + 8 <= all.size()) {
        const QByteArray id = all.mid(at, 4);
        qsizetype size = qFromLittleEndian<quint32>(all.constData() + at + 4);
        at += 8;
        if (id == "fmt " && at + 16 <= all.size()) {
            wav.channels = qFromLittleEndian<quint16>(all.constData() + at + 2);
            wav.rate = static_cast<int>(qFromLittleEndian<quint32>(all.constData() + at + 4));
        } else if (id == "data") {
            if (size == 0 || at + size > all.size())
                size = all.size() - at;
            wav.samples = voice::pcmFromLittleEndian(QByteArrayView(all.constData() + at, size));
            return wav;
        }
        at += size + (size & 1);
    }
    return std::nullopt;
}

// Down to the calls' 16 kHz mono.
inline voice::Pcm toCallAudio(const Wav &wav)
{
    voice::Pcm mono;
    const int channels = qMax(1, wav.channels);
    for (size_t i = 0; i + static_cast<size_t>(channels) <= wav.samples.size(); i += static_cast<size_t>(channels)) {
        int sum = 0;
        for (int c = 0; c < channels; ++c)
            sum += wav.samples[i + static_cast<size_t>(c)];
        mono.push_back(static_cast<int16_t>(sum / channels));
    }
    if (wav.rate == voice::kSampleRate)
        return mono;
    voice::Resampler to16k(wav.rate, voice::kSampleRate);
    voice::Pcm out = to16k.process(mono);
    const voice::Pcm tail = to16k.flush();
    out.insert(out.end(), tail.begin(), tail.end());
    return out;
}

inline voice::Pcm fromCallAudio(const voice::Pcm &pcm, int rate)
{
    if (rate == voice::kSampleRate)
        return pcm;
    voice::Resampler r(voice::kSampleRate, rate);
    voice::Pcm out = r.process(pcm);
    const voice::Pcm tail = r.flush();
    out.insert(out.end(), tail.begin(), tail.end());
    return out;
}

} // namespace tierdesk::test
