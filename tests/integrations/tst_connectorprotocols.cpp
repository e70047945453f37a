// The connector protocols without a network: RFC 6901 pointers, request templates, Amazon
// Connect's Lambda event and answers, reading orders, Stripe's forms, answers, errors and
// webhook signatures, and the SigV4 signer against botocore's.
#include "core/integrations/connectors/ConnectEvent.h"
#include "core/integrations/connectors/ConnectorClient.h"
#include "core/integrations/connectors/JsonPointer.h"
#include "core/integrations/connectors/OrderFields.h"
#include "core/integrations/connectors/RequestTemplate.h"
#include "core/integrations/connectors/SigV4Signer.h"
#include "core/integrations/connectors/StripeProtocol.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QTest>

using namespace tierdesk;
using namespace tierdesk::connectors;

namespace {

// A form body as a server reads it: names and values percent-decoded.
QMap<QString, QString> formOf(const QByteArray &body)
{
    QMap<QString, QString> out;
    for (const QByteArray &pair : body.split('&')) {
        const qsizetype eq = pair.indexOf('=');
        out.insert(QString::fromUtf8(QByteArray::fromPercentEncoding(pair.left(eq))),
            QString::fromUtf8(QByteArray::fromPercentEncoding(pair.mid(eq + 1))));
    }
    return out;
}

} // namespace

class TestConnectorProtocols : public QObject {
    Q_OBJECT

private slots:
    void pointerRfcExamples();
    void pointerRefusesWhatIsNoPointer();
    void templateEncodesPerPlace();
    void templateNamesUnknownPlaceholders();
    void invocationEventIsConnects();
    void lambdaAnswersAsTheSeedReturnsThem();
    void lambdaFailuresAreFailures();
    void orderFieldsByPointers();
    void orderFieldOfTheWrongTypeFailsTheAnswer();
    void stripeRefundForm();
    void stripeCreditForm();
    void stripeRefundStates();
    void stripeErrors();
    void stripeWebhookSignature();
    void httpRequestFromTemplates();
    void sigv4MatchesBotocore();
};

void TestConnectorProtocols::pointerRfcExamples()
{
    // RFC 6901, section 5.
    const QJsonObject doc = QJsonDocument::fromJson(R"({"foo": ["bar", "baz"], "": 0, "a/b": 1, "c%d": 2, "e^f": 3,
        "g|h": 4, "i\\j": 5, "k\"l": 6, " ": 7, "m~n": 8})")
                                .object();
    QCOMPARE(pointAt(doc, QString())->toObject(), doc);
    QCOMPARE(pointAt(doc, QStringLiteral("/foo"))->toArray().size(), 2);
    QCOMPARE(pointAt(doc, QStringLiteral("/foo/0"))->toString(), QStringLiteral("bar"));
    QCOMPARE(pointAt(doc, QStringLiteral("/"))->toInt(), 0);
    QCOMPARE(pointAt(doc, QStringLiteral("/a~1b"))->toInt(), 1);
    QCOMPARE(pointAt(doc, QStringLiteral("/c%d"))->toInt(), 2);
    QCOMPARE(pointAt(doc, QStringLiteral("/e^f"))->toInt(), 3);
    QCOMPARE(pointAt(doc, QStringLiteral("/g|h"))->toInt(), 4);
    QCOMPARE(pointAt(doc, QStringLiteral("/i\\j"))->toInt(), 5);
    QCOMPARE(pointAt(doc, QStringLiteral("/k\"l"))->toInt(), 6);
    QCOMPARE(pointAt(doc, QStringLiteral("/ "))->toInt(), 7);
    QCOMPARE(pointAt(doc, QStringLiteral("/m~0n"))->toInt(), 8);
}

void TestConnectorProtocols::pointerRefusesWhatIsNoPointer()
{
    const QJsonObject doc = QJsonDocument::fromJson(R"({"foo": ["bar"], "~1": 1})").object();
    QVERIFY(!JsonPointer::parse(QStringLiteral("foo")));
    QVERIFY(!JsonPointer::parse(QStringLiteral("/~2")));
    QVERIFY(!JsonPointer::parse(QStringLiteral("/a~")));
    QVERIFY(!JsonPointer::parse(QStringLiteral("/") + QString(600, QLatin1Char('a'))));
    QVERIFY(!pointAt(doc, QStringLiteral("/foo/01"))); // leading zero
    QVERIFY(!pointAt(doc, QStringLiteral("/foo/1"))); // past the end
    QVERIFY(!pointAt(doc, QStringLiteral("/foo/-")));
    QVERIFY(!pointAt(doc, QStringLiteral("/foo/0/x"))); // into a string
    QCOMPARE(pointAt(doc, QStringLiteral("/~01"))->toInt(), 1); // "~01" is "~1", not "/"
}

