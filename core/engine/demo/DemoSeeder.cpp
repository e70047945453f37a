#include "core/engine/demo/DemoSeeder.h"

#include "core/store/ConfigCodec.h"

#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>

namespace tierdesk {
namespace {

constexpr qint64 kDayMs = 86400000;

qint64 daysFrom(qint64 now, const QJsonValue &days, int sign)
{
    return days.isDouble() ? now + sign * qint64(days.toDouble() * kDayMs) : 0;
}

// demo.json's {plan, status, monthlyPrice}, or null for none.
std::optional<Subscription> subscriptionOf(const QJsonObject &o)
{
    if (o.isEmpty())
        return std::nullopt;
    return Subscription{o.value(QLatin1String("plan")).toString(), o.value(QLatin1String("status")).toString(),
        o.value(QLatin1String("monthlyPrice")).toDouble()};
}

// demo.json's [{sku, name, quantity, price}].
QList<OrderItem> itemsOf(const QJsonArray &list)
{
    QList<OrderItem> out;
    for (const QJsonValue &v : list) {
        const QJsonObject o = v.toObject();
        out.append({o.value(QLatin1String("sku")).toString(), o.value(QLatin1String("name")).toString(),
            o.value(QLatin1String("quantity")).toInt(1), o.value(QLatin1String("price")).toDouble()});
    }
    return out;
}

// payments.json: each order's payment at the demo company's provider (pi_...), by order number.
QJsonObject demoPayments()
{
    QFile file(QStringLiteral(":/demo/payments.json"));
    if (!file.open(QIODevice::ReadOnly))
        return {};
    return QJsonDocument::fromJson(file.readAll()).object().value(QLatin1String("payments")).toObject();
}

QJsonObject demoData()
{
    QFile file(QStringLiteral(":/demo/demo.json"));
    return file.open(QIODevice::ReadOnly) ? QJsonDocument::fromJson(file.readAll()).object() : QJsonObject();
}

// The demo company's profile, policies and the AI's voice (demo.json's company.config): the
// engine holds none of a company's rules, so the demo's are data like any company's.
Status applyDemoConfig(
    SessionEngine &engine, const QString &companyId, const QJsonObject &demoConfig, const Actor &actor)
{
    auto config = engine.config(companyId);
    if (!config)
        return config.error();
    const CsConfig demo = storage::decodeConfig(QJsonDocument(demoConfig).toJson(QJsonDocument::Compact));
    config->company = demo.company;
    config->policies = demo.policies;
    config->ai.persona = demo.ai.persona;
    config->ai.greeting = demo.ai.greeting;
    config->ai.guidance = demo.ai.guidance;
    const auto updated = engine.updateConfig(companyId, *config, {}, actor);
    return updated ? Status(Ok{}) : Status(updated.error());
}

} // namespace

QString demoCompanyName()
{
    return demoData().value(QLatin1String("company")).toObject().value(QLatin1String("name")).toString();
}

Result<QJsonObject> seedDemo(SessionEngine &engine, const Actor &actor)
{
    const QJsonObject demo = demoData();
    const QString name = demo.value(QLatin1String("company")).toObject().value(QLatin1String("name")).toString();
    if (name.isEmpty())
        return makeError(ErrorKind::Internal, QStringLiteral("demo data is missing from the program"));
    Store &store = engine.core().store();

    QString companyId;
    if (auto existing = store.companies().findByName(name)) {
        companyId = existing->id;
    } else {
        auto created = engine.createCompany(name, actor);
        if (!created)
            return created.error();
        companyId = created->id;
    }
    const QJsonObject company = demo.value(QLatin1String("company")).toObject();
    if (const Status configured
        = applyDemoConfig(engine, companyId, company.value(QLatin1String("config")).toObject(), actor);
        !configured)
        return configured.error();
    const qint64 now = engine.clock().nowMs();
    const QJsonObject payments = demoPayments();
    // Customer ids are stable per company so repeated seeds update the same rows.
    auto customerId = [](const QString &key) -> QString { return QStringLiteral("cust_") + key; };

    QJsonArray customerIds, vipIds, orderIds;
    const bool ok = store.batch().run([&] {
        store.kb().importArticles(companyId, QStringLiteral(":/demo/kb"), now); // its own, edits kept
        for (const QJsonValue &v : demo.value(QLatin1String("customers")).toArray()) {
            const QJsonObject o = v.toObject();
            Customer c;
            c.companyId = companyId;
            c.id = customerId(o.value(QLatin1String("key")).toString());
            c.name = o.value(QLatin1String("name")).toString();
            c.email = o.value(QLatin1String("email")).toString();
            c.tier = o.value(QLatin1String("tier")).toString();
            c.lifetimeValue = o.value(QLatin1String("lifetimeValue")).toDouble();
            c.isVIP = o.value(QLatin1String("isVIP")).toBool();
            c.subscription = subscriptionOf(o.value(QLatin1String("subscription")).toObject());
            if (!store.customers().upsert(c, now))
                return false;
            customerIds.append(c.id);
            if (c.isVIP)
                vipIds.append(c.id);
        }
        for (const QJsonValue &v : demo.value(QLatin1String("orders")).toArray()) {
            const QJsonObject o = v.toObject();
            Order order;
            order.companyId = companyId;
            order.id = o.value(QLatin1String("number")).toString();
            order.customerId = customerId(o.value(QLatin1String("customer")).toString());
            order.status = o.value(QLatin1String("status")).toString();
            order.items = itemsOf(o.value(QLatin1String("items")).toArray());
            order.total = o.value(QLatin1String("total")).toDouble();
            order.refundedAmount = order.status == QLatin1String("refunded") ? order.total : 0;
            order.placedAt = daysFrom(now, o.value(QLatin1String("placedDaysAgo")), -1);
            order.shippedAt = daysFrom(now, o.value(QLatin1String("shippedDaysAgo")), -1);
            order.estimatedDeliveryAt = daysFrom(now, o.value(QLatin1String("deliveryInDays")), 1);
            order.deliveredAt = daysFrom(now, o.value(QLatin1String("deliveredDaysAgo")), -1);
            order.carrier = o.value(QLatin1String("carrier")).toString();
            order.trackingNumber = o.value(QLatin1String("tracking")).toString();
            order.paymentReference = payments.value(order.id).toString();
            if (!store.customers().upsertOrder(order))
                return false;
            orderIds.append(order.id);
        }
        return true;
    });
    if (!ok || !store.batch().flush())
        return makeError(ErrorKind::Internal, QStringLiteral("could not store the demo data"));
    return QJsonObject{{QStringLiteral("companyId"), companyId}, {QStringLiteral("companyName"), name},
        {QStringLiteral("customerIds"), customerIds}, {QStringLiteral("vipCustomerIds"), vipIds},
        {QStringLiteral("orderIds"), orderIds}};
}

} // namespace tierdesk
