// MoneyOutbox: an answer settled (ledger, audit), the customer told, webhooks, the sweep.
#include "core/engine/sources/MoneyOutbox.h"

#include "core/common/Ids.h"
#include "core/integrations/connectors/StripeProtocol.h"

#include <QJsonDocument>
#include <QJsonObject>

namespace tierdesk {

namespace {

using State = MoneyAction::State;

QString messageRole(Tier t)
{
    switch (t) {
    case Tier::AiRep:
        return QStringLiteral("ai_rep");
    case Tier::AiManager:
        return QStringLiteral("ai_manager");
    case Tier::HumanAgent:
        return QStringLiteral("system"); // a person has the session: the engine's note, not theirs
    }
    return QStringLiteral("system");
}

QString whatOf(const MoneyAction &a, const Phrases &say)
{
    if (a.orderId.isEmpty())
        return {};
    return a.item.isEmpty() ? say(Phrase::RefundedOrder).arg(a.orderId)
                            : say(Phrase::RefundedItem).arg(a.item, a.orderId);
}

// What the customer is told when an action settles outside their turn.
QString laterText(const MoneyAction &a, const Phrases &say)
{
    const bool done = a.state == State::Succeeded;
    if (a.kind == MoneyAction::Kind::Cancel)
        return say(done ? Phrase::CancelDoneLater : Phrase::CancelFailedLater).arg(a.orderId);
    if (a.kind == MoneyAction::Kind::Credit)
        return say(done ? Phrase::CreditDoneLater : Phrase::CreditFailedLater).arg(say.money(a.amount));
    return say(done ? Phrase::RefundDoneLater : Phrase::RefundFailedLater).arg(say.money(a.amount), whatOf(a, say));
}

// Why a person takes over when an action failed outside a turn (the escalation's notes).
QString failedNotes(const MoneyAction &a)
{
    if (a.kind == MoneyAction::Kind::Cancel)
        return QStringLiteral("the company's system did not cancel %1: %2").arg(a.orderId, a.error.left(200));
    return QStringLiteral("the payment provider did not make the %1 of %2: %3")
        .arg(toString(a.kind), QString::number(a.amount, 'f', 2), a.error.left(200));
}

} // namespace

QString MoneyOutbox::ledgerDetails(const MoneyAction &a)
{
    QJsonObject o = QJsonDocument::fromJson(a.details.toUtf8()).object();
    o.insert(QStringLiteral("providerId"), a.providerId);
    o.insert(QStringLiteral("connector"), a.connector);
    o.insert(QStringLiteral("moneyAction"), a.id);
    if (!a.item.isEmpty())
        o.insert(QStringLiteral("item"), a.item);
    return QString::fromUtf8(QJsonDocument(o).toJson(QJsonDocument::Compact));
}

bool MoneyOutbox::recordSucceeded(const MoneyAction &a, qint64 now)
{
    CustomerRepo &customers = m_core.store().customers();
    if (a.kind == MoneyAction::Kind::Cancel) // the order is its system's; the ledger keeps what was done
        return bool(customers.appendLedger({a.companyId, a.sessionId, a.customerId, a.orderId, QStringLiteral("cancel"),
            a.tier, ledgerDetails(a), 0, now}));
    const bool refund = a.kind == MoneyAction::Kind::Refund;
    if (refund) {
        // A builtin order counts its refund now; a sourced order's system counts its own.
        const std::optional<Order> o = customers.findOrder(a.companyId, a.orderId);
        if (o && o->customerId == a.customerId) {
            const bool full = a.amount >= o->total - o->refundedAmount - 0.005;
            if (!customers.recordRefund(a.companyId, a.orderId, a.amount, full))
                return false;
        }
    }
    return bool(customers.appendLedger({a.companyId, a.sessionId, a.customerId, a.orderId,
        refund ? QStringLiteral("refund") : QStringLiteral("credit"), a.tier, ledgerDetails(a), a.amount, now}));
}

bool MoneyOutbox::settleRow(
    MoneyAction &a, State state, const QString &providerId, const QString &error, bool tell, qint64 now)
{
    Store &store = m_core.store();
    bool changed = false;
    const Status ok = store.batch().run([&]() -> Status {
        // A turn holds the action until its reply is stored: the sweep tells nobody meanwhile.
        const Result<bool> settled
            = store.moneyActions().settle(a.id, state, providerId, error, now, tell ? 0 : now + kLeaseMs);
        if (!settled)
            return settled.error();
        if (!(changed = *settled))
            return Ok{}; // settled already (a repeated answer or event)
        a.state = state;
        a.providerId = providerId.isEmpty() ? a.providerId : providerId;
        a.error = error;
        if (state == State::Succeeded && !recordSucceeded(a, now))
            return store.batch().failure(QStringLiteral("could not record the money action"));
        const Status audited
            = m_core.record(a.companyId, Actor{}, QStringLiteral("money.%1.%2").arg(toString(a.kind), toString(state)),
                QStringLiteral("money:") + a.id, state == State::Failed ? AuditOutcome::Failed : AuditOutcome::System,
                {{QStringLiteral("sessionId"), a.sessionId}, {QStringLiteral("orderId"), a.orderId},
                    {QStringLiteral("amount"), a.amount}, {QStringLiteral("connector"), a.connector},
                    {QStringLiteral("providerId"), a.providerId}, {QStringLiteral("error"), a.error}});
        if (!audited)
            return audited;
        if (tell && a.final() && !tellCustomer(a, now))
            return store.batch().failure(QStringLiteral("could not tell the customer"));
        return Ok{};
    });
    if (!changed || !ok) // what the store holds is what happened
        if (const std::optional<MoneyAction> now = store.moneyActions().find(a.id))
            a = *now;
    return bool(ok);
}

bool MoneyOutbox::tellCustomer(const MoneyAction &a, qint64 now)
{
    Store &store = m_core.store();
    const auto company = m_core.company(a.companyId);
    auto opened = m_core.openSession(a.companyId, a.sessionId, false, QString());
    if (!company || !opened) // the session is gone: nobody to tell
        return bool(store.moneyActions().markTold(a.id, now));
    m_core.forget(a.sessionId);
    Session s = *opened;
    const Session stored = s;
    Message m;
    m.id = ids::random(QStringLiteral("msg_"));
    m.role = messageRole(s.currentTier);
    m.content = laterText(a, Phrases(company->config.language, company->config.company));
    m.timestamp = now;
    if (!store.sessions().appendMessage(s.id, s.messageCount++, m))
        return false;
    if (a.state == State::Failed && s.currentTier != Tier::HumanAgent && s.status != SessionStatus::Resolved
        && !m_core.applyEscalation(
            s, Tier::HumanAgent, EscalationReason::TechnicalLimitation, failedNotes(a), true, now))
        return false;
    s.updatedAt = s.lastActivityAt = now;
    if (!store.sessions().update(s, stored) || !store.moneyActions().markTold(a.id, now))
        return false;
    if (m_core.eventsWanted()) {
        SessionEvent event = makeSessionEvent(SessionEventType::Message, s);
        event.reply = m;
        m_core.publish(std::move(event));
    }
    return true;
}

void MoneyOutbox::told(const QStringList &ids)
{
    if (ids.isEmpty())
        return;
    Store &store = m_core.store();
    const qint64 now = m_core.clock().nowMs();
    store.batch().run([&]() -> Status {
        for (const QString &id : ids)
            if (const Status marked = store.moneyActions().markTold(id, now); !marked)
                return marked;
        return Ok{};
    });
}

void MoneyOutbox::tellUntold(qint64 now)
{
    Store &store = m_core.store();
    for (const QString &id : store.moneyActions().untold(now, kSweepBatch)) {
        store.batch().run([&]() -> Status {
            const Result<bool> taken = store.moneyActions().takeToTell(id, now, now + kLeaseMs);
            if (!taken || !*taken)
                return taken ? Status(Ok{}) : Status(taken.error());
            const std::optional<MoneyAction> a = store.moneyActions().find(id);
            if (a && !tellCustomer(*a, now))
                return store.batch().failure(QStringLiteral("could not tell the customer"));
            return Ok{};
        });
    }
}

void MoneyOutbox::sweep()
{
    const qint64 now = m_core.clock().nowMs();
    Store &store = m_core.store();
    for (const QString &id : store.moneyActions().due(now, kSweepBatch)) {
        const std::optional<Call> call = prepare(id, now);
        if (!call)
            continue;
        m_connectors.call(call->connector, call->input, call->action.sessionId, this,
            [this, c = *call](const connectors::ConnectorAnswer &answer) { apply(c, answer, true); });
    }
    tellUntold(now);
}

Status MoneyOutbox::webhook(
    const QString &companyId, const QString &name, const QByteArray &payload, const QByteArray &signature)
{
    const Result<Connector> c = m_connectors.find(companyId, name);
    if (!c)
        return c.error();
    if (c->kind != ConnectorKind::Stripe || c->webhookSecret.isEmpty())
        return makeError(ErrorKind::NotFound,
            QStringLiteral("no stripe connector with a webhookSecret named \"%1\"").arg(name.left(40)),
            {{QStringLiteral("field"), QStringLiteral("name")}});
    const qint64 now = m_core.clock().nowMs();
    const Result<connectors::StripeRefundEvent> event
        = connectors::StripeProtocol::verifyWebhook(payload, signature, c->webhookSecret, now / 1000);
    if (!event)
        return event.error();
    if (event->type != QLatin1String("refund.updated") && event->type != QLatin1String("refund.failed"))
        return Ok{}; // not ours to read
    Store &store = m_core.store();
    std::optional<MoneyAction> a = store.moneyActions().findByProvider(companyId, event->refund.id);
    if (!a) { // answered before our record of it was written (a crash): by its metadata
        a = store.moneyActions().find(event->refund.metadata.value(QStringLiteral("moneyActionId")));
        if (a && a->companyId != companyId)
            a.reset();
    }
    if (!a || a->connector != name || a->final())
        return Ok{}; // another's refund, or settled already: a repeated event changes nothing
    const connectors::StripeRefund &r = event->refund;
    const State state = r.done() ? State::Succeeded : r.requested() ? State::Requested : State::Failed;
    if (state == State::Requested && a->state == State::Requested)
        return Ok{};
    if (!settleRow(*a, state, r.id, r.failureReason, true, now))
        return store.batch().failure(QStringLiteral("could not settle the refund"));
    return Ok{};
}

void MoneyOutbox::reportCancel(ActionReport &r, const MoneyAction &a, const Phrases &say)
{
    if (a.state == State::Succeeded) {
        if (!r.actionsTaken.contains(QLatin1String("cancel_order")))
            r.actionsTaken << QStringLiteral("cancel_order");
        r.cancelledOrder = a.orderId;
        if (r.order && r.order->id == a.orderId)
            r.order->status = QStringLiteral("cancelled");
    } else if (a.state == State::Failed) {
        r.cancelFailed = a.orderId;
        const QString why = say(Phrase::CancelNotThrough).arg(a.orderId);
        r.refusal = r.refusal.isEmpty() ? why : r.refusal + QLatin1Char(' ') + why;
    } else {
        r.cancelRequested = a.orderId;
        r.cancelAwaitingAnswer = a.state == State::Pending;
    }
}

void MoneyOutbox::report(ActionReport &r, const QList<MoneyAction> &settled, const Phrases &say)
{
    for (const MoneyAction &a : settled) {
        if (a.kind == MoneyAction::Kind::Cancel) {
            reportCancel(r, a, say);
            continue;
        }
        const bool refund = a.kind == MoneyAction::Kind::Refund;
        const QString taken = refund ? QStringLiteral("process_refund") : QStringLiteral("apply_credit");
        if (refund && !a.item.isEmpty())
            r.refundedItem = a.item;
        if (a.state == State::Succeeded) {
            if (!r.actionsTaken.contains(taken))
                r.actionsTaken << taken;
            (refund ? r.refunded : r.credited) += a.amount;
            if (refund && r.order && r.order->id == a.orderId) {
                r.order->refundedAmount += a.amount;
                if (r.order->refundedAmount >= r.order->total - 0.005)
                    r.order->status = QStringLiteral("refunded");
            }
        } else if (a.state == State::Failed) {
            r.moneyFailed += a.amount;
            r.moneyFailedWhat = toString(a.kind);
            const QString why = refund ? say(Phrase::RefundNotThrough).arg(say.money(a.amount), whatOf(a, say))
                                       : say(Phrase::CreditNotThrough).arg(say.money(a.amount));
            r.refusal = r.refusal.isEmpty() ? why : r.refusal + QLatin1Char(' ') + why;
        } else if (refund) {
            r.refundRequested += a.amount;
            r.refundAwaitingAnswer = a.state == State::Pending;
        } else {
            r.creditAwaitingAnswer += a.amount;
        }
    }
}

} // namespace tierdesk
