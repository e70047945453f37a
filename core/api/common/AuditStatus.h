#pragma once

#include "core/domain/AuditEntry.h"

namespace tierdesk {

// The status an audit entry shows in every family's audit listing: the HTTP status
// that family answers an action of this outcome with (or the status a family audited
// its own request with).
inline int auditHttpStatus(const AuditEntry &e)
{
    if (e.answeredStatus != 0)
        return e.answeredStatus;
    switch (e.outcome) {
    case AuditOutcome::System:
        return 0;
    case AuditOutcome::Done:
        return 200;
    case AuditOutcome::Created:
        return 201;
    case AuditOutcome::Accepted:
        return 202;
    case AuditOutcome::Removed:
        return 204;
    case AuditOutcome::Unauthorized:
        return 401;
    case AuditOutcome::Failed:
        return 500;
    case AuditOutcome::NotDelivered:
        return 502;
    }
    return 0;
}

} // namespace tierdesk
