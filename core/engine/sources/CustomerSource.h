#pragma once

#include "core/common/Result.h"
#include "core/domain/Connector.h"
#include "core/domain/Entities.h"
#include "core/integrations/OutboundHttp.h"

#include <QMap>
#include <QStringList>

#include <memory>

namespace tierdesk {

class Connectors;

// Who is asked about: the conversation's customer, with the e-mail and phone Tierdesk keeps for them.
struct CustomerQuery {
    QString companyId;
    QString sessionId;
    QString customerId;
    QString email;
    QString phone;
};

// What the company's system said of a customer: found (the fields it said, each checked as
// PUT /api/cs/customers/:id checks it), not found (it does not know the customer), or failed
// (no usable answer, or an answer about someone else; the reason for logs, never a body).
struct CustomerLookup {
    enum class State { Found, NotFound, Failed };
    State state = State::NotFound;
    Customer said; // only the fields in `given`, and the attributes it said
    QStringList given; // name, email, phone, tier, isVIP, lifetimeValue
    QStringList dropped; // values refused, each "field: why"
    QString reason;
    QString source; // the connector's name
    qint64 latencyMs = 0;
    bool sent = false; // a request reached the company's system (its call is logged)
    int status = 0;
};

// The company's `customer` purpose (DESIGN.md, "A company's own systems"): an `http` connector
// asked for one customer by {customerId} (and {email} or {phone} when its request uses them).
// Its answer's fields are JSON pointers under `fields.customer`: id, name, email, phone, tier,
// isVIP, lifetimeValue, and attributes.<key>. Blocking: called off the engine thread.
class CustomerSource {
public:
    static constexpr auto kAttributePrefix = "attributes.";

    CustomerSource(Connector connector, std::shared_ptr<OutboundHttp> http)
        : m_connector(std::move(connector)), m_http(std::move(http))
    {
    }

    // The connector `name` of the company, when it serves `customer`; Unavailable when it is gone.
    static Result<std::shared_ptr<CustomerSource>> of(
        Connectors &connectors, const QString &companyId, const QString &name);

    QString name() const { return m_connector.name; }
    CustomerLookup lookup(const CustomerQuery &query) const;

    // How asked (the placeholders the request uses) decides whose answer it may be.
    struct Asked {
        bool byEmail = false;
        bool byPhone = false;
    };
    Asked asked() const;
    // An answer's fields (as the client read them, text) for `query`: checked one by one, a
    // bad value dropped; Failed when the answer is about another customer or says nothing.
    static CustomerLookup read(const QMap<QString, QString> &fields, const CustomerQuery &query, Asked asked);

private:
    Connector m_connector;
    std::shared_ptr<OutboundHttp> m_http;
};

} // namespace tierdesk
