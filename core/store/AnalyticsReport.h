#pragma once

#include "core/store/AnalyticsFacts.h"

#include <QJsonArray>
#include <QJsonObject>

namespace tierdesk {

enum class GroupBy { None, Day, Week, Month };

// Seed 001's "Get Analytics" answer, worded from the facts of the sessions
// created in [startMs, endMs] (docs/api.md "Analytics" gives the definitions).
class AnalyticsReport {
public:
    AnalyticsReport(qint64 startMs, qint64 endMs, GroupBy groupBy)
        : m_startMs(startMs), m_endMs(endMs), m_groupBy(groupBy)
    {
    }

    // Adds the facts of sessions created within one UTC day, from `atMs` on.
    void add(qint64 atMs, const AnalyticsFacts &facts);
    QJsonObject json() const;

    // The timeline's name for the period holding `atMs`, as SQLite's strftime
    // writes it: "2025-12-19", "2025-W50" (%W: weeks begin on Monday) or "2025-12".
    static QString periodOf(qint64 atMs, GroupBy groupBy);

private:
    struct Period {
        qint64 sessions = 0;
        qint64 resolved = 0;
        qint64 escalated = 0; // no longer with the AI Rep
        qint64 satisfaction = 0; // the sum over the period's sessions, 1-5 each
    };
    QJsonObject overview() const;
    QJsonArray byTier() const;
    QJsonArray byChannel() const;
    QJsonObject escalations() const;
    QJsonObject sentiment() const;
    QJsonArray timeline() const;

    qint64 m_startMs;
    qint64 m_endMs;
    GroupBy m_groupBy;
    AnalyticsFacts m_total;
    QMap<QString, Period> m_periods;
};

} // namespace tierdesk
