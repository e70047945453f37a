#pragma once

#include "core/common/Result.h"
#include "core/common/SecretSealer.h"
#include "core/domain/OidcSettings.h"
#include "core/store/Database.h"

#include <optional>

namespace tierdesk {

// The oidc_settings table (migration 37): one row per company, its client secret sealed with the
// store's sealer before it is written and opened when read (one that cannot be opened reads empty).
class OidcSettingsRepo {
public:
    explicit OidcSettingsRepo(Database &db) : m_db(db) { }

    Status put(const OidcSettings &s, const SecretSealer &sealer);
    std::optional<OidcSettings> find(const QString &companyId, const SecretSealer &sealer);
    Result<bool> remove(const QString &companyId); // whether there was one

private:
    Database &m_db;
};

} // namespace tierdesk
