#include "core/integrations/connectors/StripeProtocol.h"

#include "core/integrations/WebhookSigner.h"

#include <QJsonDocument>
#include <QJsonObject>
#include <QMessageAuthenticationCode>
#include <QUrl>

#include <cmath>

namespace tierdesk::connectors {

namespace {

bool zeroDecimal(const QString &currency)
{
    static const QStringList zero{QStringLiteral("bif"), QStringLiteral("clp"), QStringLiteral("djf"),
        QStringLiteral("gnf"), QStringLiteral("jpy"), QStringLiteral("kmf"), QStringLiteral("krw"),
        QStringLiteral("mga"), QStringLiteral("pyg"), QStringLiteral("rwf"), QStringLiteral("ugx"),
        QStringLiteral("vnd"), QStringLiteral("vuv"), QStringLiteral("xaf"), QStringLiteral("xof"),
        QStringLiteral("xpf")};
    return zero.contains(currency.toLower());
}

void appendMetadata(QList<QPair<QString, QString>> &fields, const QMap<QString, QString> &metadata)
{
    int n = 0;
    for (auto it = metadata.constBegin(); it != metadata.constEnd() && n < StripeProtocol::kMaxMetadataKeys; ++it, ++n)
        fields.append({QStringLiteral("metadata[%1]").arg(it.key()), it.value().left(500)});
}

std::optional<QJsonObject> objectOf(const QByteArray &body)
{
    QJsonParseError err{};
    const QJsonDocument doc = QJsonDocument::fromJson(body, &err);
    if (err.error != QJsonParseError::NoError || !doc.isObject())
        return std::nullopt;
    return doc.object();
}

// Stripe's error object as an Error: its type, code and param kept in the details.
Error stripeError(int status, const QByteArray &body)
{
    const std::optional<QJsonObject> answer = objectOf(body);
    const QJsonObject e = answer ? answer->value(QLatin1String("error")).toObject() : QJsonObject();
    const QString type = e.value(QLatin1String("type")).toString();
    const QString code = e.value(QLatin1String("code")).toString();
    const QString param = e.value(QLatin1String("param")).toString();
    QString message = e.value(QLatin1String("message")).toString().left(300);
    if (message.isEmpty())
        message = QStringLiteral("Stripe answered HTTP %1").arg(status);
    const QJsonObject details{{QStringLiteral("status"), status}, {QStringLiteral("type"), type},
        {QStringLiteral("code"), code}, {QStringLiteral("param"), param}};
    ErrorKind kind = ErrorKind::Unavailable;
    if (status == 401 || status == 403)
        kind = ErrorKind::Unauthenticated;
    else if (code == QLatin1String("charge_already_refunded") || code == QLatin1String("amount_too_large")
        || (type == QLatin1String("invalid_request_error") && param == QLatin1String("amount")))
        kind = ErrorKind::Conflict;
    else if (type == QLatin1String("invalid_request_error") && status >= 400 && status < 500)
        kind = ErrorKind::InvalidArgument;
    return makeError(kind, QStringLiteral("Stripe: ") + message, details);
}

std::optional<StripeRefund::State> refundState(const QString &status)
{
    using S = StripeRefund::State;
    static const QHash<QString, S> states{{QStringLiteral("succeeded"), S::Succeeded},
        {QStringLiteral("pending"), S::Pending}, {QStringLiteral("requires_action"), S::RequiresAction},
        {QStringLiteral("failed"), S::Failed}, {QStringLiteral("canceled"), S::Canceled}};
    const auto it = states.constFind(status);
    if (it == states.constEnd())
        return std::nullopt;
    return *it;
}

Result<StripeRefund> refundOf(const QJsonObject &o)
{
    const auto state = refundState(o.value(QLatin1String("status")).toString());
    const QString id = o.value(QLatin1String("id")).toString();
    if (o.value(QLatin1String("object")).toString() != QLatin1String("refund") || !id.startsWith(QLatin1String("re_"))
        || !state || !o.value(QLatin1String("amount")).isDouble())
        return makeError(ErrorKind::Unavailable, QStringLiteral("Stripe's answer is not a refund"));
    StripeRefund r;
    r.id = id.left(255);
    r.state = *state;
    r.amountMinor = static_cast<qint64>(o.value(QLatin1String("amount")).toDouble());
    r.currency = o.value(QLatin1String("currency")).toString().left(10);
    r.failureReason = o.value(QLatin1String("failure_reason")).toString().left(100);
    const QJsonObject metadata = o.value(QLatin1String("metadata")).toObject();
    for (auto it = metadata.constBegin(); it != metadata.constEnd(); ++it)
        r.metadata.insert(it.key(), it.value().toString());
    return r;
}

// The pairs of a Stripe-Signature header: t and every v1.
bool parseSignature(const QByteArray &header, qint64 *t, QList<QByteArray> *v1)
{
    bool haveT = false;
    for (const QByteArray &part : header.split(',')) {
        const qsizetype eq = part.indexOf('=');
        if (eq <= 0)
            continue;
        const QByteArray key = part.left(eq).trimmed();
        const QByteArray value = part.mid(eq + 1).trimmed();
        if (key == "t")
            *t = value.toLongLong(&haveT);
        else if (key == "v1" && value.size() == 64)
            v1->append(value.toLower());
    }
    return haveT && !v1->isEmpty();
}

Error badSignature(const QString &why)
{
    return makeError(ErrorKind::Unauthenticated, ErrorDetail::SignatureInvalid, why);
}

} // namespace

QString toString(StripeRefund::State state)
{
    switch (state) {
    case StripeRefund::State::Succeeded:
        return QStringLiteral("succeeded");
    case StripeRefund::State::Pending:
        return QStringLiteral("pending");
    case StripeRefund::State::RequiresAction:
        return QStringLiteral("requires_action");
    case StripeRefund::State::Failed:
        return QStringLiteral("failed");
    case StripeRefund::State::Canceled:
        break;
    }
    return QStringLiteral("canceled");
}

qint64 StripeProtocol::toMinor(double amount, const QString &currency)
{
    return static_cast<qint64>(std::llround(zeroDecimal(currency) ? amount : amount * 100.0));
}

double StripeProtocol::fromMinor(qint64 minor, const QString &currency)
{
    return zeroDecimal(currency) ? double(minor) : double(minor) / 100.0;
}

QByteArray StripeProtocol::form(const QList<QPair<QString, QString>> &fields)
{
    QByteArray out;
    for (const auto &f : fields) {
        if (!out.isEmpty())
            out += '&';
        out += QUrl::toPercentEncoding(f.first) + '=' + QUrl::toPercentEncoding(f.second);
    }
    return out;
}

Result<QByteArray> StripeProtocol::refundForm(const StripeRefundAsk &ask)
{
    QList<QPair<QString, QString>> fields;
    if (ask.paymentReference.startsWith(QLatin1String("pi_")))
        fields.append({QStringLiteral("payment_intent"), ask.paymentReference});
    else if (ask.paymentReference.startsWith(QLatin1String("ch_")))
        fields.append({QStringLiteral("charge"), ask.paymentReference});
    else
        return makeError(ErrorKind::InvalidArgument,
            QStringLiteral("the order's paymentReference is neither a PaymentIntent (pi_...) nor a Charge (ch_...)"),
            {{QStringLiteral("field"), QStringLiteral("paymentReference")}});
    if (ask.amountMinor <= 0)
        return makeError(ErrorKind::InvalidArgument, QStringLiteral("a refund's amount must be above zero"),
            {{QStringLiteral("field"), QStringLiteral("amount")}});
    fields.append({QStringLiteral("amount"), QString::number(ask.amountMinor)});
    fields.append({QStringLiteral("reason"), QStringLiteral("requested_by_customer")});
    appendMetadata(fields, ask.metadata);
    return form(fields);
}

QByteArray StripeProtocol::creditForm(const StripeCreditAsk &ask)
{
    QList<QPair<QString, QString>> fields{{QStringLiteral("amount"), QString::number(-qAbs(ask.amountMinor))},
        {QStringLiteral("currency"), ask.currency.toLower()}};
    if (!ask.description.isEmpty())
        fields.append({QStringLiteral("description"), ask.description.left(350)});
    appendMetadata(fields, ask.metadata);
    return form(fields);
}

QString StripeProtocol::creditPath(const QString &customerId)
{
    return QStringLiteral("/v1/customers/%1/balance_transactions")
        .arg(QString::fromLatin1(QUrl::toPercentEncoding(customerId)));
}

Result<StripeRefund> StripeProtocol::readRefund(int status, const QByteArray &body)
{
    if (status < 200 || status > 299)
        return stripeError(status, body);
    const std::optional<QJsonObject> o = objectOf(body);
    if (!o)
        return makeError(ErrorKind::Unavailable, QStringLiteral("Stripe's answer is not JSON"));
    return refundOf(*o);
}

Result<StripeBalanceTransaction> StripeProtocol::readBalanceTransaction(int status, const QByteArray &body)
{
    if (status < 200 || status > 299)
        return stripeError(status, body);
    const std::optional<QJsonObject> o = objectOf(body);
    const QString id = o ? o->value(QLatin1String("id")).toString() : QString();
    if (!o || o->value(QLatin1String("object")).toString() != QLatin1String("customer_balance_transaction")
        || id.isEmpty() || !o->value(QLatin1String("amount")).isDouble())
        return makeError(ErrorKind::Unavailable, QStringLiteral("Stripe's answer is not a balance transaction"));
    StripeBalanceTransaction t;
    t.id = id.left(255);
    t.amountMinor = static_cast<qint64>(o->value(QLatin1String("amount")).toDouble());
    t.currency = o->value(QLatin1String("currency")).toString().left(10);
    t.endingBalanceMinor = static_cast<qint64>(o->value(QLatin1String("ending_balance")).toDouble());
    return t;
}

QByteArray StripeProtocol::signatureHeader(const QByteArray &payload, const QByteArray &secret, qint64 timestampSecs)
{
    const QByteArray t = QByteArray::number(timestampSecs);
    const QByteArray mac
        = QMessageAuthenticationCode::hash(t + '.' + payload, secret, QCryptographicHash::Sha256).toHex();
    return "t=" + t + ",v1=" + mac;
}

Result<StripeRefundEvent> StripeProtocol::verifyWebhook(
    const QByteArray &payload, const QByteArray &header, const QByteArray &secret, qint64 nowSecs)
{
    qint64 t = 0;
    QList<QByteArray> v1;
    if (secret.isEmpty())
        return badSignature(QStringLiteral("the connector has no webhookSecret"));
    if (!parseSignature(header, &t, &v1))
        return badSignature(QStringLiteral("no t= and v1= in Stripe-Signature"));
    if (qAbs(nowSecs - t) > kWebhookToleranceSecs)
        return badSignature(QStringLiteral("the signature's timestamp is outside the tolerance"));
    const QByteArray expected
        = QMessageAuthenticationCode::hash(QByteArray::number(t) + '.' + payload, secret, QCryptographicHash::Sha256)
              .toHex();
    const bool matches
        = std::any_of(v1.cbegin(), v1.cend(), [&](const QByteArray &sig) { return constantTimeEquals(sig, expected); });
    if (!matches)
        return badSignature(QStringLiteral("no v1 signature matches"));
    const std::optional<QJsonObject> event = objectOf(payload);
    const QString type = event ? event->value(QLatin1String("type")).toString() : QString();
    if (type != QLatin1String("refund.updated") && type != QLatin1String("refund.failed"))
        return makeError(ErrorKind::InvalidArgument, QStringLiteral("not a refund.updated or refund.failed event"));
    Result<StripeRefund> refund
        = refundOf(event->value(QLatin1String("data")).toObject().value(QLatin1String("object")).toObject());
    if (!refund)
        return makeError(ErrorKind::InvalidArgument, refund.error().message);
    return StripeRefundEvent{event->value(QLatin1String("id")).toString().left(255), type, *refund};
}

} // namespace tierdesk::connectors
