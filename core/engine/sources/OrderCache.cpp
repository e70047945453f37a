#include "core/engine/sources/OrderCache.h"

#include <algorithm>

namespace tierdesk {

QString OrderCache::key(const QString &companyId, const QString &source, const QString &what)
{
    return companyId + QLatin1Char('\n') + source + QLatin1Char('\n') + what;
}

template <typename T> void OrderCache::prune(QHash<QString, Entry<T>> &entries, qint64 nowMs)
{
    if (entries.size() < kMaxEntries)
        return;
    entries.removeIf([nowMs](const auto &e) { return nowMs - e.value().at >= kKeepMs; });
    if (entries.size() < kMaxEntries)
        return;
    QList<qint64> times;
    for (const auto &e : std::as_const(entries))
        times << e.at;
    std::nth_element(times.begin(), times.begin() + times.size() / 2, times.end());
    const qint64 median = times.at(times.size() / 2);
    entries.removeIf([median](const auto &e) { return e.value().at <= median; });
}

std::optional<OrderLookup> OrderCache::order(
    const QString &companyId, const QString &source, const QString &number, qint64 nowMs) const
{
    const auto it = m_orders.constFind(key(companyId, source, number));
    if (it == m_orders.constEnd() || nowMs - it->at >= kKeepMs || nowMs < it->at)
        return std::nullopt;
    OrderLookup kept = it->lookup;
    kept.sent = false; // not asked again: nothing to log
    kept.latencyMs = 0;
    return kept;
}

void OrderCache::keep(const QString &companyId, const QString &number, const OrderLookup &lookup, qint64 nowMs)
{
    if (lookup.state == OrderLookup::State::Failed)
        return;
    prune(m_orders, nowMs);
    m_orders.insert(key(companyId, lookup.source, number), {lookup, nowMs});
}

std::optional<OrdersLookup> OrderCache::ordersOf(
    const QString &companyId, const QString &source, const QString &customerId, qint64 nowMs) const
{
    const auto it = m_lists.constFind(key(companyId, source, customerId));
    if (it == m_lists.constEnd() || nowMs - it->at >= kKeepMs || nowMs < it->at)
        return std::nullopt;
    OrdersLookup kept = it->lookup;
    kept.sent = false;
    kept.latencyMs = 0;
    return kept;
}

void OrderCache::keep(const QString &companyId, const QString &customerId, const OrdersLookup &lookup, qint64 nowMs)
{
    if (lookup.state == OrderLookup::State::Failed)
        return;
    prune(m_lists, nowMs);
    m_lists.insert(key(companyId, lookup.source, customerId), {lookup, nowMs});
}

} // namespace tierdesk
