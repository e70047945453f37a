#include "core/integrations/SecretStore.h"

#include "core/common/Ids.h"

#include <QDir>

namespace tierdesk {

namespace {

// A write followed by a read proves the keyring exists, is unlocked and keeps data.
bool probe(SecretStore &store, QString *why)
{
    const QString key = QStringLiteral("probe");
    const QByteArray value = ids::randomHex(8);
    const Status w = store.write(key, value);
    if (!w) {
        *why = w.error().message;
        return false;
    }
    const Result<QByteArray> r = store.read(key);
    if (!r) {
        *why = r.error().message;
        return false;
    }
    if (*r != value) {
        *why = QStringLiteral("the keyring returned a different value");
        return false;
    }
    return true;
}

} // namespace

std::unique_ptr<SecretStore> openSecretStore(std::unique_ptr<SecretStore> keyring, const QString &dataDir,
                                             QString *warning)
{
    QString why;
    if (keyring && probe(*keyring, &why)) {
        if (warning)
            warning->clear();
        return keyring;
    }
    auto file = std::make_unique<FileSecretStore>(QDir(dataDir).filePath(QStringLiteral("secrets.json")));
    if (warning) {
        *warning = QStringLiteral("No system keyring is available (%1), so secrets are kept in %2, readable only by you.")
                       .arg(why.isEmpty() ? QStringLiteral("none configured") : why,
                            QDir::toNativeSeparators(file->path()));
    }
    return file;
}

std::unique_ptr<SecretStore> openSecretStore(const QString &dataDir, const QString &serviceName, QString *warning)
{
    return openSecretStore(std::make_unique<KeychainSecretStore>(serviceName), dataDir, warning);
}

} // namespace tierdesk
