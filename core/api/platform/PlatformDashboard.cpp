#include "core/api/platform/PlatformDashboard.h"

#include "core/common/Time.h"

#include <QJsonArray>

#include <algorithm>
#include <cmath>

namespace tierdesk::api::platform {

namespace {

QJsonArray topIssues(const QMap<QString, qint64> &byReason)
{
    QList<std::pair<QString, qint64>> issues;
    for (auto it = byReason.cbegin(); it != byReason.cend(); ++it)
        if (it.value() > 0)
            issues.append({it.key().toLower(), it.value()});
    std::stable_sort(issues.begin(), issues.end(), [](const auto &a, const auto &b) { return a.second > b.second; });
    QJsonArray out;
    for (const auto &[issue, count] : issues)
        out.append(QJsonObject{{QStringLiteral("issue"), issue}, {QStringLiteral("count"), count}});
    return out;
}

} // namespace

QStringList dashboardMetrics()
{
    return {QStringLiteral("conversations"), QStringLiteral("sentiment"), QStringLiteral("resolution_time"),
        QStringLiteral("escalations"), QStringLiteral("top_issues")};
}

double sentimentScore(double satisfactionMean)
{
    if (satisfactionMean <= 0)
        return 0;
    return std::round(qBound(0.0, (satisfactionMean - 1.0) / 4.0, 1.0) * 100.0) / 100.0;
}

QJsonObject dashboardJson(const AnalyticsSummary &analytics, const QStringList &metrics)
{
    const AnalyticsSummary::Overview &overview = analytics.overview;
    const auto wants = [&metrics](const char *m) { return metrics.contains(QLatin1String(m)); };

    QJsonObject summary;
    QJsonObject trends;
    if (wants("conversations")) {
        summary.insert(QStringLiteral("total_conversations"), overview.totalSessions);
        QJsonArray days;
        for (const AnalyticsSummary::Period &p : analytics.timeline)
            days.append(QJsonObject{{QStringLiteral("date"), p.period}, {QStringLiteral("count"), p.sessions}});
        trends.insert(QStringLiteral("conversations"), days);
    }
    if (wants("sentiment")) {
        summary.insert(QStringLiteral("average_sentiment_score"), sentimentScore(overview.customerSatisfactionAvg));
        QJsonArray days;
        for (const AnalyticsSummary::Period &p : analytics.timeline)
            days.append(QJsonObject{{QStringLiteral("date"), p.period},
                {QStringLiteral("score"), sentimentScore(p.customerSatisfactionAvg)}});
        trends.insert(QStringLiteral("sentiment"), days);
    }
    if (wants("resolution_time"))
        summary.insert(QStringLiteral("average_resolution_time"), overview.avgResolutionTime);
    if (wants("escalations"))
        summary.insert(QStringLiteral("escalation_rate"), analytics.escalations.escalationRate);

    QJsonObject out{{QStringLiteral("time_period"),
                        QJsonObject{{QStringLiteral("start"), timefmt::iso(analytics.startMs)},
                            {QStringLiteral("end"), timefmt::iso(analytics.endMs)}}},
        {QStringLiteral("summary"), summary}, {QStringLiteral("trends"), trends}};
    if (wants("top_issues"))
        out.insert(QStringLiteral("top_issues"), topIssues(analytics.escalations.byReason));
    return out;
}

} // namespace tierdesk::api::platform
