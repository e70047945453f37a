#include "ui/Ringer.h"

#include "ui/Headset.h"

#include <QFile>
#include <QSoundEffect>
#include <QUrl>
#include <QtEndian>

#include <cmath>

namespace tierdesk::ui {
namespace {

constexpr int kRate = 16000;

void put32(QByteArray &b, quint32 v)
{
    char le[4];
    qToLittleEndian(v, le);
    b.append(le, 4);
}

void put16(QByteArray &b, quint16 v)
{
    char le[2];
    qToLittleEndian(v, le);
    b.append(le, 2);
}

} // namespace

QByteArray Ringer::ringWav()
{
    // 0.4 s on, 0.2 s off, 0.4 s on, 2 s off: 3 s a ring.
    QByteArray pcm;
    const int samples = 3 * kRate;
    pcm.reserve(samples * 2);
    for (int i = 0; i < samples; ++i) {
        const double t = double(i) / kRate;
        const bool on = t < 0.4 || (t >= 0.6 && t < 1.0);
        const double v = on ? 0.25 * (std::sin(2 * M_PI * 440 * t) + std::sin(2 * M_PI * 480 * t)) : 0.0;
        put16(pcm, quint16(qint16(std::lround(v * 32767 * 0.5))));
    }
    QByteArray wav("RIFF");
    put32(wav, quint32(36 + pcm.size()));
    wav += "WAVEfmt ";
    put32(wav, 16);
    put16(wav, 1); // PCM
    put16(wav, 1); // mono
    put32(wav, kRate);
    put32(wav, kRate * 2);
    put16(wav, 2);
    put16(wav, 16);
    wav += "data";
    put32(wav, quint32(pcm.size()));
    return wav + pcm;
}

Ringer::Ringer(QObject *parent) : QObject(parent) { }

Ringer::~Ringer() = default;

void Ringer::start(const QByteArray &speakerId)
{
    if (m_ringing)
        return;
    m_ringing = true;
    if (!m_effect) {
        const QString path = m_dir.filePath(QStringLiteral("ring.wav"));
        QFile file(path);
        if (!m_dir.isValid() || !file.open(QIODevice::WriteOnly) || file.write(ringWav()) < 0)
            return; // no sound: the notice and the notification still say it
        file.close();
        m_effect = new QSoundEffect(this);
        m_effect->setSource(QUrl::fromLocalFile(path));
        m_effect->setLoopCount(QSoundEffect::Infinite);
    }
    m_effect->setAudioDevice(Headset::speaker(speakerId));
    m_effect->play();
}

void Ringer::stop()
{
    m_ringing = false;
    if (m_effect)
        m_effect->stop();
}

} // namespace tierdesk::ui
