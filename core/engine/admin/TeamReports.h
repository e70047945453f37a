#pragma once

#include "core/common/Clock.h"
#include "core/common/Result.h"
#include "core/domain/Report.h"
#include "core/store/ReportJobRepo.h"
#include "core/store/Store.h"

#include <QSet>

namespace tierdesk {

// Team mode (PostgreSQL): report jobs and their files kept in the database instead of this
// process and its data directory, so that any instance answers for any report. The instance
// generating a job holds its lease and renews it every kTickMs; when that instance dies, the
// lease ends and another instance's tick takes the job over (FOR UPDATE SKIP LOCKED): each
// job runs on one instance at a time and moves within kLeaseMs + kTickMs. Leases are on the
// system clock, shared by every instance; what the reports' retention counts is on the
// engine's clock, as on SQLite. Used on the engine thread only.
class TeamReports {
public:
    static constexpr qint64 kLeaseMs = 20000;
    static constexpr int kTickMs = 5000;

    TeamReports(Store &store, const Clock &clock);
    // This process's name on its leases: the instance name and a random part, unique per process.
    const QString &owner() const { return m_owner; }

    // The company's jobs generating across the team (taken over or not).
    int generating(const QString &companyId) { return repo().generating(companyId); }
    // The reports the company asked for since `sinceMs`, on any instance.
    ReportJobRepo::Asked askedSince(const QString &companyId, qint64 sinceMs)
    {
        return repo().askedSince(companyId, sinceMs);
    }
    // Records a new job, generated here.
    Status add(const ReportJob &job, const ReportRequest &request);
    // Unknown, another company's, trimmed, or past its retention: nullopt.
    std::optional<ReportJob> find(const QString &companyId, const QString &reportId, const ReportLimits &limits);
    Result<QByteArray> content(const QString &companyId, const QString &reportId);
    // Records the outcome of a job generated here; false when another instance took it over
    // meanwhile (this process stalled past its lease), whose outcome then stands, or when the
    // database could not be written (the job's lease ends and it is generated again).
    bool finish(const ReportJob &job, const QByteArray &content);
    // Renews the leases of the jobs generated here, then takes over up to `room` jobs whose
    // instance died; those to generate here now.
    QList<ReportJobRepo::Taken> tick(int room);
    int running() const { return int(m_running.size()); }
    // Deletes what is past its retention, then trims the company's oldest ready reports
    // beyond its quota (never `keep`).
    void trim(const QString &companyId, const QString &keep, const ReportLimits &limits);
    // Deletes every company's reports past their retention.
    void sweep(const ReportLimits &limits);

private:
    ReportJobRepo repo() { return ReportJobRepo(m_store.db()); }
    qint64 leaseEnd() const;

    Store &m_store;
    const Clock &m_clock;
    QString m_owner;
    QSet<QString> m_running; // the jobs generated here now
};

} // namespace tierdesk
