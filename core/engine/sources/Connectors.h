#pragma once

#include "core/engine/pipeline/EngineCore.h"
#include "core/engine/sources/ConnectorCheck.h"
#include "core/engine/sources/CrmTickets.h"
#include "core/engine/sources/OrderSource.h"
#include "core/integrations/connectors/ConnectorClient.h"

#include <QPointer>
#include <QThreadPool>

#include <functional>
#include <memory>

namespace tierdesk {

// What a connector's test shows: the answer, and the request it made (or would make).
struct ConnectorTest {
    connectors::ConnectorAnswer answer;
    ConnectorPurpose purpose = ConnectorPurpose::Order;
    bool dryRun = false; // refund, credit and cancel: the request is shown, never sent
};

// A customer's recent orders as a session's context shows them to the person answering:
// from the company's `orders` source; when that failed, why (and no orders).
struct ContextOrders {
    QList<SourcedOrder> orders;
    QString error;
    QString source; // the connector's name, or "builtin"
};

// A company's connectors to its own systems (DESIGN.md, "A company's own systems"):
// registration (checked, secrets sealed), listing, removal, a test, and the log of calls.
// Calls run on a pool of their own, never on the engine thread, at most maxConcurrent at
// once (connectors/maxConcurrent); each call's outcome is logged (no body, no secret).
class Connectors {
public:
    static constexpr int kMaxPerCompany = 20;
    static constexpr int kDefaultCalls = 100;
    static constexpr int kMaxConcurrent = 256; // calls in flight at once at most (connectors/maxConcurrent)
    static constexpr int kMaxInputValues = 20;

    explicit Connectors(EngineCore &core);
    ~Connectors();

    void setAddressPolicy(const AddressPolicy &policy);
    const AddressPolicy &addressPolicy() const { return m_policy; }
    void setMaxConcurrent(int calls); // connectors/maxConcurrent (1-256)
    // The transport of every call (tests give a fake); by default libcurl under the address policy.
    void setTransport(std::shared_ptr<OutboundHttp> http) { m_http = std::move(http); }

    // *created: whether it is new (201) or replaced one of that name (200).
    Result<Connector> put(const QString &companyId, const ConnectorDraft &draft, const Actor &actor, bool *created);
    Result<QList<Connector>> list(const QString &companyId);
    Result<Connector> find(const QString &companyId, const QString &name);
    Status remove(const QString &companyId, const QString &name, const Actor &actor);
    Result<QList<ConnectorCall>> calls(const QString &companyId, const QString &name, int limit);

    // Tests connector `name` for `purpose` with `input` (the placeholders' values) off the
    // engine thread; done(result) on the engine thread while `context` lives. A refund or
    // credit (or cancel) is a dry run: its request is made and shown, nothing is sent.
    using TestDone = std::function<void(Result<ConnectorTest>)>;
    void test(const QString &companyId, const QString &name, const QString &purpose,
        const QMap<QString, QString> &input, const Actor &actor, QObject *context, TestDone done);

    // One call off the engine thread; the answer is logged, then done(answer) on the engine
    // thread while `context` lives.
    using CallDone = std::function<void(const connectors::ConnectorAnswer &)>;
    void call(const Connector &c, const connectors::ConnectorInput &in, const QString &sessionId, QObject *context,
        CallDone done);
    // Where the company's orders are for `purpose` (order or orders): the connector its
    // configuration names, else the builtin store. NotFound for an unknown company; a named
    // connector that is gone is Unavailable (the turn says it cannot check now).
    Result<std::unique_ptr<OrderSource>> orderSource(const QString &companyId, ConnectorPurpose purpose);
    // A blocking source call (OrderSource) on the connectors' pool, beside the other calls.
    void start(std::function<void()> job) { m_pool.start(std::move(job)); }
    // The customer's recent orders for a session's context. The builtin store answers at
    // once (returned); a connector is asked on the pool (the call logged under the session)
    // and done() comes on the engine thread while `context` lives (std::nullopt returned).
    using OrdersDone = std::function<void(const ContextOrders &)>;
    std::optional<ContextOrders> contextOrders(const QString &companyId, const QString &customerId,
        const QString &sessionId, int limit, QObject *context, OrdersDone done);
    // Tickets in the company's CRM for escalations to a person (the `ticket` purpose).
    CrmTickets &tickets() { return *m_tickets; }
    // The client the pool's calls use (blocking; for sources called off the engine thread).
    std::shared_ptr<OutboundHttp> transport() const { return m_http; }
    void recordCall(const Connector &c, ConnectorPurpose purpose, const QString &sessionId,
        const connectors::ConnectorAnswer &answer);

private:
    void noteOrdersCall(const OrderQuery &query, const OrdersLookup &lookup);

    EngineCore &m_core;
    AddressPolicy m_policy = AddressPolicy::forConnectors(false);
    std::shared_ptr<OutboundHttp> m_http;
    std::unique_ptr<CrmTickets> m_tickets;
    QThreadPool m_pool; // last: its threads finish before the rest goes
};

} // namespace tierdesk
