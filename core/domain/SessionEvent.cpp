#include "core/domain/SessionEvent.h"

namespace tierdesk {

Session eventSnapshot(const Session &s)
{
    Session copy = s;
    copy.messages.clear();
    copy.sentimentHistory.clear();
    copy.escalationHistory.clear();
    return copy;
}

SessionEvent makeSessionEvent(SessionEventType type, const Session &s)
{
    SessionEvent e;
    e.type = type;
    e.companyId = s.companyId;
    e.sessionId = s.id;
    e.session = eventSnapshot(s);
    return e;
}

QString eventName(SessionEventType type)
{
    switch (type) {
    case SessionEventType::Created:
        return QStringLiteral("created");
    case SessionEventType::Message:
        return QStringLiteral("message");
    case SessionEventType::Escalated:
        return QStringLiteral("escalated");
    case SessionEventType::Transferred:
        return QStringLiteral("transferred");
    case SessionEventType::Resolved:
        return QStringLiteral("resolved");
    case SessionEventType::Abandoned:
        return QStringLiteral("abandoned");
    case SessionEventType::SatisfactionRated:
        return QStringLiteral("satisfaction.rated");
    case SessionEventType::SatisfactionLow:
        return QStringLiteral("satisfaction.low");
    case SessionEventType::Mentioned:
        return QStringLiteral("mention");
    case SessionEventType::QueueAdded:
        return QStringLiteral("queue.added");
    case SessionEventType::QueueUpdated:
        return QStringLiteral("queue.updated");
    case SessionEventType::QueueRemoved:
        return QStringLiteral("queue.removed");
    case SessionEventType::SlaWarning:
        return QStringLiteral("sla.warning");
    case SessionEventType::SlaBreached:
        return QStringLiteral("sla.breached");
    }
    return QString();
}

} // namespace tierdesk
