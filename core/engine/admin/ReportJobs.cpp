#include "core/engine/admin/ReportJobs.h"

#include "core/common/Ids.h"
#include "core/common/Time.h"
#include "core/common/Validation.h"
#include "core/integrations/CsvWriter.h"
#include "core/integrations/PdfWriter.h"
#include "core/store/AnalyticsRepo.h"
#include "core/store/Database.h"
#include "core/store/RatingRepo.h"
#include "core/store/SessionRepo.h"

#include <QFileInfo>
#include <QFutureWatcher>
#include <QJsonArray>
#include <QPointer>
#include <QtConcurrent>

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
    filter.limit = ReportJobs::kMaxRows;
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
    if (total > ReportJobs::kMaxRows)
        t.notes << QStringLiteral("The first %1 of %2 conversations").arg(ReportJobs::kMaxRows).arg(total);
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

// The request's rows, read on the calling thread from a read-only connection of its own.
Result<ReportTable> readTable(const DatabaseTarget &database, const ReportRequest &r)
{
    auto db = Database::openReader(database);
    if (!db)
        return db.error();
    return r.type == QLatin1String("daily_summary") ? dailySummary(**db, r) : conversations(**db, r);
}

} // namespace

QStringList ReportJobs::types()
{
    return {QStringLiteral("conversation_analysis"), QStringLiteral("daily_summary")};
}

QStringList ReportJobs::sentiments()
{
    return {QStringLiteral("positive"), QStringLiteral("neutral"), QStringLiteral("negative")};
}

ReportJobs::ReportJobs(SessionEngine &engine, QString directory, const ReportLimits &limits, QObject *parent)
    : QObject(parent), m_engine(engine), m_files(std::move(directory)), m_database(engine.core().store().db().target()),
      m_limits(limits)
{
    m_pool.setMaxThreadCount(2); // rendering is CPU work; two reports at a time are plenty on a desk machine
    connect(&m_sweepTimer, &QTimer::timeout, this, &ReportJobs::sweep);
    m_sweepTimer.start(kSweepIntervalMs);
    sweep(); // what expired while the server was down
}

QString ReportJobs::directoryBeside(SessionEngine &engine)
{
    return QFileInfo(engine.core().store().db().path()).absolutePath() + QStringLiteral("/reports");
}

ReportJobs::~ReportJobs()
{
    m_pool.waitForDone();
}

Status ReportJobs::check(const ReportRequest &r) const
{
    if (!types().contains(r.type))
        return invalidField(QStringLiteral("report_type"), QStringLiteral("unknown report_type"), types());
    if (!ReportFiles::validFormat(r.format))
        return invalidField(QStringLiteral("format"), QStringLiteral("format must be csv or pdf"),
            {QStringLiteral("csv"), QStringLiteral("pdf")});
    if (r.startMs <= 0 || r.endMs <= 0 || r.endMs < r.startMs)
        return invalidField(QStringLiteral("time_period"), QStringLiteral("time_period needs a start before its end"));
    if (r.endMs - r.startMs > kMaxPeriodMs)
        return invalidField(QStringLiteral("time_period"), QStringLiteral("time_period may span at most 366 days"));
    if (!r.sentiment.isEmpty() && !sentiments().contains(r.sentiment))
        return invalidField(
            QStringLiteral("filters.sentiment"), QStringLiteral("unknown sentiment filter"), sentiments());
    if (r.resolutionTimeMinS < 0)
        return invalidField(
            QStringLiteral("filters.resolution_time_min"), QStringLiteral("resolution_time_min must be >= 0"));
    return Ok{};
}

Result<ReportTable> ReportJobs::collect(const ReportRequest &r) const
{
    if (const Status ok = check(r); !ok)
        return ok.error();
    return readTable(m_database, r);
}

Status ReportJobs::withinBudget(const QString &companyId)
{
    const qint64 now = m_engine.clock().nowMs();
    QList<qint64> &asked = m_requests[companyId];
    asked.removeIf([now](qint64 at) { return at <= now - kHourMs; });
    if (asked.size() < m_limits.requestsPerHour)
        return Ok{};
    const qint64 retryAfterSecs = qMax<qint64>(1, (asked.first() + kHourMs - now + 999) / 1000);
    return makeError(ErrorKind::LimitExceeded,
        QStringLiteral("at most %1 reports may be requested per hour").arg(m_limits.requestsPerHour),
        {{QStringLiteral("retryAfter"), retryAfterSecs}});
}

Result<ReportJob> ReportJobs::start(const ReportRequest &r, const Actor &actor)
{
    if (!m_engine.company(r.companyId))
        return makeError(ErrorKind::NotFound, QStringLiteral("company not found"));
    if (const Status ok = check(r); !ok)
        return ok.error();
    int generating = 0;
    for (const ReportJob &j : std::as_const(m_jobs))
        generating += j.companyId == r.companyId && j.status == QLatin1String("generating") ? 1 : 0;
    if (generating >= kMaxGeneratingPerCompany)
        return makeError(ErrorKind::Conflict,
            QStringLiteral("at most %1 reports may be generating at once").arg(kMaxGeneratingPerCompany));
    if (const Status budget = withinBudget(r.companyId); !budget)
        return budget.error();

    ReportJob job{ids::random(QStringLiteral("rep-")), r.companyId, r.type, r.format, QStringLiteral("generating"),
        m_engine.clock().nowMs(), 0, {}};
    m_jobs.insert(job.id, job);
    m_requests[r.companyId].append(job.createdAt);
    m_engine.audit(r.companyId, actor, QStringLiteral("report.create"), QStringLiteral("reports/") + job.id,
        AuditOutcome::Accepted, {{QStringLiteral("report_type"), r.type}, {QStringLiteral("format"), r.format}});
    launch(job, r);
    return job;
}

