#pragma once

#include "core/common/Result.h"
#include "core/domain/Report.h"
#include "core/store/Database.h"

#include <QByteArray>
#include <QList>

#include <optional>

namespace tierdesk {

// Team mode (PostgreSQL, migration 20): the report_jobs table, the platform services'
// report jobs with their finished files, shared by every instance on the database. The
// instance generating a job holds its lease (owner, lease_until) and renews it; a job whose
// lease ran out (its instance died) is taken over by another with FOR UPDATE SKIP LOCKED,
// so each runs on one instance at a time.
class ReportJobRepo {
public:
    explicit ReportJobRepo(Database &db) : m_db(db) { }

    struct Taken {
        ReportJob job;
        ReportRequest request;
    };
    struct Ready {
        QString id;
        qint64 bytes = 0;
    };
    // How many reports the company asked for since `sinceMs`, and when the first of them was.
    struct Asked {
        int count = 0;
        qint64 firstAt = 0;
    };

    Status insert(const ReportJob &job, const ReportRequest &request, const QString &owner, qint64 leaseUntilMs);
    // The job, without its content; nullopt when unknown, another company's, or expired.
    std::optional<ReportJob> find(const QString &companyId, const QString &reportId);
    // A ready job's file; NotFound when it is not (or no longer) there.
    Result<QByteArray> content(const QString &companyId, const QString &reportId);
    int generating(const QString &companyId);
    Asked askedSince(const QString &companyId, qint64 sinceMs);
    // Moves the lease of the owner's jobs still generating to `untilMs`; how many it holds.
    int renew(const QString &owner, qint64 untilMs);
    // Up to `limit` generating jobs whose lease ended by `nowMs`, now the owner's until `untilMs`.
    QList<Taken> takeOrphans(const QString &owner, qint64 nowMs, qint64 untilMs, int limit);
    // Records the outcome of a job the owner still holds (false: another instance took it over,
    // or it is gone). `content` is stored when ready.
    bool finish(const ReportJob &job, const QString &owner, const QByteArray &content);
    // The company's ready reports, oldest first.
    QList<Ready> ready(const QString &companyId);
    // Drops a ready report's content; its row stays, `expired`, for the hourly budget.
    bool expire(const QString &reportId);
    // Deletes every finished job asked for before `beforeMs` (their retention ended).
    int removeFinishedBefore(qint64 beforeMs);

private:
    Database &m_db;
};

} // namespace tierdesk
