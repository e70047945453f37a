#pragma once

#include <QAudioDevice>
#include <QAudioFormat>
#include <QByteArray>
#include <QObject>
#include <QPointer>
#include <QTimer>

class QAudioSink;
class QAudioSource;
class QIODevice;

namespace tierdesk::ui {

// The person's headset on a call (Qt Multimedia): the microphone's sound as 16 kHz s16le mono
// (what a call carries), and the caller's voice played on the speaker. Devices by their id
// (Settings > Headset); an unknown or empty id is the system's default. GUI thread.
class Headset : public QObject {
    Q_OBJECT

public:
    static constexpr int kMaxChunkBytes = 6400; // 200 ms: what one frame to the server holds at most
    static constexpr int kMaxQueuedMs = 2000; // the caller's voice waiting for the speaker at most (then dropped)

    explicit Headset(QObject *parent = nullptr);
    ~Headset() override;

    static QAudioFormat format();
    static QAudioDevice microphone(const QByteArray &id);
    static QAudioDevice speaker(const QByteArray &id);

    void start(const QByteArray &microphoneId, const QByteArray &speakerId);
    void stop();
    bool running() const { return m_source != nullptr; }
    // The caller's voice, queued for the speaker.
    void play(const QByteArray &pcm);

signals:
    // The microphone's sound, in chunks of at most kMaxChunkBytes.
    void captured(const QByteArray &pcm);
    // A device could not be opened.
    void problem(const QString &message);

private:
    void readMicrophone();
    void drain();

    QAudioSource *m_source = nullptr;
    QAudioSink *m_sink = nullptr;
    QPointer<QIODevice> m_in;
    QPointer<QIODevice> m_out;
    QByteArray m_pending; // for the speaker
    QTimer m_drain;
};

} // namespace tierdesk::ui
