// A person's refunds and credits from the console: the engine's ActionExecutor
// checks and writes them, the desk says so to the customer and audits them.
#include "core/engine/desk/Desk.h"

#include "core/common/Ids.h"
#include "core/common/Time.h"
#include "core/engine/pipeline/CustomerText.h"
#include "core/engine/reply/Phrases.h"

#include <QJsonObject>

namespace tierdesk {
namespace {

QString confirmation(const AgentAction &a, const Phrases &say)
{
    if (a.kind == AgentAction::Refund)
        return say(Phrase::PersonRefunded).arg(say.money(a.amount), a.orderId);
    return say(Phrase::PersonCredited).arg(say.money(a.amount));
}

// A person's refund or credit sent to the company's payment provider: asked, not yet done.
QString atProvider(const AgentAction &a, const Phrases &say)
{
    if (a.kind == AgentAction::Refund)
        return say(Phrase::PersonRefundRequested).arg(say.money(a.amount), a.orderId);
    return say(Phrase::CreditAwaitingAnswer).arg(say.money(a.amount));
}

// The audit of a person's action: the action as its message records it, the reason, the message.
QJsonObject auditDetails(const PersonAction &a, const QString &reason, const QString &messageId)
{
    return {{QStringLiteral("type"), a.type},
        {QStringLiteral("orderId"), a.orderId.isEmpty() ? QJsonValue(QJsonValue::Null) : QJsonValue(a.orderId)},
        {QStringLiteral("amount"), a.amount}, {QStringLiteral("tier"), toString(a.tier)},
        {QStringLiteral("agentId"), a.agentId}, {QStringLiteral("agentName"), a.agentName},
        {QStringLiteral("at"), timefmt::iso(a.at)}, {QStringLiteral("reason"), reason},
        {QStringLiteral("messageId"), messageId}};
}

} // namespace

Result<PersonActionDone> Desk::act(
    const QString &companyId, const QString &sessionId, AgentAction action, const Actor &actor)
{
    if (!action.reason.isEmpty()) {
        const auto reason = validateCustomerText(action.reason, kMaxActionReasonChars, QStringLiteral("reason"));
        if (!reason)
            return makeError(ErrorKind::InvalidArgument,
                QStringLiteral("reason must be at most %1 characters without control characters")
                    .arg(kMaxActionReasonChars),
                {{QStringLiteral("field"), QStringLiteral("reason")}});
        action.reason = *reason;
    }
    auto held = open(companyId, sessionId, actor);
    if (!held)
        return held.error();
    if (const Status may = mayAct(*held, actor); !may)
        return may.error();
    const auto company = m_engine.company(companyId);
    if (!company)
        return company.error();
    const TierCapabilities caps = company->config.tier(Tier::HumanAgent);
    action.agentId = actor.subject;
    action.agentName = nameOf(companyId, actor.subject);

    Session s = held->session;
    const qint64 now = m_engine.clock().nowMs();
    const bool refund = action.kind == AgentAction::Refund;
    const QString type = refund ? QStringLiteral("refund") : QStringLiteral("credit");
    const PersonAction record{type, refund ? action.orderId : QString(), action.amount, Tier::HumanAgent,
        action.agentId, action.agentName, now};
    Message m;
    m.id = ids::random(QStringLiteral("msg_"));
    m.role = QStringLiteral("human_agent");
    m.content = confirmation(action, Phrases(company->config.language, company->config.company));
    m.timestamp = now;
    Result<ActionReport> report = makeError(ErrorKind::Internal, QStringLiteral("could not record the action"));
    const bool ok = m_engine.core().store().batch().run([&] {
        report = m_engine.core().actions().performForAgent(s, caps, action, now);
        if (!report)
            return false;
        if (!report->moneyActions.isEmpty()) // at the provider: nothing is claimed before it confirms
            m.content = atProvider(action, Phrases(company->config.language, company->config.company));
        m.meta.person = PersonMeta{action.agentId, action.agentName, false, record, report->actionsTaken};
        if (!m_engine.core().store().sessions().appendMessage(s.id, s.messageCount++, m))
            return false;
        if (held->item.firstResponseAt == 0 && !m_repo.setFirstResponse(s.id, now))
            return false;
        s.updatedAt = s.lastActivityAt = now;
        return m_engine.core().store().sessions().update(s)
            && m_engine.core().record(companyId, actor, QStringLiteral("desk.") + type,
                QStringLiteral("session:") + s.id, AuditOutcome::Created, auditDetails(record, action.reason, m.id));
    });
    if (!ok) {
        m_engine.core().forget(s.id);
        return report ? makeError(ErrorKind::Internal, QStringLiteral("could not record the action")) : report.error();
    }
    m_engine.core().remember(s);
    publishMessage(s, m, false);
    publishQueue(companyId, s.id, SessionEventType::QueueUpdated);
    return PersonActionDone{m, report->order, report->moneyActions};
}

} // namespace tierdesk