void TestConnectorProtocols::templateEncodesPerPlace()
{
    const RequestTemplate::Values values{{QStringLiteral("orderId"), QStringLiteral("A B/#?&é")},
        {QStringLiteral("reason"), QStringLiteral("He said \"no\"\n\\ok")}};
    QCOMPARE(*RequestTemplate::fill(QStringLiteral("/orders/{orderId}"), values, RequestTemplate::Encoding::Url),
        QStringLiteral("/orders/A%20B%2F%23%3F%26%C3%A9"));
    QCOMPARE(*RequestTemplate::fill(QStringLiteral(R"({"order": {"id": "{orderId}"}, "note": "{reason}"})"), values,
                 RequestTemplate::Encoding::Json),
        QStringLiteral(R"({"order": {"id": "A B/#?&é"}, "note": "He said \"no\"\n\\ok"})"));
    // The filled JSON parses, and says what was given.
    const QJsonObject parsed = QJsonDocument::fromJson(
        RequestTemplate::fill(QStringLiteral(R"({"note": "{reason}"})"), values, RequestTemplate::Encoding::Json)
            ->toUtf8())
                                   .object();
    QCOMPARE(parsed.value(QLatin1String("note")).toString(), values.value(QStringLiteral("reason")));
    const Result<QString> missing
        = RequestTemplate::fill(QStringLiteral("/c/{customerId}"), values, RequestTemplate::Encoding::Url);
    QVERIFY(!missing);
    QVERIFY(missing.error().message.contains(QLatin1String("customerId")));
}

void TestConnectorProtocols::templateNamesUnknownPlaceholders()
{
    QVERIFY(RequestTemplate::check(QStringLiteral(R"({"a": {"b": 1}, "id": "{orderId}"})")));
    const Status unknown = RequestTemplate::check(QStringLiteral("/orders/{order_id}"));
    QVERIFY(!unknown);
    QVERIFY(unknown.error().message.contains(QLatin1String("{order_id}")));
    QCOMPARE(RequestTemplate::used(QStringLiteral("/{customerId}/x/{orderId}/{customerId}")),
        QStringList({QStringLiteral("customerId"), QStringLiteral("orderId")}));
    QVERIFY(!RequestTemplate::check(QString(RequestTemplate::kMaxChars + 1, QLatin1Char('x'))));
}

void TestConnectorProtocols::invocationEventIsConnects()
{
    ConnectContact contact;
    contact.contactId = QStringLiteral("sess_1");
    contact.channel = QStringLiteral("VOICE");
    contact.address = QStringLiteral("+15550100");
    contact.addressType = QStringLiteral("TELEPHONE_NUMBER");
    contact.queueName = QStringLiteral("Support");
    contact.attributes.insert(QStringLiteral("tier"), QStringLiteral("AI_REP"));
    const QJsonObject event = QJsonDocument::fromJson(
        ConnectEvent::invocation(contact, {{QStringLiteral("orderId"), QStringLiteral("12345")}}))
                                  .object();
    QCOMPARE(event.value(QLatin1String("Name")).toString(), QStringLiteral("ContactFlowEvent"));
    const QJsonObject details = event.value(QLatin1String("Details")).toObject();
    QCOMPARE(details.value(QLatin1String("Parameters")).toObject().value(QLatin1String("orderId")).toString(),
        QStringLiteral("12345"));
    const QJsonObject data = details.value(QLatin1String("ContactData")).toObject();
    QCOMPARE(data.value(QLatin1String("ContactId")).toString(), QStringLiteral("sess_1"));
    QCOMPARE(data.value(QLatin1String("Channel")).toString(), QStringLiteral("VOICE"));
    QCOMPARE(data.value(QLatin1String("InitiationMethod")).toString(), QStringLiteral("INBOUND"));
    QCOMPARE(data.value(QLatin1String("CustomerEndpoint")).toObject().value(QLatin1String("Type")).toString(),
        QStringLiteral("TELEPHONE_NUMBER"));
    QCOMPARE(data.value(QLatin1String("Queue")).toObject().value(QLatin1String("Name")).toString(),
        QStringLiteral("Support"));
    QCOMPARE(data.value(QLatin1String("Attributes")).toObject().value(QLatin1String("tier")).toString(),
        QStringLiteral("AI_REP"));
}

void TestConnectorProtocols::lambdaAnswersAsTheSeedReturnsThem()
{
    // The seed's result as Lambda's Invoke returns it: body a JSON string.
    auto read = ConnectEvent::readOrder(
        200, R"({"statusCode": 200, "body": "{\"orderStatus\": \"Shipped\", \"deliveryDate\": \"2025-01-10\"}"})");
    QVERIFY(read && read->has_value());
    QCOMPARE((*read)->order.status, QStringLiteral("Shipped"));
    QCOMPARE((*read)->deliveryDate, QStringLiteral("2025-01-10"));
    QVERIFY(!(*read)->has(QStringLiteral("customerId"))); // nobody named: nothing said
    // body an object; more order fields.
    read = ConnectEvent::readOrder(
        200, R"({"statusCode": 200, "body": {"orderStatus": "Delivered", "deliveryDate": "x", "total": "79.00"}})");
    QVERIFY(read && read->has_value());
    QCOMPARE((*read)->order.total, 79.0);
    // Connect's flat map, as a function URL passes it on.
    read = ConnectEvent::readOrder(200, R"({"orderStatus": "Shipped", "deliveryDate": "2025-01-10"})");
    QVERIFY(read && read->has_value());
    QCOMPARE((*read)->order.status, QStringLiteral("Shipped"));
    // No such order: the function URL's 404, or the function's statusCode 404.
    read = ConnectEvent::readOrder(404, "Order not found");
    QVERIFY(read && !read->has_value());
    read = ConnectEvent::readOrder(200, R"({"statusCode": 404, "body": "Order not found"})");
    QVERIFY(read && !read->has_value());
}

void TestConnectorProtocols::lambdaFailuresAreFailures()
{
    QVERIFY(!ConnectEvent::readOrder(500, "Internal server error: 'deliveryDate'"));
    QVERIFY(!ConnectEvent::readOrder(200, R"({"statusCode": 500, "body": "Internal server error"})"));
    QVERIFY(!ConnectEvent::readOrder(200, "<html>"));
    QVERIFY(!ConnectEvent::readOrder(200, R"({"statusCode": 200, "body": "not json"})"));
    QVERIFY(!ConnectEvent::readOrder(200, R"({"deliveryDate": "2025-01-10"})")); // no orderStatus
    QVERIFY(!ConnectEvent::readOrder(200, R"({"orderStatus": "Shipped", "total": "lots"})"));
}

void TestConnectorProtocols::orderFieldsByPointers()
{
    const QJsonObject answer = QJsonDocument::fromJson(R"({"data": {"number": "ORD-1", "state": "shipped",
        "amounts": {"total": 79, "refunded": "10.50"}, "customer": {"id": 42, "email": "a@example.com"},
        "placed": "2025-01-02T10:00:00Z", "shippedEpoch": 1735900000,
        "lines": [{"title": "Pants", "qty": 1, "unit": 43}, {"title": "Socks", "qty": 3, "unit": 12}]}})")
                                   .object();
    FieldPointers p;
    p.fields = {{QStringLiteral("id"), QStringLiteral("/data/number")},
        {QStringLiteral("status"), QStringLiteral("/data/state")},
        {QStringLiteral("total"), QStringLiteral("/data/amounts/total")},
        {QStringLiteral("refundedAmount"), QStringLiteral("/data/amounts/refunded")},
        {QStringLiteral("customerId"), QStringLiteral("/data/customer/id")},
        {QStringLiteral("customerEmail"), QStringLiteral("/data/customer/email")},
        {QStringLiteral("placedAt"), QStringLiteral("/data/placed")},
        {QStringLiteral("shippedAt"), QStringLiteral("/data/shippedEpoch")},
        {QStringLiteral("carrier"), QStringLiteral("/data/carrier")}};
    p.items = ItemPointers{
        QStringLiteral("/data/lines"), QStringLiteral("/title"), QStringLiteral("/qty"), QStringLiteral("/unit")};
    const Result<SourcedOrder> o = OrderFields::read(answer, p);
    QVERIFY2(o, o ? "" : qPrintable(o.error().message));
    QCOMPARE(o->order.id, QStringLiteral("ORD-1"));
    QCOMPARE(o->order.total, 79.0);
    QCOMPARE(o->order.refundedAmount, 10.5);
    QCOMPARE(o->order.customerId, QStringLiteral("42"));
    QCOMPARE(o->customerEmail, QStringLiteral("a@example.com"));
    QCOMPARE(o->order.placedAt, QDateTime(QDate(2025, 1, 2), QTime(10, 0), Qt::UTC).toMSecsSinceEpoch());
    QCOMPARE(o->order.shippedAt, qint64(1735900000) * 1000);
    QCOMPARE(o->order.items.size(), 2);
    QCOMPARE(o->order.items.at(1).name, QStringLiteral("Socks"));
    QCOMPARE(o->order.items.at(1).quantity, 3);
    QVERIFY(o->has(QStringLiteral("items")));
    QVERIFY(!o->has(QStringLiteral("carrier"))); // the answer has none: not said
}

