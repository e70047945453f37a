#include "core/common/Ids.h"

#include <QRandomGenerator>
#include <QUuid>

namespace tierdesk::ids {

QByteArray randomHex(int bytes)
{
    QByteArray raw(bytes, Qt::Uninitialized);
    auto *rng = QRandomGenerator::system();
    for (int i = 0; i < bytes; ++i)
        raw[i] = static_cast<char>(rng->bounded(256));
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
