#pragma once

#include "core/common/Result.h"
#include "core/voice/AudioFrame.h"

#include <QFile>

namespace tierdesk::voice {

// A call's recording on disk (docs/calls.md, "Recording"): a WAV file, 16 kHz, 16-bit, two
// channels (left the caller, right what the caller heard), written as it grows. The header's sizes
// are patched after every append, so a process that dies mid-call leaves a playable file holding
// what was written. The file is private (0600, its folder 0700) like the rest of the data
// directory. Not thread-safe: one thread (the recorder's writer) uses it.
class StereoWavFile {
public:
    static constexpr int kChannels = 2;
    static constexpr int kHeaderBytes = 44;
    static constexpr int kBytesPerFrame = kChannels * 2; // one sample of each channel
    // WAV's sizes are 32-bit: a file stops growing here (about 9 hours at 16 kHz stereo).
    static constexpr qint64 kMaxBytes = 0x7fff0000LL;

    StereoWavFile() = default;
    ~StereoWavFile() { close(); }
    StereoWavFile(const StereoWavFile &) = delete;
    StereoWavFile &operator=(const StereoWavFile &) = delete;

    // Creates the file (and its folders) with an empty recording's header.
    Status open(const QString &path);
    // Appends interleaved s16le samples (left, right, left, ...) and patches the header.
    Status append(const QByteArray &interleaved);
    void close() { m_file.close(); }
    bool isOpen() const { return m_file.isOpen(); }
    qint64 bytes() const { return kHeaderBytes + m_dataBytes; }

    // The header of a recording holding `dataBytes` of samples.
    static QByteArray header(quint32 dataBytes);
    // Interleaves two channels of s16 samples (the shorter one padded with silence) as s16le.
    static QByteArray interleave(const Pcm &left, const Pcm &right);

private:
    Status patchHeader();

    QFile m_file;
    qint64 m_dataBytes = 0;
};

} // namespace tierdesk::voice
