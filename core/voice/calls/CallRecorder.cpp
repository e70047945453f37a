#include "core/voice/calls/CallRecorder.h"

#include "core/voice/StereoWavFile.h"

#include <QLoggingCategory>

#include <atomic>

namespace tierdesk::voice {
namespace {

Q_LOGGING_CATEGORY(lcRecording, "tierdesk.calls.recording")

// The first `n` samples of `pending` (padded with silence), taken out of it.
Pcm take(Pcm &pending, size_t n)
{
    Pcm out(n, 0);
    const size_t have = std::min(n, pending.size());
    std::copy(pending.begin(), pending.begin() + std::ptrdiff_t(have), out.begin());
    pending.erase(pending.begin(), pending.begin() + std::ptrdiff_t(have));
    return out;
}

} // namespace

// The file and what is on its way to it: touched by the writer's thread (the file) and both (the count).
struct CallRecorder::Sink {
    StereoWavFile file;
    std::atomic<qint64> queuedBytes{0};
    bool failed = false; // the writer's thread only
};

CallRecorder::CallRecorder(QThreadPool &writer, ClockMs clock, QObject *parent)
    : QObject(parent), m_writer(writer), m_clock(std::move(clock)), m_sink(std::make_shared<Sink>())
{
    m_elapsed.start();
    m_flushTimer.setInterval(kFlushMs);
    connect(&m_flushTimer, &QTimer::timeout, this, [this] { flush(false); });
    m_flushTimer.start();
}

CallRecorder::~CallRecorder()
{
    finish();
}

qint64 CallRecorder::nowSamples() const
{
    return msToSamples(m_clock ? m_clock() : m_elapsed.elapsed());
}

void CallRecorder::start(const QString &path)
{
    if (m_finished || !m_path.isEmpty() || path.isEmpty())
        return;
    m_path = path;
    m_writer.start([sink = m_sink, path] {
        if (const Status opened = sink->file.open(path); !opened) {
            sink->failed = true;
            qCWarning(lcRecording) << "no recording:" << opened.error().message;
        }
    });
}

void CallRecorder::add(Side &side, const QByteArray &pcm)
{
    if (m_finished)
        return;
    const Pcm samples = pcmFromLittleEndian(pcm);
    if (samples.empty())
        return;
    const qint64 now = nowSamples();
    if (now - side.end > msToSamples(kMaxLateMs)) { // after a pause: silence until now
        side.pending.resize(size_t(now - m_flushedAt), 0);
        side.end = now;
    }
    side.pending.insert(side.pending.end(), samples.begin(), samples.end());
    side.end += qint64(samples.size());
    if (side.end - m_flushedAt > msToSamples(kMaxPendingMs))
        flush(false);
}

void CallRecorder::flush(bool all)
{
    const qint64 latest = std::max(m_left.end, m_right.end);
    // Held too long: written, even if the other side may still add to it (it then follows on).
    qint64 target = latest - msToSamples(kMaxPendingMs);
    if (all) {
        target = latest;
    } else if (!m_path.isEmpty()) {
        // Settled: no audio that comes from now on can land before it.
        const qint64 settled = nowSamples() - msToSamples(kMaxLateMs);
        target = std::max(target, std::min(std::max(m_left.end, settled), std::max(m_right.end, settled)));
    }
    if (target > m_flushedAt)
        writeUpTo(target);
}

void CallRecorder::writeUpTo(qint64 position)
{
    const size_t n = size_t(position - m_flushedAt);
    const QByteArray interleaved = StereoWavFile::interleave(take(m_left.pending, n), take(m_right.pending, n));
    m_flushedAt = position;
    m_left.end = std::max(m_left.end, position);
    m_right.end = std::max(m_right.end, position);
    const qint64 size = interleaved.size();
    if (m_path.isEmpty() || m_sink->queuedBytes.load() + size > kMaxQueuedBytes) {
        if (m_droppedFrames == 0)
            qCWarning(lcRecording) << "recording" << m_path << "drops audio: the writer is behind or no file";
        m_droppedFrames += qint64(n);
        return;
    }
    m_sink->queuedBytes += size;
    m_handedFrames += qint64(n);
    m_writer.start([sink = m_sink, interleaved, size] {
        if (!sink->failed) {
            if (const Status written = sink->file.append(interleaved); !written) {
                sink->failed = true;
                qCWarning(lcRecording) << "recording stopped:" << written.error().message;
            }
        }
        sink->queuedBytes -= size;
    });
}

qint64 CallRecorder::bytes() const
{
    if (m_path.isEmpty())
        return 0;
    return std::min(
        StereoWavFile::kMaxBytes, StereoWavFile::kHeaderBytes + m_handedFrames * StereoWavFile::kBytesPerFrame);
}

qint64 CallRecorder::finish()
{
    if (m_finished)
        return bytes();
    flush(true);
    m_finished = true;
    m_flushTimer.stop();
    if (!m_path.isEmpty())
        m_writer.start([sink = m_sink] { sink->file.close(); });
    return bytes();
}

} // namespace tierdesk::voice
