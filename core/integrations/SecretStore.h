#pragma once

#include "core/common/Result.h"
#include "core/integrations/SecretServiceProbe.h"

#include <QByteArray>
#include <QMutex>
#include <QString>
#include <QStringList>

#include <memory>

namespace tierdesk {

// Secrets (JWT signing key, webhook secrets, provider keys) go only through here,
// never into settings or the database.
class SecretStore {
public:
    virtual ~SecretStore() = default;
    virtual Result<QByteArray> read(const QString &key) = 0; // ErrorKind::NotFound if absent
    virtual Status write(const QString &key, const QByteArray &value) = 0;
    virtual QString description() const = 0; // where the secrets live, for the user
};

// The system keyring through QtKeychain (Secret Service on Linux). Each call runs
// the job synchronously in a local event loop, bounded by timeoutMs, so a missing
// or hung backend cannot block the caller forever. That loop also runs other events
// of the calling thread, so read secrets at startup and cache them rather than
// calling this from request handlers.
class KeychainSecretStore final : public SecretStore {
public:
    // service is "Tierdesk" plus an optional namespace suffix (tests use their own).
    explicit KeychainSecretStore(QString service, int timeoutMs = 5000);
    Result<QByteArray> read(const QString &key) override;
    Status write(const QString &key, const QByteArray &value) override;
    Status remove(const QString &key);
    QString description() const override;
    QString service() const { return m_service; }

private:
    QString m_service;
    int m_timeoutMs;
};

// Fallback when no keyring is available: a JSON file readable only by the owner
// (0600), replaced atomically on every write.
class FileSecretStore final : public SecretStore {
public:
    explicit FileSecretStore(QString path);
    Result<QByteArray> read(const QString &key) override;
    Status write(const QString &key, const QByteArray &value) override;
    QString description() const override;
    QString path() const { return m_path; }
    Result<QStringList> keys(); // every stored key; none when the file does not exist
    Status removeFile(); // after the secrets were moved elsewhere

private:
    QString m_path;
    QMutex m_mutex;
};

// Where secrets go, decided in this order:
// 1. <dataDir>/secrets.json holds secrets: keep using it (switching to the keyring
//    would lose them) until migrateFileSecretsToKeyring() moves them;
// 2. the Secret Service runs without a default collection: the file, without
//    touching QtKeychain (gnome-keyring would ask for a new keyring at every start);
// 3. the system keyring if a probe write/read succeeds;
// 4. otherwise the file.
// Whenever the file is used, *warning gets a sentence saying where the secrets
// are and why (the console shows it); it is empty when the keyring is used.
std::unique_ptr<SecretStore> openSecretStore(const QString &dataDir, const QString &serviceName, QString *warning);

// The decision itself, with the keyring store and the Secret Service state
// injected (tests pass fakes). NotRunning goes straight to the probe.
std::unique_ptr<SecretStore> openSecretStore(std::unique_ptr<SecretStore> keyring, const QString &dataDir,
    QString *warning, SecretServiceState state = SecretServiceState::NotRunning);

// Copies every secret of the file into the keyring, reads each back, and only
// then deletes the file; on any failure the file stays as it was. Returns how
// many secrets moved.
Result<int> migrateFileSecretsToKeyring(FileSecretStore &file, SecretStore &keyring);

// The same for a data directory and its keyring service (what openSecretStore
// uses). Refused while the Secret Service has no default collection: create one
// first (GNOME: Passwords and Keys), since writing would prompt for it. Read
// openSecretStore again afterwards (the secrets now live in the keyring).
Result<int> migrateFileSecretsToKeyring(const QString &dataDir, const QString &serviceName);

} // namespace tierdesk
