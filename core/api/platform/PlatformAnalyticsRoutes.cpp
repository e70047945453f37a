// GET /analytics/dashboard and the reports: POST /analytics/reports, GET
// /analytics/reports/{report_id} (status) and GET /analytics/reports/{report_id}/download.
#include "core/api/platform/PlatformCall.h"
#include "core/api/platform/PlatformDashboard.h"
#include "core/api/platform/PlatformErrors.h"
#include "core/api/platform/PlatformRoutes.h"
#include "core/api/platform/PlatformTimes.h"
#include "core/common/Time.h"
#include "core/engine/admin/ReportJobs.h"

#include <QJsonArray>

namespace tierdesk::api {
namespace {

constexpr qint64 kDayMs = 24 * 3600 * 1000;
constexpr qint64 kDefaultDashboardDays = 30;
constexpr qint64 kEstimatedReportMs = 5000; // what estimated_completion_time promises; most take far less

void getDashboard(const PlatformCallPtr &c)
{
    const qint64 now = c->engine().clock().nowMs();
    std::optional<qint64> start, end;
    if (!platformtime::queryTime(c, "start_date", false, &start) || !platformtime::queryTime(c, "end_date", true, &end))
        return;
    const qint64 endMs = end.value_or(now);
    const qint64 startMs = start.value_or(endMs - kDefaultDashboardDays * kDayMs);
    if (endMs < startMs)
        return platformcall::fail(c, platform::badRequest(QStringLiteral("end_date is before start_date")));
    if (endMs - startMs > ReportJobs::kMaxPeriodMs)
        return platformcall::fail(c, platform::badRequest(QStringLiteral("The period may span at most 366 days")));

    QStringList metrics = platform::dashboardMetrics();
    if (c->req.query.hasQueryItem(QStringLiteral("metrics"))) {
        metrics = c->req.query.queryItemValue(QStringLiteral("metrics"), QUrl::FullyDecoded)
                      .split(QLatin1Char(','), Qt::SkipEmptyParts);
        for (QString &m : metrics) {
            m = m.trimmed();
            if (!platform::dashboardMetrics().contains(m))
                return platformcall::fail(c,
                    platform::badRequest(QStringLiteral("Unknown metric '%1'; known: %2")
                                             .arg(m.left(64), platform::dashboardMetrics().join(QLatin1Char(',')))));
        }
        if (metrics.isEmpty())
            return platformcall::fail(c, platform::badRequest(QStringLiteral("metrics names no metric")));
    }
    const auto analytics = c->engine().analytics(c->company, startMs, endMs, GroupBy::Day);
    if (!analytics)
        return platformcall::fail(c, analytics.error());
    platformcall::replyJson(c, 200, platform::dashboardJson(*analytics, metrics));
}

// "http://<Host>/analytics/reports/<id>/download" as the client addressed this server.
QString downloadUrl(const PlatformCallPtr &c, const QString &reportId)
{
    return c->req.baseUrl() + QStringLiteral("/analytics/reports/%1/download").arg(reportId);
}

QJsonObject reportJson(const PlatformCallPtr &c, const ReportJob &job)
{
    const bool ready = job.status == QLatin1String("ready");
    QJsonObject o{{QStringLiteral("report_id"), job.id}, {QStringLiteral("status"), job.status},
        {QStringLiteral("format"), job.format},
        {QStringLiteral("download_url"), ready ? QJsonValue(downloadUrl(c, job.id)) : QJsonValue()}};
    if (!job.type.isEmpty())
        o.insert(QStringLiteral("report_type"), job.type);
    if (job.createdAt > 0)
        o.insert(QStringLiteral("created_at"), timefmt::iso(job.createdAt));
    if (job.finishedAt > 0)
        o.insert(QStringLiteral("completed_at"), timefmt::iso(job.finishedAt));
    if (!job.error.isEmpty())
        o.insert(QStringLiteral("error"), job.error);
    return o;
}

// The body of POST /analytics/reports as a ReportRequest; answers 400 itself.
std::optional<ReportRequest> reportRequest(const PlatformCallPtr &c, const QJsonObject &body)
{
    ReportRequest r;
    r.companyId = c->company;
    const auto type = platformcall::requiredString(c, body, "report_type", 64);
    const auto format = platformcall::optionalString(c, body, "format", 16);
    if (!type || !format)
        return std::nullopt;
    r.type = *type;
    r.format = format->isEmpty() ? QStringLiteral("pdf") : *format;
    const QJsonValue period = body.value(QLatin1String("time_period"));
    const auto start = platformtime::parse(period[QLatin1String("start")].toString(), false);
    const auto end = platformtime::parse(period[QLatin1String("end")].toString(), true);
    if (!period.isObject() || !start || !end) {
        platformcall::fail(c,
            platform::badRequest(
                QStringLiteral("Invalid request body: time_period needs start and end as ISO 8601 dates or times")));
        return std::nullopt;
    }
    r.startMs = *start;
    r.endMs = *end;
    const QJsonValue filters = body.value(QLatin1String("filters"));
    const QJsonValue sentiment = filters[QLatin1String("sentiment")];
    const QJsonValue minTime = filters[QLatin1String("resolution_time_min")];
    if ((!filters.isUndefined() && !filters.isNull() && !filters.isObject())
        || (!sentiment.isUndefined() && !sentiment.isString())
        || (!minTime.isUndefined() && (!minTime.isDouble() || minTime.toDouble() < 0 || minTime.toDouble() > 1e9))) {
        platformcall::fail(c,
            platform::badRequest(
                QStringLiteral("Invalid request body: filters holds sentiment (a string) and resolution_time_min "
                               "(seconds, a number from 0)")));
        return std::nullopt;
    }
    r.sentiment = sentiment.toString();
    r.resolutionTimeMinS = static_cast<qint64>(minTime.toDouble());
    return r;
}

void createReport(ReportJobs &jobs, const PlatformCallPtr &c)
{
    const auto body = platformcall::jsonBody(c);
    if (!body)
        return;
    const auto request = reportRequest(c, *body);
    if (!request)
        return;
    const auto job = jobs.start(*request, c->actor);
    if (!job)
        return platformcall::fail(c, job.error());
    QJsonObject answer = reportJson(c, *job);
    answer.insert(QStringLiteral("estimated_completion_time"), timefmt::iso(job->createdAt + kEstimatedReportMs));
    platformcall::replyJson(c, 202, answer);
}

std::optional<ReportJob> findReport(ReportJobs &jobs, const PlatformCallPtr &c)
{
    const QString id = c->req.pathParams.value(QStringLiteral("report_id"));
    auto job = ReportFiles::validId(id) ? jobs.find(c->company, id) : std::nullopt;
    if (!job)
        platformcall::fail(c, platform::error(ErrorKind::NotFound, QStringLiteral("Report not found")));
    return job;
}

void getReport(ReportJobs &jobs, const PlatformCallPtr &c)
{
    if (const auto job = findReport(jobs, c))
        platformcall::replyJson(c, 200, reportJson(c, *job));
}

void downloadReport(ReportJobs &jobs, const PlatformCallPtr &c)
{
    const auto job = findReport(jobs, c);
    if (!job)
        return;
    if (job->status != QLatin1String("ready"))
        return platformcall::fail(
            c, platform::error(ErrorKind::Conflict, QStringLiteral("Report is %1, not ready").arg(job->status)));
    const auto bytes = jobs.content(*job);
    if (!bytes)
        return platformcall::fail(c, platform::error(ErrorKind::NotFound, QStringLiteral("Report not found")));
    http::HttpResponse r;
    r.status = 200;
    r.body = *bytes;
    r.contentType
        = job->format == QLatin1String("pdf") ? QByteArray("application/pdf") : QByteArray("text/csv; charset=utf-8");
    r.withHeader(
        "Content-Disposition", "attachment; filename=\"" + job->id.toLatin1() + '.' + job->format.toLatin1() + '"');
    platformcall::reply(c, r);
}

} // namespace

void installAnalyticsRoutes(http::HttpServer &server, PlatformServices &services)
{
    // Lives as long as the server; its reports are written on its own worker threads.
    auto *jobs
        = new ReportJobs(*services.engine, ReportJobs::directoryBeside(*services.engine), services.reports, &server);
    auto &r = server.router();
    // Analytics is for supervisors and admins, as GET /api/cs/analytics.
    const Role role = Role::Supervisor;
    const auto onJobs = [jobs](void (*handler)(ReportJobs &, const PlatformCallPtr &)) -> PlatformHandler {
        return [jobs, handler](const PlatformCallPtr &c) { handler(*jobs, c); };
    };
    r.route("GET", QStringLiteral("/analytics/dashboard"), signedRoute(services, &getDashboard, role));
    r.route("POST", QStringLiteral("/analytics/reports"), signedRoute(services, onJobs(&createReport), role));
    r.route("GET", QStringLiteral("/analytics/reports/:report_id"), signedRoute(services, onJobs(&getReport), role));
    r.route("GET", QStringLiteral("/analytics/reports/:report_id/download"),
        signedRoute(services, onJobs(&downloadReport), role));
}

} // namespace tierdesk::api
