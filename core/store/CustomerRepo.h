#pragma once

#include "core/common/Result.h"
#include "core/domain/Entities.h"
#include "core/store/Database.h"

#include <QCache>

#include <optional>

namespace tierdesk {

// The columns of a customer row as readCustomer() reads them (the store's customer queries share them).
extern const QString kCustomerColumns;
Customer readCustomer(const QSqlQuery &q);

// Customers, their orders, and the ledger of money and subscription changes.
// Customer rows are cached (every message reads its customer): this repository
// is the only writer of the table in the process, so each write drops its row.
// So are each customer's most recent orders (every message looks among them for
// the one it names); any order written drops them all.
class CustomerRepo {
public:
    explicit CustomerRepo(Database &db) : m_db(db), m_cached(kCachedCustomers) { }
    // After writes were undone (WriteBatch::writesUndone): rows are read anew.
    void dropCached()
    {
        m_cached.clear();
        m_recentOrders.clear();
    }

    // Stores the customer's profile; its balance is set only when it is new, erased_at never.
    Status upsert(const Customer &c, qint64 nowMs);
    // The cached row of a customer another repository changed.
    void forget(const QString &companyId, const QString &id) { m_cached.remove(cacheKey(companyId, id)); }
    std::optional<Customer> find(const QString &companyId, const QString &id);
    Status addCredit(const QString &companyId, const QString &customerId, double amount);
    Status setSubscription(const QString &companyId, const QString &customerId, const Subscription &subscription);

    Status upsertOrder(const Order &o);
    std::optional<Order> findOrder(const QString &companyId, const QString &orderId);
    std::optional<Order> latestOrder(const QString &companyId, const QString &customerId);
    // The customer's `limit` most recent orders, newest first.
    QList<Order> recentOrders(const QString &companyId, const QString &customerId, int limit);
    Status recordRefund(const QString &companyId, const QString &orderId, double amount, bool full);

    struct LedgerEntry {
        QString companyId, sessionId, customerId, orderId, kind, tier, details;
        double amount = 0;
        qint64 at = 0;
    };
    Status appendLedger(const LedgerEntry &e);
    // The ledger's rows of one kind ("refund") for an order, oldest first.
    QList<LedgerEntry> ledgerOf(const QString &companyId, const QString &orderId, const QString &kind);

private:
    static constexpr int kCachedCustomers = 20000;
    static constexpr int kRecentOrdersKept = 20; // per customer; a longer list is read from the table
    QList<Order> readRecentOrders(const QString &companyId, const QString &customerId, int limit);
    static QString cacheKey(const QString &companyId, const QString &id)
    {
        return companyId + QLatin1Char('\x1f') + id;
    }

    Database &m_db;
    QCache<QString, Customer> m_cached;
    QCache<QString, QList<Order>> m_recentOrders{kCachedCustomers};
};

} // namespace tierdesk
