#include "core/engine/sources/CustomerCache.h"

#include <algorithm>

namespace tierdesk {

QString CustomerCache::key(const QString &companyId, const QString &source, const QString &customerId)
{
    return companyId + QLatin1Char('\n') + source + QLatin1Char('\n') + customerId;
}

std::optional<CustomerLookup> CustomerCache::find(
    const QString &companyId, const QString &source, const QString &customerId, qint64 nowMs) const
{
    const auto it = m_entries.constFind(key(companyId, source, customerId));
    if (it == m_entries.constEnd() || nowMs - it->at >= kKeepMs || nowMs < it->at)
        return std::nullopt;
    CustomerLookup kept = it->lookup;
    kept.sent = false; // not asked again: nothing to log
    kept.latencyMs = 0;
    return kept;
}

void CustomerCache::keep(
    const QString &companyId, const QString &customerId, const CustomerLookup &lookup, qint64 nowMs)
{
    if (lookup.state == CustomerLookup::State::Failed)
        return;
    prune(nowMs);
    m_entries.insert(key(companyId, lookup.source, customerId), {lookup, nowMs});
}

void CustomerCache::prune(qint64 nowMs)
{
    if (m_entries.size() < kMaxEntries)
        return;
    m_entries.removeIf([nowMs](const auto &e) { return nowMs - e.value().at >= kKeepMs; });
    if (m_entries.size() < kMaxEntries)
        return;
    QList<qint64> times;
    for (const Entry &e : std::as_const(m_entries))
        times << e.at;
    std::nth_element(times.begin(), times.begin() + times.size() / 2, times.end());
    const qint64 median = times.at(times.size() / 2);
    m_entries.removeIf([median](const auto &e) { return e.value().at <= median; });
}

} // namespace tierdesk
