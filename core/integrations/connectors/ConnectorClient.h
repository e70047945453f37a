#pragma once

#include "core/common/Result.h"
#include "core/domain/Connector.h"
#include "core/integrations/OutboundHttp.h"
#include "core/integrations/connectors/ConnectEvent.h"
#include "core/integrations/connectors/RequestTemplate.h"
#include "core/integrations/connectors/StripeProtocol.h"

#include <QDateTime>
#include <QMap>

#include <memory>
#include <optional>

namespace tierdesk::connectors {

// What one call asks: the purpose and the placeholders' values (RequestTemplate::names();
// at Stripe {customerId} is the Stripe customer, cus_...), and for a Lambda the contact.
struct ConnectorInput {
    ConnectorPurpose purpose = ConnectorPurpose::Order;
    RequestTemplate::Values values;
    ConnectContact contact;
};

// What a call came to. `ok` with `found` false: the system says there is no such thing
// (HTTP 404, the function's statusCode 404). Not `ok`: the connector failed (`error`
// says how, never with the answer's body or a secret).
struct ConnectorAnswer {
    bool ok = false;
    bool found = false;
    bool sent = false; // false for a dry run, or when the request could not be made
    int status = 0;
    qint64 latencyMs = 0;
    ErrorKind errorKind = ErrorKind::Unavailable;
    QString error;
    QByteArray method;
    QUrl url; // as sent, without credentials
    std::optional<SourcedOrder> order; // order
    QList<SourcedOrder> orders; // orders
    QMap<QString, QString> fields; // customer, ticket, and an `http` refund or credit: the fields read
    std::optional<StripeRefund> refund; // refund at Stripe
    std::optional<StripeBalanceTransaction> credit; // credit at Stripe

    // No answer the provider stands by (none at all, HTTP 429 or 5xx): the same call, with the
    // same key, may be made again.
    bool unanswered() const { return !ok && (status == 0 || status == 429 || status >= 500); }
};

// Makes and sends one connector call (blocking: call it off the engine thread). The
// transport's address policy and the limits hold: answers up to 1 MB (a Lambda's under
// 32 KB), at most the connector's timeout (a Lambda's at most 8 s), no redirects.
class ConnectorClient {
public:
    static constexpr int kMaxAnswerBytes = 1024 * 1024;
    static constexpr int kMaxOrders = 50;

    explicit ConnectorClient(std::shared_ptr<OutboundHttp> http) : m_http(std::move(http)) { }

    // The request a call makes, signed (`now` dates a SigV4 signature); InvalidArgument
    // naming the field when the input cannot make one (a value missing, a bad reference).
    static Result<OutboundRequest> request(const Connector &c, const ConnectorInput &in, const QDateTime &now);
    // The credentials a request carries (bearer, basic, a header of its own, a SigV4 signature
    // dated `now`): a company's systems, and its help center's API (knowledge sources).
    static void addAuth(OutboundRequest &r, const ConnectorAuth &auth, const QDateTime &now);
    // The request without sending it: a test of `refund` and `credit` moves no money.
    static ConnectorAnswer dryRun(const Connector &c, const ConnectorInput &in, const QDateTime &now);

    ConnectorAnswer call(const Connector &c, const ConnectorInput &in) const;

    // How an answer reads, for each kind and purpose (used by call(); public for tests).
    static void readAnswer(
        const Connector &c, ConnectorPurpose purpose, const OutboundResult &sent, ConnectorAnswer &a);

private:
    std::shared_ptr<OutboundHttp> m_http;
};

} // namespace tierdesk::connectors