// The worker reads once what was written before the request is committed: its
// connection sees committed data only.
void ReportJobs::launch(const ReportJob &job, const ReportRequest &request)
{
    QPointer<ReportJobs> self(this);
    m_engine.afterCommit([self, job, request](bool) {
        if (!self)
            return;
        auto *watcher = new QFutureWatcher<Status>(self);
        connect(watcher, &QFutureWatcher<Status>::finished, self, [jobs = self.data(), watcher, id = job.id] {
            jobs->done(id, watcher->result());
            watcher->deleteLater();
        });
        watcher->setFuture(QtConcurrent::run(
            &self->m_pool, [files = self->m_files, database = self->m_database, job, request]() -> Status {
                const auto table = readTable(database, request);
                if (!table)
                    return table.error();
                const QByteArray bytes = job.format == QLatin1String("pdf") ? pdf::render(*table) : csv::render(*table);
                return files.write(job.companyId, job.id, job.format, bytes, job.createdAt);
            }));
    });
}

void ReportJobs::done(const QString &reportId, const Status &written)
{
    auto it = m_jobs.find(reportId);
    if (it == m_jobs.end())
        return;
    it->finishedAt = m_engine.clock().nowMs();
    it->status = written ? QStringLiteral("ready") : QStringLiteral("failed");
    if (!written) {
        it->error = written.error().message;
        qWarning("Report %s failed: %s", qPrintable(reportId), qPrintable(it->error));
    }
    const ReportJob job = *it;
    m_engine.audit(job.companyId, Actor{}, written ? QStringLiteral("report.ready") : QStringLiteral("report.failed"),
        QStringLiteral("reports/") + job.id, written ? AuditOutcome::Done : AuditOutcome::Failed);
    if (written)
        trim(job.companyId, job.id);
    forgetOldest();
    emit finished(job.companyId, job.id, job.status);
}

void ReportJobs::sweep()
{
    for (const QString &companyId : m_files.companies())
        trim(companyId);
}

void ReportJobs::trim(const QString &companyId, const QString &keep)
{
    const qint64 now = m_engine.clock().nowMs();
    const auto drop = [&](const ReportFiles::Stored &f) {
        m_files.remove(companyId, f.reportId, f.format);
        m_jobs.remove(f.reportId);
    };
    QList<ReportFiles::Stored> kept;
    qint64 bytes = 0;
    for (const ReportFiles::Stored &f : m_files.list(companyId)) {
        if (f.reportId != keep && f.requestedAtMs + m_limits.retentionMs <= now) {
            drop(f);
            continue;
        }
        kept.append(f);
        bytes += f.bytes;
    }
    // Oldest first, until the company is within its quota.
    qsizetype count = kept.size();
    for (const ReportFiles::Stored &f : std::as_const(kept)) {
        if (count <= m_limits.maxPerCompany && bytes <= m_limits.maxBytesPerCompany)
            break;
        if (f.reportId == keep)
            continue;
        drop(f);
        --count;
        bytes -= f.bytes;
    }
}

void ReportJobs::forgetOldest()
{
    if (m_jobs.size() <= kMaxRememberedJobs)
        return;
    QList<std::pair<qint64, QString>> ready;
    for (const ReportJob &j : std::as_const(m_jobs))
        if (j.status == QLatin1String("ready"))
            ready.append({j.finishedAt, j.id});
    std::sort(ready.begin(), ready.end());
    for (qsizetype i = 0; i < ready.size() && m_jobs.size() > kMaxRememberedJobs; ++i)
        m_jobs.remove(ready.at(i).second);
}

std::optional<ReportJob> ReportJobs::find(const QString &companyId, const QString &reportId)
{
    const auto it = m_jobs.constFind(reportId);
    if (it != m_jobs.cend() && it->companyId != companyId)
        return std::nullopt;
    if (it != m_jobs.cend() && it->status != QLatin1String("ready"))
        return *it;
    // Ready: its file says whether it is still kept.
    const auto stored = m_files.stored(companyId, reportId);
    if (stored && stored->requestedAtMs + m_limits.retentionMs <= m_engine.clock().nowMs()) {
        m_files.remove(companyId, reportId, stored->format);
        m_jobs.remove(reportId);
        return std::nullopt;
    }
    if (!stored)
        return std::nullopt;
    if (it != m_jobs.cend())
        return *it;
    // Written by an earlier run of the process: ready, whatever else was known about it.
    return ReportJob{reportId, companyId, QString(), stored->format, QStringLiteral("ready"), 0, 0, {}};
}

} // namespace tierdesk
