#pragma once

#include "core/engine/sources/Connectors.h"
#include "core/engine/sources/CustomerCache.h"
#include "core/engine/sources/GatheredOrders.h"
#include "core/engine/sources/OrderCache.h"

#include <functional>

namespace tierdesk {

// A turn's gather phase (DESIGN.md, "A company's own systems"): before the deciding
// transaction, the orders the turn may need are asked of the company's order sources, the
// connectors' calls off the engine thread, in parallel, each within its connector's
// timeout; answers are kept a minute (OrderCache). A company whose `order` and `orders`
// are builtin gathers no orders: its turns read the store as ever. Beside the orders, the
// conversation's customer is asked of the company's `customer` connector (CustomerCache);
// a company whose `customer` is builtin asks nothing more.
class OrderGatherer {
public:
    // `owner`: answers arriving after it is gone are dropped.
    OrderGatherer(EngineCore &core, Connectors &connectors, QObject *owner)
        : m_core(core), m_connectors(connectors), m_owner(owner)
    {
    }

    // Whether the company's orders are gathered (its `order` or `orders` names a connector).
    static bool gathers(const CsConfig &config);
    // Whether a turn of the company gathers anything: its orders, or its customer.
    static bool asks(const CsConfig &config);

    // What one turn asks: the message's order numbers in the company's format, those the
    // dialogue is about (current, pending, last mentioned), and the customer's recent orders;
    // and the customer, of the company's `customer` connector.
    struct Ask {
        QString companyId;
        OrderQuery query;
        QStringList numbers;
        bool orders = true; // false: the company's orders are the store's, read in the turn
        std::optional<CustomerQuery> customer; // none: not asked
        QString customerConnector;
    };
    // `state`: the session's dialogue as stored (empty for a new session).
    Ask ask(const Company &company, const QString &sessionId, const QString &customerId, const QString &text,
        const QByteArray &state) const;

    // The gather phase of a message to session `sessionId` (empty: a new session's first message,
    // for `customerId`): then(orders) on the engine thread; nullopt, at once, when the company's
    // orders are the store's (or the session cannot be read: the turn says why).
    void gatherFor(const QString &companyId, const QString &sessionId, const QString &customerId, const QString &text,
        std::function<void(std::optional<GatheredOrders>)> then);
    // The same, waiting (command-line tools, tests).
    GatheredOrders gatherForNow(
        const Company &company, const QString &sessionId, const QString &customerId, const QString &text);

    using Done = std::function<void(GatheredOrders)>;
    // done(gathered) on the engine thread; at once when nothing has to go over the network.
    void gather(const Ask &ask, Done done);
    // The same, waiting (command-line tools, tests).
    GatheredOrders gatherNow(const Ask &ask);

private:
    struct Plan; // what is known at once, and the calls still to make
    Plan plan(const Ask &ask);
    // An answer that came back: logged, kept, and put in `into`.
    void take(const Ask &ask, const QString &number, const OrderLookup &lookup, GatheredOrders &into);
    void take(const Ask &ask, const OrdersLookup &lookup, GatheredOrders &into);
    void take(const Ask &ask, const CustomerLookup &lookup, GatheredOrders &into);
    void planOrders(const Ask &ask, Plan &p);
    void planCustomer(const Ask &ask, Plan &p);

    EngineCore &m_core;
    Connectors &m_connectors;
    QObject *m_owner;
    OrderCache m_cache;
    CustomerCache m_customers;
};

} // namespace tierdesk
