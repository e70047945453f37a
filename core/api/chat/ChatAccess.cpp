#include "core/api/chat/ChatAccess.h"

#include "core/api/auth/VisitorSecret.h"
#include "core/api/auth/WidgetKeyVerifier.h"

namespace tierdesk::api {

KeyVerdict ChatAccess::widgetKey(const QByteArray &presented) const
{
    ApiTokens *tokens = m_services.tokens;
    const WidgetKeyVerifier verifier([tokens](const QString &key) { return tokens->widgetKey(key); });
    return verifier.verify(presented, m_services.engine->clock().nowMs());
}

RateDecision ChatAccess::allow(const QString &rule, const QString &subject, int limit) const
{
    if (!m_services.limiter || !m_services.limits.enabled)
        return {};
    return m_services.limiter->hit(
        QStringLiteral("chat.") + rule + QLatin1Char(':') + subject, limit, m_services.limits.windowSecs);
}

std::optional<ChatVisitor> ChatAccess::visitor(const QString &sessionId, const QByteArray &presentedSecret) const
{
    if (presentedSecret.isEmpty())
        return std::nullopt;
    auto found = m_services.visitors->find(sessionId);
    if (!found || !VisitorSecret::matches(presentedSecret, found->secretHash.toLatin1()))
        return std::nullopt;
    return found;
}

Actor ChatAccess::actorFor(const ChatVisitor &v, const QString &customerId, const QHostAddress &address)
{
    Actor a(QStringLiteral("visitor:") + v.sessionId, QStringLiteral("visitor"), address.toString(), customerId);
    a.displayName = v.userId;
    a.doubtGoesToPerson = true;
    return a;
}

Actor ChatAccess::actorFor(const ChatVisitor &v, const QHostAddress &address) const
{
    const auto header = m_services.engine->sessionHeader(v.sessionId);
    return actorFor(v, header ? header->customerId : QString(), address);
}

} // namespace tierdesk::api
