// ConnectorClient::request(): the request of each kind and purpose, with its auth.
#include "core/integrations/connectors/ConnectorClient.h"

#include "core/integrations/connectors/SigV4Signer.h"

namespace tierdesk::connectors {

namespace {

Error inputError(const QString &field, const QString &message)
{
    return makeError(ErrorKind::InvalidArgument, message, {{QStringLiteral("field"), field}});
}

QString valueOf(const ConnectorInput &in, const char *name)
{
    return in.values.value(QLatin1String(name));
}

QUrl joined(const QUrl &base, const QString &encodedPathAndQuery)
{
    return QUrl(base.toString(QUrl::FullyEncoded | QUrl::StripTrailingSlash) + encodedPathAndQuery, QUrl::StrictMode);
}

Result<OutboundRequest> lambdaRequest(const Connector &c, const ConnectorInput &in)
{
    QMap<QString, QString> parameters;
    for (const char *name : {"orderId", "customerId"}) {
        if (in.values.contains(QLatin1String(name)))
            parameters.insert(QLatin1String(name), valueOf(in, name));
    }
    if (!parameters.contains(QStringLiteral("orderId")))
        return inputError(QStringLiteral("orderId"), QStringLiteral("a Lambda is asked for one order: orderId"));
    OutboundRequest r;
    r.url = c.url;
    r.body = ConnectEvent::invocation(in.contact, parameters);
    r.headers.append({QByteArrayLiteral("Content-Type"), QByteArrayLiteral("application/json")});
    r.timeoutMs = qMin(c.timeoutMs, ConnectEvent::kMaxTimeoutMs);
    r.keepResponseBytes = ConnectEvent::kMaxAnswerBytes;
    return r;
}

Result<OutboundRequest> httpRequest(const Connector &c, const ConnectorInput &in)
{
    const auto spec = c.requests.constFind(in.purpose);
    if (spec == c.requests.constEnd())
        return inputError(QStringLiteral("requests"),
            QStringLiteral("the connector has no request for %1").arg(toString(in.purpose)));
    using T = RequestTemplate;
    Result<QString> path = T::fill(spec->path, in.values, T::Encoding::Url);
    if (!path)
        return inputError(QStringLiteral("input"), path.error().message);
    QString query;
    for (const auto &item : spec->query) {
        Result<QString> value = T::fill(item.second, in.values, T::Encoding::Url);
        if (!value)
            return inputError(QStringLiteral("input"), value.error().message);
        query += (query.isEmpty() ? QStringLiteral("?") : QStringLiteral("&"))
            + QString::fromLatin1(QUrl::toPercentEncoding(item.first)) + QLatin1Char('=') + *value;
    }
    Result<QString> body = T::fill(spec->body, in.values, T::Encoding::Json);
    if (!body)
        return inputError(QStringLiteral("input"), body.error().message);
    OutboundRequest r;
    r.method = spec->method.toLatin1();
    r.url = joined(c.url, *path + query);
    r.body = body->toUtf8();
    if (!r.body.isEmpty())
        r.headers.append({QByteArrayLiteral("Content-Type"), QByteArrayLiteral("application/json")});
    r.headers.append({QByteArrayLiteral("Accept"), QByteArrayLiteral("application/json")});
    if (in.values.contains(QStringLiteral("idempotencyKey")))
        r.headers.append({QByteArrayLiteral("Idempotency-Key"), valueOf(in, "idempotencyKey").toUtf8()});
    r.timeoutMs = c.timeoutMs;
    r.keepResponseBytes = ConnectorClient::kMaxAnswerBytes;
    return r;
}

qint64 minorAmount(const ConnectorInput &in, bool *ok)
{
    if (in.values.contains(QStringLiteral("amountCents")))
        return valueOf(in, "amountCents").toLongLong(ok);
    const double amount = valueOf(in, "amount").toDouble(ok);
    return StripeProtocol::toMinor(amount, valueOf(in, "currency"));
}

Result<OutboundRequest> stripeRequest(const Connector &c, const ConnectorInput &in)
{
    bool amountOk = false;
    const qint64 minor = minorAmount(in, &amountOk);
    if (!amountOk || minor <= 0)
        return inputError(QStringLiteral("amount"), QStringLiteral("an amount above zero is needed"));
    const QString key = valueOf(in, "idempotencyKey");
    if (key.isEmpty() || key.size() > 255)
        return inputError(QStringLiteral("idempotencyKey"), QStringLiteral("money at Stripe needs an idempotency key"));
    QMap<QString, QString> metadata{{QStringLiteral("sessionId"), valueOf(in, "sessionId")},
        {QStringLiteral("action"), toString(in.purpose)}, {QStringLiteral("orderId"), valueOf(in, "orderId")}};
    if (in.values.contains(QStringLiteral("moneyActionId"))) // Tierdesk's money action (MoneyOutbox)
        metadata.insert(QStringLiteral("moneyActionId"), valueOf(in, "moneyActionId"));
    OutboundRequest r;
    if (in.purpose == ConnectorPurpose::Refund) {
        Result<QByteArray> form = StripeProtocol::refundForm({valueOf(in, "paymentReference"), minor, metadata});
        if (!form)
            return form.error();
        r.url = joined(c.url, QStringLiteral("/v1/refunds"));
        r.body = *form;
    } else {
        const QString customer = valueOf(in, "customerId");
        const QString currency = valueOf(in, "currency");
        if (!customer.startsWith(QLatin1String("cus_")))
            return inputError(
                QStringLiteral("customerId"), QStringLiteral("a credit needs the Stripe customer (cus_...)"));
        if (currency.size() != 3)
            return inputError(QStringLiteral("currency"), QStringLiteral("a credit needs a three-letter currency"));
        r.url = joined(c.url, StripeProtocol::creditPath(customer));
        r.body = StripeProtocol::creditForm({customer, minor, currency, valueOf(in, "reason"), metadata});
    }
    r.headers.append({QByteArrayLiteral("Content-Type"), QByteArrayLiteral("application/x-www-form-urlencoded")});
    r.headers.append({QByteArrayLiteral("Idempotency-Key"), key.toUtf8()});
    r.timeoutMs = c.timeoutMs;
    r.keepResponseBytes = ConnectorClient::kMaxAnswerBytes;
    return r;
}

} // namespace

void ConnectorClient::addAuth(OutboundRequest &r, const ConnectorAuth &auth, const QDateTime &now)
{
    using T = ConnectorAuth::Type;
    switch (auth.type) {
    case T::None:
        return;
    case T::Bearer:
        r.headers.append({QByteArrayLiteral("Authorization"), "Bearer " + auth.secret});
        return;
    case T::Basic:
        r.headers.append({QByteArrayLiteral("Authorization"),
            "Basic " + QByteArray(auth.username.toUtf8() + ':' + auth.secret).toBase64()});
        return;
    case T::Header:
        r.headers.append({auth.headerName.toLatin1(), auth.secret});
        return;
    case T::SigV4:
        SigV4Signer::sign(r,
            SigV4Credentials{auth.accessKeyId.toLatin1(), auth.secret, auth.region.toLatin1(), auth.service.toLatin1()},
            now);
        return;
    }
}

Result<OutboundRequest> ConnectorClient::request(const Connector &c, const ConnectorInput &in, const QDateTime &now)
{
    if (!c.serves(in.purpose))
        return inputError(QStringLiteral("purpose"),
            QStringLiteral("the connector \"%1\" does not serve %2").arg(c.name, toString(in.purpose)));
    Result<OutboundRequest> r = c.kind == ConnectorKind::Lambda ? lambdaRequest(c, in)
        : c.kind == ConnectorKind::Stripe                       ? stripeRequest(c, in)
                                                                : httpRequest(c, in);
    if (!r)
        return r;
    if (!r->url.isValid())
        return inputError(QStringLiteral("input"), QStringLiteral("the values make no valid URL"));
    addAuth(*r, c.auth, now);
    return r;
}

ConnectorAnswer ConnectorClient::dryRun(const Connector &c, const ConnectorInput &in, const QDateTime &now)
{
    ConnectorAnswer a;
    const Result<OutboundRequest> r = request(c, in, now);
    if (!r) {
        a.errorKind = r.error().kind;
        a.error = r.error().message;
        return a;
    }
    a.ok = true;
    a.method = r->method;
    a.url = r->url;
    return a;
}

} // namespace tierdesk::connectors
