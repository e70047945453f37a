#include "core/engine/admin/TeamReports.h"

#include "core/common/Ids.h"
#include "core/common/Instance.h"

namespace tierdesk {

TeamReports::TeamReports(Store &store, const Clock &clock)
    : m_store(store), m_clock(clock), m_owner(instanceName() + QLatin1Char('/') + ids::random(QString()))
{
}

qint64 TeamReports::leaseEnd() const
{
    return SystemClock::instance().nowMs() + kLeaseMs;
}

Status TeamReports::add(const ReportJob &job, const ReportRequest &request)
{
    const Status added
        = m_store.batch().run([&]() -> Status { return repo().insert(job, request, m_owner, leaseEnd()); });
    if (added)
        m_running.insert(job.id);
    return added;
}

std::optional<ReportJob> TeamReports::find(
    const QString &companyId, const QString &reportId, const ReportLimits &limits)
{
    auto job = repo().find(companyId, reportId);
    if (!job || job->status == QLatin1String("generating") || job->createdAt + limits.retentionMs > m_clock.nowMs())
        return job;
    sweep(limits);
    return std::nullopt;
}

Result<QByteArray> TeamReports::content(const QString &companyId, const QString &reportId)
{
    return repo().content(companyId, reportId);
}

bool TeamReports::finish(const ReportJob &job, const QByteArray &content)
{
    m_running.remove(job.id);
    bool recorded = false;
    m_store.batch().run([&] {
        recorded = repo().finish(job, m_owner, content);
        return true;
    });
    return recorded;
}

QList<ReportJobRepo::Taken> TeamReports::tick(int room)
{
    QList<ReportJobRepo::Taken> taken;
    m_store.batch().run([&] {
        if (!m_running.isEmpty())
            repo().renew(m_owner, leaseEnd());
        if (room > 0)
            taken = repo().takeOrphans(m_owner, SystemClock::instance().nowMs(), leaseEnd(), room);
        return true;
    });
    // One of this process's own, whose lease ran out while it stalled, is still being generated here.
    taken.removeIf([this](const ReportJobRepo::Taken &t) { return m_running.contains(t.job.id); });
    for (const ReportJobRepo::Taken &t : std::as_const(taken))
        m_running.insert(t.job.id);
    return taken;
}

void TeamReports::trim(const QString &companyId, const QString &keep, const ReportLimits &limits)
{
    sweep(limits);
    const QList<ReportJobRepo::Ready> ready = repo().ready(companyId);
    qsizetype count = ready.size();
    qint64 bytes = 0;
    for (const ReportJobRepo::Ready &r : ready)
        bytes += r.bytes;
    // Oldest first, until the company is within its quota; in one transaction.
    m_store.batch().run([&] {
        for (const ReportJobRepo::Ready &r : ready) {
            if (count <= limits.maxPerCompany && bytes <= limits.maxBytesPerCompany)
                break;
            if (r.id == keep)
                continue;
            if (!repo().expire(r.id))
                return false;
            --count;
            bytes -= r.bytes;
        }
        return true;
    });
}

void TeamReports::sweep(const ReportLimits &limits)
{
    m_store.batch().run([&] {
        repo().removeFinishedBefore(m_clock.nowMs() - limits.retentionMs);
        return true;
    });
}

} // namespace tierdesk
