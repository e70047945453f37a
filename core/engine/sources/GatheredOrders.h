#pragma once

#include "core/engine/sources/CustomerSource.h"
#include "core/engine/sources/OrderSource.h"

#include <QHash>

#include <optional>

namespace tierdesk {

// What a turn's gather phase learned from the company's order sources, before its
// deciding transaction (DESIGN.md, "A company's own systems"): per order number as
// asked, found / not found / failed; and, when the company's `orders` purpose names a
// connector, the customer's recent orders or why they could not be had. Raw: whose
// order it is is decided by the OrderBook the turn reads it through. Beside them, when the
// company's `customer` purpose names a connector, what it said of the conversation's customer
// (written into Tierdesk's record before the turn decides: CustomerFacts).
struct GatheredOrders {
    QHash<QString, OrderLookup> byNumber;
    std::optional<OrdersLookup> recent; // none: not asked (the company's `orders` is builtin)
    std::optional<CustomerLookup> customer; // none: not asked (builtin, or an erased customer)
};

} // namespace tierdesk
