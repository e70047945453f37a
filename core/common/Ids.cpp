#include "core/common/Ids.h"

#include <QList>
#include <QRandomGenerator>
#include <QUuid>

#include <algorithm>

namespace tierdesk::ids {

namespace {

// The system generator's bytes, drawn 4 KiB at a time per thread: ids are made on
// every message, and each draw is a system call.
class RandomBytes {
public:
    QByteArray take(int bytes)
    {
        if (bytes > kPool)
            return draw(bytes);
        if (m_used + bytes > m_pool.size()) {
            m_pool = draw(kPool);
            m_used = 0;
        }
        const QByteArray out = m_pool.mid(m_used, bytes);
        // Bytes handed out are not kept: a later dump of this memory shows no old id.
        std::fill(m_pool.begin() + m_used, m_pool.begin() + m_used + bytes, '\0');
        m_used += bytes;
        return out;
    }

private:
    static constexpr int kPool = 4096;
    static QByteArray draw(int bytes)
    {
        QList<quint32> words((bytes + 3) / 4);
        QRandomGenerator::system()->fillRange(words.data(), words.size());
        return QByteArray(reinterpret_cast<const char *>(words.constData()), bytes);
    }

    QByteArray m_pool;
    int m_used = 0;
};

} // namespace

QByteArray randomHex(int bytes)
{
    thread_local RandomBytes random; // per thread: no lock, and one system call per 4 KiB of ids
    return random.take(bytes).toHex();
}

QString random(const QString &prefix)
{
    return prefix + QString::fromLatin1(randomHex(16));
}

QString uuid()
{
    return QUuid::createUuid().toString(QUuid::WithoutBraces);
}

} // namespace tierdesk::ids
