#include "core/api/agent/QueryCache.h"

namespace tierdesk::api {

QString QueryCache::key(const QString &company, const QString &customer, const QString &query)
{
    return company + QLatin1Char('\n') + customer + QLatin1Char('\n') + query.simplified().toLower();
}

std::optional<QJsonObject> QueryCache::find(
    const QString &company, const QString &customer, const QString &query, qint64 nowMs)
{
    const auto it = m_entries.find(key(company, customer, query));
    if (it == m_entries.end())
        return std::nullopt;
    if (nowMs - it->storedAtMs > kMaxAgeMs) {
        m_entries.erase(it);
        return std::nullopt;
    }
    return it->answer;
}

void QueryCache::store(
    const QString &company, const QString &customer, const QString &query, const QJsonObject &answer, qint64 nowMs)
{
    if (query.size() > kMaxQueryChars)
        return;
    const QString k = key(company, customer, query);
    if (!m_entries.contains(k) && m_entries.size() >= kMaxEntries)
        evictOldest();
    m_entries.insert(k, Entry{answer, nowMs});
}

// A linear scan: the cache is small and full only under steady load of distinct queries.
void QueryCache::evictOldest()
{
    auto oldest = m_entries.begin();
    for (auto it = m_entries.begin(); it != m_entries.end(); ++it)
        if (it->storedAtMs < oldest->storedAtMs)
            oldest = it;
    if (oldest != m_entries.end())
        m_entries.erase(oldest);
}

} // namespace tierdesk::api
