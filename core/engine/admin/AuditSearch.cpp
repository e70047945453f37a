#include "core/engine/admin/AuditSearch.h"

namespace tierdesk {

Result<AuditSearch::Page> AuditSearch::find(const AuditQuery &query)
{
    if (!m_engine.company(query.companyId))
        return makeError(ErrorKind::NotFound, QStringLiteral("company not found"));
    if (query.limit < 1 || query.limit > kMaxLimit)
        return makeError(ErrorKind::InvalidArgument, QStringLiteral("limit must be 1 to %1").arg(kMaxLimit),
            {{QStringLiteral("field"), QStringLiteral("limit")}});
    if (query.offset < 0 || query.offset > kMaxOffset)
        return makeError(ErrorKind::InvalidArgument, QStringLiteral("offset must be 0 to %1").arg(kMaxOffset),
            {{QStringLiteral("field"), QStringLiteral("offset")}});
    if (query.startMs > 0 && query.endMs > 0 && query.endMs < query.startMs)
        return makeError(ErrorKind::InvalidArgument, QStringLiteral("end_time is before start_time"),
            {{QStringLiteral("field"), QStringLiteral("end_time")}});
    Page page;
    auto rows = m_repo.find(query, &page.total);
    if (!rows)
        return makeError(ErrorKind::Internal, QStringLiteral("could not read the audit log"));
    page.rows = std::move(*rows);
    return page;
}

} // namespace tierdesk
