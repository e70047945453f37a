#include "core/store/CustomerRepo.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>

namespace tierdesk {
namespace {

QString jsonText(const QJsonObject &o)
{
    return QString::fromUtf8(QJsonDocument(o).toJson(QJsonDocument::Compact));
}
QString jsonText(const QJsonArray &a)
{
    return QString::fromUtf8(QJsonDocument(a).toJson(QJsonDocument::Compact));
}

// Stored as {"monthlyPrice", "plan", "status"}; "{}" when the customer has none.
QString subscriptionText(const std::optional<Subscription> &s)
{
    if (!s)
        return jsonText(QJsonObject());
    return jsonText(QJsonObject{{QStringLiteral("plan"), s->plan}, {QStringLiteral("status"), s->status},
        {QStringLiteral("monthlyPrice"), s->monthlyPrice}});
}

std::optional<Subscription> readSubscription(const QByteArray &text)
{
    const QJsonObject o = QJsonDocument::fromJson(text).object();
    if (o.isEmpty())
        return std::nullopt;
    return Subscription{o.value(QLatin1String("plan")).toString(), o.value(QLatin1String("status")).toString(),
        o.value(QLatin1String("monthlyPrice")).toDouble()};
}

// Stored as an array of {"name", "price", "quantity", "sku"}.
QString itemsText(const QList<OrderItem> &items)
{
    QJsonArray out;
    for (const OrderItem &i : items)
        out.append(QJsonObject{{QStringLiteral("sku"), i.sku}, {QStringLiteral("name"), i.name},
            {QStringLiteral("quantity"), i.quantity}, {QStringLiteral("price"), i.price}});
    return jsonText(out);
}

QList<OrderItem> readItems(const QByteArray &text)
{
    QList<OrderItem> out;
    for (const QJsonValue &v : QJsonDocument::fromJson(text).array()) {
        const QJsonObject o = v.toObject();
        out.append({o.value(QLatin1String("sku")).toString(), o.value(QLatin1String("name")).toString(),
            o.value(QLatin1String("quantity")).toInt(1), o.value(QLatin1String("price")).toDouble()});
    }
    return out;
}

// Stored as a flat JSON object; "{}" when the customer has none.
QString attributesText(const QVariantMap &attributes)
{
    return jsonText(QJsonObject::fromVariantMap(attributes));
}

} // namespace

const QString kCustomerColumns = QStringLiteral(
    "company_id, id, name, email, tier, lifetime_value, is_vip, subscription, credit_balance, phone, attributes,"
    " created_at, updated_at, erased_at");

Customer readCustomer(const QSqlQuery &q)
{
    Customer c;
    c.companyId = q.value(0).toString();
    c.id = q.value(1).toString();
    c.name = q.value(2).toString();
    c.email = q.value(3).toString();
    c.tier = q.value(4).toString();
    c.lifetimeValue = q.value(5).toDouble();
    c.isVIP = q.value(6).toInt() != 0;
    c.subscription = readSubscription(q.value(7).toByteArray());
    c.creditBalance = q.value(8).toDouble();
    c.phone = q.value(9).toString();
    c.attributes = QJsonDocument::fromJson(q.value(10).toByteArray()).object().toVariantMap();
    c.createdAt = q.value(11).toLongLong();
    c.updatedAt = q.value(12).toLongLong();
    c.erasedAt = q.value(13).toLongLong();
    return c;
}

namespace {

const QString kOrderColumns
    = QStringLiteral("company_id, id, customer_id, status, items, total, refunded_amount, placed_at, shipped_at,"
                     " estimated_delivery_at, delivered_at, carrier, tracking_number, payment_reference");

Order readOrder(const QSqlQuery &q)
{
    Order o;
    o.companyId = q.value(0).toString();
    o.id = q.value(1).toString();
    o.customerId = q.value(2).toString();
    o.status = q.value(3).toString();
    o.items = readItems(q.value(4).toByteArray());
    o.total = q.value(5).toDouble();
    o.refundedAmount = q.value(6).toDouble();
    o.placedAt = q.value(7).toLongLong();
    o.shippedAt = q.value(8).toLongLong();
    o.estimatedDeliveryAt = q.value(9).toLongLong();
    o.deliveredAt = q.value(10).toLongLong();
    o.carrier = q.value(11).toString();
    o.trackingNumber = q.value(12).toString();
    o.paymentReference = q.value(13).toString();
    return o;
}

std::optional<Order> readOneOrder(QSqlQuery &q)
{
    std::optional<Order> out;
    if (q.next())
        out = readOrder(q);
    q.finish();
    return out;
}

} // namespace

Status CustomerRepo::upsert(const Customer &c, qint64 nowMs)
{
    m_cached.remove(cacheKey(c.companyId, c.id));
    QSqlQuery &q = m_db.statement(QStringLiteral(
        "INSERT INTO customers(company_id, id, name, email, tier, lifetime_value, is_vip, subscription, credit_balance,"
        " created_at, phone, attributes, updated_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)"
        " ON CONFLICT(company_id, id) DO UPDATE SET name = excluded.name, email = excluded.email,"
        " tier = excluded.tier, lifetime_value = excluded.lifetime_value, is_vip = excluded.is_vip,"
        " subscription = excluded.subscription, phone = excluded.phone, attributes = excluded.attributes,"
        " updated_at = excluded.updated_at"));
    return m_db.status(m_db.exec(q,
        {c.companyId, c.id, c.name, c.email, c.tier, c.lifetimeValue, c.isVIP ? 1 : 0, subscriptionText(c.subscription),
            c.creditBalance, c.createdAt > 0 ? c.createdAt : nowMs, c.phone, attributesText(c.attributes), nowMs}));
}

std::optional<Customer> CustomerRepo::find(const QString &companyId, const QString &id)
{
    const QString key = cacheKey(companyId, id);
    if (const Customer *cached = m_cached.object(key))
        return *cached;
    QSqlQuery &q = m_db.statement(QStringLiteral("SELECT ") + kCustomerColumns
        + QStringLiteral(" FROM customers WHERE company_id = ? AND id = ?"));
    if (!m_db.exec(q, {companyId, id}))
        return std::nullopt;
    std::optional<Customer> out;
    if (q.next()) {
        out = readCustomer(q);
        m_cached.insert(key, new Customer(*out));
    }
    q.finish();
    return out;
}

Status CustomerRepo::addCredit(const QString &companyId, const QString &customerId, double amount)
{
    m_cached.remove(cacheKey(companyId, customerId));
    QSqlQuery &q = m_db.statement(
        QStringLiteral("UPDATE customers SET credit_balance = credit_balance + ? WHERE company_id = ? AND id = ?"));
    return m_db.status(m_db.exec(q, {amount, companyId, customerId}));
}

Status CustomerRepo::setSubscription(
    const QString &companyId, const QString &customerId, const Subscription &subscription)
{
    m_cached.remove(cacheKey(companyId, customerId));
    QSqlQuery &q
        = m_db.statement(QStringLiteral("UPDATE customers SET subscription = ? WHERE company_id = ? AND id = ?"));
    return m_db.status(m_db.exec(q, {subscriptionText(subscription), companyId, customerId}));
}

Status CustomerRepo::upsertOrder(const Order &o)
{
    m_recentOrders.clear(); // the order may have been another customer's before: orders are written rarely
    QSqlQuery &q = m_db.statement(QStringLiteral("INSERT INTO orders(") + kOrderColumns
        + QStringLiteral(
            ") VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?) ON CONFLICT (company_id, id) DO UPDATE SET"
            " customer_id = excluded.customer_id, status = excluded.status, items = excluded.items,"
            " total = excluded.total, refunded_amount = excluded.refunded_amount,"
            " placed_at = excluded.placed_at, shipped_at = excluded.shipped_at,"
            " estimated_delivery_at = excluded.estimated_delivery_at, delivered_at = excluded.delivered_at,"
            " carrier = excluded.carrier, tracking_number = excluded.tracking_number,"
            " payment_reference = excluded.payment_reference"));
    return m_db.status(m_db.exec(q,
        {o.companyId, o.id, o.customerId, o.status, itemsText(o.items), o.total, o.refundedAmount, o.placedAt,
            o.shippedAt, o.estimatedDeliveryAt, o.deliveredAt, o.carrier, o.trackingNumber, o.paymentReference}));
}

std::optional<Order> CustomerRepo::findOrder(const QString &companyId, const QString &orderId)
{
    QSqlQuery &q = m_db.statement(
        QStringLiteral("SELECT ") + kOrderColumns + QStringLiteral(" FROM orders WHERE company_id = ? AND id = ?"));
    if (!m_db.exec(q, {companyId, orderId}))
        return std::nullopt;
    return readOneOrder(q);
}

std::optional<Order> CustomerRepo::latestOrder(const QString &companyId, const QString &customerId)
{
    QSqlQuery &q = m_db.statement(QStringLiteral("SELECT ") + kOrderColumns
        + QStringLiteral(" FROM orders WHERE company_id = ? AND customer_id = ?"
                         " ORDER BY placed_at DESC LIMIT 1"));
    if (!m_db.exec(q, {companyId, customerId}))
        return std::nullopt;
    return readOneOrder(q);
}

QList<Order> CustomerRepo::recentOrders(const QString &companyId, const QString &customerId, int limit)
{
    if (limit > kRecentOrdersKept)
        return readRecentOrders(companyId, customerId, limit);
    const QString key = cacheKey(companyId, customerId);
    const QList<Order> *kept = m_recentOrders.object(key);
    if (!kept) {
        auto *read = new QList<Order>(readRecentOrders(companyId, customerId, kRecentOrdersKept));
        m_recentOrders.insert(key, read);
        kept = read;
    }
    return kept->mid(0, limit);
}

QList<Order> CustomerRepo::readRecentOrders(const QString &companyId, const QString &customerId, int limit)
{
    QSqlQuery &q = m_db.statement(QStringLiteral("SELECT ") + kOrderColumns
        + QStringLiteral(" FROM orders WHERE company_id = ? AND customer_id = ?"
                         " ORDER BY placed_at DESC, id DESC LIMIT ?"));
    QList<Order> out;
    if (!m_db.exec(q, {companyId, customerId, limit}))
        return out;
    while (q.next())
        out << readOrder(q);
    q.finish();
    return out;
}

Status CustomerRepo::recordRefund(const QString &companyId, const QString &orderId, double amount, bool full)
{
    m_recentOrders.clear(); // whose order it is is not known here; refunds are rare too
    QSqlQuery &q = m_db.statement(QStringLiteral("UPDATE orders SET refunded_amount = refunded_amount + ?, status = "
                                                 "CASE WHEN ? = 1 THEN 'refunded' ELSE status END"
                                                 " WHERE company_id = ? AND id = ?"));
    return m_db.status(m_db.exec(q, {amount, full ? 1 : 0, companyId, orderId}));
}

Status CustomerRepo::appendLedger(const LedgerEntry &e)
{
    QSqlQuery &q = m_db.statement(QStringLiteral(
        "INSERT INTO ledger(company_id, session_id, customer_id, order_id, kind, amount, tier, details, at)"
        " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)"));
    return m_db.status(
        m_db.exec(q, {e.companyId, e.sessionId, e.customerId, e.orderId, e.kind, e.amount, e.tier, e.details, e.at}));
}

QList<CustomerRepo::LedgerEntry> CustomerRepo::ledgerOf(
    const QString &companyId, const QString &orderId, const QString &kind)
{
    QSqlQuery &q
        = m_db.statement(QStringLiteral("SELECT session_id, customer_id, tier, details, amount, at FROM ledger"
                                        " WHERE company_id = ? AND order_id = ? AND kind = ? ORDER BY at, id"));
    QList<LedgerEntry> out;
    if (!m_db.exec(q, {companyId, orderId, kind}))
        return out;
    while (q.next())
        out.append({companyId, q.value(0).toString(), q.value(1).toString(), orderId, kind, q.value(2).toString(),
            q.value(3).toString(), q.value(4).toDouble(), q.value(5).toLongLong()});
    q.finish();
    return out;
}

} // namespace tierdesk
