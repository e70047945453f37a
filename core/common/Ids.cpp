#include "core/common/Ids.h"

#include <QList>
#include <QRandomGenerator>
#include <QUuid>

namespace tierdesk::ids {

QByteArray randomHex(int bytes)
{
    // One draw from the system generator for all the bytes: ids are made on
    // every message, and each draw may be a system call.
    QList<quint32> words((bytes + 3) / 4);
    QRandomGenerator::system()->fillRange(words.data(), words.size());
    const QByteArray raw(reinterpret_cast<const char *>(words.constData()), bytes);
    return raw.toHex();
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
