#pragma once

#include "core/engine/sources/OrderSource.h"

#include <QHash>

#include <optional>

namespace tierdesk {

// What a company's order source said lately, kept at most a minute (by the engine's clock)
// per company, source and order number, and per customer for their recent orders. A failure
// is never kept: the next turn asks again. Engine thread only.
class OrderCache {
public:
    static constexpr qint64 kKeepMs = 60 * 1000;
    static constexpr int kMaxEntries = 20000; // past it, what has expired goes, then the oldest half

    std::optional<OrderLookup> order(
        const QString &companyId, const QString &source, const QString &number, qint64 nowMs) const;
    void keep(const QString &companyId, const QString &number, const OrderLookup &lookup, qint64 nowMs);
    std::optional<OrdersLookup> ordersOf(
        const QString &companyId, const QString &source, const QString &customerId, qint64 nowMs) const;
    void keep(const QString &companyId, const QString &customerId, const OrdersLookup &lookup, qint64 nowMs);

private:
    template <typename T> struct Entry {
        T lookup;
        qint64 at = 0;
    };
    static QString key(const QString &companyId, const QString &source, const QString &what);
    template <typename T> static void prune(QHash<QString, Entry<T>> &entries, qint64 nowMs);

    QHash<QString, Entry<OrderLookup>> m_orders;
    QHash<QString, Entry<OrdersLookup>> m_lists;
};

} // namespace tierdesk
