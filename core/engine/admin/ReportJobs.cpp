#include "core/engine/admin/ReportJobs.h"

#include "core/common/Ids.h"
#include "core/common/Time.h"
#include "core/common/Validation.h"
#include "core/integrations/CsvWriter.h"
#include "core/integrations/PdfWriter.h"

#include <QFileInfo>
#include <QFutureWatcher>
#include <QJsonArray>
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

} // namespace

QStringList ReportJobs::types()
{
    return {QStringLiteral("conversation_analysis"), QStringLiteral("daily_summary")};
}

QStringList ReportJobs::sentiments()
{
    return {QStringLiteral("positive"), QStringLiteral("neutral"), QStringLiteral("negative")};
}

ReportJobs::ReportJobs(SessionEngine &engine, QString directory, QObject *parent)
    : QObject(parent), m_engine(engine), m_files(std::move(directory))
{
    m_pool.setMaxThreadCount(2); // rendering is CPU work; two reports at a time are plenty on a desk machine
}

QString ReportJobs::directoryBeside(SessionEngine &engine)
{
    return QFileInfo(engine.store().db().path()).absolutePath() + QStringLiteral("/reports");
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

Result<ReportTable> ReportJobs::collect(const ReportRequest &r)
{
    if (const Status ok = check(r); !ok)
        return ok.error();
    return r.type == QLatin1String("daily_summary") ? dailySummary(r) : conversations(r);
}

Result<ReportTable> ReportJobs::conversations(const ReportRequest &r)
{
    SessionFilter filter;
    filter.companyId = r.companyId;
    filter.startMs = r.startMs;
    filter.endMs = r.endMs;
    filter.limit = kMaxRows;
    int total = 0;
    auto sessions = m_engine.listSessions(filter, &total);
    if (!sessions)
        return sessions.error();
    ReportTable t{QStringLiteral("Conversation analysis"), periodNotes(r),
        {QStringLiteral("conversation_id"), QStringLiteral("created_at"), QStringLiteral("channel"),
            QStringLiteral("status"), QStringLiteral("tier"), QStringLiteral("sentiment"),
            QStringLiteral("issue_category"), QStringLiteral("messages"), QStringLiteral("resolution_time_s")},
        {}};
    for (const Session &s : *sessions) {
        const qint64 resolution = s.resolvedAt > 0 ? (s.resolvedAt - s.createdAt) / 1000 : -1;
        if (!r.sentiment.isEmpty() && sentimentGroup(s.customerSentiment) != r.sentiment)
            continue;
        if (r.resolutionTimeMinS > 0 && resolution < r.resolutionTimeMinS)
            continue;
        t.rows << QStringList{s.id, timefmt::iso(s.createdAt), toString(s.channel), toString(s.status),
            toString(s.currentTier), toString(s.customerSentiment),
            s.issueCategory ? toString(*s.issueCategory) : QString(), QString::number(s.messageCount),
            resolution >= 0 ? QString::number(resolution) : QString()};
    }
    if (total > kMaxRows)
        t.notes << QStringLiteral("The first %1 of %2 conversations").arg(kMaxRows).arg(total);
    return t;
}

Result<ReportTable> ReportJobs::dailySummary(const ReportRequest &r)
{
    auto analytics = m_engine.analytics(r.companyId, r.startMs, r.endMs, GroupBy::Day);
    if (!analytics)
        return analytics.error();
    ReportTable t{QStringLiteral("Daily summary"), periodNotes(r),
        {QStringLiteral("date"), QStringLiteral("conversations"), QStringLiteral("resolved"),
            QStringLiteral("escalated"), QStringLiteral("satisfaction_avg")},
        {}};
    for (const QJsonValue &v : analytics->value(QLatin1String("timeline")).toArray()) {
        const QJsonObject day = v.toObject();
        t.rows << QStringList{day.value(QLatin1String("period")).toString(),
            QString::number(day.value(QLatin1String("sessions")).toInteger()),
            QString::number(day.value(QLatin1String("resolved")).toInteger()),
            QString::number(day.value(QLatin1String("escalated")).toInteger()),
            QString::number(day.value(QLatin1String("customerSatisfactionAvg")).toDouble())};
    }
    return t;
}

Result<ReportJob> ReportJobs::start(const ReportRequest &r, const Actor &actor)
{
    if (!m_engine.company(r.companyId))
        return makeError(ErrorKind::NotFound, QStringLiteral("company not found"));
    int generating = 0;
    for (const ReportJob &j : std::as_const(m_jobs))
        generating += j.companyId == r.companyId && j.status == QLatin1String("generating") ? 1 : 0;
    if (generating >= kMaxGeneratingPerCompany)
        return makeError(ErrorKind::Conflict,
            QStringLiteral("at most %1 reports may be generating at once").arg(kMaxGeneratingPerCompany));
    auto table = collect(r);
    if (!table)
        return table.error();

    ReportJob job{ids::random(QStringLiteral("rep-")), r.companyId, r.type, r.format, QStringLiteral("generating"),
        m_engine.clock().nowMs(), 0, {}};
    m_jobs.insert(job.id, job);
    m_engine.audit(r.companyId, actor, QStringLiteral("report.create"), QStringLiteral("reports/") + job.id, 202,
        {{QStringLiteral("report_type"), r.type}, {QStringLiteral("format"), r.format}});

    auto *watcher = new QFutureWatcher<Status>(this);
    const QString id = job.id;
    connect(watcher, &QFutureWatcher<Status>::finished, this, [this, watcher, id] {
        done(id, watcher->result());
        watcher->deleteLater();
    });
    const ReportFiles files = m_files;
    watcher->setFuture(QtConcurrent::run(&m_pool, [files, job, rows = std::move(table.value())]() -> Status {
        const QByteArray bytes = job.format == QLatin1String("pdf") ? pdf::render(rows) : csv::render(rows);
        return files.write(job.companyId, job.id, job.format, bytes);
    }));
    return job;
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
        QStringLiteral("reports/") + job.id, written ? 200 : 500);
    forgetOldest();
    emit finished(job.companyId, job.id, job.status);
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

std::optional<ReportJob> ReportJobs::find(const QString &companyId, const QString &reportId) const
{
    const auto it = m_jobs.constFind(reportId);
    if (it != m_jobs.cend())
        return it->companyId == companyId ? std::optional<ReportJob>(*it) : std::nullopt;
    // Written by an earlier run of the process: ready, whatever else was known about it.
    if (const auto format = m_files.formatOf(companyId, reportId))
        return ReportJob{reportId, companyId, QString(), *format, QStringLiteral("ready"), 0, 0, {}};
    return std::nullopt;
}

} // namespace tierdesk
