#pragma once

#include "core/engine/sources/CustomerSource.h"

#include <QHash>

#include <optional>

namespace tierdesk {

// What a company's `customer` connector said of a customer lately, kept at most a minute (by the
// engine's clock) per company, connector and customer id. A failure is never kept: the next turn
// asks again. Engine thread only.
class CustomerCache {
public:
    static constexpr qint64 kKeepMs = 60 * 1000;
    static constexpr int kMaxEntries = 20000; // past it, what has expired goes, then the oldest half

    std::optional<CustomerLookup> find(
        const QString &companyId, const QString &source, const QString &customerId, qint64 nowMs) const;
    void keep(const QString &companyId, const QString &customerId, const CustomerLookup &lookup, qint64 nowMs);

private:
    struct Entry {
        CustomerLookup lookup;
        qint64 at = 0;
    };
    static QString key(const QString &companyId, const QString &source, const QString &customerId);
    void prune(qint64 nowMs);

    QHash<QString, Entry> m_entries;
};

} // namespace tierdesk
