#include "core/store/Store.h"

namespace tierdesk {

Store::Store(std::unique_ptr<Database> db)
    : m_db(std::move(db)), m_companies(*m_db), m_agents(*m_db), m_aiProviders(*m_db), m_canned(*m_db),
      m_connectors(*m_db), m_customers(*m_db), m_sessions(*m_db), m_dialogues(*m_db), m_audit(*m_db), m_kb(*m_db),
      m_nluModels(*m_db), m_analytics(*m_db), m_ratings(*m_db), m_mentions(*m_db), m_settings(*m_db), m_webhooks(*m_db),
      m_batch(*m_db)
{
    // The repositories that cache rows read them again after any undone write.
    QObject::connect(&m_batch, &WriteBatch::writesUndone, &m_batch, [this] {
        m_customers.dropCached();
        m_dialogues.dropCached();
    });
}

Result<std::unique_ptr<Store>> Store::open(const QString &path, const DatabaseOptions &options)
{
    auto db = Database::open(path, options);
    if (!db)
        return db.error();
    std::unique_ptr<Store> store(new Store(std::move(db.value())));
    if (path != QLatin1String(":memory:"))
        store->m_checkpointer = std::make_unique<Checkpointer>(path);
    return store;
}

Result<std::unique_ptr<Store>> Store::openPostgres(
    const DatabaseUrl &url, const DatabaseOptions &options, const QString &password)
{
    auto db = Database::openPostgres(url, options, password);
    if (!db)
        return db.error();
    std::unique_ptr<Store> store(new Store(std::move(db.value())));
    store->m_reconnector = std::make_unique<StoreReconnector>(*store->m_db, store->m_batch);
    // Other instances wrote while this one could not read: its cached rows may be old.
    QObject::connect(store->m_reconnector.get(), &StoreReconnector::reconnected, &store->m_batch, [s = store.get()] {
        s->m_customers.dropCached();
        s->m_dialogues.dropCached();
    });
    return store;
}

} // namespace tierdesk
