#pragma once

#include "core/domain/Connector.h"
#include "core/integrations/OutboundHttp.h"
#include "core/integrations/connectors/ConnectEvent.h"

#include <memory>

namespace tierdesk {

class Store;

// Who asks a source, for what conversation.
struct OrderQuery {
    QString companyId;
    QString sessionId;
    QString customerId;
    QString customerEmail;
    connectors::ConnectContact contact; // a Lambda's ContactData
};

// What a source said of one order: found (with what it said), not found (the source says
// there is no such order), or failed (it could not be asked or gave no usable answer; the
// reason for people and logs, never a body or a secret). A failure is a fact too.
struct OrderLookup {
    enum class State { Found, NotFound, Failed };
    State state = State::NotFound;
    SourcedOrder order;
    QString reason;
    QString source; // the connector's name, or "builtin"
    qint64 latencyMs = 0;
    bool sent = false; // a request reached the company's system (its call is logged)
    int status = 0; // its HTTP status
};

struct OrdersLookup {
    OrderLookup::State state = OrderLookup::State::NotFound;
    QList<SourcedOrder> orders; // newest first
    QString reason;
    QString source;
    qint64 latencyMs = 0;
    bool sent = false; // a request reached (or was sent to) the company's system
    int status = 0; // its HTTP status; 0 when there was none
};

// Where a company's orders are (DESIGN.md, "A company's own systems"). Blocking: the
// builtin source reads the store and is called on the engine thread; a connector's source
// goes over the network and is called off it.
class OrderSource {
public:
    virtual ~OrderSource() = default;
    virtual QString name() const = 0;
    virtual bool offEngineThread() const = 0;
    // One order by the number the customer gave.
    virtual OrderLookup order(const OrderQuery &query, const QString &number) = 0;
    // The customer's recent orders, newest first, at most `limit`.
    virtual OrdersLookup ordersOf(const OrderQuery &query, int limit) = 0;
};

// Tierdesk's own store: the demo and every test without a company system.
class BuiltinOrderSource final : public OrderSource {
public:
    explicit BuiltinOrderSource(Store &store) : m_store(store) { }
    QString name() const override { return QStringLiteral("builtin"); }
    bool offEngineThread() const override { return false; }
    OrderLookup order(const OrderQuery &query, const QString &number) override;
    OrdersLookup ordersOf(const OrderQuery &query, int limit) override;

    // An order of the store as a source tells it: every field said.
    static SourcedOrder sourced(const Order &o);

private:
    Store &m_store;
};

// A connector (lambda, http) serving `order` and perhaps `orders`.
class ConnectorOrderSource final : public OrderSource {
public:
    ConnectorOrderSource(Connector connector, std::shared_ptr<OutboundHttp> http)
        : m_connector(std::move(connector)), m_http(std::move(http))
    {
    }
    QString name() const override { return m_connector.name; }
    bool offEngineThread() const override { return true; }
    OrderLookup order(const OrderQuery &query, const QString &number) override;
    OrdersLookup ordersOf(const OrderQuery &query, int limit) override;

private:
    Connector m_connector;
    std::shared_ptr<OutboundHttp> m_http;
};

} // namespace tierdesk
