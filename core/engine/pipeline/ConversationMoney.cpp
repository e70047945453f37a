// Conversation, between a turn's deciding transaction and its compose: the money actions it
// opened at a payment provider (and cancellations at the company's order system) are called
// and settled, so the reply says what was done (done, requested, not through) and never more;
// a failure hands the session to a person.
#include "core/engine/pipeline/Conversation.h"

#include "core/engine/pipeline/ComposeInput.h"
#include "core/engine/pipeline/ReplyComposer.h"
#include "core/engine/pipeline/Turn.h"
#include "core/engine/sources/MoneyOutbox.h"

#include <algorithm>

namespace tierdesk {

bool Conversation::needsSettling(const Turn &turn) const
{
    return m_money && turn.compose
        && (!turn.compose->actions.moneyActions.isEmpty() || turn.compose->actions.failedAtCompany());
}

void Conversation::composeAfterMoney(const std::shared_ptr<Turn> &turn, std::function<void(ComposedReply)> done)
{
    if (!needsSettling(*turn))
        return m_composer->compose(turn->compose, std::move(done));
    // The deciding transaction is committed before the provider is called (MoneyOutbox flushes it).
    m_money->settle(turn->compose->actions.moneyActions, this,
        [this, turn, done = std::move(done)](const QList<MoneyAction> &settled) {
            afterSettled(*turn, settled);
            m_composer->compose(turn->compose, done);
        });
}

void Conversation::settleMoneyNow(Turn &turn)
{
    if (needsSettling(turn))
        afterSettled(turn, m_money->settleNow(turn.compose->actions.moneyActions));
}

void Conversation::afterSettled(Turn &turn, const QList<MoneyAction> &answered)
{
    // An action not called now (another instance holds it) is told as the store has it.
    QList<MoneyAction> settled = answered;
    for (const QString &id : turn.compose->actions.moneyActions) {
        const bool called
            = std::any_of(answered.cbegin(), answered.cend(), [&id](const MoneyAction &a) { return a.id == id; });
        if (!called)
            if (const std::optional<MoneyAction> stored = m_core.store().moneyActions().find(id))
                settled << *stored;
    }
    auto input = std::make_shared<ComposeInput>(*turn.compose);
    MoneyOutbox::report(input->actions, settled, Phrases(input->language, input->company));
    for (const MoneyAction &a : settled)
        if (a.final())
            turn.moneyTold << a.id;
    if (input->actions.failedAtCompany())
        escalateForMoney(turn, *input);
    turn.compose = std::move(input);
}

void Conversation::escalateForMoney(Turn &turn, ComposeInput &input)
{
    if (turn.outcome.session.currentTier == Tier::HumanAgent)
        return; // a person has it already
    const qint64 now = m_core.clock().nowMs();
    const ActionReport &failed = input.actions;
    const QString notes = failed.moneyFailed > 0
        ? QStringLiteral("the payment provider did not make a %1 of %2")
              .arg(failed.moneyFailedWhat, QString::number(failed.moneyFailed, 'f', 2))
        : QStringLiteral("the company's system did not cancel %1").arg(failed.cancelFailed);
    std::optional<EscalationRecord> record;
    Session s;
    const Status done = m_core.store().batch().run([&]() -> Status {
        auto opened = m_core.openSession(turn.outcome.session.companyId, turn.outcome.session.id, false, QString());
        if (!opened)
            return opened.error();
        s = *opened;
        const Session stored = s;
        record = m_core.applyEscalation(s, Tier::HumanAgent, EscalationReason::TechnicalLimitation, notes, true, now);
        if (!record)
            return m_core.store().batch().failure(QStringLiteral("could not store the escalation"));
        return m_core.store().sessions().update(s, stored);
    });
    if (!done) {
        m_core.forget(turn.outcome.session.id);
        return; // the reply still says it did not go through
    }
    m_core.remember(s);
    turn.outcome.session = s;
    turn.outcome.escalation = record;
    input.escalation = EscalationDecision{EscalationReason::TechnicalLimitation, Tier::HumanAgent, notes};
    input.session.currentTier = s.currentTier;
    input.session.status = s.status;
    if (DeskHooks *desk = m_core.desk())
        if (const auto company = m_core.company(s.companyId))
            turn.handoverNote = desk->handoverNote(s, *company);
}

} // namespace tierdesk
