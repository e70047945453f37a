#pragma once

#include <QObject>
#include <QTemporaryDir>

class QSoundEffect;

namespace tierdesk::ui {

// The ring of a call waiting for the person (QSoundEffect): a tone made here (two bursts of
// 440 + 480 Hz, as a phone rings, then quiet), written once as a WAV file, looped until stopped.
class Ringer : public QObject {
    Q_OBJECT

public:
    explicit Ringer(QObject *parent = nullptr);
    ~Ringer() override;

    // One ring: 16 kHz mono s16le WAV bytes.
    static QByteArray ringWav();
    // Rings on the speaker with this id ("" or unknown: the default).
    void start(const QByteArray &speakerId);
    void stop();
    bool ringing() const { return m_ringing; }

private:
    QTemporaryDir m_dir;
    QSoundEffect *m_effect = nullptr;
    bool m_ringing = false;
};

} // namespace tierdesk::ui
