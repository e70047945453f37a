#pragma once

#include "core/engine/sources/OrderSource.h"

#include <QHash>

#include <optional>

namespace tierdesk {

// What a turn's gather phase learned from the company's order sources, before its
// deciding transaction (DESIGN.md, "A company's own systems"): per order number as
// asked, found / not found / failed; and, when the company's `orders` purpose names a
// connector, the customer's recent orders or why they could not be had. Raw: whose
// order it is is decided by the OrderBook the turn reads it through.
struct GatheredOrders {
    QHash<QString, OrderLookup> byNumber;
    std::optional<OrdersLookup> recent; // none: not asked (the company's `orders` is builtin)
};

} // namespace tierdesk
