#include "ui/Headset.h"

#include <QAudioSink>
#include <QAudioSource>
#include <QMediaDevices>

namespace tierdesk::ui {
namespace {

constexpr int kBytesPerMs = 32; // 16 kHz, 2 bytes a sample

QAudioDevice pick(const QList<QAudioDevice> &devices, const QByteArray &id, const QAudioDevice &fallback)
{
    for (const QAudioDevice &d : devices)
        if (!id.isEmpty() && d.id() == id)
            return d;
    return fallback;
}

} // namespace

Headset::Headset(QObject *parent) : QObject(parent)
{
    m_drain.setInterval(20);
    connect(&m_drain, &QTimer::timeout, this, &Headset::drain);
}

Headset::~Headset()
{
    stop();
}

QAudioFormat Headset::format()
{
    QAudioFormat f;
    f.setSampleRate(16000);
    f.setChannelCount(1);
    f.setSampleFormat(QAudioFormat::Int16);
    return f;
}

QAudioDevice Headset::microphone(const QByteArray &id)
{
    return pick(QMediaDevices::audioInputs(), id, QMediaDevices::defaultAudioInput());
}

QAudioDevice Headset::speaker(const QByteArray &id)
{
    return pick(QMediaDevices::audioOutputs(), id, QMediaDevices::defaultAudioOutput());
}

void Headset::start(const QByteArray &microphoneId, const QByteArray &speakerId)
{
    stop();
    const QAudioDevice mic = microphone(microphoneId);
    const QAudioDevice out = speaker(speakerId);
    if (mic.isNull() || out.isNull()) {
        emit problem(tr("No microphone or speaker was found."));
        return;
    }
    m_source = new QAudioSource(mic, format(), this);
    m_source->setBufferSize(kMaxChunkBytes);
    m_in = m_source->start();
    if (m_in)
        connect(m_in, &QIODevice::readyRead, this, &Headset::readMicrophone);
    m_sink = new QAudioSink(out, format(), this);
    m_sink->setBufferSize(200 * kBytesPerMs);
    m_out = m_sink->start();
    if (!m_in || !m_out)
        emit problem(tr("The headset could not be opened (%1, %2).").arg(mic.description(), out.description()));
    m_drain.start();
}

void Headset::stop()
{
    m_drain.stop();
    m_pending.clear();
    if (m_source) {
        m_source->stop();
        delete m_source;
        m_source = nullptr;
    }
    if (m_sink) {
        m_sink->stop();
        delete m_sink;
        m_sink = nullptr;
    }
}

void Headset::readMicrophone()
{
    if (!m_in)
        return;
    const QByteArray pcm = m_in->readAll();
    for (qsizetype at = 0; at < pcm.size(); at += kMaxChunkBytes)
        emit captured(pcm.mid(at, kMaxChunkBytes));
}

void Headset::play(const QByteArray &pcm)
{
    if (!m_out)
        return;
    m_pending += pcm;
    const qsizetype most = qsizetype(kMaxQueuedMs) * kBytesPerMs;
    if (m_pending.size() > most) // behind: the oldest goes, the conversation stays live
        m_pending.remove(0, (m_pending.size() - most + 1) & ~qsizetype(1));
    drain();
}

void Headset::drain()
{
    if (!m_out || m_pending.isEmpty())
        return;
    const qint64 written = m_out->write(m_pending);
    if (written > 0)
        m_pending.remove(0, written);
}

} // namespace tierdesk::ui
