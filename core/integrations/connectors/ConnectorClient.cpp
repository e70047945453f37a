// ConnectorClient::call(): one request sent, its answer read for its kind and purpose.
#include "core/integrations/connectors/ConnectorClient.h"

#include "core/integrations/connectors/JsonPointer.h"
#include "core/integrations/connectors/OrderFields.h"

#include <QElapsedTimer>
#include <QJsonArray>
#include <QJsonDocument>

namespace tierdesk::connectors {

namespace {

void failed(ConnectorAnswer &a, const QString &why, ErrorKind kind = ErrorKind::Unavailable)
{
    a.ok = false;
    a.errorKind = kind;
    a.error = why.left(500);
}

void failed(ConnectorAnswer &a, const Error &e)
{
    failed(a, e.message, e.kind);
}

// Why no answer could be read at all: the address, the clock, the size, a redirect.
bool transportFailed(const OutboundRequest &r, const OutboundResult &sent, ConnectorAnswer &a)
{
    if (sent.status == 0) {
        if (sent.refused)
            failed(a, sent.error, ErrorKind::Forbidden);
        else if (sent.timedOut)
            failed(a, QStringLiteral("no answer within %1 ms").arg(r.timeoutMs));
        else
            failed(a, sent.error.isEmpty() ? QStringLiteral("no answer") : sent.error);
        return true;
    }
    if (sent.status >= 300 && sent.status < 400) {
        const QString to = QUrl(QString::fromUtf8(sent.location)).host();
        failed(a,
            QStringLiteral("HTTP %1: a redirect%2, not followed")
                .arg(sent.status)
                .arg(to.isEmpty() ? QString() : QStringLiteral(" to ") + to.left(100)));
        return true;
    }
    return false;
}

void readFieldsInto(ConnectorAnswer &a, const QJsonValue &doc, const FieldPointers &pointers)
{
    for (auto it = pointers.fields.constBegin(); it != pointers.fields.constEnd(); ++it) {
        const std::optional<QJsonValue> v = pointAt(doc, it.value());
        if (!v || v->isNull() || v->isObject() || v->isArray())
            continue;
        a.fields.insert(
            it.key(), v->isString() ? v->toString().left(OrderFields::kMaxTextChars) : v->toVariant().toString());
    }
}

void readHttp(ConnectorPurpose purpose, const FieldPointers &pointers, const OutboundResult &sent, ConnectorAnswer &a)
{
    if (sent.status == 404) {
        a.ok = true;
        return;
    }
    if (!sent.ok())
        return failed(a, QStringLiteral("HTTP %1").arg(sent.status));
    QJsonParseError err{};
    const QJsonDocument doc = QJsonDocument::fromJson(sent.body, &err);
    if (err.error != QJsonParseError::NoError || doc.isNull())
        return failed(a, QStringLiteral("the answer is not JSON"));
    const QJsonValue root = doc.isObject() ? QJsonValue(doc.object()) : QJsonValue(doc.array());
    if (purpose == ConnectorPurpose::Order) {
        Result<SourcedOrder> order = OrderFields::read(root, pointers);
        if (!order)
            return failed(a, order.error().message);
        if (order->said.isEmpty())
            return failed(a, QStringLiteral("the answer holds none of the order's fields"));
        a.order = *order;
    } else if (purpose == ConnectorPurpose::Orders) {
        Result<QList<SourcedOrder>> orders = OrderFields::readList(
            root, pointers.fields.value(QStringLiteral("at")), pointers, ConnectorClient::kMaxOrders);
        if (!orders)
            return failed(a, orders.error().message);
        a.orders = *orders;
    } else {
        readFieldsInto(a, root, pointers);
    }
    a.ok = true;
    a.found = true;
}

void readStripe(ConnectorPurpose purpose, const OutboundResult &sent, ConnectorAnswer &a)
{
    if (purpose == ConnectorPurpose::Refund) {
        Result<StripeRefund> refund = StripeProtocol::readRefund(sent.status, sent.body);
        if (!refund)
            return failed(a, refund.error());
        a.refund = *refund;
    } else {
        Result<StripeBalanceTransaction> credit = StripeProtocol::readBalanceTransaction(sent.status, sent.body);
        if (!credit)
            return failed(a, credit.error());
        a.credit = *credit;
    }
    a.ok = true;
    a.found = true;
}

} // namespace

void ConnectorClient::readAnswer(
    const Connector &c, ConnectorPurpose purpose, const OutboundResult &sent, ConnectorAnswer &a)
{
    a.status = sent.status;
    if (c.kind == ConnectorKind::Stripe)
        return readStripe(purpose, sent, a);
    if (c.kind == ConnectorKind::Http)
        return readHttp(purpose, c.fields.value(purpose), sent, a);
    Result<std::optional<SourcedOrder>> order = ConnectEvent::readOrder(sent.status, sent.body);
    if (!order)
        return failed(a, order.error());
    a.ok = true;
    a.found = order->has_value();
    a.order = *order;
}

ConnectorAnswer ConnectorClient::call(const Connector &c, const ConnectorInput &in) const
{
    QElapsedTimer clock;
    clock.start();
    ConnectorAnswer a;
    const Result<OutboundRequest> r = request(c, in, QDateTime::currentDateTimeUtc());
    if (!r) {
        failed(a, r.error());
        return a;
    }
    a.method = r->method;
    a.url = r->url;
    const OutboundResult sent = m_http->post(*r);
    a.sent = true;
    a.latencyMs = clock.elapsed();
    a.status = sent.status;
    if (transportFailed(*r, sent, a))
        return a;
    readAnswer(c, in.purpose, sent, a);
    if (a.order)
        a.order->source = c.name;
    for (SourcedOrder &o : a.orders)
        o.source = c.name;
    return a;
}

} // namespace tierdesk::connectors
