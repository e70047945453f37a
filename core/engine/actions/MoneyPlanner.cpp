#include "core/engine/actions/MoneyPlanner.h"

#include "core/engine/dialogue/Answers.h"
#include "core/engine/dialogue/OrderFinder.h"
#include "core/engine/dialogue/Questions.h"
#include "core/engine/dialogue/Requests.h"
#include "core/nlu/Intents.h"

#include <QJsonArray>
#include <QRegularExpression>

namespace tierdesk {
namespace {

using dialogue::asksForCredit;
using dialogue::asksForRefund;
using dialogue::asksToCancelOrder;
using dialogue::subscriptionChangeAsked;

double paidFor(const OrderItem &item)
{
    return item.price * qMax(1, item.quantity);
}

// A shipped or delivered order is returned instead.
QString cannotCancel(const Order &o, int windowDays, const Phrases &say)
{
    if (o.status == QLatin1String("shipped"))
        return say(Phrase::CannotCancelShipped).arg(o.id).arg(windowDays);
    if (o.status == QLatin1String("delivered"))
        return say(Phrase::CannotCancelDelivered).arg(o.id).arg(windowDays);
    return say(Phrase::CannotCancelStatus).arg(o.id, say.orderStatus(o.status));
}

} // namespace

int MoneyPlanner::returnWindowDays(const CompanyPolicies &policies, const Customer &customer)
{
    int days = qMax(policies.returnWindowDays, policies.returnWindowDaysByTier.value(customer.tier));
    if (subscriptionStatus(customer) == QLatin1String("active"))
        if (const MembershipPlan *plan = policies.plan(subscriptionPlan(customer)))
            days = qMax(days, plan->returnWindowDays);
    return days;
}

bool MoneyPlanner::cancellable(const CompanyPolicies &policies, const Order &order)
{
    return policies.cancellableStatuses.contains(order.status);
}

bool MoneyPlanner::planException(
    const QString &text, const std::optional<Order> &order, dialogue::DialogueState &state, TurnPlan &plan)
{
    if (!dialogue::asksForException(text))
        return false;
    // The order and item asked about now, else the refund just refused by policy.
    QString orderId = order ? order->id : QString();
    QString item = order ? state.item : QString();
    if (!state.refused.isEmpty() && (!order || state.refused.startsWith(order->id + QLatin1Char('/')))) {
        orderId = state.refused.section(QLatin1Char('/'), 0, 0);
        item = state.refused.section(QLatin1Char('/'), 1);
    }
    if (orderId.isEmpty())
        return false;
    plan.request.kind = RequestedAction::Refund;
    plan.request.policyException = true;
    plan.request.orderId = orderId;
    plan.request.item = item;
    return true;
}

void MoneyPlanner::planMoney(const Session &s, const Customer &customer, const MessageAnalysis &a, const QString &text,
    const std::optional<Order> &order, bool named, dialogue::DialogueState &state, TurnPlan &plan)
{
    const QString awaited = state.awaitingSlot;
    const bool gotOrder = awaited == QLatin1String("order_id") && order && named;
    // "and the sleeping bag too", "and ORD-10007?": what was just asked for, for another order or item.
    const bool sameAgain = named && dialogue::asksSameAgain(text) && !dialogue::asksAboutOrderFacts(text);
    const auto again = [&](const char *action) { return sameAgain && state.lastRequest == QLatin1String(action); };
    const bool continuesRefund
        = (gotOrder && nlu::parseIntent(state.intent) == nlu::Intent::RefundRequest) || again("process_refund");
    const bool continuesCancel
        = (gotOrder && nlu::parseIntent(state.intent) == nlu::Intent::CancelOrder) || again("cancel_order");
    state.awaitingSlot.clear();
    if (planException(text, order, state, plan))
        return;
    const QString change = subscriptionChangeAsked(text);
    if (!change.isEmpty()) {
        // A company that sells no membership has none to change: what was asked is a question for
        // its knowledge, which says what it holds or that it does not know.
        if (m_policies.sellsMembership())
            planSubscription(customer, text, plan);
        return;
    }
    // A company's system that names no customer for the order: its status is told, no money moves on it.
    const bool moneyAsked = asksForRefund(text) || continuesRefund || asksToCancelOrder(text) || continuesCancel;
    if (order && !order->customerNamed && moneyAsked) {
        plan.refusal = m_say(Phrase::NoMoneyOnOrder).arg(order->id);
        plan.orders = {*order};
        return;
    }
    if (asksForRefund(text) || continuesRefund) {
        if (!order) {
            plan.needsOrderNumber = true;
            state.awaitingSlot = QStringLiteral("order_id");
            state.intent = QLatin1String(nlu::intent::RefundRequest);
            return;
        }
        planRefund(*order, a, text, returnWindowDays(m_policies, customer), state, plan);
        return;
    }
    if (asksToCancelOrder(text) && !order) {
        // Only an order not shipped yet can be cancelled: if there is one, it is the one meant.
        QList<Order> open;
        for (const Order &o : m_actions.recentOrders(s.companyId, s.customerId, 20))
            if (cancellable(m_policies, o))
                open << o;
        if (open.size() == 1) {
            plan.request.kind = RequestedAction::Cancel;
            plan.request.orderId = open.first().id;
            plan.request.atCompanySystem = m_actions.onlyAPersonCancels(open.first());
            return;
        }
        plan.needsOrderNumber = true;
        state.awaitingSlot = QStringLiteral("order_id");
        state.intent = QLatin1String(nlu::intent::CancelOrder);
        return;
    }
    if ((asksToCancelOrder(text) || continuesCancel) && order) {
        state.lastRequest = QStringLiteral("cancel_order"); // "and ORD-10007?" asks the same, answered or not
        if (cancellable(m_policies, *order)) {
            plan.request.kind = RequestedAction::Cancel;
            plan.request.orderId = order->id;
            plan.request.atCompanySystem = m_actions.onlyAPersonCancels(*order);
        } else {
            plan.refusal = cannotCancel(*order, returnWindowDays(m_policies, customer), m_say);
            plan.orders = {*order};
        }
        return;
    }
    const bool continuesCredit
        = nlu::parseIntent(state.intent) == nlu::Intent::CreditRequest && awaited == QLatin1String("amount");
    if ((asksForCredit(text) && a.intent.id() == nlu::Intent::CreditRequest) || continuesCredit) {
        if (a.slotValues.amount.value_or(0) > 0) {
            plan.request.kind = RequestedAction::Credit;
            plan.request.amount = *a.slotValues.amount;
        } else if (!continuesCredit) {
            plan.slotPrompt = m_say(Phrase::CreditAmountPrompt);
            state.awaitingSlot = QStringLiteral("amount");
            state.intent = QLatin1String(nlu::intent::CreditRequest);
        }
    }
}

void MoneyPlanner::planRefund(const Order &o, const MessageAnalysis &a, const QString &text, int windowDays,
    dialogue::DialogueState &state, TurnPlan &plan)
{
    std::optional<OrderItem> item = OrderFinder::itemNamed(o, text);
    static const QRegularExpression pronoun(
        QStringLiteral("\\b(them|it|those|these|that|they)\\b"), QRegularExpression::CaseInsensitiveOption);
    if (!item && !state.item.isEmpty() && pronoun.match(text).hasMatch())
        item = OrderFinder::itemNamed(o, state.item);
    planRefundOf(o, item, a.slotValues.amount, windowDays, state, plan);
}

void MoneyPlanner::replanRefund(const Order &o, const QString &item, std::optional<double> amount,
    const Customer &customer, dialogue::DialogueState &state, TurnPlan &plan)
{
    planRefundOf(o, item.isEmpty() ? std::nullopt : OrderFinder::itemNamed(o, item), amount,
        returnWindowDays(m_policies, customer), state, plan);
}

void MoneyPlanner::planRefundOf(const Order &o, std::optional<OrderItem> item, std::optional<double> asked,
    int windowDays, dialogue::DialogueState &state, TurnPlan &plan)
{
    // An order not charged yet (or not shipped) is cancelled instead; nothing is owed.
    if (o.status == QLatin1String("pending") || o.status == QLatin1String("processing")) {
        plan.request.kind = RequestedAction::Cancel;
        plan.request.orderId = o.id;
        plan.request.insteadOfRefund = true;
        plan.request.atCompanySystem = m_actions.onlyAPersonCancels(o);
        return;
    }
    if (const Status owed = ActionExecutor::owes(o, 0, m_say.language()); !owed) {
        plan.refusal = owed.error().message;
        return;
    }
    // "the tent arrived broken, i want my full $378 back": an amount beyond the item's price asks for the order.
    if (item && asked && *asked > paidFor(*item) + 0.005)
        item.reset();
    const QString itemLabel = item ? item->name : QString();
    if (!itemLabel.isEmpty() && state.refunded.contains(o.id + QLatin1Char('/') + itemLabel)) {
        plan.refusal = m_say(Phrase::AlreadyRefundedHere).arg(itemLabel, o.id);
        return;
    }
    const qint64 returnWindowMs = qint64(windowDays) * 86400000;
    if (o.status == QLatin1String("delivered") && o.deliveredAt > 0 && m_nowMs - o.deliveredAt > returnWindowMs) {
        plan.refusal = m_say(Phrase::OutsideReturnWindow).arg(o.id).arg(windowDays);
        plan.orders = {o};
        state.refused = o.id + QLatin1Char('/') + itemLabel; // "make an exception" asks a person about it
        return;
    }
    if (o.status == QLatin1String("shipped")) {
        // In transit: its delivery comes first, then a return within the window.
        const QString what = item ? m_say(Phrase::InTransitItem).arg(itemLabel, m_say.money(paidFor(*item)), o.id)
                                  : m_say(Phrase::InTransitOrder).arg(o.id);
        plan.refusal = m_say(Phrase::InTransit).arg(what).arg(windowDays);
        plan.orders = {o};
        return;
    }
    const double left = o.total - o.refundedAmount;
    double amount = left;
    if (item) {
        const std::optional<double> owed = owedForItem(o, *item, plan);
        if (!owed)
            return;
        amount = *owed;
    }
    // A refund is capped at what was paid and not yet refunded, whatever amount is asked for.
    if (asked) {
        amount = qMin(*asked, item ? amount : left);
        if (*asked > left + 0.005)
            plan.request.askedAmount = *asked;
    }
    if (const Status owed = ActionExecutor::owes(o, amount, m_say.language()); !owed || amount <= 0) {
        plan.refusal = owed ? QString() : owed.error().message;
        return;
    }
    plan.request.kind = RequestedAction::Refund;
    plan.request.amount = amount;
    plan.request.orderId = o.id;
    plan.request.item = itemLabel;
}

std::optional<double> MoneyPlanner::owedForItem(const Order &o, const OrderItem &item, TurnPlan &plan)
{
    // What the ledger says this item was refunded already, in this conversation or an earlier one.
    const ActionExecutor::ItemRefund done = m_actions.refundedFor(o, item.name);
    const double price = paidFor(item);
    if (done.amount > 0 && done.amount >= price - 0.005) {
        plan.refusal
            = m_say(Phrase::ItemRefundedBefore).arg(item.name, o.id, m_say.money(done.amount), m_say.day(done.lastAt));
        plan.orders = {o};
        return std::nullopt;
    }
    const double owed = price - done.amount;
    const double left = o.total - o.refundedAmount;
    // Refunds the ledger does not name an item for may have been for this one: what is left of the
    // order is not offered under this item's name.
    if (o.refundedAmount > 0.005 && owed > left + 0.005) {
        plan.refusal = m_say(Phrase::ItemBeyondLeft)
                           .arg(o.id, m_say.money(o.refundedAmount), m_say.money(left), item.name, m_say.money(price));
        plan.orders = {o};
        return std::nullopt;
    }
    return qMin(owed, left);
}

void MoneyPlanner::planSubscription(const Customer &customer, const QString &text, TurnPlan &plan) const
{
    const QString change = subscriptionChangeAsked(text);
    if (dialogue::aboutSomeoneElsesAccount(text)) {
        const QString &link = m_policies.selfService.subscription.isEmpty() ? m_policies.selfService.account
                                                                            : m_policies.selfService.subscription;
        plan.refusal = link.isEmpty() ? m_say(Phrase::OtherAccountMembership)
                                      : m_say(Phrase::OtherAccountMembershipAt).arg(link);
        return;
    }
    if (!customer.subscription || subscriptionStatus(customer) == QLatin1String("cancelled")) {
        plan.refusal = m_say(Phrase::NoActiveMembership);
        return;
    }
    if (change == subscriptionStatus(customer) || change == QStringLiteral("plan:") + subscriptionPlan(customer)) {
        plan.subscriptionFact
            = m_say(Phrase::MembershipAlready)
                  .arg(subscriptionPlan(customer),
                      m_say.membershipStatus(
                          change.startsWith(QLatin1String("plan:")) ? subscriptionStatus(customer) : change));
        return;
    }
    plan.request.kind = RequestedAction::Subscription;
    plan.request.change = change;
}

} // namespace tierdesk
