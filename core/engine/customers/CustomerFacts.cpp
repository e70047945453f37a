#include "core/engine/customers/CustomerFacts.h"

#include "core/engine/customers/CustomerFields.h"
#include "core/store/Store.h"

#include <QJsonArray>
#include <QJsonDocument>

namespace tierdesk {

namespace {

bool attributesFit(const QVariantMap &attributes)
{
    const QJsonObject o = QJsonObject::fromVariantMap(attributes);
    return o.size() <= CustomerFields::kMaxAttributes
        && QJsonDocument(o).toJson(QJsonDocument::Compact).size() <= CustomerFields::kMaxAttributesBytes;
}

} // namespace

Customer CustomerFacts::merged(const Customer &stored, const CustomerLookup &said, QStringList *dropped)
{
    Customer out = stored;
    const Customer &s = said.said;
    const QStringList &given = said.given;
    if (given.contains(QLatin1String("name")))
        out.name = s.name;
    if (given.contains(QLatin1String("email")))
        out.email = s.email;
    if (given.contains(QLatin1String("phone")))
        out.phone = s.phone;
    if (given.contains(QLatin1String("tier")))
        out.tier = s.tier;
    if (given.contains(QLatin1String("isVIP")))
        out.isVIP = s.isVIP;
    if (given.contains(QLatin1String("lifetimeValue")))
        out.lifetimeValue = s.lifetimeValue;
    QVariantMap attributes = out.attributes;
    for (auto it = s.attributes.constBegin(); it != s.attributes.constEnd(); ++it)
        attributes.insert(it.key(), it.value());
    if (attributesFit(attributes))
        out.attributes = attributes;
    else if (dropped)
        *dropped << QStringLiteral("attributes: beyond %1 keys or %2 bytes with the stored ones")
                        .arg(CustomerFields::kMaxAttributes)
                        .arg(CustomerFields::kMaxAttributesBytes);
    return out;
}

QStringList CustomerFacts::changed(const Customer &before, const Customer &after)
{
    QStringList out;
    const std::pair<const char *, bool> fields[]
        = {{"name", before.name != after.name}, {"email", before.email != after.email},
            {"phone", before.phone != after.phone}, {"tier", before.tier != after.tier},
            {"isVIP", before.isVIP != after.isVIP}, {"lifetimeValue", before.lifetimeValue != after.lifetimeValue},
            {"attributes",
                QJsonObject::fromVariantMap(before.attributes) != QJsonObject::fromVariantMap(after.attributes)}};
    for (const auto &[name, differs] : fields)
        if (differs)
            out << QLatin1String(name);
    return out;
}

Status CustomerFacts::write(
    const QString &companyId, const QString &customerId, const CustomerLookup &said, const QString &newName)
{
    if (said.state != CustomerLookup::State::Found)
        return Ok{}; // a failure or an unknown customer: the record stays as it is
    Store &store = m_core.store();
    const std::optional<Customer> stored = store.customers().find(companyId, customerId);
    if (stored && stored->erasedAt != 0)
        return Ok{}; // erased on request: never filled again
    Customer before;
    before.id = customerId;
    before.companyId = companyId;
    before.name = newName;
    if (stored)
        before = *stored;
    QStringList dropped;
    const Customer next = merged(before, said, &dropped);
    const QStringList fields = changed(before, next);
    if (fields.isEmpty())
        return Ok{};
    const qint64 now = m_core.clock().nowMs();
    const Actor system(QStringLiteral("connector:") + said.source, QStringLiteral("system"));
    return store.batch().run([&]() -> Status {
        if (const Status ok = store.customers().upsert(next, now); !ok)
            return ok;
        return m_core.record(companyId, system, QStringLiteral("customer.sync"),
            QStringLiteral("customer:") + customerId, stored ? AuditOutcome::Done : AuditOutcome::Created,
            {{QStringLiteral("connector"), said.source}, {QStringLiteral("fields"), QJsonArray::fromStringList(fields)},
                {QStringLiteral("dropped"), dropped.size() + said.dropped.size()}});
    });
}

} // namespace tierdesk
