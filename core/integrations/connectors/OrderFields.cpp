#include "core/integrations/connectors/OrderFields.h"

#include "core/common/Time.h"
#include "core/integrations/connectors/JsonPointer.h"

#include <QJsonArray>

#include <cmath>

namespace tierdesk::connectors {

namespace {

Error wrongField(const QString &field, const QString &what)
{
    return makeError(ErrorKind::InvalidArgument, QStringLiteral("the answer's %1 is not %2").arg(field, what),
        {{QStringLiteral("field"), field}});
}

// A string, or a number written as text (an id of digits).
std::optional<QString> textOf(const QJsonValue &v)
{
    if (v.isString())
        return v.toString().left(OrderFields::kMaxTextChars);
    if (v.isDouble() && std::isfinite(v.toDouble()))
        return QString::number(v.toDouble(), 'f', v.toDouble() == std::floor(v.toDouble()) ? 0 : 2);
    return std::nullopt;
}

// A number, or a decimal string (Connect's map holds only strings).
std::optional<double> numberOf(const QJsonValue &v)
{
    double n = std::nan("");
    if (v.isDouble())
        n = v.toDouble();
    else if (v.isString()) {
        bool ok = false;
        n = v.toString().trimmed().toDouble(&ok);
        if (!ok)
            return std::nullopt;
    }
    if (!std::isfinite(n) || n < 0 || n > 1e12)
        return std::nullopt;
    return n;
}

// ISO 8601, or epoch seconds / milliseconds (a number above 1e11 is milliseconds).
std::optional<qint64> timeOf(const QJsonValue &v)
{
    if (v.isString()) {
        const QDateTime t = timefmt::parseIso(v.toString().trimmed());
        if (!t.isValid())
            return std::nullopt;
        return t.toMSecsSinceEpoch();
    }
    // Not numberOf: today's epoch milliseconds are beyond what it takes for an amount.
    bool ok = v.isDouble();
    const double n = ok ? v.toDouble() : v.toString().trimmed().toDouble(&ok);
    if (!ok || !std::isfinite(n) || n < 0 || n > 1e14)
        return std::nullopt;
    return static_cast<qint64>(n > 1e11 ? n : n * 1000);
}

Status readText(SourcedOrder &o, const QString &field, const QJsonValue &v)
{
    const std::optional<QString> text = textOf(v);
    if (!text)
        return wrongField(field, QStringLiteral("text"));
    static const QHash<QString, QString SourcedOrder::*> extra{{QStringLiteral("currency"), &SourcedOrder::currency},
        {QStringLiteral("customerEmail"), &SourcedOrder::customerEmail},
        {QStringLiteral("paymentReference"), &SourcedOrder::paymentReference},
        {QStringLiteral("deliveryDate"), &SourcedOrder::deliveryDate}};
    static const QHash<QString, QString Order::*> own{{QStringLiteral("id"), &Order::id},
        {QStringLiteral("status"), &Order::status}, {QStringLiteral("customerId"), &Order::customerId},
        {QStringLiteral("carrier"), &Order::carrier}, {QStringLiteral("trackingNumber"), &Order::trackingNumber}};
    if (const auto it = extra.constFind(field); it != extra.constEnd())
        o.*(*it) = *text;
    else
        o.order.*(own.value(field)) = *text;
    return Ok{};
}

Status readItems(SourcedOrder &o, const QJsonValue &answer, const ItemPointers &p)
{
    const std::optional<QJsonValue> at = pointAt(answer, p.at);
    if (!at)
        return Ok{};
    if (!at->isArray() || at->toArray().size() > OrderFields::kMaxItems)
        return wrongField(QStringLiteral("items"), QStringLiteral("an array of at most 200 items"));
    for (const QJsonValue &element : at->toArray()) {
        OrderItem item;
        const auto name = pointAt(element, p.name);
        const auto quantity = p.quantity.isEmpty() ? std::nullopt : pointAt(element, p.quantity);
        const auto price = p.price.isEmpty() ? std::nullopt : pointAt(element, p.price);
        if (!name || !textOf(*name))
            return wrongField(QStringLiteral("items"), QStringLiteral("items with a name"));
        item.name = *textOf(*name);
        if (quantity) {
            const auto n = numberOf(*quantity);
            if (!n || *n != std::floor(*n) || *n > 100000)
                return wrongField(QStringLiteral("items"), QStringLiteral("items with a whole quantity"));
            item.quantity = static_cast<int>(*n);
        }
        if (price) {
            const auto n = numberOf(*price);
            if (!n)
                return wrongField(QStringLiteral("items"), QStringLiteral("items with a price"));
            item.price = *n;
        }
        o.order.items << item;
    }
    o.said.insert(QStringLiteral("items"));
    return Ok{};
}

Status readField(SourcedOrder &o, const QString &field, const QJsonValue &v)
{
    static const QHash<QString, double Order::*> amounts{
        {QStringLiteral("total"), &Order::total}, {QStringLiteral("refundedAmount"), &Order::refundedAmount}};
    static const QHash<QString, qint64 Order::*> times{{QStringLiteral("placedAt"), &Order::placedAt},
        {QStringLiteral("shippedAt"), &Order::shippedAt},
        {QStringLiteral("estimatedDeliveryAt"), &Order::estimatedDeliveryAt},
        {QStringLiteral("deliveredAt"), &Order::deliveredAt}};
    if (v.isNull())
        return Ok{}; // null says nothing
    if (const auto it = amounts.constFind(field); it != amounts.constEnd()) {
        const std::optional<double> n = numberOf(v);
        if (!n)
            return wrongField(field, QStringLiteral("an amount"));
        o.order.*(*it) = *n;
    } else if (const auto t = times.constFind(field); t != times.constEnd()) {
        const std::optional<qint64> when = timeOf(v);
        if (!when)
            return wrongField(field, QStringLiteral("a time (ISO 8601 or epoch seconds)"));
        o.order.*(*t) = *when;
    } else if (const Status text = readText(o, field, v); !text) {
        return text;
    }
    o.said.insert(field);
    return Ok{};
}

} // namespace

const QStringList &OrderFields::names()
{
    static const QStringList all{QStringLiteral("id"), QStringLiteral("status"), QStringLiteral("total"),
        QStringLiteral("currency"), QStringLiteral("refundedAmount"), QStringLiteral("customerId"),
        QStringLiteral("customerEmail"), QStringLiteral("paymentReference"), QStringLiteral("placedAt"),
        QStringLiteral("shippedAt"), QStringLiteral("estimatedDeliveryAt"), QStringLiteral("deliveredAt"),
        QStringLiteral("carrier"), QStringLiteral("trackingNumber"), QStringLiteral("items")};
    return all;
}

FieldPointers OrderFields::flat()
{
    FieldPointers p;
    for (const QString &name : names())
        if (name != QLatin1String("items"))
            p.fields.insert(name, QLatin1Char('/') + name);
    p.fields.insert(QStringLiteral("deliveryDate"), QStringLiteral("/deliveryDate"));
    return p;
}

Result<SourcedOrder> OrderFields::read(const QJsonValue &answer, const FieldPointers &pointers)
{
    if (!answer.isObject() && !answer.isArray())
        return wrongField(QStringLiteral("order"), QStringLiteral("a JSON object"));
    SourcedOrder o;
    for (auto it = pointers.fields.constBegin(); it != pointers.fields.constEnd(); ++it) {
        if (it.key() == QLatin1String("items"))
            continue;
        const std::optional<QJsonValue> v = pointAt(answer, it.value());
        if (!v)
            continue;
        if (const Status read = readField(o, it.key(), *v); !read)
            return read.error();
    }
    if (pointers.items) {
        if (const Status items = readItems(o, answer, *pointers.items); !items)
            return items.error();
    }
    return o;
}

Result<QList<SourcedOrder>> OrderFields::readList(
    const QJsonValue &answer, const QString &pointer, const FieldPointers &pointers, int limit)
{
    const std::optional<QJsonValue> at = pointAt(answer, pointer);
    if (!at || !at->isArray())
        return wrongField(QStringLiteral("orders"), QStringLiteral("an array of orders"));
    QList<SourcedOrder> out;
    for (const QJsonValue &element : at->toArray()) {
        if (out.size() >= limit)
            break;
        Result<SourcedOrder> one = read(element, pointers);
        if (!one)
            return one.error();
        out << *one;
    }
    return out;
}

} // namespace tierdesk::connectors