void TestConnectorProtocols::orderFieldOfTheWrongTypeFailsTheAnswer()
{
    FieldPointers p;
    p.fields = {{QStringLiteral("total"), QStringLiteral("/total")}, {QStringLiteral("id"), QStringLiteral("/id")}};
    Result<SourcedOrder> o
        = OrderFields::read(QJsonDocument::fromJson(R"({"id": "1", "total": {"a": 1}})").object(), p);
    QVERIFY(!o);
    QCOMPARE(o.error().field, QStringLiteral("total"));
    o = OrderFields::read(QJsonDocument::fromJson(R"({"id": "1", "total": -5})").object(), p);
    QVERIFY(!o);
    p.fields = {{QStringLiteral("placedAt"), QStringLiteral("/when")}};
    o = OrderFields::read(QJsonDocument::fromJson(R"({"when": "yesterday"})").object(), p);
    QVERIFY(!o);
    QCOMPARE(o.error().field, QStringLiteral("placedAt"));
}

void TestConnectorProtocols::stripeRefundForm()
{
    StripeRefundAsk ask{QStringLiteral("pi_123"), 7900,
        {{QStringLiteral("sessionId"), QStringLiteral("s 1")}, {QStringLiteral("action"), QStringLiteral("refund")},
            {QStringLiteral("orderId"), QStringLiteral("ORD-10005")}}};
    const QMap<QString, QString> pi = formOf(*StripeProtocol::refundForm(ask));
    QCOMPARE(pi.value(QStringLiteral("payment_intent")), QStringLiteral("pi_123"));
    QCOMPARE(pi.value(QStringLiteral("amount")), QStringLiteral("7900"));
    QCOMPARE(pi.value(QStringLiteral("reason")), QStringLiteral("requested_by_customer"));
    QCOMPARE(pi.value(QStringLiteral("metadata[sessionId]")), QStringLiteral("s 1"));
    QCOMPARE(pi.value(QStringLiteral("metadata[orderId]")), QStringLiteral("ORD-10005"));
    QVERIFY(!pi.contains(QStringLiteral("charge")));
    ask.paymentReference = QStringLiteral("ch_9");
    QCOMPARE(formOf(*StripeProtocol::refundForm(ask)).value(QStringLiteral("charge")), QStringLiteral("ch_9"));
    ask.paymentReference = QStringLiteral("ORD-1");
    const Result<QByteArray> bad = StripeProtocol::refundForm(ask);
    QVERIFY(!bad);
    QCOMPARE(bad.error().field, QStringLiteral("paymentReference"));
    QCOMPARE(StripeProtocol::toMinor(19.99, QStringLiteral("usd")), qint64(1999));
    QCOMPARE(StripeProtocol::toMinor(0.29, QStringLiteral("EUR")), qint64(29));
    QCOMPARE(StripeProtocol::toMinor(500, QStringLiteral("JPY")), qint64(500));
}

