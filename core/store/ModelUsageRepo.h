#pragma once

#include "core/common/Result.h"
#include "core/domain/ModelUsage.h"
#include "core/store/Database.h"

namespace tierdesk {

// What the language models cost (model_usage: a row per reply message or assist answer that called
// one) and what seed 002's /api/query answered (api_queries). Analytics read model_usage through
// their facts (AnalyticsRepo); /api/metrics reads both here.
class ModelUsageRepo {
public:
    explicit ModelUsageRepo(Database &db) : m_db(db) { }
    // Nothing is written for a usage that called no model.
    Status record(const ModelUsage &usage);
    // A reply message's calls (`tier`: the tier it was written as), the company read from its session.
    Status recordReply(
        const QString &sessionId, const QString &messageId, const QString &tier, const ModelCharge &charge, qint64 at);
    Status recordQuery(const AnsweredQuery &query);
    // The company's queries answered in [fromMs, toMs], with their replies' cost.
    Result<QueryTotals> queryTotals(const QString &companyId, qint64 fromMs, qint64 toMs);

private:
    Database &m_db;
};

} // namespace tierdesk
