#include "core/api/platform/PlatformDashboard.h"

#include <QJsonArray>

#include <algorithm>
#include <cmath>

namespace tierdesk::api::platform {

namespace {

QJsonArray topIssues(const QJsonObject &byReason)
{
    QList<std::pair<QString, qint64>> issues;
    for (auto it = byReason.begin(); it != byReason.end(); ++it)
        if (it.value().toInteger() > 0)
            issues.append({it.key().toLower(), it.value().toInteger()});
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

QJsonObject dashboardJson(const QJsonObject &analytics, const QStringList &metrics)
{
    const QJsonObject period = analytics.value(QLatin1String("period")).toObject();
    const QJsonObject overview = analytics.value(QLatin1String("overview")).toObject();
    const QJsonArray timeline = analytics.value(QLatin1String("timeline")).toArray();
    const auto wants = [&metrics](const char *m) { return metrics.contains(QLatin1String(m)); };

    QJsonObject summary;
    QJsonObject trends;
    if (wants("conversations")) {
        summary.insert(QStringLiteral("total_conversations"), overview.value(QLatin1String("totalSessions")));
        QJsonArray days;
        for (const QJsonValue &v : timeline)
            days.append(QJsonObject{{QStringLiteral("date"), v[QLatin1String("period")]},
                {QStringLiteral("count"), v[QLatin1String("sessions")]}});
        trends.insert(QStringLiteral("conversations"), days);
    }
    if (wants("sentiment")) {
        summary.insert(QStringLiteral("average_sentiment_score"),
            sentimentScore(overview.value(QLatin1String("customerSatisfactionAvg")).toDouble()));
        QJsonArray days;
        for (const QJsonValue &v : timeline)
            days.append(QJsonObject{{QStringLiteral("date"), v[QLatin1String("period")]},
                {QStringLiteral("score"), sentimentScore(v[QLatin1String("customerSatisfactionAvg")].toDouble())}});
        trends.insert(QStringLiteral("sentiment"), days);
    }
    if (wants("resolution_time"))
        summary.insert(QStringLiteral("average_resolution_time"), overview.value(QLatin1String("avgResolutionTime")));
    if (wants("escalations"))
        summary.insert(QStringLiteral("escalation_rate"),
            analytics.value(QLatin1String("escalations"))[QLatin1String("escalationRate")]);

    QJsonObject out{{QStringLiteral("time_period"),
                        QJsonObject{{QStringLiteral("start"), period.value(QLatin1String("start"))},
                            {QStringLiteral("end"), period.value(QLatin1String("end"))}}},
        {QStringLiteral("summary"), summary}, {QStringLiteral("trends"), trends}};
    if (wants("top_issues"))
        out.insert(QStringLiteral("top_issues"),
            topIssues(analytics.value(QLatin1String("escalations"))[QLatin1String("byReason")].toObject()));
    return out;
}

} // namespace tierdesk::api::platform
