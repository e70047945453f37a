#pragma once

#include "core/common/Result.h"

#include <QByteArray>
#include <QMutex>
#include <QString>

#include <memory>

namespace tierdesk {

// Secrets (JWT signing key, webhook secrets, provider keys) go only through here,
// never into settings or the database.
class SecretStore
{
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
class KeychainSecretStore final : public SecretStore
{
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
class FileSecretStore final : public SecretStore
{
public:
    explicit FileSecretStore(QString path);
    Result<QByteArray> read(const QString &key) override;
    Status write(const QString &key, const QByteArray &value) override;
    QString description() const override;
    QString path() const { return m_path; }

private:
    QString m_path;
    QMutex m_mutex;
};

// Uses the system keyring if a probe write/read succeeds; otherwise returns a
// FileSecretStore in dataDir and sets *warning to one sentence saying where the
// secrets are kept instead.
std::unique_ptr<SecretStore> openSecretStore(const QString &dataDir, const QString &serviceName, QString *warning);

// The decision itself, with the keyring store injected (tests pass a failing fake).
std::unique_ptr<SecretStore> openSecretStore(std::unique_ptr<SecretStore> keyring, const QString &dataDir,
                                             QString *warning);

} // namespace tierdesk
