#include "core/store/ReportJobRepo.h"

namespace tierdesk {

namespace {

constexpr char kJobColumns[] = "id, company_id, report_type, format, status, created_at, finished_at, error";

ReportJob jobAt(const QSqlQuery &q)
{
    return ReportJob{q.value(0).toString(), q.value(1).toString(), q.value(2).toString(), q.value(3).toString(),
        q.value(4).toString(), q.value(5).toLongLong(), q.value(6).toLongLong(), q.value(7).toString()};
}

} // namespace

Status ReportJobRepo::insert(const ReportJob &job, const ReportRequest &r, const QString &owner, qint64 leaseUntilMs)
{
    return m_db.status(m_db.write(
        QStringLiteral("INSERT INTO report_jobs (id, company_id, report_type, format, start_ms, end_ms, sentiment,"
                       " resolution_min_s, status, created_at, owner, lease_until)"
                       " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)"),
        {job.id, job.companyId, job.type, job.format, r.startMs, r.endMs, r.sentiment, r.resolutionTimeMinS, job.status,
            job.createdAt, owner, leaseUntilMs}));
}

std::optional<ReportJob> ReportJobRepo::find(const QString &companyId, const QString &reportId)
{
    QSqlQuery &q = m_db.statement(QStringLiteral("SELECT %1 FROM report_jobs WHERE id = ? AND company_id = ?"
                                                 " AND status <> 'expired'")
                                      .arg(QLatin1String(kJobColumns)));
    if (!m_db.exec(q, {reportId, companyId}) || !q.next())
        return std::nullopt;
    const ReportJob job = jobAt(q);
    q.finish();
    return job;
}

Result<QByteArray> ReportJobRepo::content(const QString &companyId, const QString &reportId)
{
    QSqlQuery &q = m_db.statement(QStringLiteral("SELECT content FROM report_jobs WHERE id = ? AND company_id = ? AND "
                                                 "status = 'ready' AND content IS NOT NULL"));
    if (!m_db.exec(q, {reportId, companyId}))
        return m_db.lastFailure();
    if (!q.next())
        return makeError(ErrorKind::NotFound, QStringLiteral("report not found"));
    const QByteArray bytes = q.value(0).toByteArray();
    q.finish();
    return bytes;
}

int ReportJobRepo::generating(const QString &companyId)
{
    QSqlQuery &q = m_db.statement(
        QStringLiteral("SELECT count(*) FROM report_jobs WHERE company_id = ? AND status = 'generating'"));
    if (!m_db.exec(q, {companyId}) || !q.next())
        return 0;
    const int count = q.value(0).toInt();
    q.finish();
    return count;
}

ReportJobRepo::Asked ReportJobRepo::askedSince(const QString &companyId, qint64 sinceMs)
{
    QSqlQuery &q = m_db.statement(QStringLiteral(
        "SELECT count(*), COALESCE(min(created_at), 0) FROM report_jobs WHERE company_id = ? AND created_at > ?"));
    if (!m_db.exec(q, {companyId, sinceMs}) || !q.next())
        return {};
    const Asked asked{q.value(0).toInt(), q.value(1).toLongLong()};
    q.finish();
    return asked;
}

int ReportJobRepo::renew(const QString &owner, qint64 untilMs)
{
    QSqlQuery &q = m_db.statement(
        QStringLiteral("UPDATE report_jobs SET lease_until = ? WHERE owner = ? AND status = 'generating'"));
    return m_db.exec(q, {untilMs, owner}) ? q.numRowsAffected() : 0;
}

QList<ReportJobRepo::Taken> ReportJobRepo::takeOrphans(const QString &owner, qint64 nowMs, qint64 untilMs, int limit)
{
    QList<Taken> taken;
    QSqlQuery &q = m_db.statement(
        QStringLiteral("UPDATE report_jobs SET owner = ?, lease_until = ? WHERE id IN (SELECT id FROM report_jobs"
                       " WHERE status = 'generating' AND lease_until <= ? ORDER BY created_at LIMIT ?"
                       " FOR UPDATE SKIP LOCKED) RETURNING %1, start_ms, end_ms, sentiment, resolution_min_s")
            .arg(QLatin1String(kJobColumns)));
    if (!m_db.exec(q, {owner, untilMs, nowMs, limit}))
        return taken;
    while (q.next()) {
        const ReportJob job = jobAt(q);
        taken.append(Taken{job,
            ReportRequest{job.companyId, job.type, job.format, q.value(8).toLongLong(), q.value(9).toLongLong(),
                q.value(10).toString(), q.value(11).toLongLong()}});
    }
    q.finish();
    return taken;
}

bool ReportJobRepo::finish(const ReportJob &job, const QString &owner, const QByteArray &content)
{
    const bool ready = job.status == QLatin1String("ready");
    QSqlQuery &q = m_db.statement(
        QStringLiteral("UPDATE report_jobs SET status = ?, finished_at = ?, error = ?, content = ?, bytes = ?"
                       " WHERE id = ? AND owner = ? AND status = 'generating'"));
    return m_db.exec(q,
               {job.status, job.finishedAt, job.error,
                   ready ? QVariant(content) : QVariant(QMetaType(QMetaType::QByteArray)), ready ? content.size() : 0,
                   job.id, owner})
        && q.numRowsAffected() == 1;
}

QList<ReportJobRepo::Ready> ReportJobRepo::ready(const QString &companyId)
{
    QList<Ready> out;
    QSqlQuery &q = m_db.statement(QStringLiteral("SELECT id, bytes FROM report_jobs"
                                                 " WHERE company_id = ? AND status = 'ready' ORDER BY created_at, id"));
    if (!m_db.exec(q, {companyId}))
        return out;
    while (q.next())
        out.append(Ready{q.value(0).toString(), q.value(1).toLongLong()});
    q.finish();
    return out;
}

bool ReportJobRepo::expire(const QString &reportId)
{
    return m_db.write(QStringLiteral("UPDATE report_jobs SET status = 'expired', content = NULL, bytes = 0"
                                     " WHERE id = ? AND status = 'ready'"),
        {reportId});
}

int ReportJobRepo::removeFinishedBefore(qint64 beforeMs)
{
    QSqlQuery &q
        = m_db.statement(QStringLiteral("DELETE FROM report_jobs WHERE status <> 'generating' AND created_at <= ?"));
    return m_db.exec(q, {beforeMs}) ? q.numRowsAffected() : 0;
}

} // namespace tierdesk
