#pragma once

#include "core/common/Result.h"
#include "core/common/SecretSealer.h"
#include "core/domain/Connector.h"
#include "core/store/Database.h"

namespace tierdesk {

// The connectors and connector_calls tables. A connector's secret and webhook secret are
// sealed with the store's sealer before they are written and opened when read (one that
// can no longer be opened reads back empty, as a provider's key does). Of each connector's
// calls the last kMaxCallsKept are kept: when, what for, how it went; never a body or a secret.
class ConnectorRepo {
public:
    static constexpr int kMaxCallsKept = 1000;

    explicit ConnectorRepo(Database &db) : m_db(db) { }

    // Stores `c` under its name: *created says whether it is new (a replaced one keeps its createdAt).
    Status put(const Connector &c, const SecretSealer &sealer, bool *created);
    QList<Connector> list(const QString &companyId, const SecretSealer &sealer);
    std::optional<Connector> find(const QString &companyId, const QString &name, const SecretSealer &sealer);
    Status remove(const QString &companyId, const QString &name); // NotFound when there was none; its calls go too
    int count(const QString &companyId);

    Status recordCall(const QString &companyId, const QString &connector, const ConnectorCall &call);
    // Newest first.
    QList<ConnectorCall> calls(const QString &companyId, const QString &connector, int limit);

private:
    Connector read(const QSqlQuery &q, const QString &companyId, const SecretSealer &sealer) const;
    Status write(const Connector &c, const QString &sealedSecret, const QString &sealedWebhookSecret, bool exists);

    Database &m_db;
};

} // namespace tierdesk
