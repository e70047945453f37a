#include "core/api/cs/CsAdminJson.h"

#include "core/api/common/AuditStatus.h"

#include "core/common/Time.h"

#include <QJsonObject>

#include <cmath>

namespace tierdesk::api::cs {
namespace {

QJsonObject overviewJson(const AnalyticsSummary::Overview &o)
{
    return {{QStringLiteral("totalSessions"), o.totalSessions},
        {QStringLiteral("resolvedSessions"), o.resolvedSessions}, {QStringLiteral("resolutionRate"), o.resolutionRate},
        {QStringLiteral("avgResolutionTime"), o.avgResolutionTime},
        {QStringLiteral("avgMessagesPerSession"), o.avgMessagesPerSession},
        {QStringLiteral("customerSatisfactionAvg"), o.customerSatisfactionAvg}, {QStringLiteral("ratings"), o.ratings}};
}

// A rate that is null without sessions.
QJsonValue rateJson(const std::optional<double> &rate)
{
    return rate ? QJsonValue(*rate) : QJsonValue();
}

QJsonObject resolutionJson(const AnalyticsSummary::Resolution &r)
{
    return {{QStringLiteral("sessions"), r.sessions}, {QStringLiteral("aiResolved"), r.aiResolved},
        {QStringLiteral("aiResolvedHeld"), r.aiResolvedHeld},
        {QStringLiteral("aiResolutionRate"), rateJson(r.aiResolutionRate)},
        {QStringLiteral("humanResolved"), r.humanResolved}, {QStringLiteral("unresolved"), r.unresolved},
        {QStringLiteral("reopened"), r.reopened},
        {QStringLiteral("firstContactResolutionRate"), rateJson(r.firstContactResolutionRate)}};
}

QJsonArray contactReasonsJson(const QList<AnalyticsSummary::ContactReason> &reasons)
{
    QJsonArray out;
    for (const AnalyticsSummary::ContactReason &r : reasons)
        out.append(QJsonObject{{QStringLiteral("reason"), r.reason}, {QStringLiteral("category"), r.category},
            {QStringLiteral("sessions"), r.sessions},
            {QStringLiteral("aiResolutionRate"), rateJson(r.aiResolutionRate)},
            {QStringLiteral("escalationRate"), rateJson(r.escalationRate)},
            {QStringLiteral("customerSatisfactionAvg"), r.customerSatisfactionAvg},
            {QStringLiteral("avgHandleTime"), r.avgHandleTime}});
    return out;
}

QJsonArray byTierJson(const QList<AnalyticsSummary::TierRow> &rows)
{
    QJsonArray out;
    for (const AnalyticsSummary::TierRow &r : rows)
        out.append(QJsonObject{{QStringLiteral("tier"), r.tier}, {QStringLiteral("sessions"), r.sessions},
            {QStringLiteral("resolved"), r.resolved}, {QStringLiteral("resolutionRate"), r.resolutionRate},
            {QStringLiteral("avgTime"), r.avgTime},
            {QStringLiteral("customerSatisfactionAvg"), r.customerSatisfactionAvg},
            {QStringLiteral("ratings"), r.ratings}, {QStringLiteral("aiResolutionRate"), rateJson(r.aiResolutionRate)},
            {QStringLiteral("firstContactResolutionRate"), rateJson(r.firstContactResolutionRate)}});
    return out;
}

// Model costs are fractions of a cent: six decimals.
double money6(double amount)
{
    return std::round(amount * 1e6) / 1e6;
}

QJsonArray byChannelJson(const QList<AnalyticsSummary::ChannelRow> &rows)
{
    QJsonArray out;
    for (const AnalyticsSummary::ChannelRow &r : rows)
        out.append(QJsonObject{{QStringLiteral("channel"), r.channel}, {QStringLiteral("sessions"), r.sessions},
            {QStringLiteral("resolved"), r.resolved}, {QStringLiteral("avgTime"), r.avgTime},
            {QStringLiteral("customerSatisfactionAvg"), r.customerSatisfactionAvg},
            {QStringLiteral("ratings"), r.ratings}, {QStringLiteral("aiResolutionRate"), rateJson(r.aiResolutionRate)},
            {QStringLiteral("firstContactResolutionRate"), rateJson(r.firstContactResolutionRate)}});
    return out;
}

QJsonObject countsJson(const QMap<QString, qint64> &counts)
{
    QJsonObject out;
    for (auto it = counts.cbegin(); it != counts.cend(); ++it)
        out.insert(it.key(), it.value());
    return out;
}

QJsonObject escalationsJson(const AnalyticsSummary::Escalations &e)
{
    return {{QStringLiteral("total"), e.total}, {QStringLiteral("byReason"), countsJson(e.byReason)},
        {QStringLiteral("avgEscalationTime"), e.avgEscalationTime},
        {QStringLiteral("escalationRate"), e.escalationRate}};
}

QJsonObject sentimentJson(const AnalyticsSummary::Sentiments &s)
{
    return {{QStringLiteral("distribution"), countsJson(s.distribution)},
        {QStringLiteral("irateIncidents"), s.irateIncidents},
        {QStringLiteral("sentimentImprovement"), s.sentimentImprovement}};
}

QJsonArray timelineJson(const QList<AnalyticsSummary::Period> &periods)
{
    QJsonArray out;
    for (const AnalyticsSummary::Period &p : periods)
        out.append(QJsonObject{{QStringLiteral("period"), p.period}, {QStringLiteral("sessions"), p.sessions},
            {QStringLiteral("resolved"), p.resolved}, {QStringLiteral("escalated"), p.escalated},
            {QStringLiteral("customerSatisfactionAvg"), p.customerSatisfactionAvg},
            {QStringLiteral("ratings"), p.ratings}, {QStringLiteral("aiResolved"), p.aiResolved}});
    return out;
}

QJsonArray byAgentJson(const QList<AgentSatisfaction> &agents)
{
    QJsonArray out;
    for (const AgentSatisfaction &a : agents)
        out.append(QJsonObject{{QStringLiteral("agentId"), a.agentId}, {QStringLiteral("agentName"), a.agentName},
            {QStringLiteral("ratings"), a.ratings},
            {QStringLiteral("customerSatisfactionAvg"), a.customerSatisfactionAvg}});
    return out;
}

QJsonObject deskJson(const DeskSummary &d)
{
    return {{QStringLiteral("handled"), d.handled}, {QStringLiteral("slaMet"), d.slaMet},
        {QStringLiteral("slaMissed"), d.slaMissed},
        {QStringLiteral("slaAttainment"), d.slaAttainment ? QJsonValue(*d.slaAttainment) : QJsonValue()},
        {QStringLiteral("avgFirstResponseTime"), d.avgFirstResponseTime},
        {QStringLiteral("avgHandleTime"), d.avgHandleTime}, {QStringLiteral("byAgent"), byAgentJson(d.byAgent)}};
}

QJsonObject callsJson(const CallsSummary &c)
{
    QJsonArray byQueue;
    for (const CallsSummary::QueueRow &q : c.byQueue)
        byQueue.append(QJsonObject{{QStringLiteral("queue"), q.queue}, {QStringLiteral("calls"), q.calls},
            {QStringLiteral("answered"), q.answered}, {QStringLiteral("abandoned"), q.abandoned},
            {QStringLiteral("avgTimeToAnswer"), q.avgTimeToAnswer},
            {QStringLiteral("medianTimeToAnswer"), q.medianTimeToAnswer},
            {QStringLiteral("avgHandleTime"), q.avgHandleTime}});
    return {{QStringLiteral("total"), c.total}, {QStringLiteral("answered"), c.answered},
        {QStringLiteral("abandoned"), c.abandoned}, {QStringLiteral("aiAlone"), c.aiAlone},
        {QStringLiteral("avgTimeToAnswer"), c.avgTimeToAnswer},
        {QStringLiteral("medianTimeToAnswer"), c.medianTimeToAnswer},
        {QStringLiteral("avgHandleTime"), c.avgHandleTime}, {QStringLiteral("byQueue"), byQueue}};
}

QJsonArray costRowsJson(const QList<AnalyticsSummary::CostRow> &rows, const QString &nameKey)
{
    QJsonArray out;
    for (const AnalyticsSummary::CostRow &r : rows)
        out.append(QJsonObject{{nameKey, r.name}, {QStringLiteral("calls"), r.calls},
            {QStringLiteral("inputTokens"), r.inputTokens}, {QStringLiteral("outputTokens"), r.outputTokens},
            {QStringLiteral("cost"), money6(r.cost)}});
    return out;
}

QJsonObject costJson(const AnalyticsSummary::Cost &c)
{
    const auto amountOrNull = [](const std::optional<double> &v) { return v ? QJsonValue(money6(*v)) : QJsonValue(); };
    return {{QStringLiteral("total"), money6(c.total)}, {QStringLiteral("currency"), c.currency},
        {QStringLiteral("perSession"), amountOrNull(c.perSession)},
        {QStringLiteral("perAiResolution"), amountOrNull(c.perAiResolution)}, {QStringLiteral("calls"), c.calls},
        {QStringLiteral("inputTokens"), c.inputTokens}, {QStringLiteral("outputTokens"), c.outputTokens},
        {QStringLiteral("byTier"), costRowsJson(c.byTier, QStringLiteral("tier"))},
        {QStringLiteral("byModel"), costRowsJson(c.byModel, QStringLiteral("model"))},
        {QStringLiteral("assist"),
            QJsonObject{{QStringLiteral("total"), money6(c.assist.cost)}, {QStringLiteral("calls"), c.assist.calls},
                {QStringLiteral("inputTokens"), c.assist.inputTokens},
                {QStringLiteral("outputTokens"), c.assist.outputTokens},
                {QStringLiteral("byModel"), costRowsJson(c.assistByModel, QStringLiteral("model"))}}},
        {QStringLiteral("otherCurrencies"), costRowsJson(c.otherCurrencies, QStringLiteral("currency"))}};
}

} // namespace

QJsonObject analyticsJson(const AnalyticsSummary &s)
{
    QJsonObject out{{QStringLiteral("period"),
                        QJsonObject{{QStringLiteral("start"), timefmt::iso(s.startMs)},
                            {QStringLiteral("end"), timefmt::iso(s.endMs)}}},
        {QStringLiteral("overview"), overviewJson(s.overview)},
        {QStringLiteral("resolution"), resolutionJson(s.resolution)},
        {QStringLiteral("contactReasons"), contactReasonsJson(s.contactReasons)},
        {QStringLiteral("byTier"), byTierJson(s.byTier)}, {QStringLiteral("byChannel"), byChannelJson(s.byChannel)},
        {QStringLiteral("cost"), costJson(s.cost)}, {QStringLiteral("escalations"), escalationsJson(s.escalations)},
        {QStringLiteral("sentiment"), sentimentJson(s.sentiment)}, {QStringLiteral("desk"), deskJson(s.desk)},
        {QStringLiteral("calls"), callsJson(s.calls)}};
    if (s.groupBy != GroupBy::None)
        out.insert(QStringLiteral("timeline"), timelineJson(s.timeline));
    return out;
}

QJsonArray deliveriesJson(const QList<WebhookDelivery> &deliveries)
{
    QJsonArray out;
    for (const WebhookDelivery &d : deliveries)
        out.append(QJsonObject{{QStringLiteral("deliveryId"), d.deliveryId}, {QStringLiteral("webhookId"), d.webhookId},
            {QStringLiteral("event"), d.event}, {QStringLiteral("state"), d.state},
            {QStringLiteral("attempts"), d.attempts}, {QStringLiteral("lastStatus"), d.lastStatus},
            {QStringLiteral("lastError"), d.lastError}, {QStringLiteral("createdAt"), timefmt::iso(d.createdAt)}});
    return out;
}

QJsonObject auditEntryJson(const AuditEntry &e, const std::optional<QString> &actorName)
{
    QJsonObject o{{QStringLiteral("timestamp"), timefmt::iso(e.at)}, {QStringLiteral("actor"), e.actor},
        {QStringLiteral("role"), e.role}, {QStringLiteral("action"), e.action},
        {QStringLiteral("resource"), e.resource}, {QStringLiteral("clientAddress"), e.clientAddress},
        {QStringLiteral("status"), auditHttpStatus(e)}};
    if (!e.details.isEmpty())
        o.insert(QStringLiteral("details"), QJsonObject::fromVariantMap(e.details));
    if (actorName)
        o.insert(QStringLiteral("actorName"), *actorName);
    return o;
}

} // namespace tierdesk::api::cs
