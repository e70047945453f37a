#pragma once

#include "core/voice/AudioFrame.h"

#include <QElapsedTimer>
#include <QObject>
#include <QThreadPool>
#include <QTimer>

#include <functional>
#include <memory>

namespace tierdesk::voice {

// Records one call (docs/calls.md, "Recording"): the caller's audio on the left channel and what
// the caller heard (the AI, a person, hold messages) on the right, in one StereoWavFile.
//
// Both sides are placed on the call's clock: a side's audio follows its previous audio, unless it
// comes more than kMaxLateMs after that ended, when it starts where the clock is (the gap is
// silence); audio sent ahead of time (the AI's speech is paced a little ahead) just follows on. So
// the caller's answer lines up with the question they heard. Audio is held in memory at most
// kMaxPendingMs a side; every kFlushMs what is settled on both sides is handed to the writer (a
// thread shared by the calls: disks may block, the engine thread may not). What the writer has not
// written yet is bounded by kMaxQueuedBytes: beyond it audio is dropped (and counted), never the
// engine thread slowed. Lives on the engine thread.
class CallRecorder : public QObject {
    Q_OBJECT

public:
    static constexpr int kFlushMs = 1000;
    static constexpr int kMaxLateMs = 250;
    static constexpr int kMaxPendingMs = 10000;
    static constexpr qint64 kMaxQueuedBytes = 4LL << 20; // about 65 s of stereo audio
    using ClockMs = std::function<qint64()>; // the call's clock: ms since it started

    // `writer`: the thread pool of one thread that writes the calls' recordings, in order.
    explicit CallRecorder(QThreadPool &writer, ClockMs clock = {}, QObject *parent = nullptr);
    ~CallRecorder() override; // finishes

    // Where the recording goes (once known: the session's id is part of the name); until then
    // audio is held, kMaxPendingMs at most.
    void start(const QString &path);
    void caller(const QByteArray &pcm) { add(m_left, pcm); }
    void heard(const QByteArray &pcm) { add(m_right, pcm); }
    // Writes what is held and closes the file; nothing is recorded after. The file's size once
    // written (0 when it was never started).
    qint64 finish();

    QString path() const { return m_path; }
    bool finished() const { return m_finished; }
    // The file's size once what was handed to the writer is written.
    qint64 bytes() const;
    // Audio that could not be kept (the writer behind, or no file for too long).
    qint64 droppedMs() const { return samplesToMs(m_droppedFrames); }

private:
    struct Side {
        Pcm pending; // from m_flushedAt on
        qint64 end = 0; // where its audio ends on the call's clock, in samples
    };
    struct Sink;
    void add(Side &side, const QByteArray &pcm);
    void flush(bool all);
    void writeUpTo(qint64 position);
    qint64 nowSamples() const;

    QThreadPool &m_writer;
    ClockMs m_clock;
    QElapsedTimer m_elapsed;
    QTimer m_flushTimer;
    std::shared_ptr<Sink> m_sink;
    QString m_path;
    Side m_left;
    Side m_right;
    qint64 m_flushedAt = 0; // samples handed over (or dropped), per channel
    qint64 m_handedFrames = 0; // stereo frames handed to the writer
    qint64 m_droppedFrames = 0;
    bool m_finished = false;
};

} // namespace tierdesk::voice
