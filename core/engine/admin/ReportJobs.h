#pragma once

#include "core/engine/SessionEngine.h"
#include "core/integrations/ReportFiles.h"
#include "core/integrations/ReportTable.h"

#include <QHash>
#include <QObject>
#include <QThreadPool>

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

// Reports generated asynchronously: start() reads what the report needs on the
// engine thread (at most kMaxRows conversations, a few milliseconds), then
// renders it (CSV or PDF) and writes the file on a private thread pool; the job
// turns `ready` (or `failed`) back on the engine thread. Finished files live in
// ReportFiles, so a ready report is still found after a restart; jobs still
// generating when the process stops are lost (their status is then unknown).
class ReportJobs : public QObject {
    Q_OBJECT

public:
    static constexpr int kMaxRows = 10000; // conversations in one report
    static constexpr int kMaxGeneratingPerCompany = 4;
    // Finished jobs remembered in memory; beyond, the oldest ready ones are forgotten
    // (their files still answer find(), without type and times).
    static constexpr int kMaxRememberedJobs = 1000;
    static constexpr qint64 kMaxPeriodMs = 366LL * 24 * 3600 * 1000;

    static QStringList types();
    static QStringList sentiments();

    ReportJobs(SessionEngine &engine, QString directory, QObject *parent = nullptr);
    // <the data directory (where the database is)>/reports: private like the database.
    static QString directoryBeside(SessionEngine &engine);
    ~ReportJobs() override; // waits for reports being written

    // InvalidArgument (details.field) for a bad type, format, period or filter;
    // Conflict when the company already has kMaxGeneratingPerCompany reports generating;
    // NotFound for an unknown company. Audited as report.create.
    Result<ReportJob> start(const ReportRequest &request, const Actor &actor);
    std::optional<ReportJob> find(const QString &companyId, const QString &reportId) const;
    const ReportFiles &files() const { return m_files; }
    // The table a request yields, read now (engine thread); used by start().
    Result<ReportTable> collect(const ReportRequest &request);

signals:
    void finished(const QString &companyId, const QString &reportId, const QString &status);

private:
    Status check(const ReportRequest &request) const;
    Result<ReportTable> conversations(const ReportRequest &request);
    Result<ReportTable> dailySummary(const ReportRequest &request);
    void done(const QString &reportId, const Status &written);
    void forgetOldest();

    SessionEngine &m_engine;
    ReportFiles m_files;
    QThreadPool m_pool;
    QHash<QString, ReportJob> m_jobs; // this process's jobs, by id
};

} // namespace tierdesk