void TestConnectorProtocols::stripeCreditForm()
{
    const QMap<QString, QString> form = formOf(StripeProtocol::creditForm(
        {QStringLiteral("cus_1"), 1500, QStringLiteral("USD"), QStringLiteral("goodwill"), {}}));
    QCOMPARE(form.value(QStringLiteral("amount")), QStringLiteral("-1500")); // negative: a credit
    QCOMPARE(form.value(QStringLiteral("currency")), QStringLiteral("usd"));
    QCOMPARE(StripeProtocol::creditPath(QStringLiteral("cus_1")),
        QStringLiteral("/v1/customers/cus_1/balance_transactions"));
    const auto t = StripeProtocol::readBalanceTransaction(200,
        R"({"id": "cbtxn_1", "object": "customer_balance_transaction", "amount": -1500, "currency": "usd",
            "ending_balance": -1500})");
    QVERIFY(t);
    QCOMPARE(t->amountMinor, qint64(-1500));
}

void TestConnectorProtocols::stripeRefundStates()
{
    const auto refund = [](const char *status) {
        return StripeProtocol::readRefund(200,
            QByteArray(R"({"id": "re_1", "object": "refund", "amount": 7900, "currency": "usd", "status": ")") + status
                + "\"}");
    };
    QVERIFY(refund("succeeded")->done());
    QVERIFY(refund("pending")->requested());
    QVERIFY(!refund("failed")->done() && !refund("failed")->requested());
    QVERIFY(!refund("canceled")->done());
    QVERIFY(!refund("exploded")); // not a state Stripe has
    QVERIFY(!StripeProtocol::readRefund(200, R"({"id": "ch_1", "object": "charge", "status": "succeeded"})"));
}

