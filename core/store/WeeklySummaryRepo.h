#pragma once

#include "core/common/Result.h"
#include "core/store/Database.h"

namespace tierdesk {

// The weekly_summaries table: a row per company, week ("2026-W47") and person, claimed before the
// week's summary mail goes to that person, so that it goes once even with several servers.
class WeeklySummaryRepo {
public:
    explicit WeeklySummaryRepo(Database &db) : m_db(db) { }
    // True when this call claimed it; false when it was claimed before.
    Result<bool> claim(const QString &companyId, const QString &week, const QString &agentId, qint64 atMs);
    // Who had that week's summary claimed already.
    QStringList claimed(const QString &companyId, const QString &week);
    // Why the mail could not be sent (kept with the claim: a failed mail is not sent again by itself).
    Status setError(const QString &companyId, const QString &week, const QString &agentId, const QString &error);

private:
    Database &m_db;
};

} // namespace tierdesk
