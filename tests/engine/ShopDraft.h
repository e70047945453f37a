#pragma once

// The `http` connector of tests/support/connectors/connector_servers.py's order API
// (--kind orders): every order field its answers hold, as JSON pointers.
#include "core/engine/sources/ConnectorDraft.h"

namespace tierdesk::test {

inline FieldPointers shopOrderFields()
{
    FieldPointers f;
    const std::pair<const char *, const char *> fields[]
        = {{"id", "/number"}, {"status", "/state"}, {"total", "/amounts/total"},
            {"refundedAmount", "/amounts/refunded"}, {"currency", "/currency"}, {"customerId", "/customer/id"},
            {"customerEmail", "/customer/email"}, {"paymentReference", "/payment/reference"}, {"placedAt", "/placed"},
            {"shippedAt", "/shipped"}, {"estimatedDeliveryAt", "/estimatedDelivery"}, {"deliveredAt", "/delivered"},
            {"carrier", "/shipping/carrier"}, {"trackingNumber", "/shipping/tracking"}};
    for (const auto &[field, pointer] : fields)
        f.fields.insert(QLatin1String(field), QLatin1String(pointer));
    f.items = ItemPointers{
        QStringLiteral("/lines"), QStringLiteral("/title"), QStringLiteral("/qty"), QStringLiteral("/unit")};
    return f;
}

// Serves `order` (GET /orders/{orderId}), `orders` (GET /customers/{customerId}/orders) and
// `cancel` (POST /orders/{orderId}/cancel, the order as it is after, once per Idempotency-Key).
inline ConnectorDraft shopConnector(const QString &url, int timeoutMs = 2000)
{
    ConnectorDraft d;
    d.name = QStringLiteral("shop");
    d.kind = QStringLiteral("http");
    d.purposes = {QStringLiteral("order"), QStringLiteral("orders"), QStringLiteral("cancel")};
    d.url = url;
    d.timeoutMs = timeoutMs;
    ConnectorRequest one;
    one.path = QStringLiteral("/orders/{orderId}");
    ConnectorRequest list;
    list.path = QStringLiteral("/customers/{customerId}/orders");
    d.requests.insert(QStringLiteral("order"), one);
    d.requests.insert(QStringLiteral("orders"), list);
    ConnectorRequest cancel;
    cancel.method = QStringLiteral("POST");
    cancel.path = QStringLiteral("/orders/{orderId}/cancel");
    cancel.body = QStringLiteral(R"({"reason": "{reason}", "session": "{sessionId}"})");
    d.requests.insert(QStringLiteral("cancel"), cancel);
    FieldPointers cancelled;
    cancelled.fields
        = {{QStringLiteral("id"), QStringLiteral("/number")}, {QStringLiteral("status"), QStringLiteral("/state")}};
    d.fields.insert(QStringLiteral("cancel"), cancelled);
    d.fields.insert(QStringLiteral("order"), shopOrderFields());
    FieldPointers many = shopOrderFields();
    many.fields.insert(QStringLiteral("at"), QStringLiteral("/orders"));
    d.fields.insert(QStringLiteral("orders"), many);
    return d;
}

} // namespace tierdesk::test
