#pragma once

#include "core/domain/Entities.h"
#include "core/engine/sources/GatheredOrders.h"
#include "core/engine/sources/OrderNumbers.h"

#include <optional>

namespace tierdesk {

// The orders one turn may see when a company's orders live in its own system: what the
// gather phase found, through the eyes of the session's customer. An order whose source
// names its customer (customerId, else customerEmail) is seen only by that customer; to
// anyone else it is not found, exactly like an unknown number. An order whose source names
// no customer keeps only its status and delivery date (Order::customerNamed false).
// Nothing else is read: a number the gather did not ask about is not found.
class OrderBook {
public:
    OrderBook(const GatheredOrders &gathered, const QString &companyId, const QString &customerId,
        const QString &customerEmail, const OrderNumbers &numbers);

    // By number as asked or by the id its source gave; empty: the customer's latest order.
    std::optional<Order> find(const QString &number) const;
    QList<Order> recent(int limit) const;
    // Whether the source failed for this number (or, empty, for the recent orders).
    bool unavailable(const QString &number) const;
    // What the turn asked for and the source could not answer, in the order asked ("": the
    // customer's recent orders): the reply says so and offers a person.
    QStringList unavailableAsked() const { return m_asked; }
    // The message's order numbers in the company's format, each as the id its source gave.
    QStringList numbersIn(const QString &text) const;

    // An order as its source told it; what the source did not say stays empty.
    static Order toOrder(const SourcedOrder &s, const QString &companyId);
    // Whether `o` may be discussed with this customer.
    static bool belongsTo(const Order &o, const QString &customerId, const QString &customerEmail);

private:
    void noteAsked(const QString &number) const;

    QHash<QString, Order> m_found; // by the number asked and by the source's id: the customer's
    QSet<QString> m_failed;
    QList<Order> m_recent;
    bool m_recentFailed = false;
    OrderNumbers m_numbers;
    mutable QStringList m_asked;
};

} // namespace tierdesk
