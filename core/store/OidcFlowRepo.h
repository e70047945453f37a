#pragma once

#include "core/common/Result.h"
#include "core/domain/OidcSettings.h"
#include "core/store/Database.h"

#include <optional>

namespace tierdesk {

// The oidc_flows table (migration 37): sign-ins under way, by state, any instance of a team
// finishing them. A flow is taken once: of two takers (two callbacks, two instances) only the one
// whose DELETE removed the row gets it.
class OidcFlowRepo {
public:
    explicit OidcFlowRepo(Database &db) : m_db(db) { }

    Status insert(const OidcFlow &flow);
    // The flow of `state`, removed; none when unknown, taken already or expired at `nowMs`.
    std::optional<OidcFlow> take(const QString &state, qint64 nowMs);
    // Flows expired at `nowMs` removed; how many.
    int removeExpired(qint64 nowMs);
    // Flows of the company not yet expired.
    int pending(const QString &companyId, qint64 nowMs);

private:
    Database &m_db;
};

} // namespace tierdesk