void TestConnectorProtocols::stripeErrors()
{
    auto e = StripeProtocol::readRefund(400, R"({"error": {"type": "invalid_request_error",
        "code": "charge_already_refunded", "message": "Charge ch_1 has already been refunded."}})");
    QVERIFY(!e);
    QCOMPARE(e.error().kind, ErrorKind::Conflict);
    QCOMPARE(e.error().details.value(QLatin1String("code")).toString(), QStringLiteral("charge_already_refunded"));
    e = StripeProtocol::readRefund(400, R"j({"error": {"type": "invalid_request_error", "param": "amount",
        "message": "Refund amount ($90.00) is greater than unrefunded amount on charge ($79.00)"}})j");
    QCOMPARE(e.error().kind, ErrorKind::Conflict);
    QVERIFY(e.error().message.contains(QLatin1String("greater than unrefunded")));
    e = StripeProtocol::readRefund(
        401, R"({"error": {"type": "invalid_request_error", "message": "Invalid API Key"}})");
    QCOMPARE(e.error().kind, ErrorKind::Unauthenticated);
    e = StripeProtocol::readRefund(500, "<html>oops</html>");
    QCOMPARE(e.error().kind, ErrorKind::Unavailable);
}

void TestConnectorProtocols::stripeWebhookSignature()
{
    const QByteArray secret = "whsec_test";
    const QByteArray payload = R"({"id": "evt_1", "type": "refund.failed", "data": {"object": {"id": "re_1",
        "object": "refund", "amount": 5000, "currency": "usd", "status": "failed",
        "failure_reason": "expired_or_canceled_card"}}})";
    const qint64 now = 1767225600;
    const QByteArray header = StripeProtocol::signatureHeader(payload, secret, now);
    auto event = StripeProtocol::verifyWebhook(payload, header, secret, now + 10);
    QVERIFY2(event, event ? "" : qPrintable(event.error().message));
    QCOMPARE(event->type, QStringLiteral("refund.failed"));
    QCOMPARE(event->refund.id, QStringLiteral("re_1"));
    QCOMPARE(event->refund.failureReason, QStringLiteral("expired_or_canceled_card"));
    // Another v1 beside the right one (a secret being rolled) still holds.
    QVERIFY(StripeProtocol::verifyWebhook(payload, header + ",v1=" + QByteArray(64, 'a'), secret, now));
    QCOMPARE(
        StripeProtocol::verifyWebhook(payload, header, "whsec_other", now).error().kind, ErrorKind::Unauthenticated);
    QVERIFY(!StripeProtocol::verifyWebhook(payload + " ", header, secret, now)); // the body changed
    QVERIFY(!StripeProtocol::verifyWebhook(payload, header, secret, now + 301)); // too old
    QVERIFY(!StripeProtocol::verifyWebhook(payload, "t=1,v0=abc", secret, 1));
    const QByteArray other = R"({"id": "evt_2", "type": "charge.succeeded", "data": {"object": {}}})";
    QCOMPARE(StripeProtocol::verifyWebhook(other, StripeProtocol::signatureHeader(other, secret, now), secret, now)
                 .error()
                 .kind,
        ErrorKind::InvalidArgument);
}

