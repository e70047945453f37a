#pragma once

#include "core/domain/AnalyticsSummary.h"

#include <QJsonObject>
#include <QStringList>

namespace tierdesk::api::platform {

// Seed 000's dashboard metrics (GET /analytics/dashboard ?metrics=...).
QStringList dashboardMetrics(); // conversations, sentiment, resolution_time, escalations, top_issues

// The dashboard answer from the engine's analytics (grouped by day), holding only the `metrics` asked for
// (docs/platform-api.md, "Dashboard"): time_period; summary (total_conversations, average_sentiment_score,
// average_resolution_time, escalation_rate); trends (conversations, sentiment
// per day); top_issues (escalation reasons, most frequent first).
QJsonObject dashboardJson(const AnalyticsSummary &analytics, const QStringList &metrics);

// A sentiment score in [0, 1] from a 1-5 satisfaction mean: (mean - 1) / 4, two decimals.
double sentimentScore(double satisfactionMean);

} // namespace tierdesk::api::platform
