#include "core/engine/actions/OrderBook.h"

namespace tierdesk {
namespace {

// The store's status words: a source's "Shipped" is the store's "shipped"; others stay as written.
QString statusOf(const QString &said)
{
    static const QStringList known{QStringLiteral("pending"), QStringLiteral("processing"), QStringLiteral("shipped"),
        QStringLiteral("delivered"), QStringLiteral("cancelled"), QStringLiteral("refunded")};
    const QString lower = said.trimmed().toLower();
    if (lower == QLatin1String("canceled"))
        return QStringLiteral("cancelled");
    return known.contains(lower) ? lower : said.trimmed();
}

// Only the status and the delivery date of an order whose source names no customer.
Order statusOnly(const Order &o)
{
    Order out;
    out.id = o.id;
    out.companyId = o.companyId;
    out.status = o.status;
    out.estimatedDeliveryAt = o.estimatedDeliveryAt;
    out.deliveredAt = o.deliveredAt;
    out.deliveryDate = o.deliveryDate;
    out.source = o.source;
    out.customerNamed = false;
    return out;
}

} // namespace

Order OrderBook::toOrder(const SourcedOrder &s, const QString &companyId)
{
    Order o = s.order;
    o.companyId = companyId;
    o.status = s.has(QStringLiteral("status")) ? statusOf(o.status) : QString();
    o.currency = s.currency;
    o.customerEmail = s.customerEmail;
    o.paymentReference = s.paymentReference;
    o.deliveryDate = s.deliveryDate;
    o.source = s.source == QLatin1String("builtin") ? QString() : s.source;
    o.customerNamed = !o.customerId.isEmpty() || !o.customerEmail.isEmpty();
    return o.customerNamed ? o : statusOnly(o);
}

bool OrderBook::belongsTo(const Order &o, const QString &customerId, const QString &customerEmail)
{
    if (!o.customerId.isEmpty())
        return o.customerId == customerId;
    if (!o.customerEmail.isEmpty())
        return !customerEmail.isEmpty() && o.customerEmail.compare(customerEmail, Qt::CaseInsensitive) == 0;
    return !o.customerNamed;
}

OrderBook::OrderBook(const GatheredOrders &gathered, const QString &companyId, const QString &customerId,
    const QString &customerEmail, const OrderNumbers &numbers)
    : m_numbers(numbers)
{
    for (auto it = gathered.byNumber.constBegin(); it != gathered.byNumber.constEnd(); ++it) {
        const OrderLookup &l = it.value();
        if (l.state == OrderLookup::State::Failed) {
            m_failed.insert(it.key());
            continue;
        }
        if (l.state != OrderLookup::State::Found)
            continue;
        const Order o = toOrder(l.order, companyId);
        if (!belongsTo(o, customerId, customerEmail))
            continue; // another customer's: not found, as an unknown number
        m_found.insert(it.key(), o);
        if (!o.id.isEmpty())
            m_found.insert(o.id, o);
    }
    if (gathered.recent) {
        m_recentFailed = gathered.recent->state == OrderLookup::State::Failed;
        for (const SourcedOrder &s : gathered.recent->orders) {
            const Order o = toOrder(s, companyId);
            if (belongsTo(o, customerId, customerEmail)) // asked for theirs: only theirs
                m_recent << o;
        }
    }
}

void OrderBook::noteAsked(const QString &number) const
{
    if (!m_asked.contains(number))
        m_asked << number;
}

std::optional<Order> OrderBook::find(const QString &number) const
{
    if (number.isEmpty()) {
        if (m_recentFailed)
            noteAsked(QString());
        return m_recent.isEmpty() ? std::nullopt : std::optional<Order>(m_recent.first());
    }
    if (const auto it = m_found.constFind(number); it != m_found.constEnd())
        return *it;
    for (const Order &o : m_recent)
        if (o.id == number)
            return o;
    if (m_failed.contains(number))
        noteAsked(number);
    return std::nullopt;
}

QList<Order> OrderBook::recent(int limit) const
{
    if (m_recentFailed)
        noteAsked(QString());
    return m_recent.mid(0, qMax(0, limit));
}

bool OrderBook::unavailable(const QString &number) const
{
    return number.isEmpty() ? m_recentFailed : m_failed.contains(number);
}

QStringList OrderBook::numbersIn(const QString &text) const
{
    QStringList out;
    for (const QString &number : m_numbers.in(text)) {
        const auto it = m_found.constFind(number);
        const QString id = it != m_found.constEnd() && !it->id.isEmpty() ? it->id : number;
        if (!out.contains(id))
            out << id;
    }
    return out;
}

} // namespace tierdesk
