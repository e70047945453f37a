#include "core/api/cs/Runtime.h"

#include "core/api/auth/SigningKey.h"
#include "core/integrations/SecretBox.h"

#include <QCryptographicHash>
#include <QDir>
#include <QStandardPaths>

namespace tierdesk::api {

Runtime::~Runtime()
{
    if (m_store)
        m_store->batch().flush();
}

QString Runtime::defaultDataDir()
{
    const QString env = qEnvironmentVariable("TIERDESK_DATA_DIR");
    if (!env.isEmpty())
        return env;
    return QStandardPaths::writableLocation(QStandardPaths::AppDataLocation);
}

Result<std::unique_ptr<Runtime>> Runtime::open(const QString &dataDir, const Clock &clock)
{
    std::unique_ptr<Runtime> rt(new Runtime);
    // The directory (0700), its lock, and the files already in it (0600).
    auto dir = DataDir::open(dataDir);
    if (!dir)
        return dir.error();
    rt->m_dir = std::move(dir.value());
    rt->m_dataDir = rt->m_dir->path();
    rt->m_settings = AppSettings(rt->m_dataDir + QStringLiteral("/tierdesk.ini"));

    // One keyring entry per data directory, so two installations never share a key.
    const QByteArray dirHash = QCryptographicHash::hash(rt->m_dataDir.toUtf8(), QCryptographicHash::Sha256).toHex().left(12);
    rt->m_secrets = openSecretStore(rt->m_dataDir, QStringLiteral("Tierdesk-") + QString::fromLatin1(dirHash),
                                    &rt->m_secretsWarning);
    auto key = loadOrCreateSigningKey(*rt->m_secrets);
    if (!key)
        return makeError(ErrorKind::Internal, QStringLiteral("cannot load the token signing key: ") + key.error().message);

    DatabaseOptions storage;
    storage.synchronousFull = rt->m_settings.boolValue(settings::StorageSynchronousFull);
    storage.startupCheckMs = qBound(0, rt->m_settings.intValue(settings::StorageStartupCheckSeconds), 3600) * 1000;
    auto store = Store::open(rt->m_dir->filePath(DataDir::kDatabase), storage);
    if (!store)
        return store.error();
    rt->m_store = std::move(store.value());
    // Webhook secrets are sealed in the database under a data key kept with the signing key.
    const auto box = SecretBox::loadOrCreate(*rt->m_secrets, QString::fromLatin1(kWebhookDataKeyName));
    if (!box)
        return makeError(ErrorKind::Internal, QStringLiteral("cannot load the webhook data key: ") + box.error().message);
    if (const auto sealed = rt->m_store->webhooks().setSecretBox(*box); !sealed)
        return sealed.error();
    if (rt->m_store->kb().count(QString()) == 0) {
        rt->m_store->batch().run([&] { return rt->m_store->kb().importDefaults(clock.nowMs()) > 0; });
        rt->m_store->batch().flush();
    }
    rt->m_engine = std::make_unique<SessionEngine>(*rt->m_store, clock);
    rt->m_auth = std::make_unique<Authenticator>(key.value(), clock);
    return rt;
}

} // namespace tierdesk::api
