#pragma once

#include "core/engine/pipeline/EngineCore.h"

namespace tierdesk {

// A session that still takes changes (a message, an escalation, a resolution): as
// EngineCore::openSession, and a resolved one is refused as SessionResolved.
inline Result<Session> openUnresolved(EngineCore &core, const QString &companyId, const QString &id, bool details,
    const QString &customerScope, const MessageWindow &window = {})
{
    auto found = core.openSession(companyId, id, details, customerScope, window);
    if (found && found->status == SessionStatus::Resolved)
        return makeError(ErrorKind::Conflict, ErrorDetail::SessionResolved, QStringLiteral("Session already resolved"),
            {{QStringLiteral("sessionId"), found->id}});
    return found;
}

} // namespace tierdesk
