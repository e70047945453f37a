#include "core/engine/knowledge/FetchedPage.h"

#include <QCryptographicHash>

namespace tierdesk {

QString FetchedPage::contentHash() const
{
    QCryptographicHash h(QCryptographicHash::Sha256);
    h.addData(title.toUtf8());
    h.addData(QByteArrayView("\n", 1));
    h.addData(keywords.toUtf8());
    h.addData(QByteArrayView("\n", 1));
    h.addData(text.toUtf8());
    return QString::fromLatin1(h.result().toHex().left(32));
}

} // namespace tierdesk
