#include "core/engine/sources/OrderSource.h"

#include "core/integrations/connectors/ConnectorClient.h"
#include "core/store/Store.h"

namespace tierdesk {

namespace {

connectors::ConnectorInput inputOf(const OrderQuery &q, ConnectorPurpose purpose)
{
    connectors::ConnectorInput in;
    in.purpose = purpose;
    in.contact = q.contact;
    if (in.contact.contactId.isEmpty())
        in.contact.contactId = q.sessionId;
    in.values.insert(QStringLiteral("sessionId"), q.sessionId);
    if (!q.customerId.isEmpty())
        in.values.insert(QStringLiteral("customerId"), q.customerId);
    if (!q.customerEmail.isEmpty())
        in.values.insert(QStringLiteral("email"), q.customerEmail);
    return in;
}

} // namespace

SourcedOrder BuiltinOrderSource::sourced(const Order &o)
{
    SourcedOrder s;
    s.order = o;
    s.currency = QStringLiteral("USD");
    s.source = QStringLiteral("builtin");
    for (const char *field : {"id", "status", "total", "currency", "refundedAmount", "customerId", "placedAt", "items",
             "carrier", "trackingNumber"})
        s.said.insert(QLatin1String(field));
    const std::pair<qint64, const char *> times[]
        = {{o.shippedAt, "shippedAt"}, {o.estimatedDeliveryAt, "estimatedDeliveryAt"}, {o.deliveredAt, "deliveredAt"}};
    for (const auto &t : times)
        if (t.first > 0)
            s.said.insert(QLatin1String(t.second));
    return s;
}

OrderLookup BuiltinOrderSource::order(const OrderQuery &query, const QString &number)
{
    OrderLookup out;
    out.source = name();
    const std::optional<Order> o = m_store.customers().findOrder(query.companyId, number);
    if (!o)
        return out;
    out.state = OrderLookup::State::Found;
    out.order = sourced(*o);
    return out;
}

OrdersLookup BuiltinOrderSource::ordersOf(const OrderQuery &query, int limit)
{
    OrdersLookup out;
    out.source = name();
    for (const Order &o : m_store.customers().recentOrders(query.companyId, query.customerId, qBound(1, limit, 50)))
        out.orders << sourced(o);
    out.state = out.orders.isEmpty() ? OrderLookup::State::NotFound : OrderLookup::State::Found;
    return out;
}

OrderLookup ConnectorOrderSource::order(const OrderQuery &query, const QString &number)
{
    OrderLookup out;
    out.source = name();
    connectors::ConnectorInput in = inputOf(query, ConnectorPurpose::Order);
    in.values.insert(QStringLiteral("orderId"), number);
    const connectors::ConnectorAnswer a = connectors::ConnectorClient(m_http).call(m_connector, in);
    out.latencyMs = a.latencyMs;
    if (!a.ok) {
        out.state = OrderLookup::State::Failed;
        out.reason = a.error;
    } else if (a.found && a.order) {
        out.state = OrderLookup::State::Found;
        out.order = *a.order;
        if (!out.order.has(QStringLiteral("id"))) {
            out.order.order.id = number; // asked by this number, answered for it
            out.order.said.insert(QStringLiteral("id"));
        }
    }
    return out;
}

OrdersLookup ConnectorOrderSource::ordersOf(const OrderQuery &query, int limit)
{
    OrdersLookup out;
    out.source = name();
    if (!m_connector.serves(ConnectorPurpose::Orders)) {
        out.state = OrderLookup::State::Failed;
        out.reason = QStringLiteral("the connector \"%1\" does not serve orders").arg(m_connector.name);
        return out;
    }
    const connectors::ConnectorAnswer a
        = connectors::ConnectorClient(m_http).call(m_connector, inputOf(query, ConnectorPurpose::Orders));
    out.latencyMs = a.latencyMs;
    out.sent = a.sent;
    out.status = a.status;
    if (!a.ok) {
        out.state = OrderLookup::State::Failed;
        out.reason = a.error;
        return out;
    }
    out.orders = a.orders.mid(0, qBound(1, limit, connectors::ConnectorClient::kMaxOrders));
    out.state = out.orders.isEmpty() ? OrderLookup::State::NotFound : OrderLookup::State::Found;
    return out;
}

} // namespace tierdesk
