#pragma once

#include <QJsonObject>

class QChart;

namespace tierdesk::ui::charts {

// The analytics page's charts, each built fresh from a GET /api/cs/analytics answer.
QChart *sessionsOverTime(const QJsonObject &report); // timeline: sessions, resolved, escalated
QChart *resolutionRates(const QJsonObject &report); // % resolved by tier and by channel
QChart *escalationReasons(const QJsonObject &report); // escalations by reason
QChart *sentimentDistribution(const QJsonObject &report);
QChart *satisfactionOverTime(const QJsonObject &report); // timeline: satisfaction 1-5 per period
QChart *deskSla(const QJsonObject &report); // the people's desk: SLA met and missed
// The top kTopReasons contactReasons by sessions as bars named by the reasons (the axis' categories),
// the most frequent at the top; hovering one tells its AI resolution rate.
QChart *contactReasons(const QJsonObject &report);
constexpr int kTopReasons = 10;
QChart *aiResolutionShare(const QJsonObject &report); // timeline: aiResolved of sessions, %

} // namespace tierdesk::ui::charts
