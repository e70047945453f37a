#pragma once

#include "core/domain/AnalyticsSummary.h"
#include "core/domain/CompanyProfile.h"
#include "core/domain/KnowledgeGap.h"
#include "core/domain/Language.h"
#include "core/integrations/MailMessage.h"

#include <optional>

namespace tierdesk {

// A week a summary reports: Monday 00:00 to the next Monday 00:00 in the company's time zone.
struct SummaryWeek {
    QString id; // ISO week, "2026-W47": which summary a person got
    QDate monday;
    qint64 startMs = 0; // inclusive
    qint64 endMs = 0; // exclusive
};

// The last whole week before `nowMs` in `timeZone` (IANA; UTC when unknown) while its summary is
// due: from Monday at kSummarySendHour local time for a day; else none.
std::optional<SummaryWeek> dueSummaryWeek(qint64 nowMs, const QString &timeZone);
// The week before `week`, for the comparison.
SummaryWeek weekBefore(const SummaryWeek &week, const QString &timeZone);
inline constexpr int kSummarySendHour = 7;
inline constexpr int kSummaryGaps = 5; // the biggest knowledge gaps the mail lists

struct WeeklySummaryInput {
    QString companyName;
    Language language = Language::En;
    CompanyProfile profile; // its currency when no model call was priced
    SummaryWeek week;
    AnalyticsSummary current;
    AnalyticsSummary previous;
    QList<KnowledgeGap> gaps; // biggest first, at most kSummaryGaps are listed
};

// The mail: the week's figures beside the week before's (the change in points for rates),
// satisfaction per channel with the share rated, the AI's cost, the reasons for contact and
// the biggest knowledge gaps; plain text with an HTML alternative, in the company's language.
MailMessage composeWeeklySummary(const WeeklySummaryInput &in, const QString &from, const QString &to);

} // namespace tierdesk
