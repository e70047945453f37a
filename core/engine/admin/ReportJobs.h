#pragma once

#include "core/engine/SessionEngine.h"
#include "core/integrations/ReportFiles.h"
#include "core/integrations/ReportTable.h"

#include <QHash>
#include <QObject>
#include <QThreadPool>
#include <QTimer>

namespace tierdesk {

// What a report covers (the platform services' POST /analytics/reports).
struct ReportRequest {
    QString companyId;
    QString type; // conversation_analysis | daily_summary
    QString format; // csv | pdf
    qint64 startMs = 0;
    qint64 endMs = 0;
    QString sentiment; // "", positive | neutral | negative (conversation_analysis)
    qint64 resolutionTimeMinS = 0; // resolved in at least this many seconds (conversation_analysis)
};

struct ReportJob {
    QString id; // rep-…
    QString companyId;
    QString type;
    QString format;
    QString status; // generating | ready | failed
    qint64 createdAt = 0;
    qint64 finishedAt = 0;
    QString error; // why it failed
};

// What a company's reports may take (settings reports/*, docs/platform-api.md "Limits").
struct ReportLimits {
    qint64 retentionMs = 24LL * 3600 * 1000; // a ready report is deleted this long after it was asked for
    int maxPerCompany = 100; // ready reports kept; beyond, the oldest go first
    qint64 maxBytesPerCompany = 256LL * 1024 * 1024; // their bytes; beyond, the oldest go first
    int requestsPerHour = 60; // reports asked for per company in any hour; beyond: LimitExceeded
};

// Reports generated asynchronously: start() checks the request and answers at once;
// the rows are read on a private thread pool from a read-only connection of its own
// (the engine thread never waits for them), then rendered (CSV or PDF) and written
// there; the job turns `ready` (or `failed`) back on the engine thread. Finished files
// live in ReportFiles, so a ready report is still found after a restart; jobs still
// generating when the process stops are lost (their status is then unknown). Files
// past their retention or beyond the company's quota are deleted, oldest first.
class ReportJobs : public QObject {
    Q_OBJECT

public:
    static constexpr int kMaxRows = 10000; // conversations in one report
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
    Status withinBudget(const QString &companyId);
    void launch(const ReportJob &job, const ReportRequest &request);
    void done(const QString &reportId, const Status &written);
    // Deletes the company's expired files, then its oldest beyond the quota (never `keep`).
    void trim(const QString &companyId, const QString &keep = {});
    void forgetOldest();

    SessionEngine &m_engine;
    ReportFiles m_files;
    DatabaseTarget m_database;
    ReportLimits m_limits;
    QThreadPool m_pool;
    QTimer m_sweepTimer;
    QHash<QString, ReportJob> m_jobs; // this process's jobs, by id
    QHash<QString, QList<qint64>> m_requests; // per company: when reports were asked for in the last hour
};

} // namespace tierdesk
