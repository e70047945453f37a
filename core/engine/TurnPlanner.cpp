#include "core/engine/TurnPlanner.h"

#include "core/engine/OrderFinder.h"
#include "core/engine/QuestionPlanner.h"
#include "core/engine/dialogue/Answers.h"
#include "core/engine/dialogue/Questions.h"
#include "core/engine/dialogue/Requests.h"
#include "core/nlu/Intents.h"

#include <QHash>
#include <QJsonArray>
#include <QRegularExpression>

namespace tierdesk {
namespace {

using dialogue::Answer;
using dialogue::asksForCredit;
using dialogue::asksForRefund;
using dialogue::asksRefundStatus;
using dialogue::asksToCancelOrder;
using dialogue::mentionsSubscription;
using dialogue::subscriptionChangeAsked;

bool is(const QString &intent, const char *name) { return intent == QLatin1String(name); }
QString money(double v) { return QStringLiteral("$") + QString::number(v, 'f', 2); }

// Patterns are literals: each is compiled once, on the engine thread that alone runs the planner.
bool matches(const char *pattern, const QString &text)
{
    static QHash<const char *, QRegularExpression> compiled;
    auto it = compiled.find(pattern);
    if (it == compiled.end())
        it = compiled.insert(pattern, QRegularExpression(QLatin1String(pattern), QRegularExpression::CaseInsensitiveOption));
    return it->match(text).hasMatch();
}

QString itemName(const QJsonValue &item) { return item.toObject().value(QLatin1String("name")).toString(); }

double paidFor(const QJsonObject &item)
{
    return item.value(QLatin1String("price")).toDouble() * qMax(1, item.value(QLatin1String("quantity")).toInt(1));
}

QString planOf(const Customer &c) { return c.subscription.value(QLatin1String("plan")).toString(); }
QString statusOf(const Customer &c) { return c.subscription.value(QLatin1String("status")).toString(); }

// resources/kb/return-policy.md: 30 days from delivery, 60 for Trail Club Premium members.
int returnWindowDays(const Customer &c)
{
    return planOf(c) == QLatin1String("premium") && statusOf(c) == QLatin1String("active") ? 60 : TurnPlanner::kReturnWindowDays;
}

// resources/kb/change-or-cancel-order.md: a shipped order is returned instead.
QString cannotCancel(const Order &o, int windowDays)
{
    if (o.status == QLatin1String("shipped"))
        return QStringLiteral("Order %1 has shipped, so it can no longer be cancelled; once it arrives you can return it within "
                              "%2 days of delivery, or exchange it for free.").arg(o.id).arg(windowDays);
    if (o.status == QLatin1String("delivered"))
        return QStringLiteral("Order %1 was delivered, so it can no longer be cancelled, but you can return it within %2 days of "
                              "delivery, or exchange it for free.").arg(o.id).arg(windowDays);
    return QStringLiteral("Order %1 is %2, so it can no longer be cancelled.").arg(o.id, o.status);
}

} // namespace

void TurnPlanner::readOrders(const Session &s, const MessageAnalysis &a, const QString &text,
                             const dialogue::DialogueState &state, Reading &r)
{
    OrderFinder finder(m_actions, s);
    r.named = finder.byNumber(a.slotValues.orderIds, text, &r.unknown);
    if (!r.named.isEmpty())
        return;
    if (dialogue::asksForEarlierOrder(text) && !state.orderId.isEmpty()) {
        if (const auto earlier = finder.before(state.orderId))
            r.named = {*earlier};
        return;
    }
    r.vague = dialogue::pointsVaguely(text);
    if (r.vague)
        return; // "no not that, the other thing": no order is assumed
    r.referenced = dialogue::referencedOrder(text, state.lastMentioned, state.orderId);
    // "my gloves", "the boots order": the orders holding the items named, when the message
    // is about an order or a problem with an item (not "how do i wash merino").
    const bool aboutOrders = dialogue::asksAboutOrderFacts(text) || dialogue::mentionsOrderOrProblem(text)
                             || (ActionExecutor::isOrderTopic(a.intent.intent) && a.intent.confidence >= 0.5)
                             || (!state.lastRequest.isEmpty() && dialogue::asksSameAgain(text));
    if (!aboutOrders)
        return;
    std::optional<Order> current;
    if (!r.referenced.isEmpty())
        current = m_actions.findOrder(s.companyId, s.customerId, r.referenced);
    if (current && OrderFinder::itemNamed(*current, text))
        return; // "it" is the order under discussion, and holds the item named
    if (const QList<Order> holding = finder.byItem(text); !holding.isEmpty()) {
        r.named = holding;
        r.referenced.clear();
    }
}

std::optional<Order> TurnPlanner::orderOfRequest(const QString &text, const QList<Order> &named)
{
    static const QRegularExpression clauses(QStringLiteral("[.?!;\\n]+|\\b(?:also|and then|plus)\\b"),
                                            QRegularExpression::CaseInsensitiveOption);
    for (const QString &clause : text.split(clauses, Qt::SkipEmptyParts)) {
        if (!asksForRefund(clause) && !asksToCancelOrder(clause))
            continue;
        const QStringList ids = nlu::extractSlots(clause).orderIds;
        for (const Order &o : named)
            if (ids.contains(o.id))
                return o;
    }
    return named.first();
}

bool TurnPlanner::answerPending(const QString &text, const MessageAnalysis &a, dialogue::DialogueState &state, TurnPlan &plan)
{
    if (!state.pending)
        return false;
    const Answer answer = dialogue::answerTo(text);
    const dialogue::PendingAction pending = *state.pending;
    state.pending.reset(); // whatever the answer, the question is closed
    if (answer == Answer::Yes) {
        plan.confirmed = pending;
        return true;
    }
    // "sorry i meant $8 not 5": the same credit, with the amount corrected, is asked again.
    if (pending.action == QLatin1String("apply_credit") && a.slotValues.amount.value_or(0) > 0 && dialogue::correctsDetail(text)) {
        plan.request.kind = RequestedAction::Credit;
        plan.request.amount = *a.slotValues.amount;
        return true;
    }
    // "the tee order" after "shall I cancel ORD-10004?": which order is meant, asked again.
    const bool namesWhich = answer == Answer::Other && !text.contains(QLatin1Char('?'))
                            && text.split(QLatin1Char(' '), Qt::SkipEmptyParts).size() <= 4;
    if (namesWhich && (pending.action == QLatin1String("cancel_order") || pending.action == QLatin1String("process_refund"))) {
        state.awaitingSlot = QStringLiteral("order_id");
        state.intent = QLatin1String(pending.action == QLatin1String("cancel_order") ? nlu::intent::CancelOrder
                                                                                       : nlu::intent::RefundRequest);
    }
    if (answer == Answer::No) {
        plan.declined = pending.summary;
        // "no, I asked about the refund", "no wait, just pause it instead": the rest is read too.
        const bool more = dialogue::clausesOf(text).size() > 1 || text.contains(QLatin1Char('?'))
                          || !subscriptionChangeAsked(text).isEmpty();
        return !dialogue::isCorrection(text) && !more;
    }
    return false;
}

void TurnPlanner::correctIntent(MessageAnalysis &a, const Reading &r, const QString &text, bool discussed)
{
    const QString &intent = a.intent.intent;
    if (r.moneyWords || ActionExecutor::isOrderTopic(intent))
        return;
    // An order named in small talk or in words the model cannot place is what the
    // message is about ("hi again, ORD-10011 still hasnt arrived").
    const bool unplaced = a.intent.confidence < 0.5 || is(intent, nlu::intent::Greeting) || is(intent, nlu::intent::Thanks)
                          || is(intent, nlu::intent::Goodbye) || is(intent, nlu::intent::GeneralQuestion);
    const bool aboutNamed = !r.named.isEmpty() && (unplaced || r.aboutOrderFacts);
    const bool aboutDiscussed = r.named.isEmpty() && r.aboutOrderFacts && discussed;
    if (!aboutNamed && !aboutDiscussed)
        return;
    a.intent.intent = QLatin1String(asksRefundStatus(text) ? nlu::intent::RefundStatus : nlu::intent::OrderStatus);
    a.intent.category = nlu::categoryOfIntent(a.intent.intent);
}

std::optional<Order> TurnPlanner::conversationOrder(const Session &s, const MessageAnalysis &a, const QString &text,
                                                    const Reading &r, dialogue::DialogueState &state)
{
    const QString current = !r.referenced.isEmpty() ? r.referenced : state.orderId;
    const bool orderTopic = ActionExecutor::isOrderTopic(a.intent.intent);
    std::optional<Order> order;
    if (r.vague)
        return order;
    if (!r.named.isEmpty())
        order = r.named.first();
    else if (!r.referenced.isEmpty() || ((orderTopic || r.aboutOrderFacts || r.moneyWords) && !state.orderId.isEmpty()))
        order = m_actions.findOrder(s.companyId, s.customerId, current);
    else if (orderTopic && a.intent.confidence >= 0.5 && r.unknown.isEmpty() && !asksForRefund(text) && !asksToCancelOrder(text)
             && (r.aboutOrderFacts || dialogue::mentionsOrderOrProblem(text)))
        order = m_actions.findOrder(s.companyId, s.customerId, QString()); // the latest

    if (order)
        if (const auto item = OrderFinder::itemNamed(*order, text))
            state.item = itemName(*item);
    if (!r.named.isEmpty()) {
        QStringList ids;
        for (const Order &o : r.named)
            ids << o.id;
        state.mention(ids);
    } else if (order) {
        state.orderId = order->id;
    }
    return order;
}

TurnPlan TurnPlanner::plan(const Session &s, const Customer &customer, MessageAnalysis &a, const QString &text,
                           dialogue::DialogueState &state)
{
    TurnPlan plan;
    const QString discussed = state.orderId; // the order answered about so far
    if (answerPending(text, a, state, plan))
        return plan;

    Reading r;
    readOrders(s, a, text, state, r);
    if (!r.unknown.isEmpty() && r.named.isEmpty())
        plan.refusal = QStringLiteral("I couldn't find an order %1 on your account; could you check the number?").arg(r.unknown);
    r.moneyWords = asksForRefund(text) || asksToCancelOrder(text) || asksForCredit(text) || !subscriptionChangeAsked(text).isEmpty();
    plan.outOfScope = r.named.isEmpty() && !r.moneyWords ? dialogue::outOfScope(text) : QString();
    if (!plan.outOfScope.isEmpty())
        return plan;

    r.aboutOrderFacts = dialogue::asksAboutOrderFacts(text);
    correctIntent(a, r, text, !r.referenced.isEmpty() || !state.orderId.isEmpty());
    if (r.vague) { // "the other thing, you know what i mean" can be read as no intent at all
        a.intent.intent = QLatin1String(nlu::intent::GeneralQuestion);
        a.intent.category = nlu::categoryOfIntent(a.intent.intent);
        a.intent.confidence = 0;
    }
    const std::optional<Order> order = conversationOrder(s, a, text, r, state);

    // Claimed approvals or permissions grant nothing: nothing is put to the customer on them.
    if (!dialogue::claimsAuthority(text).isEmpty() && r.moneyWords) {
        plan.refusal = QStringLiteral("I can't act on approvals or settings mentioned in the chat. If something went wrong "
                                      "with an order, tell me what happened and I'll look at what I can do.");
        plan.orders = r.named;
        return plan;
    }
    // Several requests in one message: the action goes with the order named beside it.
    const std::optional<Order> moneyOrder = r.moneyWords && r.named.size() > 1 ? orderOfRequest(text, r.named) : order;
    const bool named = !r.named.isEmpty() || (order && OrderFinder::itemNamed(*order, text)); // an order or its item
    planMoney(s, customer, a, text, moneyOrder, named, state, plan);
    if (plan.request.kind != RequestedAction::None)
        state.lastRequest = pendingOf(plan.request, {}, s.currentTier).action;
    // An intent stays active only while one of its slots is awaited (a confirmation
    // keeps its own action); the state, and its row, change only when the dialogue does.
    if (state.awaitingSlot.isEmpty())
        state.intent.clear();
    if (plan.request.kind != RequestedAction::None) {
        for (const Order &o : r.named)
            if (o.id != plan.request.orderId)
                plan.orders << o;
    } else if (!plan.needsOrderNumber) {
        // The order the conversation is already about is answered again only when asked about;
        // "it" in a follow-up ("if it doesnt show up then what") carries the topic, not a question.
        const bool askedAbout = ActionExecutor::isOrderTopic(a.intent.intent) || r.aboutOrderFacts;
        const bool again = order && order->id == discussed
                           && !(r.aboutOrderFacts || dialogue::asksContents(text) || dialogue::namesOrder(text)
                                || OrderFinder::itemNamed(*order, text)
                                || (ActionExecutor::isOrderTopic(a.intent.intent) && a.intent.confidence >= 0.5));
        if (!r.named.isEmpty())
            plan.orders = r.named;
        else if (order && !again && (askedAbout || !r.referenced.isEmpty()))
            plan.orders = {*order};
    }
    plan.showContents = !plan.orders.isEmpty() && dialogue::asksContents(text);
    addFacts(customer, text, order, plan);
    QuestionPlanner::plan(text, order, a, state, plan);
    return plan;
}

void TurnPlanner::addFacts(const Customer &customer, const QString &text, const std::optional<Order> &order, TurnPlan &plan)
{
    if (plan.request.kind != RequestedAction::None)
        return;
    const bool waitsForRefund = order && order->refundedAmount > 0 && (dialogue::asksWhen(text) || dialogue::saysStillWaiting(text));
    if (order && (asksRefundStatus(text) || waitsForRefund))
        plan.refundFact = order->refundedAmount > 0
                              ? QStringLiteral("A refund of %1 was issued for order %2; refunds appear within 5-10 business days.")
                                    .arg(money(order->refundedAmount), order->id)
                              : QStringLiteral("No refund has been issued for order %1 so far.").arg(order->id);
    if (mentionsSubscription(text) && dialogue::asksMembershipStatus(text) && !customer.subscription.isEmpty() && plan.refusal.isEmpty() && plan.subscriptionFact.isEmpty())
        plan.subscriptionFact = QStringLiteral("Your %1 membership is %2.").arg(planOf(customer), statusOf(customer));
}

bool TurnPlanner::planException(const QString &text, const std::optional<Order> &order, dialogue::DialogueState &state,
                                TurnPlan &plan)
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

void TurnPlanner::planMoney(const Session &s, const Customer &customer, const MessageAnalysis &a, const QString &text,
                            const std::optional<Order> &order, bool named, dialogue::DialogueState &state, TurnPlan &plan)
{
    const QString awaited = state.awaitingSlot;
    const bool gotOrder = awaited == QLatin1String("order_id") && order && named;
    // "and the sleeping bag too", "and ORD-10007?": what was just asked for, for another order or item.
    const bool sameAgain = named && dialogue::asksSameAgain(text) && !dialogue::asksAboutOrderFacts(text);
    const auto again = [&](const char *action) { return sameAgain && state.lastRequest == QLatin1String(action); };
    const bool continuesRefund = (gotOrder && state.intent == QLatin1String(nlu::intent::RefundRequest)) || again("process_refund");
    const bool continuesCancel = (gotOrder && state.intent == QLatin1String(nlu::intent::CancelOrder)) || again("cancel_order");
    state.awaitingSlot.clear();
    if (planException(text, order, state, plan))
        return;
    const QString change = subscriptionChangeAsked(text);
    if (!change.isEmpty()) {
        planSubscription(customer, text, plan);
        return;
    }
    if (asksForRefund(text) || continuesRefund) {
        if (!order) {
            plan.needsOrderNumber = true;
            state.awaitingSlot = QStringLiteral("order_id");
            state.intent = QLatin1String(nlu::intent::RefundRequest);
            return;
        }
        planRefund(*order, a, text, returnWindowDays(customer), state, plan);
        return;
    }
    if (asksToCancelOrder(text) && !order) {
        // Only an order not shipped yet can be cancelled: if there is one, it is the one meant.
        QList<Order> open;
        for (const Order &o : m_actions.recentOrders(s.companyId, s.customerId, 20))
            if (o.status == QLatin1String("pending") || o.status == QLatin1String("processing"))
                open << o;
        if (open.size() == 1) {
            plan.request.kind = RequestedAction::Cancel;
            plan.request.orderId = open.first().id;
            return;
        }
        plan.needsOrderNumber = true;
        state.awaitingSlot = QStringLiteral("order_id");
        state.intent = QLatin1String(nlu::intent::CancelOrder);
        return;
    }
    if ((asksToCancelOrder(text) || continuesCancel) && order) {
        state.lastRequest = QStringLiteral("cancel_order"); // "and ORD-10007?" asks the same, answered or not
        if (order->status == QLatin1String("pending") || order->status == QLatin1String("processing")) {
            plan.request.kind = RequestedAction::Cancel;
            plan.request.orderId = order->id;
        } else {
            plan.refusal = cannotCancel(*order, returnWindowDays(customer));
            plan.orders = {*order};
        }
        return;
    }
    const bool continuesCredit = state.intent == QLatin1String(nlu::intent::CreditRequest) && awaited == QLatin1String("amount");
    if ((asksForCredit(text) && is(a.intent.intent, nlu::intent::CreditRequest)) || continuesCredit) {
        if (a.slotValues.amount.value_or(0) > 0) {
            plan.request.kind = RequestedAction::Credit;
            plan.request.amount = *a.slotValues.amount;
        } else if (!continuesCredit) {
            plan.slotPrompt = QStringLiteral("What amount of credit are you asking for, and what happened?");
            state.awaitingSlot = QStringLiteral("amount");
            state.intent = QLatin1String(nlu::intent::CreditRequest);
        }
    }
}

void TurnPlanner::planRefund(const Order &o, const MessageAnalysis &a, const QString &text, int windowDays,
                             dialogue::DialogueState &state, TurnPlan &plan)
{
    // An order not charged yet (or not shipped) is cancelled instead; nothing is owed.
    if (o.status == QLatin1String("pending") || o.status == QLatin1String("processing")) {
        plan.request.kind = RequestedAction::Cancel;
        plan.request.orderId = o.id;
        plan.request.insteadOfRefund = true;
        return;
    }
    if (const Status owed = ActionExecutor::owes(o, 0); !owed) {
        plan.refusal = owed.error().message;
        return;
    }
    std::optional<QJsonObject> item = OrderFinder::itemNamed(o, text);
    if (!item && !state.item.isEmpty() && matches("\\b(them|it|those|these|that|they)\\b", text))
        item = OrderFinder::itemNamed(o, state.item);
    const QString itemLabel = item ? item->value(QLatin1String("name")).toString() : QString();
    if (!itemLabel.isEmpty() && state.refunded.contains(o.id + QLatin1Char('/') + itemLabel)) {
        plan.refusal = QStringLiteral("The %1 from %2 has already been refunded in this conversation; refunds usually appear "
                                      "within 5-10 business days.").arg(itemLabel, o.id);
        return;
    }
    const qint64 returnWindowMs = qint64(windowDays) * 86400000;
    if (o.status == QLatin1String("delivered") && o.deliveredAt > 0 && m_nowMs - o.deliveredAt > returnWindowMs) {
        plan.refusal = QStringLiteral("Order %1 was delivered more than %2 days ago, outside our return window, so I can't "
                                      "refund it here.").arg(o.id).arg(windowDays);
        plan.orders = {o};
        state.refused = o.id + QLatin1Char('/') + itemLabel; // "make an exception" asks a person about it
        return;
    }
    if (o.status == QLatin1String("shipped")) {
        // In transit: its delivery comes first, then a return within the window.
        plan.refusal = QStringLiteral("Order %1 is on its way, so it can't be refunded yet: once it arrives you can return it "
                                      "within %2 days for a refund.").arg(o.id).arg(windowDays);
        plan.orders = {o};
        return;
    }
    const double left = o.total - o.refundedAmount;
    double amount = item ? qMin(paidFor(*item), left) : left;
    // A refund is capped at what was paid and not yet refunded, whatever amount is asked for.
    if (a.slotValues.amount) {
        amount = qMin(*a.slotValues.amount, left);
        if (*a.slotValues.amount > left + 0.005)
            plan.request.askedAmount = *a.slotValues.amount;
    }
    if (const Status owed = ActionExecutor::owes(o, amount); !owed || amount <= 0) {
        plan.refusal = owed ? QString() : owed.error().message;
        return;
    }
    plan.request.kind = RequestedAction::Refund;
    plan.request.amount = amount;
    plan.request.orderId = o.id;
    plan.request.item = itemLabel;
}

void TurnPlanner::planSubscription(const Customer &customer, const QString &text, TurnPlan &plan)
{
    const QString change = subscriptionChangeAsked(text);
    if (dialogue::aboutSomeoneElsesAccount(text)) {
        plan.refusal = QStringLiteral("I can only make changes to the membership on your own account. The account holder can "
                                      "change theirs under Account > Trail Club, or contact us themselves.");
        return;
    }
    if (customer.subscription.isEmpty() || statusOf(customer) == QLatin1String("cancelled")) {
        plan.refusal = QStringLiteral("There is no active membership on your account to change.");
        return;
    }
    if (change == statusOf(customer) || change == QStringLiteral("plan:") + planOf(customer)) {
        plan.subscriptionFact = QStringLiteral("Your %1 membership is already %2.")
                                    .arg(planOf(customer), change.startsWith(QLatin1String("plan:")) ? statusOf(customer) : change);
        return;
    }
    plan.request.kind = RequestedAction::Subscription;
    plan.request.change = change;
}

QString TurnPlanner::confirmationOf(const RequestedAction &r, const Customer &customer, const std::optional<Order> &order)
{
    QString what;
    switch (r.kind) {
    case RequestedAction::None:
        return {};
    case RequestedAction::Refund:
        if (r.askedAmount > 0)
            what = QStringLiteral("Order %1 has %2 left to refund, so that is the most I can refund. ").arg(r.orderId, money(r.amount));
        what += r.item.isEmpty()
                   ? QStringLiteral("I'll refund %1 for order %2 to your original payment method.").arg(money(r.amount), r.orderId)
                   : QStringLiteral("I'll refund %1 for the %2 from %3 to your original payment method.")
                         .arg(money(r.amount), r.item, r.orderId);
        break;
    case RequestedAction::Cancel: {
        const QString items = order && !order->items.isEmpty() ? QStringLiteral(" (%1)").arg(itemName(order->items.first())) : QString();
        what = r.insteadOfRefund
                   ? QStringLiteral("Order %1%2 hasn't shipped or been charged yet, so there is nothing to refund: I'll cancel it instead.")
                         .arg(r.orderId, items)
                   : QStringLiteral("I'll cancel order %1%2 before it ships; it hasn't been charged.").arg(r.orderId, items);
        break;
    }
    case RequestedAction::Credit:
        what = QStringLiteral("I'll add a %1 credit to your account.").arg(money(r.amount));
        break;
    case RequestedAction::Subscription:
        if (r.change == QLatin1String("active"))
            what = QStringLiteral("I'll resume your %1 membership; billing starts again from today.").arg(planOf(customer));
        else if (r.change == QLatin1String("paused"))
            what = QStringLiteral("I'll pause your %1 membership; you won't be billed while it's paused.").arg(planOf(customer));
        else if (r.change == QLatin1String("cancelled"))
            what = QStringLiteral("I'll cancel your %1 membership; you keep its benefits until the end of the billing period.")
                       .arg(planOf(customer));
        else
            what = QStringLiteral("I'll switch your membership from %1 to the %2 plan.").arg(planOf(customer), r.change.section(QLatin1Char(':'), 1));
        break;
    }
    return what + QStringLiteral(" Shall I go ahead?");
}

dialogue::PendingAction TurnPlanner::pendingOf(const RequestedAction &r, const QString &summary, Tier tier)
{
    dialogue::PendingAction p;
    switch (r.kind) {
    case RequestedAction::Refund: p.action = QStringLiteral("process_refund"); break;
    case RequestedAction::Cancel: p.action = QStringLiteral("cancel_order"); break;
    case RequestedAction::Credit: p.action = QStringLiteral("apply_credit"); break;
    case RequestedAction::Subscription: p.action = QStringLiteral("modify_subscription"); break;
    case RequestedAction::None: break;
    }
    p.orderId = r.orderId;
    p.item = r.item;
    p.amount = r.amount;
    p.change = r.change;
    p.summary = summary;
    p.tier = tier;
    return p;
}

QString TurnPlanner::describe(const RequestedAction &r)
{
    switch (r.kind) {
    case RequestedAction::Refund:
        if (r.policyException)
            return r.item.isEmpty() ? QStringLiteral("your request for an exception to our policy for order %1").arg(r.orderId)
                                    : QStringLiteral("your request for an exception to our policy for the %1 from %2")
                                          .arg(r.item, r.orderId);
        return QStringLiteral("your refund of %1 for %2").arg(money(r.amount), r.orderId);
    case RequestedAction::Credit:
        return QStringLiteral("your request for a %1 credit").arg(money(r.amount));
    case RequestedAction::Subscription:
        return QStringLiteral("your membership change");
    case RequestedAction::Cancel:
        return QStringLiteral("cancelling order %1").arg(r.orderId);
    case RequestedAction::None:
        break;
    }
    return {};
}

} // namespace tierdesk
