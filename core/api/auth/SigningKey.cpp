#include "core/api/auth/SigningKey.h"

#include "core/integrations/SecretStore.h"

#include <QRandomGenerator>

#include <array>

namespace tierdesk {

Result<QByteArray> loadOrCreateSigningKey(SecretStore &store)
{
    const QString name = QString::fromLatin1(kSigningKeyName);
    const Result<QByteArray> existing = store.read(name);
    if (existing) {
        if (existing->size() < kSigningKeyBytes)
            return makeError(ErrorKind::Internal,
                QStringLiteral("the stored JWT signing key in %1 is too short").arg(store.description()));
        return existing;
    }
    if (existing.error().kind != ErrorKind::NotFound)
        return existing.error();

    std::array<quint32, kSigningKeyBytes / 4> words{};
    QRandomGenerator::system()->fillRange(words.data(), words.size());
    const QByteArray key(reinterpret_cast<const char *>(words.data()), kSigningKeyBytes);
    const Status written = store.write(name, key);
    if (!written)
        return written.error();
    return key;
}

} // namespace tierdesk
