#include "core/voice/StereoWavFile.h"

#include <QDir>
#include <QFileInfo>
#include <QtEndian>

namespace tierdesk::voice {
namespace {

void putLe32(QByteArray &out, int at, quint32 v)
{
    qToLittleEndian<quint32>(v, out.data() + at);
}

Error fileError(const QFile &file, const QString &what)
{
    return makeError(
        ErrorKind::Unavailable, QStringLiteral("%1 %2: %3").arg(what, file.fileName(), file.errorString()));
}

} // namespace

QByteArray StereoWavFile::header(quint32 dataBytes)
{
    QByteArray h(kHeaderBytes, '\0');
    h.replace(0, 4, "RIFF");
    putLe32(h, 4, 36 + dataBytes);
    h.replace(8, 8, "WAVEfmt ");
    putLe32(h, 16, 16); // the fmt chunk's size
    qToLittleEndian<quint16>(1, h.data() + 20); // PCM
    qToLittleEndian<quint16>(kChannels, h.data() + 22);
    putLe32(h, 24, kSampleRate);
    putLe32(h, 28, kSampleRate * kBytesPerFrame);
    qToLittleEndian<quint16>(kBytesPerFrame, h.data() + 32);
    qToLittleEndian<quint16>(16, h.data() + 34);
    h.replace(36, 4, "data");
    putLe32(h, 40, dataBytes);
    return h;
}

QByteArray StereoWavFile::interleave(const Pcm &left, const Pcm &right)
{
    const size_t frames = std::max(left.size(), right.size());
    QByteArray out(qsizetype(frames * kBytesPerFrame), Qt::Uninitialized);
    char *p = out.data();
    for (size_t i = 0; i < frames; ++i, p += kBytesPerFrame) {
        qToLittleEndian<qint16>(i < left.size() ? left[i] : 0, p);
        qToLittleEndian<qint16>(i < right.size() ? right[i] : 0, p + 2);
    }
    return out;
}

Status StereoWavFile::open(const QString &path)
{
    close();
    m_dataBytes = 0;
    const QString dir = QFileInfo(path).absolutePath();
    if (!QDir().mkpath(dir))
        return makeError(ErrorKind::Unavailable, QStringLiteral("cannot make the folder %1").arg(dir));
    // Private, like the data directory holding it (the folder above is made so by its owner).
    QFile::setPermissions(dir, QFile::ReadOwner | QFile::WriteOwner | QFile::ExeOwner);
    m_file.setFileName(path);
    if (!m_file.open(QIODevice::WriteOnly | QIODevice::Truncate))
        return fileError(m_file, QStringLiteral("cannot create"));
    m_file.setPermissions(QFile::ReadOwner | QFile::WriteOwner);
    if (m_file.write(header(0)) != kHeaderBytes || !m_file.flush())
        return fileError(m_file, QStringLiteral("cannot write"));
    return Ok{};
}

Status StereoWavFile::append(const QByteArray &interleaved)
{
    if (!m_file.isOpen())
        return makeError(ErrorKind::Internal, QStringLiteral("the recording is not open"));
    const qint64 room = kMaxBytes - bytes();
    const QByteArray part = interleaved.size() > room ? interleaved.left(room - room % kBytesPerFrame) : interleaved;
    if (part.isEmpty())
        return Ok{};
    if (!m_file.seek(bytes()) || m_file.write(part) != part.size())
        return fileError(m_file, QStringLiteral("cannot write"));
    m_dataBytes += part.size();
    return patchHeader();
}

Status StereoWavFile::patchHeader()
{
    const QByteArray h = header(quint32(m_dataBytes));
    // RIFF's size at 4, data's at 40: what a player reads to know how long the recording is.
    if (!m_file.seek(4) || m_file.write(h.mid(4, 4)) != 4 || !m_file.seek(40) || m_file.write(h.mid(40, 4)) != 4)
        return fileError(m_file, QStringLiteral("cannot write"));
    if (!m_file.flush())
        return fileError(m_file, QStringLiteral("cannot write"));
    return Ok{};
}

} // namespace tierdesk::voice
