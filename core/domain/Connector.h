#pragma once

#include "core/domain/Entities.h"

#include <QByteArray>
#include <QHash>
#include <QList>
#include <QMap>
#include <QPair>
#include <QSet>
#include <QString>
#include <QStringList>
#include <QUrl>

#include <optional>

namespace tierdesk {

// How a connector speaks to the company's system (docs/api.md, "Connectors").
enum class ConnectorKind {
    Lambda, // seed 004's function behind a Lambda function URL, with Amazon Connect's invocation event
    Http, // the company's own API: a request per purpose, the answer's fields as JSON pointers
    Stripe, // refunds and customer balance credits at Stripe
};
QString toString(ConnectorKind kind);
std::optional<ConnectorKind> parseConnectorKind(const QString &name);
QStringList connectorKindNames();

// What a connector is asked for.
enum class ConnectorPurpose { Order, Orders, Customer, Refund, Credit, Ticket, Cancel };
QString toString(ConnectorPurpose purpose);
std::optional<ConnectorPurpose> parseConnectorPurpose(const QString &name);
QStringList connectorPurposeNames();
// The purposes each kind can serve.
QList<ConnectorPurpose> purposesOf(ConnectorKind kind);

// How requests prove who sends them. `secret` is the bearer token, the basic password,
// the header's value or the SigV4 secret access key: sealed in the store, never shown.
struct ConnectorAuth {
    enum class Type { None, Bearer, Basic, Header, SigV4 };
    Type type = Type::None;
    QString username; // basic
    QString headerName; // header
    QString accessKeyId; // sigv4
    QString region; // sigv4
    QString service = QStringLiteral("lambda"); // sigv4
    QByteArray secret;
};
QString toString(ConnectorAuth::Type type);
std::optional<ConnectorAuth::Type> parseConnectorAuthType(const QString &name);
QStringList connectorAuthTypeNames();

// One purpose's request of an `http` connector, with {placeholders} (RequestTemplate).
struct ConnectorRequest {
    QString method = QStringLiteral("GET");
    QString path; // appended to the connector's url
    QList<QPair<QString, QString>> query;
    QString body; // a template of the body's text (JSON); empty: no body
};

// Where an order's items are in an `http` answer: `at` points to the array, the
// others into each element.
struct ItemPointers {
    QString at;
    QString name;
    QString quantity;
    QString price;
};

// The answer fields of one purpose: field name -> RFC 6901 pointer.
struct FieldPointers {
    QHash<QString, QString> fields;
    std::optional<ItemPointers> items;
};

struct Connector {
    QString companyId;
    QString name; // unique per company
    ConnectorKind kind = ConnectorKind::Http;
    QList<ConnectorPurpose> purposes;
    QUrl url;
    ConnectorAuth auth;
    int timeoutMs = 5000;
    QMap<ConnectorPurpose, ConnectorRequest> requests; // http
    QMap<ConnectorPurpose, FieldPointers> fields; // http
    QByteArray webhookSecret; // stripe: whsec_..., sealed in the store
    qint64 createdAt = 0;

    bool serves(ConnectorPurpose p) const { return purposes.contains(p); }
};

// One call to a connector as its log keeps it: no secrets, no bodies.
struct ConnectorCall {
    qint64 at = 0;
    ConnectorPurpose purpose = ConnectorPurpose::Order;
    QString sessionId; // empty for a test or a call outside a session
    bool ok = false;
    int status = 0; // HTTP status; 0 when there was none
    qint64 latencyMs = 0;
    QString error;
};

// An order as the company's system tells it. `said` names the fields the source
// gave (Order's field names, plus currency, customerEmail, paymentReference,
// deliveryDate): what a source did not say is not said.
struct SourcedOrder {
    Order order;
    QString currency;
    QString customerEmail;
    QString paymentReference; // pi_... or ch_... at Stripe
    QString deliveryDate; // as the source wrote it (seed 004's function: free text)
    QSet<QString> said;
    QString source; // the connector's name, or "builtin"

    bool has(const QString &field) const { return said.contains(field); }
};

} // namespace tierdesk