void TestConnectorProtocols::httpRequestFromTemplates()
{
    Connector c;
    c.kind = ConnectorKind::Http;
    c.name = QStringLiteral("shop");
    c.purposes = {ConnectorPurpose::Order, ConnectorPurpose::Ticket};
    c.url = QUrl(QStringLiteral("https://shop.example/api/"));
    c.auth.type = ConnectorAuth::Type::Basic;
    c.auth.username = QStringLiteral("tierdesk");
    c.auth.secret = "s3cret";
    ConnectorRequest order;
    order.path = QStringLiteral("/orders/{orderId}");
    order.query = {{QStringLiteral("customer"), QStringLiteral("{customerId}")}};
    c.requests.insert(ConnectorPurpose::Order, order);
    ConnectorInput in;
    in.values
        = {{QStringLiteral("orderId"), QStringLiteral("#1001")}, {QStringLiteral("customerId"), QStringLiteral("a&b")}};
    const Result<OutboundRequest> r = ConnectorClient::request(c, in, QDateTime::currentDateTimeUtc());
    QVERIFY2(r, r ? "" : qPrintable(r.error().message));
    QCOMPARE(r->method, QByteArray("GET"));
    QCOMPARE(r->url.toEncoded(), QByteArray("https://shop.example/api/orders/%231001?customer=a%26b"));
    QVERIFY(r->body.isEmpty());
    bool authorized = false;
    for (const auto &h : r->headers)
        authorized |= h.first == "Authorization" && h.second == "Basic " + QByteArray("tierdesk:s3cret").toBase64();
    QVERIFY(authorized);
    in.purpose = ConnectorPurpose::Refund; // not served
    QCOMPARE(ConnectorClient::request(c, in, QDateTime::currentDateTimeUtc()).error().field, QStringLiteral("purpose"));
    in.purpose = ConnectorPurpose::Ticket; // served, but no request for it
    QCOMPARE(
        ConnectorClient::request(c, in, QDateTime::currentDateTimeUtc()).error().field, QStringLiteral("requests"));
}

// botocore's SigV4Auth signs the same request; the Authorization headers must be equal.
void TestConnectorProtocols::sigv4MatchesBotocore()
{
    OutboundRequest r;
    r.url = QUrl(QStringLiteral("https://abc123.lambda-url.eu-west-1.on.aws/orders/a%20b?x=1&a=2"));
    r.body = R"({"Name": "ContactFlowEvent"})";
    r.headers.append({QByteArrayLiteral("Content-Type"), QByteArrayLiteral("application/json")});
    const QDateTime at(QDate(2026, 1, 2), QTime(3, 4, 5), Qt::UTC);
    SigV4Signer::sign(r, {"AKIDEXAMPLE", "wJalrXUtnFEMI/K7MDENG+bPxRfiCYEXAMPLEKEY", "eu-west-1", "lambda"}, at);
    QByteArray ours;
    for (const auto &h : r.headers)
        if (h.first == "Authorization")
            ours = h.second;
    const QString script = QStringLiteral(R"(
import datetime, sys
import botocore.auth
from botocore.auth import SigV4Auth
from botocore.awsrequest import AWSRequest
from botocore.credentials import Credentials
class Fixed(datetime.datetime):
    @classmethod
    def utcnow(cls):
        return datetime.datetime(2026, 1, 2, 3, 4, 5)
botocore.auth.datetime.datetime = Fixed
request = AWSRequest(method="POST", url=sys.argv[1], data=sys.argv[2].encode(),
                     headers={"Content-Type": "application/json"})
SigV4Auth(Credentials("AKIDEXAMPLE", "wJalrXUtnFEMI/K7MDENG+bPxRfiCYEXAMPLEKEY"), "lambda", "eu-west-1").add_auth(request)
print(request.headers["Authorization"])
)");
    QProcess python;
    python.start(QStringLiteral("/usr/bin/python3"),
        {QStringLiteral("-c"), script, QString::fromLatin1(r.url.toEncoded()), QString::fromUtf8(r.body)});
    QVERIFY(python.waitForFinished(30000));
    const QByteArray theirs = python.readAllStandardOutput().trimmed();
    QVERIFY2(!theirs.isEmpty(), python.readAllStandardError().constData());
    QCOMPARE(ours, theirs);
}

QTEST_GUILESS_MAIN(TestConnectorProtocols)
#include "tst_connectorprotocols.moc"
