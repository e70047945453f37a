#include "core/engine/admin/ReportJobs.h"

#include "core/common/Ids.h"
#include "core/common/Validation.h"
#include "core/integrations/CsvWriter.h"
#include "core/integrations/PdfWriter.h"
#include "core/store/Database.h"

#include <QFileInfo>
#include <QFutureWatcher>
#include <QJsonArray>
#include <QPointer>
#include <QtConcurrent>

namespace tierdesk {

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
    if (engine.core().store().db().postgres()) {
        m_team = std::make_unique<TeamReports>(engine.core().store(), engine.clock());
        connect(&m_leaseTimer, &QTimer::timeout, this, &ReportJobs::takeOver);
        m_leaseTimer.start(TeamReports::kTickMs);
    }
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
    return readReportRows(m_database, r);
}

// On PostgreSQL the team's jobs count; on SQLite this process's.
Status ReportJobs::admit(const QString &companyId)
{
    const qint64 now = m_engine.clock().nowMs();
    ReportJobRepo::Asked asked;
    int generating = 0;
    if (m_team) {
        generating = m_team->generating(companyId);
        asked = m_team->askedSince(companyId, now - kHourMs);
    } else {
        for (const ReportJob &j : std::as_const(m_jobs))
            generating += j.companyId == companyId && j.status == QLatin1String("generating") ? 1 : 0;
        QList<qint64> &times = m_requests[companyId];
        times.removeIf([now](qint64 at) { return at <= now - kHourMs; });
        asked = {int(times.size()), times.isEmpty() ? 0 : times.first()};
    }
    if (generating >= kMaxGeneratingPerCompany)
        return makeError(ErrorKind::Conflict,
            QStringLiteral("at most %1 reports may be generating at once").arg(kMaxGeneratingPerCompany));
    if (asked.count < m_limits.requestsPerHour)
        return Ok{};
    const qint64 retryAfterSecs = qMax<qint64>(1, (asked.firstAt + kHourMs - now + 999) / 1000);
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
    const Status admitted = admit(r.companyId);
    if (!admitted)
        return admitted.error();

    ReportJob job{ids::random(QStringLiteral("rep-")), r.companyId, r.type, r.format, QStringLiteral("generating"),
        m_engine.clock().nowMs(), 0, {}};
    if (m_team) {
        if (const Status added = m_team->add(job, r); !added)
            return added.error();
    } else {
        m_jobs.insert(job.id, job);
        m_requests[r.companyId].append(job.createdAt);
    }
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
        if (self)
            self->generate(job, request);
    });
}

// Reads and renders on the pool. On SQLite the worker writes the file too (the engine
// thread never waits for the disk); on PostgreSQL the bytes come back to be stored.
void ReportJobs::generate(const ReportJob &job, const ReportRequest &request)
{
    using Made = Result<QByteArray>;
    auto *watcher = new QFutureWatcher<Made>(this);
    connect(watcher, &QFutureWatcher<Made>::finished, this, [this, watcher, job] {
        done(job, watcher->result());
        watcher->deleteLater();
    });
    const bool keepsFile = !m_team;
    watcher->setFuture(
        QtConcurrent::run(&m_pool, [files = m_files, database = m_database, job, request, keepsFile]() -> Made {
            const auto table = readReportRows(database, request);
            if (!table)
                return table.error();
            const QByteArray bytes = job.format == QLatin1String("pdf") ? pdf::render(*table) : csv::render(*table);
            if (!keepsFile)
                return bytes;
            if (const Status written = files.write(job.companyId, job.id, job.format, bytes, job.createdAt); !written)
                return written.error();
            return QByteArray();
        }));
}

void ReportJobs::record(ReportJob &job, const Result<QByteArray> &made)
{
    job.finishedAt = m_engine.clock().nowMs();
    job.status = made ? QStringLiteral("ready") : QStringLiteral("failed");
    if (!made) {
        job.error = made.error().message;
        qWarning("Report %s failed: %s", qPrintable(job.id), qPrintable(job.error));
    }
}

void ReportJobs::done(const ReportJob &started, const Result<QByteArray> &made)
{
    ReportJob job = started;
    record(job, made);
    if (m_team) {
        if (!m_team->finish(job, made ? *made : QByteArray())) {
            // Another instance took it over (its outcome stands), or the database was away (the
            // job is generated again once its lease ends).
            qInfo("Report %s: outcome not recorded here", qPrintable(job.id));
            return;
        }
    } else {
        auto it = m_jobs.find(job.id);
        if (it == m_jobs.end())
            return;
        *it = job;
    }
    m_engine.audit(job.companyId, Actor{}, made ? QStringLiteral("report.ready") : QStringLiteral("report.failed"),
        QStringLiteral("reports/") + job.id, made ? AuditOutcome::Done : AuditOutcome::Failed);
    if (made)
        trim(job.companyId, job.id);
    forgetOldest();
    emit finished(job.companyId, job.id, job.status);
}

void ReportJobs::takeOver()
{
    const int room = qMax(0, m_pool.maxThreadCount() * 2 - m_team->running());
    for (const ReportJobRepo::Taken &t : m_team->tick(room)) {
        qInfo("Report %s: taken over from an instance that stopped renewing it", qPrintable(t.job.id));
        generate(t.job, t.request);
    }
}

void ReportJobs::sweep()
{
    if (m_team)
        return m_team->sweep(m_limits);
    for (const QString &companyId : m_files.companies())
        trim(companyId);
}

void ReportJobs::trim(const QString &companyId, const QString &keep)
{
    if (m_team)
        return m_team->trim(companyId, keep, m_limits);
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
    if (m_team)
        return m_team->find(companyId, reportId, m_limits);
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

Result<QByteArray> ReportJobs::content(const ReportJob &job) const
{
    return m_team ? m_team->content(job.companyId, job.id) : m_files.read(job.companyId, job.id, job.format);
}

} // namespace tierdesk
