#include "core/api/cs/CsConnectorJson.h"

#include "core/common/Time.h"

#include <QJsonArray>
#include <QJsonDocument>

#include <cmath>

namespace tierdesk::api::cs {

namespace {

Error wrongType(const char *field, const QString &what)
{
    return makeError(ErrorKind::InvalidArgument, QStringLiteral("%1 must be %2").arg(QLatin1String(field), what),
        {{QStringLiteral("field"), QLatin1String(field)}});
}

bool allStrings(const QJsonObject &o)
{
    return std::all_of(o.begin(), o.end(), [](const QJsonValue &v) { return v.isString(); });
}

Status readAuth(const QJsonValue &value, ConnectorDraft &d)
{
    if (value.isUndefined())
        return Ok{};
    const QJsonObject auth = value.toObject();
    if (!value.isObject() || !allStrings(auth))
        return wrongType("auth", QStringLiteral("an object of strings: {\"type\", ...}"));
    d.authType = auth.value(QLatin1String("type")).toString();
    d.username = auth.value(QLatin1String("username")).toString();
    d.headerName = auth.value(QLatin1String("name")).toString();
    d.accessKeyId = auth.value(QLatin1String("accessKeyId")).toString();
    d.region = auth.value(QLatin1String("region")).toString();
    d.service = auth.value(QLatin1String("service")).toString();
    // The one secret each type has.
    for (const char *secret : {"token", "password", "value", "secretAccessKey"})
        if (auth.contains(QLatin1String(secret)))
            d.secret = auth.value(QLatin1String(secret)).toString().toUtf8();
    return Ok{};
}

Result<ConnectorRequest> readRequest(const QJsonValue &value)
{
    const QJsonObject o = value.toObject();
    const QJsonValue query = o.value(QLatin1String("query"));
    const QJsonValue body = o.value(QLatin1String("body"));
    if (!value.isObject() || !o.value(QLatin1String("method")).isString() || !o.value(QLatin1String("path")).isString()
        || (!query.isUndefined() && (!query.isObject() || !allStrings(query.toObject())))
        || !(body.isUndefined() || body.isString() || body.isObject() || body.isArray()))
        return wrongType("requests",
            QStringLiteral("{\"<purpose>\": {\"method\", \"path\", \"query\"?: {name: template}, \"body\"?}}"));
    ConnectorRequest r;
    r.method = o.value(QLatin1String("method")).toString().toUpper();
    r.path = o.value(QLatin1String("path")).toString();
    const QJsonObject q = query.toObject();
    for (auto it = q.constBegin(); it != q.constEnd(); ++it)
        r.query.append({it.key(), it.value().toString()});
    if (body.isString())
        r.body = body.toString();
    else if (body.isObject())
        r.body = QString::fromUtf8(QJsonDocument(body.toObject()).toJson(QJsonDocument::Compact));
    else if (body.isArray())
        r.body = QString::fromUtf8(QJsonDocument(body.toArray()).toJson(QJsonDocument::Compact));
    return r;
}

Result<FieldPointers> readFields(const QJsonValue &value)
{
    const Error shape = wrongType("fields",
        QStringLiteral(
            "{\"<purpose>\": {\"<field>\": \"/pointer\", \"items\"?: {\"at\", \"name\", \"quantity\", \"price\"}}}"));
    if (!value.isObject())
        return shape;
    FieldPointers f;
    const QJsonObject o = value.toObject();
    for (auto it = o.constBegin(); it != o.constEnd(); ++it) {
        if (it.key() == QLatin1String("items")) {
            const QJsonObject items = it.value().toObject();
            if (!it.value().isObject() || !allStrings(items))
                return shape;
            f.items = ItemPointers{items.value(QLatin1String("at")).toString(),
                items.value(QLatin1String("name")).toString(), items.value(QLatin1String("quantity")).toString(),
                items.value(QLatin1String("price")).toString()};
        } else if (it.value().isString()) {
            f.fields.insert(it.key(), it.value().toString());
        } else {
            return shape;
        }
    }
    return f;
}

Status readHttpParts(const QJsonObject &body, ConnectorDraft &d)
{
    const QJsonValue requests = body.value(QLatin1String("requests"));
    const QJsonValue fields = body.value(QLatin1String("fields"));
    if (!requests.isUndefined() && !requests.isObject())
        return wrongType("requests", QStringLiteral("an object by purpose"));
    if (!fields.isUndefined() && !fields.isObject())
        return wrongType("fields", QStringLiteral("an object by purpose"));
    const QJsonObject r = requests.toObject();
    for (auto it = r.constBegin(); it != r.constEnd(); ++it) {
        Result<ConnectorRequest> one = readRequest(it.value());
        if (!one)
            return one.error();
        d.requests.insert(it.key(), *one);
    }
    const QJsonObject f = fields.toObject();
    for (auto it = f.constBegin(); it != f.constEnd(); ++it) {
        Result<FieldPointers> one = readFields(it.value());
        if (!one)
            return one.error();
        d.fields.insert(it.key(), *one);
    }
    return Ok{};
}

QJsonObject requestJson(const ConnectorRequest &r)
{
    QJsonObject out{{QStringLiteral("method"), r.method}, {QStringLiteral("path"), r.path}};
    if (!r.query.isEmpty()) {
        QJsonObject query;
        for (const auto &item : r.query)
            query.insert(item.first, item.second);
        out.insert(QStringLiteral("query"), query);
    }
    if (!r.body.isEmpty())
        out.insert(QStringLiteral("body"), r.body);
    return out;
}

QJsonObject fieldsJson(const FieldPointers &f)
{
    QJsonObject out;
    for (auto it = f.fields.constBegin(); it != f.fields.constEnd(); ++it)
        out.insert(it.key(), it.value());
    if (f.items)
        out.insert(QStringLiteral("items"),
            QJsonObject{{QStringLiteral("at"), f.items->at}, {QStringLiteral("name"), f.items->name},
                {QStringLiteral("quantity"), f.items->quantity}, {QStringLiteral("price"), f.items->price}});
    return out;
}

QJsonObject authJson(const ConnectorAuth &a)
{
    QJsonObject out{{QStringLiteral("type"), toString(a.type)}, {QStringLiteral("hasSecret"), !a.secret.isEmpty()}};
    const std::pair<const char *, QString> params[]
        = {{"username", a.username}, {"name", a.headerName}, {"accessKeyId", a.accessKeyId}, {"region", a.region}};
    for (const auto &[key, value] : params)
        if (!value.isEmpty())
            out.insert(QLatin1String(key), value);
    if (a.type == ConnectorAuth::Type::SigV4)
        out.insert(QStringLiteral("service"), a.service);
    return out;
}

QJsonValue resultJson(const ConnectorTest &t)
{
    const connectors::ConnectorAnswer &a = t.answer;
    if (t.dryRun)
        return QJsonObject{{QStringLiteral("dryRun"), true}};
    if (t.purpose == ConnectorPurpose::Order) {
        QJsonObject out{{QStringLiteral("found"), a.found}};
        if (a.order)
            out.insert(QStringLiteral("order"), sourcedOrderJson(*a.order));
        return out;
    }
    if (t.purpose == ConnectorPurpose::Orders) {
        QJsonArray orders;
        for (const SourcedOrder &o : a.orders)
            orders.append(sourcedOrderJson(o));
        return QJsonObject{{QStringLiteral("orders"), orders}};
    }
    QJsonObject fields;
    for (auto it = a.fields.constBegin(); it != a.fields.constEnd(); ++it)
        fields.insert(it.key(), it.value());
    return QJsonObject{{QStringLiteral("found"), a.found}, {QStringLiteral("fields"), fields}};
}

} // namespace

Result<ConnectorDraft> connectorDraft(const QString &name, const QJsonObject &body)
{
    for (const char *text : {"kind", "url", "webhookSecret"}) {
        const QJsonValue v = body.value(QLatin1String(text));
        if (!v.isUndefined() && !v.isString())
            return wrongType(text, QStringLiteral("a string"));
    }
    const QJsonValue purposes = body.value(QLatin1String("purposes"));
    const QJsonArray list = purposes.toArray();
    if (!purposes.isArray() || !std::all_of(list.begin(), list.end(), [](const QJsonValue &v) { return v.isString(); }))
        return wrongType(
            "purposes", QStringLiteral("an array of purposes (order, orders, customer, refund, credit, ticket)"));
    const QJsonValue timeout = body.value(QLatin1String("timeoutMs"));
    ConnectorDraft d;
    if (!timeout.isUndefined()) {
        const double ms = timeout.toDouble(-1);
        if (!timeout.isDouble() || ms != std::floor(ms) || ms < 0 || ms > 1e6)
            return wrongType("timeoutMs", QStringLiteral("a whole number of milliseconds"));
        d.timeoutMs = static_cast<int>(ms);
    }
    d.name = name;
    d.kind = body.value(QLatin1String("kind")).toString();
    for (const QJsonValue &p : list)
        d.purposes << p.toString();
    d.url = body.value(QLatin1String("url")).toString();
    d.webhookSecret = body.value(QLatin1String("webhookSecret")).toString().toUtf8();
    if (const Status auth = readAuth(body.value(QLatin1String("auth")), d); !auth)
        return auth.error();
    if (const Status http = readHttpParts(body, d); !http)
        return http.error();
    return d;
}

QJsonObject connectorJson(const Connector &c)
{
    QJsonArray purposes;
    for (const ConnectorPurpose p : c.purposes)
        purposes.append(toString(p));
    QJsonObject out{{QStringLiteral("name"), c.name}, {QStringLiteral("kind"), toString(c.kind)},
        {QStringLiteral("purposes"), purposes}, {QStringLiteral("url"), c.url.toString()},
        {QStringLiteral("auth"), authJson(c.auth)}, {QStringLiteral("timeoutMs"), c.timeoutMs},
        {QStringLiteral("createdAt"), timefmt::iso(c.createdAt)}};
    if (c.kind == ConnectorKind::Http) {
        QJsonObject requests;
        for (auto it = c.requests.constBegin(); it != c.requests.constEnd(); ++it)
            requests.insert(toString(it.key()), requestJson(it.value()));
        QJsonObject fields;
        for (auto it = c.fields.constBegin(); it != c.fields.constEnd(); ++it)
            fields.insert(toString(it.key()), fieldsJson(it.value()));
        out.insert(QStringLiteral("requests"), requests);
        out.insert(QStringLiteral("fields"), fields);
    }
    if (c.kind == ConnectorKind::Stripe)
        out.insert(QStringLiteral("hasWebhookSecret"), !c.webhookSecret.isEmpty());
    return out;
}

QJsonObject connectorTestJson(const ConnectorTest &t)
{
    const connectors::ConnectorAnswer &a = t.answer;
    QJsonObject out{{QStringLiteral("ok"), a.ok}, {QStringLiteral("latencyMs"), a.latencyMs},
        {QStringLiteral("request"),
            QJsonObject{{QStringLiteral("method"), QString::fromLatin1(a.method)},
                {QStringLiteral("url"), a.url.toString(QUrl::FullyEncoded)}}}};
    if (a.status > 0)
        out.insert(QStringLiteral("status"), a.status);
    if (a.ok)
        out.insert(QStringLiteral("result"), resultJson(t));
    else
        out.insert(QStringLiteral("error"), a.error);
    return out;
}

QJsonObject connectorCallJson(const ConnectorCall &call)
{
    QJsonObject out{{QStringLiteral("at"), timefmt::iso(call.at)}, {QStringLiteral("purpose"), toString(call.purpose)},
        {QStringLiteral("sessionId"), call.sessionId.isEmpty() ? QJsonValue() : QJsonValue(call.sessionId)},
        {QStringLiteral("ok"), call.ok}, {QStringLiteral("status"), call.status},
        {QStringLiteral("latencyMs"), call.latencyMs}};
    if (!call.error.isEmpty())
        out.insert(QStringLiteral("error"), call.error);
    return out;
}

QJsonObject sourcedOrderJson(const SourcedOrder &o)
{
    QJsonObject out{{QStringLiteral("source"), o.source}};
    const Order &d = o.order;
    const std::pair<const char *, QString> texts[] = {{"id", d.id}, {"status", d.status}, {"currency", o.currency},
        {"customerId", d.customerId}, {"customerEmail", o.customerEmail}, {"paymentReference", o.paymentReference},
        {"carrier", d.carrier}, {"trackingNumber", d.trackingNumber}, {"deliveryDate", o.deliveryDate}};
    for (const auto &[key, value] : texts)
        if (o.has(QLatin1String(key)))
            out.insert(QLatin1String(key), value);
    const std::pair<const char *, double> amounts[] = {{"total", d.total}, {"refundedAmount", d.refundedAmount}};
    for (const auto &[key, value] : amounts)
        if (o.has(QLatin1String(key)))
            out.insert(QLatin1String(key), value);
    const std::pair<const char *, qint64> times[] = {{"placedAt", d.placedAt}, {"shippedAt", d.shippedAt},
        {"estimatedDeliveryAt", d.estimatedDeliveryAt}, {"deliveredAt", d.deliveredAt}};
    for (const auto &[key, value] : times)
        if (o.has(QLatin1String(key)))
            out.insert(QLatin1String(key), timefmt::iso(value));
    if (o.has(QStringLiteral("items"))) {
        QJsonArray items;
        for (const OrderItem &i : d.items)
            items.append(QJsonObject{{QStringLiteral("name"), i.name}, {QStringLiteral("quantity"), i.quantity},
                {QStringLiteral("price"), i.price}});
        out.insert(QStringLiteral("items"), items);
    }
    return out;
}

} // namespace tierdesk::api::cs
