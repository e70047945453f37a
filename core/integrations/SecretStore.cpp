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

QString secretsFile(const QString &dataDir)
{
    return QDir(dataDir).filePath(QStringLiteral("secrets.json"));
}

// Whether the file holds at least one secret (an unreadable file counts: it
// may hold the only copy of a key, so it must not be bypassed either).
bool fileHoldsSecrets(FileSecretStore &file)
{
    const Result<QStringList> keys = file.keys();
    return !keys.ok() || !keys->isEmpty();
}

QString where(const FileSecretStore &file)
{
    return QDir::toNativeSeparators(file.path());
}

const char kNoDefaultCollection[] = "the system keyring has no default collection";

} // namespace

std::unique_ptr<SecretStore> openSecretStore(
    std::unique_ptr<SecretStore> keyring, const QString &dataDir, QString *warning, SecretServiceState state)
{
    auto file = std::make_unique<FileSecretStore>(secretsFile(dataDir));
    QString message;
    if (fileHoldsSecrets(*file)) {
        message = state == SecretServiceState::HasDefaultCollection
            ? QStringLiteral("Secrets are kept in %1, readable only by you. A system keyring is available "
                             "now: move them into it from Settings.")
            : QStringLiteral("Secrets are kept in %1, readable only by you (no system keyring was available "
                             "when they were created).");
        message = message.arg(where(*file));
    } else if (state == SecretServiceState::NoDefaultCollection) {
        // Not even a probe: any write through QtKeychain makes gnome-keyring ask for a new keyring.
        message = QStringLiteral("No system keyring is available (%1, and using it would ask you to create one at "
                                 "every start), so secrets are kept in %2, readable only by you. Once you have a "
                                 "default keyring, move them into it from Settings.")
                      .arg(QLatin1String(kNoDefaultCollection), where(*file));
    } else {
        QString why;
        if (keyring && probe(*keyring, &why)) {
            if (warning)
                warning->clear();
            return keyring;
        }
        message
            = QStringLiteral("No system keyring is available (%1), so secrets are kept in %2, readable only by you.")
                  .arg(why.isEmpty() ? QStringLiteral("none configured") : why, where(*file));
    }
    if (warning)
        *warning = message;
    return file;
}

std::unique_ptr<SecretStore> openSecretStore(const QString &dataDir, const QString &serviceName, QString *warning)
{
    return openSecretStore(std::make_unique<KeychainSecretStore>(serviceName), dataDir, warning, probeSecretService());
}

Result<int> migrateFileSecretsToKeyring(FileSecretStore &file, SecretStore &keyring)
{
    const Result<QStringList> keys = file.keys();
    if (!keys)
        return keys.error();
    for (const QString &key : *keys) {
        const Result<QByteArray> value = file.read(key);
        if (!value)
            return value.error();
        if (const Status w = keyring.write(key, *value); !w)
            return makeError(
                ErrorKind::Internal, QStringLiteral("cannot move %1 into the keyring: %2").arg(key, w.error().message));
        const Result<QByteArray> back = keyring.read(key);
        if (!back || *back != *value)
            return makeError(ErrorKind::Internal,
                QStringLiteral("the keyring did not keep %1; the secrets stay in %2").arg(key, where(file)));
    }
    if (const Status removed = file.removeFile(); !removed)
        return removed.error();
    return static_cast<int>(keys->size());
}

Result<int> migrateFileSecretsToKeyring(const QString &dataDir, const QString &serviceName)
{
    if (probeSecretService() == SecretServiceState::NoDefaultCollection)
        return makeError(ErrorKind::Conflict,
            QStringLiteral("%1: create one first (GNOME: Passwords and Keys), then move the secrets")
                .arg(QLatin1String(kNoDefaultCollection)));
    KeychainSecretStore keyring(serviceName);
    if (QString why; !probe(keyring, &why))
        return makeError(ErrorKind::Conflict, QStringLiteral("the system keyring cannot be used: ") + why);
    FileSecretStore file(secretsFile(dataDir));
    return migrateFileSecretsToKeyring(file, keyring);
}

} // namespace tierdesk
