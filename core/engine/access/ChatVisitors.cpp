#include "core/engine/access/ChatVisitors.h"

namespace tierdesk {

Status ChatVisitors::add(const ChatVisitor &visitor, const Actor &actor)
{
    const bool ok = m_engine.core().store().batch().run([&] {
        return m_repo.insert(visitor)
            && m_engine.core().store().audit().append(
                {m_engine.clock().nowMs(), visitor.companyId, actor.subject, actor.role, QStringLiteral("chat.visitor"),
                    QStringLiteral("session:") + visitor.sessionId, actor.clientAddress, AuditOutcome::Created,
                    QVariantMap{{QStringLiteral("widgetKeyId"), visitor.widgetKeyId}}});
    });
    if (!ok)
        return m_engine.core().store().batch().failure(QStringLiteral("could not store the chat visitor"));
    return Ok{};
}

std::optional<ChatVisitor> ChatVisitors::find(const QString &companyId, const QString &sessionId)
{
    auto found = find(sessionId);
    if (found && found->companyId != companyId)
        return std::nullopt;
    return found;
}

std::optional<ChatVisitor> ChatVisitors::find(const QString &sessionId)
{
    return sessionId.isEmpty() || sessionId.size() > m_engine.limits().maxIdChars ? std::nullopt
                                                                                  : m_repo.find(sessionId);
}

} // namespace tierdesk
