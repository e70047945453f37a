// /api/cs analytics, config, webhooks and audit: the supervisor's and admin's doors.
#include "core/api/cs/CsApi.h"

#include "core/api/cs/CsAdminJson.h"
#include "core/api/cs/CsConfigJson.h"
#include "core/api/cs/CsErrors.h"
#include "core/common/Time.h"

#include <QHostInfo>

#include <algorithm>

#include <memory>

namespace tierdesk::api {
namespace {

QJsonObject webhookJson(const Webhook &w)
{
    // The secret is write-only: it is never sent back.
    return {{QStringLiteral("id"), w.id}, {QStringLiteral("companyId"), w.companyId}, {QStringLiteral("url"), w.url},
        {QStringLiteral("events"), QJsonArray::fromStringList(w.events)},
        {QStringLiteral("createdAt"), timefmt::iso(w.createdAt)}};
}

// "Get CS Config": the company's id, then the config itself.
QJsonObject configAnswer(const QString &companyId, const CsConfig &config)
{
    QJsonObject out = cs::configJson(config);
    out.insert(QStringLiteral("companyId"), companyId);
    return out;
}

} // namespace

void CsApi::analytics(Call &c)
{
    if (!rateLimit(c, QStringLiteral("analytics"), c.who.credentialKey(), m_limits.analytics))
        return;
    const auto company = companyParam(c, queryParam(c.req, "companyId"));
    if (!company)
        return;
    const QString startText = queryParam(c.req, "startDate");
    const QString endText = queryParam(c.req, "endDate");
    const QDateTime start = timefmt::parseIso(startText);
    QDateTime end = timefmt::parseIso(endText);
    if (!start.isValid() || !end.isValid())
        return fail(c,
            cs::error(ErrorKind::InvalidArgument, QStringLiteral("startDate and endDate are required ISO 8601 dates"),
                {{QStringLiteral("field"),
                    start.isValid() ? QStringLiteral("endDate") : QStringLiteral("startDate")}}));
    if (endText.size() == 10) // a bare date ends at the end of that day
        end = end.addMSecs(86400000 - 1000);
    GroupBy groupBy = GroupBy::None;
    const QString group = queryParam(c.req, "groupBy");
    if (group == QLatin1String("day"))
        groupBy = GroupBy::Day;
    else if (group == QLatin1String("week"))
        groupBy = GroupBy::Week;
    else if (group == QLatin1String("month"))
        groupBy = GroupBy::Month;
    else if (!group.isEmpty())
        return fail(c,
            cs::error(ErrorKind::InvalidArgument, QStringLiteral("groupBy must be day, week or month"),
                {{QStringLiteral("field"), QStringLiteral("groupBy")}}));
    const auto result = m_engine.analytics(*company, start.toMSecsSinceEpoch(), end.toMSecsSinceEpoch(), groupBy);
    if (!result)
        return fail(c, result.error());
    reply(c, http::HttpResponse::json(200, cs::analyticsJson(*result)));
}

void CsApi::getConfig(Call &c)
{
    const auto company = companyParam(c, queryParam(c.req, "companyId"));
    if (!company)
        return;
    const auto config = m_engine.config(*company);
    if (!config)
        return fail(c, config.error());
    reply(c, http::HttpResponse::json(200, configAnswer(*company, *config)));
}

void CsApi::putConfig(Call &c)
{
    const auto body = companyBody(c);
    if (!body)
        return;
    const QString company = c.who.company;
    const auto current = m_engine.config(company);
    if (!current)
        return fail(c, current.error());
    const auto merged = cs::mergeConfig(*current, *body);
    if (!merged)
        return fail(c, merged.error());
    // The audit keeps the request's patch and the fields it changed, before and after.
    const QJsonObject audit{{QStringLiteral("patch"), *body},
        {QStringLiteral("changes"), cs::configChanges(cs::configJson(*current), cs::configJson(*merged))}};
    const auto config = m_engine.updateConfig(company, *merged, audit, c.actor);
    if (!config)
        return fail(c, config.error());
    reply(c, http::HttpResponse::json(200, configAnswer(company, *config)));
}

void CsApi::createWebhook(Call &c)
{
    const auto body = companyBody(c);
    if (!body)
        return;
    const QString company = c.who.company;
    QStringList events;
    const QJsonValue list = body->value(QLatin1String("events"));
    if (!list.isArray())
        return fail(c,
            cs::error(ErrorKind::InvalidArgument, QStringLiteral("events must be an array of event names"),
                {{QStringLiteral("field"), QStringLiteral("events")}}));
    for (const QJsonValue &e : list.toArray())
        events << e.toString();
    const QString url = body->value(QLatin1String("url")).toString();
    const QByteArray secret = body->value(QLatin1String("secret")).toString().toUtf8();
    if (const Status checked = m_engine.webhooks().check(company, url, events, secret); !checked)
        return fail(c, checked.error());
    const QString host = QUrl(url, QUrl::StrictMode).host();
    if (AddressPolicy::literal(host)) { // already judged by webhooks().check()
        const auto hook = m_engine.webhooks().add(company, url, events, secret, c.actor);
        if (!hook)
            return fail(c, hook.error());
        return reply(c, http::HttpResponse::json(201, webhookJson(*hook)));
    }

    // A host name: every address it resolves to must be allowed. The lookup runs
    // on Qt's resolver threads; the request is answered when it is done.
    const auto req = std::make_shared<const http::HttpRequest>(c.req);
    QHostInfo::lookupHost(host, this,
        [this, req, res = c.res, who = c.who, actor = c.actor, company, url, events, secret, host](
            const QHostInfo &info) {
            Call later{*req, res, who, actor, {}};
            if (info.error() != QHostInfo::NoError || info.addresses().isEmpty())
                return fail(later,
                    cs::error(ErrorKind::InvalidArgument,
                        QStringLiteral("url host %1 could not be resolved").arg(host.left(255)),
                        {{QStringLiteral("field"), QStringLiteral("url")}}));
            const auto hook = m_engine.webhooks().add(company, url, events, secret, actor, info.addresses());
            if (!hook)
                return fail(later, hook.error());
            reply(later, http::HttpResponse::json(201, webhookJson(*hook)));
        });
}

void CsApi::listWebhooks(Call &c)
{
    const auto company = companyParam(c, queryParam(c.req, "companyId"));
    if (!company)
        return;
    const auto hooks = m_engine.webhooks().list(*company);
    if (!hooks)
        return fail(c, hooks.error());
    QJsonArray list;
    for (const Webhook &w : *hooks)
        list.append(webhookJson(w));
    reply(c,
        http::HttpResponse::json(200,
            QJsonObject{{QStringLiteral("webhooks"), list},
                {QStringLiteral("deliveries"), cs::deliveriesJson(m_engine.webhooks().deliveries(*company, 50))}}));
}

void CsApi::webhookDeliveries(Call &c)
{
    const QString id = c.req.pathParams.value(QStringLiteral("id"));
    const auto hooks = m_engine.webhooks().list(c.who.company);
    if (!hooks)
        return fail(c, hooks.error());
    if (std::none_of(hooks->cbegin(), hooks->cend(), [&](const Webhook &w) { return w.id == id; }))
        return fail(c,
            cs::error(ErrorKind::NotFound, QStringLiteral("Webhook not found"),
                {{QStringLiteral("webhookId"), id.left(128)}}));
    int limit = kDefaultDeliveries;
    if (const QString given = queryParam(c.req, "limit"); !given.isEmpty()) {
        bool ok = false;
        limit = given.toInt(&ok);
        if (!ok || limit < 1 || limit > kMaxDeliveries)
            return fail(c,
                cs::error(ErrorKind::InvalidArgument, QStringLiteral("limit must be 1 to 500"),
                    {{QStringLiteral("field"), QStringLiteral("limit")}}));
    }
    reply(c,
        http::HttpResponse::json(200,
            QJsonObject{{QStringLiteral("deliveries"),
                cs::deliveriesJson(m_engine.webhooks().deliveriesOf(c.who.company, id, limit))}}));
}

void CsApi::deleteWebhook(Call &c)
{
    const auto removed
        = m_engine.webhooks().remove(c.who.company, c.req.pathParams.value(QStringLiteral("id")), c.actor);
    if (!removed)
        return fail(c, removed.error());
    reply(c, http::HttpResponse::noContent());
}

void CsApi::auditLog(Call &c)
{
    const auto company = companyParam(c, queryParam(c.req, "companyId"));
    if (!company)
        return;
    bool ok = true;
    int limit = 100;
    if (const QString v = queryParam(c.req, "limit"); !v.isEmpty()) {
        limit = v.toInt(&ok);
        if (!ok || limit < 1 || limit > 1000)
            return fail(c,
                cs::error(ErrorKind::InvalidArgument, QStringLiteral("limit must be a whole number from 1 to 1000"),
                    {{QStringLiteral("field"), QStringLiteral("limit")}}));
    }
    // Who an agent's id is (also a deactivated one's): "actorName", for people reading the log.
    QHash<QString, QString> names;
    if (m_people.agents)
        if (const auto agents = m_people.agents->list(*company, true))
            for (const Agent &a : *agents)
                names.insert(a.id, a.name);
    QJsonArray entries;
    for (const AuditEntry &e : m_engine.auditLog(*company, limit)) {
        const auto name = names.constFind(e.actor);
        entries.append(cs::auditEntryJson(e, name != names.cend() ? std::optional(*name) : std::nullopt));
    }
    reply(c, http::HttpResponse::json(200, QJsonObject{{QStringLiteral("entries"), entries}}));
}

} // namespace tierdesk::api
