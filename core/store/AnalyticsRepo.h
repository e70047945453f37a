#pragma once

#include "core/common/Result.h"
#include "core/store/AnalyticsFacts.h"
#include "core/store/AnalyticsReport.h"
#include "core/store/Database.h"

#include <functional>

namespace tierdesk {

// The aggregates of seed 001 "Get Analytics" over the sessions created in
// [startMs, endMs]. Answered from stored facts per UTC hour and day
// (analytics_hours, analytics_days) so a range over a million sessions reads a
// few hundred rows: whole days from the day rows, whole hours from the hour
// rows, and only the part of an hour at either end from the sessions
// themselves. Triggers on sessions, escalations and sentiment_points mark the
// hour of the changed session in analytics_dirty, in the writing transaction;
// the hours marked are recomputed when a range that holds them is asked for.
class AnalyticsRepo {
public:
    static constexpr qint64 kHourMs = 3600000;
    static constexpr qint64 kDayMs = 24 * kHourMs;

    explicit AnalyticsRepo(Database &db) : m_db(db) { }
    AnalyticsSummary compute(const QString &companyId, qint64 startMs, qint64 endMs, GroupBy groupBy);
    // The people's desk over the items that left it in [startMs, endMs]: handled, SLA met
    // and missed with the attainment, mean first response and handling times.
    DeskSummary desk(const QString &companyId, qint64 startMs, qint64 endMs);

    // The facts of the sessions created in [fromMs, toMs], read from the sessions.
    AnalyticsFacts scan(const QString &companyId, qint64 fromMs, qint64 toMs);
    // Recomputes the stored hours marked as changed in the days that hold
    // [fromMs, toMs], then those days. False if that could not be written (always,
    // when some are marked, on a read-only connection).
    Status refresh(const QString &companyId, qint64 fromMs, qint64 toMs);
    // The company's hours marked as changed and not yet recomputed.
    int changedHours(const QString &companyId);

private:
    using Sink = std::function<void(qint64 atMs, const AnalyticsFacts &)>;
    void collect(const QString &companyId, qint64 fromMs, qint64 toMs, const Sink &sink);
    void collectHours(const QString &companyId, qint64 fromMs, qint64 toMs, const Sink &sink);
    AnalyticsFacts partOfHour(const QString &companyId, qint64 fromMs, qint64 toMs);
    QMap<qint64, AnalyticsFacts> stored(const QString &table, const QString &companyId, qint64 first, qint64 last);
    Status recomputeHour(const QString &companyId, qint64 hour);
    Status recomputeDay(const QString &companyId, qint64 day);
    Status storeFacts(const QString &table, const QString &companyId, qint64 unit, const AnalyticsFacts &facts);
    void scanSessions(AnalyticsFacts &f, const QVariantList &range);
    void scanEscalations(AnalyticsFacts &f, const QVariantList &range);
    void scanReadings(AnalyticsFacts &f, const QVariantList &range);
    void scanModelUse(AnalyticsFacts &f, const QVariantList &range);
    QSqlQuery &run(const QString &sql, const QVariantList &binds);

    Database &m_db;
};

} // namespace tierdesk
