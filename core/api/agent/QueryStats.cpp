#include "core/api/agent/QueryStats.h"

namespace tierdesk::api {

void QueryStats::record(const QString &company, qint64 atMs, const Query &query)
{
    QMap<qint64, Totals> &hours = m_hours[company];
    Totals &t = hours[atMs - atMs % kHourMs];
    ++t.queries;
    t.cacheHits += query.cached ? 1 : 0;
    t.responseTimeMsTotal += query.responseTimeMs;
    ++t.byModel[query.model];
    const double cost = query.cached ? 0.0 : query.costUsd;
    t.costUsd += cost;
    t.costByModel[query.model] += cost;
    const qint64 oldest = atMs - qint64(kKeepHours) * kHourMs;
    while (!hours.isEmpty() && hours.firstKey() < oldest)
        hours.erase(hours.begin());
}

QueryStats::Totals QueryStats::totals(const QString &company, qint64 startMs, qint64 endMs) const
{
    Totals sum;
    const auto found = m_hours.constFind(company);
    if (found == m_hours.cend())
        return sum;
    for (auto it = found->lowerBound(startMs - startMs % kHourMs); it != found->cend() && it.key() <= endMs; ++it) {
        sum.queries += it->queries;
        sum.cacheHits += it->cacheHits;
        sum.responseTimeMsTotal += it->responseTimeMsTotal;
        for (auto m = it->byModel.cbegin(); m != it->byModel.cend(); ++m)
            sum.byModel[m.key()] += m.value();
        sum.costUsd += it->costUsd;
        for (auto m = it->costByModel.cbegin(); m != it->costByModel.cend(); ++m)
            sum.costByModel[m.key()] += m.value();
    }
    return sum;
}

} // namespace tierdesk::api
