#include "core/engine/admin/ReportRows.h"

#include "core/common/Time.h"
#include "core/store/AnalyticsRepo.h"
#include "core/store/RatingRepo.h"
#include "core/store/SessionRepo.h"

namespace tierdesk {

namespace {

QString sentimentGroup(Sentiment s)
{
    if (isNegative(s))
        return QStringLiteral("negative");
    return s == Sentiment::Neutral ? QStringLiteral("neutral") : QStringLiteral("positive");
}

QStringList periodNotes(const ReportRequest &r)
{
    QStringList notes{QStringLiteral("Period: %1 to %2").arg(timefmt::iso(r.startMs), timefmt::iso(r.endMs))};
    if (!r.sentiment.isEmpty())
        notes << QStringLiteral("Sentiment: %1").arg(r.sentiment);
    if (r.resolutionTimeMinS > 0)
        notes << QStringLiteral("Resolution time at least %1 s").arg(r.resolutionTimeMinS);
    return notes;
}

Result<ReportTable> conversations(Database &db, const ReportRequest &r)
{
    SessionFilter filter;
    filter.companyId = r.companyId;
    filter.startMs = r.startMs;
    filter.endMs = r.endMs;
    filter.limit = kMaxReportRows;
    int total = 0;
    const QList<Session> sessions = SessionRepo(db).list(filter, &total);
    ReportTable t{QStringLiteral("Conversation analysis"), periodNotes(r),
        {QStringLiteral("conversation_id"), QStringLiteral("created_at"), QStringLiteral("channel"),
            QStringLiteral("status"), QStringLiteral("tier"), QStringLiteral("sentiment"),
            QStringLiteral("issue_category"), QStringLiteral("messages"), QStringLiteral("resolution_time_s"),
            QStringLiteral("rating"), QStringLiteral("rating_comment")},
        {}};
    QStringList ids;
    for (const Session &s : sessions)
        ids << s.id;
    const QHash<QString, SessionRating> ratings = RatingRepo(db).forSessions(ids);
    for (const Session &s : sessions) {
        const qint64 resolution = s.resolvedAt > 0 ? (s.resolvedAt - s.createdAt) / 1000 : -1;
        if (!r.sentiment.isEmpty() && sentimentGroup(s.customerSentiment) != r.sentiment)
            continue;
        if (r.resolutionTimeMinS > 0 && resolution < r.resolutionTimeMinS)
            continue;
        t.rows << QStringList{s.id, timefmt::iso(s.createdAt), toString(s.channel), toString(s.status),
            toString(s.currentTier), toString(s.customerSentiment),
            s.issueCategory ? toString(*s.issueCategory) : QString(), QString::number(s.messageCount),
            resolution >= 0 ? QString::number(resolution) : QString(),
            ratings.contains(s.id) ? QString::number(ratings.value(s.id).rating) : QString(),
            ratings.value(s.id).comment};
    }
    if (total > kMaxReportRows)
        t.notes << QStringLiteral("The first %1 of %2 conversations").arg(kMaxReportRows).arg(total);
    return t;
}

// Hours whose stored facts are behind are read from the sessions themselves: this
// connection writes nothing (AnalyticsRepo::refresh).
Result<ReportTable> dailySummary(Database &db, const ReportRequest &r)
{
    const AnalyticsSummary analytics = AnalyticsRepo(db).compute(r.companyId, r.startMs, r.endMs, GroupBy::Day);
    ReportTable t{QStringLiteral("Daily summary"), periodNotes(r),
        {QStringLiteral("date"), QStringLiteral("conversations"), QStringLiteral("resolved"),
            QStringLiteral("escalated"), QStringLiteral("satisfaction_avg"), QStringLiteral("ratings")},
        {}};
    for (const AnalyticsSummary::Period &day : analytics.timeline)
        t.rows << QStringList{day.period, QString::number(day.sessions), QString::number(day.resolved),
            QString::number(day.escalated), QString::number(day.customerSatisfactionAvg), QString::number(day.ratings)};
    return t;
}

} // namespace

Result<ReportTable> readReportRows(const DatabaseTarget &database, const ReportRequest &r)
{
    auto db = Database::openReader(database);
    if (!db)
        return db.error();
    return r.type == QLatin1String("daily_summary") ? dailySummary(**db, r) : conversations(**db, r);
}

} // namespace tierdesk
