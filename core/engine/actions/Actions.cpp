#include "core/engine/actions/Actions.h"

#include "core/nlu/Intents.h"
#include "core/nlu/SlotExtractor.h"

#include <QJsonDocument>
#include <QJsonObject>

namespace tierdesk {
namespace {

// The ledger's detail of a subscription change: the subscription as it now stands, as JSON.
QString ledgerDetail(const Subscription &s)
{
    const QJsonObject o{{QStringLiteral("plan"), s.plan}, {QStringLiteral("status"), s.status},
        {QStringLiteral("monthlyPrice"), s.monthlyPrice}};
    return QString::fromUtf8(QJsonDocument(o).toJson(QJsonDocument::Compact));
}

} // namespace

std::optional<Order> ActionExecutor::findOrder(
    const QString &companyId, const QString &customerId, const QString &orderNumber)
{
    if (m_book) {
        const std::optional<Order> found = m_book->find(orderNumber);
        return found ? std::optional<Order>(withCompanyActions(*found)) : std::nullopt;
    }
    // The customer's recent orders are cached (CustomerRepo): most messages name one of them or none.
    const QList<Order> recent = m_customers.recentOrders(companyId, customerId, kRecentOrders);
    if (orderNumber.isEmpty())
        return recent.isEmpty() ? std::nullopt : std::optional<Order>(recent.first());
    for (const Order &o : recent)
        if (o.id == orderNumber)
            return o;
    auto order = m_customers.findOrder(companyId, orderNumber);
    if (order && order->customerId == customerId)
        return order;
    return std::nullopt;
}

QList<Order> ActionExecutor::recentOrders(const QString &companyId, const QString &customerId, int limit)
{
    if (m_book) {
        QList<Order> recent = m_book->recent(limit);
        for (Order &o : recent)
            o = withCompanyActions(o);
        return recent;
    }
    return m_customers.recentOrders(companyId, customerId, limit);
}

QStringList ActionExecutor::orderNumbersIn(const QString &text) const
{
    return m_book ? m_book->numbersIn(text) : nlu::extractSlots(text).orderIds;
}

bool ActionExecutor::isOrderTopic(const QString &intent)
{
    switch (nlu::parseIntent(intent)) {
    case nlu::Intent::OrderStatus:
    case nlu::Intent::CancelOrder:
    case nlu::Intent::ChangeAddress:
    case nlu::Intent::RefundRequest:
    case nlu::Intent::RefundStatus:
        return true;
    default:
        return false;
    }
}

ActionReport ActionExecutor::carryOut(const Session &session, const Customer &customer, const TierCapabilities &caps,
    const dialogue::PendingAction &action, qint64 nowMs, const Phrases &say)
{
    ActionReport report;
    if (action.action == QLatin1String("process_refund")) {
        refund(session, caps, action, report, nowMs, say);
    } else if (action.action == QLatin1String("cancel_order")) {
        cancel(session, action, report, nowMs, say);
    } else if (action.action == QLatin1String("apply_credit")) {
        if (const Status allowed = allows(caps, RequestedAction::Credit, action.amount, say.language());
            !allowed || action.amount <= 0)
            report.refusal = allowed ? QString() : allowed.error().message;
        else if (!creditAtProvider(session, action.amount, {}, report, nowMs, say))
            writeCredit(session, action.amount, {}, report, nowMs);
    } else if (action.action == QLatin1String("modify_subscription")) {
        subscription(session, customer, caps, action.change, report, nowMs, say);
    }
    return report;
}

ActionReport ActionExecutor::carryOutAll(const Session &session, const Customer &customer, const TierCapabilities &caps,
    const QList<dialogue::PendingAction> &actions, qint64 nowMs, const Phrases &say)
{
    ActionReport all;
    for (const dialogue::PendingAction &action : actions) {
        const ActionReport one = carryOut(session, customer, caps, action, nowMs, say);
        if (!all.order || one.refunded > 0) // a refund is told with its own order
            all.order = one.order;
        if (one.order)
            all.orders << *one.order; // every order the actions were on is a fact of the reply
        for (const QString &taken : one.actionsTaken)
            if (!all.actionsTaken.contains(taken))
                all.actionsTaken << taken;
        all.refunded += one.refunded;
        all.credited += one.credited;
        if (all.refundedItem.isEmpty())
            all.refundedItem = one.refundedItem;
        if (all.cancelledOrder.isEmpty())
            all.cancelledOrder = one.cancelledOrder;
        if (all.subscriptionChange.isEmpty())
            all.subscriptionChange = one.subscriptionChange;
        if (!one.refusal.isEmpty())
            all.refusal = all.refusal.isEmpty() ? one.refusal : all.refusal + QLatin1Char(' ') + one.refusal;
        mergeMoney(all, one);
    }
    return all;
}

Status ActionExecutor::owes(const Order &o, double amount, Language language)
{
    const Phrases say(language);
    const double left = o.total - o.refundedAmount;
    const QJsonObject details{{QStringLiteral("orderId"), o.id}, {QStringLiteral("status"), o.status},
        {QStringLiteral("total"), o.total}, {QStringLiteral("refundedAmount"), o.refundedAmount},
        {QStringLiteral("refundable"), qMax(0.0, left)}};
    // A source that names no customer tells only status and delivery: nothing is owed on it here.
    if (!o.customerNamed)
        return makeError(ErrorKind::Conflict, ErrorDetail::NotOwed, say(Phrase::NoMoneyOnOrder).arg(o.id), details);
    if (o.status == QLatin1String("refunded") || left <= 0.005)
        return makeError(ErrorKind::Conflict, ErrorDetail::NotOwed, say(Phrase::RefundedInFull).arg(o.id), details);
    if (o.status == QLatin1String("cancelled"))
        return makeError(
            ErrorKind::Conflict, ErrorDetail::NotOwed, say(Phrase::NotChargedCancelled).arg(o.id), details);
    if (o.status == QLatin1String("pending"))
        return makeError(ErrorKind::Conflict, ErrorDetail::NotOwed, say(Phrase::NotChargedYet).arg(o.id), details);
    if (amount > left + 0.005)
        return makeError(ErrorKind::Conflict, ErrorDetail::NotOwed,
            say(Phrase::OnlyLeftToRefund).arg(say.money(left), o.id), details);
    return Ok{};
}

Status ActionExecutor::allows(
    const TierCapabilities &caps, RequestedAction::Kind kind, double amount, Language language)
{
    const Phrases say(language);
    const bool refund = kind == RequestedAction::Refund;
    const bool can = refund ? caps.canProcessRefunds : caps.canApplyCredits;
    const double max = refund ? caps.maxRefundAmount : caps.maxCreditAmount;
    if (can && amount <= max + 1e-9)
        return Ok{};
    return makeError(ErrorKind::Forbidden,
        say(refund ? Phrase::RefundBeyondTier : Phrase::CreditBeyondTier).arg(say.money(amount)),
        {{QStringLiteral("capability"), QLatin1String(refund ? "canProcessRefunds" : "canApplyCredits")},
            {QStringLiteral("allowed"), can},
            {QStringLiteral("cap"), QLatin1String(refund ? "maxRefundAmount" : "maxCreditAmount")},
            {QStringLiteral("max"), can ? max : 0.0}, {QStringLiteral("amount"), amount}});
}

bool ActionExecutor::writeRefund(
    const Session &s, const Order &o, double amount, const QString &details, ActionReport &report, qint64 nowMs)
{
    const bool full = amount >= o.total - o.refundedAmount - 0.005;
    if (!m_customers.recordRefund(s.companyId, o.id, amount, full)
        || !m_customers.appendLedger(
            {s.companyId, s.id, s.customerId, o.id, QStringLiteral("refund"), tierName(s), details, amount, nowMs}))
        return false;
    report.refunded = amount;
    report.actionsTaken << QStringLiteral("process_refund");
    if (report.order) {
        report.order->refundedAmount += amount;
        if (full)
            report.order->status = QStringLiteral("refunded");
    }
    return true;
}

bool ActionExecutor::writeCredit(
    const Session &s, double amount, const QString &details, ActionReport &report, qint64 nowMs)
{
    if (!m_customers.addCredit(s.companyId, s.customerId, amount)
        || !m_customers.appendLedger(
            {s.companyId, s.id, s.customerId, {}, QStringLiteral("credit"), tierName(s), details, amount, nowMs}))
        return false;
    report.credited = amount;
    report.actionsTaken << QStringLiteral("apply_credit");
    return true;
}

void ActionExecutor::refund(const Session &s, const TierCapabilities &caps, const dialogue::PendingAction &a,
    ActionReport &report, qint64 nowMs, const Phrases &say)
{
    report.order = findOrder(s.companyId, s.customerId, a.orderId);
    if (a.orderId.isEmpty() || !report.order)
        return;
    // The store may have changed since the customer was asked: check again (with what is on its way at a provider).
    if (const Status owed = owes(withProviderRefunds(*report.order), a.amount, say.language()); !owed) {
        report.refusal = owed.error().message;
        return;
    }
    if (const Status allowed = allows(caps, RequestedAction::Refund, a.amount, say.language()); !allowed) {
        report.refusal = allowed.error().message;
        return;
    }
    // The ledger names the item, so that it is not offered again under another item's amount.
    const QString details = a.item.isEmpty()
        ? QString()
        : QString::fromUtf8(
            QJsonDocument(QJsonObject{{QStringLiteral("item"), a.item}}).toJson(QJsonDocument::Compact));
    if (refundAtProvider(s, *report.order, a.amount, a.item, details, report, nowMs, say))
        return; // settled later: the item is told then
    if (writeRefund(s, *report.order, a.amount, details, report, nowMs))
        report.refundedItem = a.item;
}

ActionExecutor::ItemRefund ActionExecutor::refundedFor(const Order &o, const QString &item)
{
    ItemRefund out;
    // Nothing refunded: the ledger is not read. A company's system may not know of Tierdesk's own
    // refunds yet, so for its orders the ledger is always read.
    if (item.isEmpty() || (o.refundedAmount <= 0 && o.source.isEmpty()))
        return out;
    for (const CustomerRepo::LedgerEntry &e : m_customers.ledgerOf(o.companyId, o.id, QStringLiteral("refund"))) {
        if (QJsonDocument::fromJson(e.details.toUtf8()).object().value(QLatin1String("item")).toString() != item)
            continue;
        out.amount += e.amount;
        out.lastAt = qMax(out.lastAt, e.at);
    }
    return out;
}

void ActionExecutor::cancel(
    const Session &s, const dialogue::PendingAction &a, ActionReport &report, qint64 nowMs, const Phrases &say)
{
    report.order = findOrder(s.companyId, s.customerId, a.orderId);
    if (a.orderId.isEmpty() || !report.order)
        return;
    Order o = *report.order;
    if (!o.customerNamed) {
        report.refusal = say(Phrase::NoMoneyOnOrder).arg(o.id);
        return;
    }
    if (o.status != QLatin1String("pending") && o.status != QLatin1String("processing")) {
        report.refusal = say(Phrase::CannotCancelNow).arg(o.id, say.orderStatus(o.status));
        return;
    }
    if (!o.source.isEmpty()) // kept in the company's system: cancelled there, or by a person
        return cancelAtCompany(s, o, report, nowMs, say);
    o.status = QStringLiteral("cancelled");
    if (!m_customers.upsertOrder(o)
        || !m_customers.appendLedger(
            {s.companyId, s.id, s.customerId, o.id, QStringLiteral("cancel"), tierName(s), {}, 0, nowMs}))
        return;
    report.order = o;
    report.cancelledOrder = o.id;
    report.actionsTaken << QStringLiteral("cancel_order");
}

Result<ActionReport> ActionExecutor::performForAgent(
    const Session &s, const TierCapabilities &caps, const AgentAction &a, qint64 nowMs)
{
    ActionReport report;
    const QString details = QString::fromUtf8(QJsonDocument(
        QJsonObject{{QStringLiteral("agentId"), a.agentId}, {QStringLiteral("agentName"), a.agentName},
            {QStringLiteral("reason"), a.reason}}).toJson(QJsonDocument::Compact));
    const auto failed = [] { return makeError(ErrorKind::Internal, QStringLiteral("could not record the action")); };
    if (a.kind == AgentAction::Credit) {
        if (const Status allowed = allows(caps, RequestedAction::Credit, a.amount); !allowed)
            return allowed.error();
        if (creditAtProvider(s, a.amount, details, report, nowMs, Phrases(Language::En)))
            return atProvider(report);
        if (!writeCredit(s, a.amount, details, report, nowMs))
            return failed();
        return report;
    }
    report.order = findOrder(s.companyId, s.customerId, a.orderId);
    if (a.orderId.isEmpty() || !report.order)
        return makeError(ErrorKind::InvalidArgument,
            QStringLiteral("orderId must name an order of this session's customer"),
            {{QStringLiteral("field"), QStringLiteral("orderId")}});
    // What is owed is checked before the caps: no cap makes an uncharged order refundable.
    if (const Status owed = owes(withProviderRefunds(*report.order), a.amount); !owed)
        return owed.error();
    if (const Status allowed = allows(caps, RequestedAction::Refund, a.amount); !allowed)
        return allowed.error();
    if (refundAtProvider(s, *report.order, a.amount, {}, details, report, nowMs, Phrases(Language::En)))
        return atProvider(report);
    if (!writeRefund(s, *report.order, a.amount, details, report, nowMs))
        return failed();
    return report;
}

void ActionExecutor::subscription(const Session &s, const Customer &c, const TierCapabilities &caps,
    const QString &change, ActionReport &report, qint64 nowMs, const Phrases &say)
{
    if (!c.subscription || c.subscription->status == QLatin1String("cancelled")) {
        report.refusal = say(Phrase::NoActiveSubscription);
        return;
    }
    if (!caps.canModifySubscription) {
        report.refusal = say(Phrase::MembershipBeyondTier);
        return;
    }
    Subscription sub = *c.subscription;
    if (change.startsWith(QLatin1String("plan:"))) {
        sub.plan = change.section(QLatin1Char(':'), 1);
        sub.status = QStringLiteral("active");
    } else if (!change.isEmpty()) {
        sub.status = change;
    } else {
        return;
    }
    if (!m_customers.setSubscription(s.companyId, s.customerId, sub))
        return;
    m_customers.appendLedger({s.companyId, s.id, s.customerId, {}, QStringLiteral("subscription"), tierName(s),
        ledgerDetail(sub), 0, nowMs});
    report.subscriptionChange = change;
    report.actionsTaken << QStringLiteral("modify_subscription");
}

} // namespace tierdesk
