#pragma once

#include "core/domain/Report.h"
#include "core/engine/SessionEngine.h"
#include "core/engine/admin/ReportRows.h"
#include "core/engine/admin/TeamReports.h"
#include "core/integrations/ReportFiles.h"
#include "core/integrations/ReportTable.h"

#include <QHash>
#include <QObject>
#include <QThreadPool>
#include <QTimer>

#include <memory>

namespace tierdesk {

// Reports generated asynchronously: start() checks the request and answers at once;
// the rows are read on a private thread pool from a read-only connection of its own
// (the engine thread never waits for them), then rendered (CSV or PDF); the job turns
// `ready` (or `failed`) back on the engine thread. Past their retention or beyond the
// company's quota, ready reports are deleted, oldest first.
// On SQLite finished files live in ReportFiles (written on the worker), so a ready report
// is still found after a restart; jobs still generating when the process stops are lost.
// On PostgreSQL jobs and files live in the database (TeamReports): any instance answers
// for them, and a job whose instance died is generated again by another.
class ReportJobs : public QObject {
    Q_OBJECT

public:
    static constexpr int kMaxRows = kMaxReportRows; // conversations in one report
    static constexpr int kMaxGeneratingPerCompany = 4;
    // Finished jobs remembered in memory; beyond, the oldest ready ones are forgotten
    // (their files still answer find(), without type and times).
    static constexpr int kMaxRememberedJobs = 1000;
    static constexpr qint64 kMaxPeriodMs = 366LL * 24 * 3600 * 1000;
    static constexpr qint64 kHourMs = 3600LL * 1000;
    static constexpr int kSweepIntervalMs = 10 * 60 * 1000; // how often expired files are looked for

    static QStringList types();
    static QStringList sentiments();

    ReportJobs(SessionEngine &engine, QString directory, const ReportLimits &limits = {}, QObject *parent = nullptr);
    // <the data directory (where the database is)>/reports: private like the database.
    static QString directoryBeside(SessionEngine &engine);
    ~ReportJobs() override; // waits for reports being written

    // InvalidArgument (details.field) for a bad type, format, period or filter;
    // Conflict when the company already has kMaxGeneratingPerCompany reports generating;
    // LimitExceeded (details.retryAfter) beyond requestsPerHour; NotFound for an
    // unknown company. Audited as report.create.
    Result<ReportJob> start(const ReportRequest &request, const Actor &actor);
    // Unknown, another company's, or past its retention: nullopt.
    std::optional<ReportJob> find(const QString &companyId, const QString &reportId);
    // A ready report's file; NotFound when it is gone.
    Result<QByteArray> content(const ReportJob &job) const;
    const ReportFiles &files() const { return m_files; }
    // The table a request yields, read now on the calling thread from a read-only
    // connection (what start() does on a worker).
    Result<ReportTable> collect(const ReportRequest &request) const;
    // Deletes every company's files past their retention (also done every kSweepIntervalMs).
    void sweep();

signals:
    void finished(const QString &companyId, const QString &reportId, const QString &status);

private:
    Status check(const ReportRequest &request) const;
    // Conflict beyond kMaxGeneratingPerCompany, LimitExceeded (details.retryAfter) beyond the hourly budget.
    Status admit(const QString &companyId);
    void launch(const ReportJob &job, const ReportRequest &request);
    void generate(const ReportJob &job, const ReportRequest &request);
    void done(const ReportJob &job, const Result<QByteArray> &made);
    void record(ReportJob &job, const Result<QByteArray> &made);
    // Team mode: renews this instance's leases and generates the jobs of instances that died.
    void takeOver();
    // Deletes the company's expired files, then its oldest beyond the quota (never `keep`).
    void trim(const QString &companyId, const QString &keep = {});
    void forgetOldest();

    SessionEngine &m_engine;
    ReportFiles m_files;
    DatabaseTarget m_database;
    ReportLimits m_limits;
    QThreadPool m_pool;
    QTimer m_sweepTimer;
    std::unique_ptr<TeamReports> m_team; // PostgreSQL only
    QTimer m_leaseTimer;
    QHash<QString, ReportJob> m_jobs; // SQLite: this process's jobs, by id
    QHash<QString, QList<qint64>> m_requests; // per company: when reports were asked for in the last hour
};

} // namespace tierdesk
