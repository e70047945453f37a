#include "core/api/auth/VisitorSecret.h"

#include "core/integrations/WebhookSigner.h"

#include <QCryptographicHash>
#include <QList>
#include <QRandomGenerator>

namespace tierdesk {

IssuedVisitorSecret VisitorSecret::issue()
{
    QList<quint32> words(8); // 256 bits
    QRandomGenerator::system()->fillRange(words.data(), words.size());
    const QByteArray random(reinterpret_cast<const char *>(words.constData()), words.size() * 4);
    IssuedVisitorSecret out;
    out.secret = "tdv_" + random.toBase64(QByteArray::Base64UrlEncoding | QByteArray::OmitTrailingEquals);
    out.hashHex = hashOf(out.secret);
    return out;
}

QByteArray VisitorSecret::hashOf(const QByteArray &secret)
{
    return QCryptographicHash::hash(secret, QCryptographicHash::Sha256).toHex();
}

bool VisitorSecret::matches(const QByteArray &presented, const QByteArray &storedHashHex)
{
    if (presented.isEmpty() || presented.size() > kMaxSecretBytes || storedHashHex.isEmpty())
        return false;
    return constantTimeEquals(hashOf(presented), storedHashHex.toLower());
}

} // namespace tierdesk
