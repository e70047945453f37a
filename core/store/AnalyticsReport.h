#pragma once

#include "core/domain/AnalyticsSummary.h"
#include "core/store/AnalyticsFacts.h"

namespace tierdesk {

// Seed 001's "Get Analytics" figures, summed up from the facts of the sessions
// created in [startMs, endMs] (docs/api.md "Analytics" gives the definitions).
class AnalyticsReport {
public:
    AnalyticsReport(qint64 startMs, qint64 endMs, GroupBy groupBy)
        : m_startMs(startMs), m_endMs(endMs), m_groupBy(groupBy)
    {
    }

    // Adds the facts of sessions created within one UTC day, from `atMs` on.
    void add(qint64 atMs, const AnalyticsFacts &facts);
    // Everything but the desk, which is not made of session facts.
    AnalyticsSummary summary() const;

    // The timeline's name for the period holding `atMs`, as SQLite's strftime
    // writes it: "2025-12-19", "2025-W50" (%W: weeks begin on Monday) or "2025-12".
    static QString periodOf(qint64 atMs, GroupBy groupBy);

private:
    struct Period {
        qint64 sessions = 0;
        qint64 resolved = 0;
        qint64 escalated = 0; // no longer with the AI Rep
        qint64 satisfaction = 0; // the sum over the period's sessions, 1-5 each
        qint64 rated = 0; // sessions their customer rated
        qint64 aiResolved = 0;
    };
    AnalyticsSummary::Overview overview() const;
    AnalyticsSummary::Resolution resolution() const;
    QList<AnalyticsSummary::ContactReason> contactReasons() const;
    QList<AnalyticsSummary::TierRow> byTier() const;
    QList<AnalyticsSummary::ChannelRow> byChannel() const;
    AnalyticsSummary::Cost cost() const;
    AnalyticsSummary::Escalations escalations() const;
    AnalyticsSummary::Sentiments sentiment() const;
    QList<AnalyticsSummary::Period> timeline() const;

    qint64 m_startMs;
    qint64 m_endMs;
    GroupBy m_groupBy;
    AnalyticsFacts m_total;
    QMap<QString, Period> m_periods;
};

} // namespace tierdesk
