#pragma once

#include "core/common/Result.h"
#include "core/common/SecretSealer.h"
#include "core/domain/AiProvider.h"
#include "core/store/Database.h"

namespace tierdesk {

// The ai_providers table. Keys are sealed with the store's sealer before they are
// written and opened when read; a key that can no longer be opened (the data key
// changed) reads back empty, and the provider then answers 401 until it is re-added.
class AiProviderRepo {
public:
    explicit AiProviderRepo(Database &db) : m_db(db) { }

    Status insert(const AiProvider &provider, const SecretSealer &sealer); // Conflict when the name is taken
    QList<AiProvider> list(const QString &companyId, const SecretSealer &sealer);
    std::optional<AiProvider> find(const QString &companyId, const QString &name, const SecretSealer &sealer);
    Status remove(const QString &companyId, const QString &name); // NotFound when there was none
    // Its prices (priceInput, priceOutput and each model's); NotFound when there is none.
    Status updatePrices(const AiProvider &provider);
    int count(const QString &companyId);

private:
    AiProvider read(const QSqlQuery &q, const QString &companyId, const SecretSealer &sealer) const;

    Database &m_db;
};

} // namespace tierdesk
