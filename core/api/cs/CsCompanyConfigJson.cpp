// The config's "company" and "policies" sections in seed 001's wire shape (Tierdesk's own
// parts of GET/PUT /config): who the company is to its customers and the rules it keeps.
#include "core/api/cs/CsConfigJson.h"

namespace tierdesk::api::cs {

QJsonObject companyJson(const CompanyProfile &p)
{
    return {{QStringLiteral("website"), p.website}, {QStringLiteral("supportEmail"), p.supportEmail},
        {QStringLiteral("supportPhone"), p.supportPhone}, {QStringLiteral("timeZone"), p.timeZone},
        {QStringLiteral("currency"), p.currency}};
}

void readCompany(const QJsonObject &checked, CompanyProfile &p)
{
    p.website = checked.value(QLatin1String("website")).toString(p.website).trimmed();
    p.supportEmail = checked.value(QLatin1String("supportEmail")).toString(p.supportEmail).trimmed();
    p.supportPhone = checked.value(QLatin1String("supportPhone")).toString(p.supportPhone).trimmed();
    p.timeZone = checked.value(QLatin1String("timeZone")).toString(p.timeZone);
    p.currency = checked.value(QLatin1String("currency")).toString(p.currency);
}

QJsonObject policiesJson(const CompanyPolicies &p)
{
    QJsonObject byTier;
    for (auto it = p.returnWindowDaysByTier.cbegin(); it != p.returnWindowDaysByTier.cend(); ++it)
        byTier.insert(it.key(), it.value());
    QJsonArray plans;
    for (const MembershipPlan &plan : p.plans) {
        QJsonObject o{{QStringLiteral("id"), plan.id}, {QStringLiteral("name"), plan.name},
            {QStringLiteral("price"), plan.price}, {QStringLiteral("interval"), plan.interval}};
        if (plan.returnWindowDays > 0)
            o.insert(QStringLiteral("returnWindowDays"), plan.returnWindowDays);
        plans.append(o);
    }
    const SelfServiceLinks &links = p.selfService;
    return {{QStringLiteral("returnWindowDays"), p.returnWindowDays},
        {QStringLiteral("returnWindowDaysByTier"), byTier},
        {QStringLiteral("cancellableStatuses"), QJsonArray::fromStringList(p.cancellableStatuses)},
        {QStringLiteral("selfService"),
            QJsonObject{{QStringLiteral("orders"), links.orders}, {QStringLiteral("returns"), links.returns},
                {QStringLiteral("account"), links.account}, {QStringLiteral("subscription"), links.subscription}}},
        {QStringLiteral("membershipName"), p.membershipName}, {QStringLiteral("plans"), plans}};
}

void readPolicies(const QJsonObject &checked, CompanyPolicies &p)
{
    p.returnWindowDays = checked.value(QLatin1String("returnWindowDays")).toInt(p.returnWindowDays);
    if (const QJsonValue byTier = checked.value(QLatin1String("returnWindowDaysByTier")); byTier.isObject()) {
        p.returnWindowDaysByTier.clear();
        const QJsonObject tiers = byTier.toObject();
        for (auto it = tiers.begin(); it != tiers.end(); ++it)
            p.returnWindowDaysByTier.insert(it.key(), it->toInt());
    }
    if (const QJsonValue statuses = checked.value(QLatin1String("cancellableStatuses")); statuses.isArray()) {
        p.cancellableStatuses.clear();
        for (const QJsonValue &s : statuses.toArray())
            p.cancellableStatuses << s.toString();
    }
    const QJsonObject links = checked.value(QLatin1String("selfService")).toObject();
    SelfServiceLinks &l = p.selfService;
    l.orders = links.value(QLatin1String("orders")).toString(l.orders).trimmed();
    l.returns = links.value(QLatin1String("returns")).toString(l.returns).trimmed();
    l.account = links.value(QLatin1String("account")).toString(l.account).trimmed();
    l.subscription = links.value(QLatin1String("subscription")).toString(l.subscription).trimmed();
    p.membershipName = checked.value(QLatin1String("membershipName")).toString(p.membershipName).trimmed();
    if (const QJsonValue plans = checked.value(QLatin1String("plans")); plans.isArray()) {
        p.plans.clear();
        for (const QJsonValue &v : plans.toArray()) {
            const QJsonObject o = v.toObject();
            p.plans.append({o.value(QLatin1String("id")).toString(), o.value(QLatin1String("name")).toString(),
                o.value(QLatin1String("price")).toDouble(),
                o.value(QLatin1String("interval")).toString(QStringLiteral("month")),
                o.value(QLatin1String("returnWindowDays")).toInt()});
        }
    }
}

} // namespace tierdesk::api::cs
