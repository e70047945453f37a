#include "core/engine/dialogue/TurnPlanner.h"

#include "core/engine/actions/MoneyPlanner.h"
#include "core/engine/dialogue/Answers.h"
#include "core/engine/dialogue/OrderFinder.h"
#include "core/engine/dialogue/QuestionPlanner.h"
#include "core/engine/dialogue/Questions.h"
#include "core/engine/dialogue/Requests.h"
#include "core/nlu/Intents.h"
#include "core/nlu/SlotExtractor.h"

#include <QJsonArray>
#include <QRegularExpression>

#include <algorithm>

namespace tierdesk {
namespace {

using dialogue::Answer;
using dialogue::asksForCredit;
using dialogue::asksForRefund;
using dialogue::asksRefundStatus;
using dialogue::asksToCancelOrder;
using dialogue::mentionsSubscription;
using dialogue::subscriptionChangeAsked;

} // namespace

void TurnPlanner::readOrders(
    const Session &s, const MessageAnalysis &a, const QString &text, const dialogue::DialogueState &state, Reading &r)
{
    OrderFinder finder(m_actions, s);
    OrderFinder::Numbered numbered = finder.byNumber(a.slotValues.orderIds, text);
    r.named = std::move(numbered.orders);
    r.unknown = std::move(numbered.unknown);
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
    // "where is my order?" names no item: the customer's orders are not read for one.
    if (!aboutOrders || !dialogue::mayNameItem(text))
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

std::optional<Order> TurnPlanner::orderOfRequest(const QString &text, const QList<Order> &named) const
{
    static const QRegularExpression clauses(
        QStringLiteral("[.?!;\\n]+|\\b(?:also|and then|plus)\\b"), QRegularExpression::CaseInsensitiveOption);
    for (const QString &clause : text.split(clauses, Qt::SkipEmptyParts)) {
        if (!asksForRefund(clause) && !asksToCancelOrder(clause))
            continue;
        const QStringList ids = m_actions.orderNumbersIn(clause);
        for (const Order &o : named)
            if (ids.contains(o.id))
                return o;
    }
    return named.first();
}

bool TurnPlanner::answerPending(const Session &s, const Customer &customer, const QString &text,
    const MessageAnalysis &a, dialogue::DialogueState &state, TurnPlan &plan)
{
    if (!state.pending)
        return false;
    const dialogue::PendingAction pending = *state.pending;
    state.pending.reset(); // whatever the answer, the question is closed
    const QList<dialogue::PendingAction> also = state.alsoPending;
    state.alsoPending.clear();
    const std::optional<Order> order
        = pending.orderId.isEmpty() ? std::nullopt : m_actions.findOrder(s.companyId, s.customerId, pending.orderId);
    // A yes that names another amount, item, order or kind of action is a new request:
    // "yes but make it $20", "yes, the socks", "yes and cancel my membership".
    const double amount = a.slotValues.amount.value_or(0);
    const bool money
        = pending.action == QLatin1String("process_refund") || pending.action == QLatin1String("apply_credit");
    const bool otherAmount = money && amount > 0 && qAbs(amount - pending.amount) > 0.005;
    const std::optional<OrderItem> item = order && pending.action == QLatin1String("process_refund")
        ? OrderFinder::itemNamed(*order, text)
        : std::nullopt;
    const bool otherItem = item && item->name != pending.item;
    const bool elsewhere = asksElsewhere(text, a, pending, also);
    const bool changes = otherAmount || otherItem || elsewhere;
    Answer answer = dialogue::answerTo(text);
    if (answer == Answer::Yes && !changes) {
        plan.confirmed = pending;
        plan.alsoConfirmed = also;
        return true;
    }
    // "sorry i meant $8 not 5", "yes but only $20", "no, just the socks": the same credit or refund,
    // with the amount or item corrected, is asked again.
    const bool corrects = dialogue::startsWithYes(text) || dialogue::correctsDetail(text);
    if ((otherAmount || otherItem) && !elsewhere && corrects) {
        if (pending.action == QLatin1String("apply_credit")) {
            plan.request.kind = RequestedAction::Credit;
            plan.request.amount = amount;
        } else if (order) {
            MoneyPlanner(m_actions, m_nowMs, m_say, m_policies)
                .replanRefund(*order, otherItem ? item->name : pending.item,
                    otherAmount ? std::optional<double>(amount) : std::nullopt, customer, state, plan);
        }
        return true;
    }
    if (answer == Answer::Yes)
        answer = Answer::Other;
    // "yes, and refund ORD-10004 too": the summary answered is asked again beside the new request.
    if (dialogue::startsWithYes(text) && dialogue::asksSameAgain(text) && !dialogue::correctsDetail(text))
        plan.reasked << pending << also;
    // "the tee order" after "shall I cancel ORD-10004?": which order is meant, asked again.
    const bool namesWhich = answer == Answer::Other && !text.contains(QLatin1Char('?'))
        && text.split(QLatin1Char(' '), Qt::SkipEmptyParts).size() <= 4;
    if (namesWhich
        && (pending.action == QLatin1String("cancel_order") || pending.action == QLatin1String("process_refund"))) {
        state.awaitingSlot = QStringLiteral("order_id");
        state.intent = QLatin1String(
            pending.action == QLatin1String("cancel_order") ? nlu::intent::CancelOrder : nlu::intent::RefundRequest);
    }
    if (answer == Answer::No) {
        plan.declined = pending.summary;
        // "no, I asked about the refund", "no wait, just pause it instead", "no, the socks": the rest is read too.
        const bool more = dialogue::clausesOf(text).size() > 1 || text.contains(QLatin1Char('?'))
            || !subscriptionChangeAsked(text).isEmpty() || changes;
        return !dialogue::isCorrection(text) && !more;
    }
    return false;
}

bool TurnPlanner::asksElsewhere(const QString &text, const MessageAnalysis &a, const dialogue::PendingAction &pending,
    const QList<dialogue::PendingAction> &also)
{
    QStringList orders{pending.orderId};
    for (const dialogue::PendingAction &p : also)
        orders << p.orderId;
    for (const QString &id : a.slotValues.orderIds)
        if (!orders.contains(id))
            return true;
    return asksOtherAction(text, pending);
}

bool TurnPlanner::asksOtherAction(const QString &text, const dialogue::PendingAction &pending)
{
    const QString change = subscriptionChangeAsked(text);
    if (pending.action == QLatin1String("modify_subscription"))
        return (!change.isEmpty() && change != pending.change) || asksForRefund(text) || asksToCancelOrder(text)
            || asksForCredit(text);
    if (!change.isEmpty())
        return true;
    if (pending.action == QLatin1String("process_refund"))
        return asksToCancelOrder(text) || asksForCredit(text);
    if (pending.action == QLatin1String("apply_credit"))
        return asksForRefund(text) || asksToCancelOrder(text);
    return asksForCredit(text); // a cancellation: a refund instead of it is the same ask
}

void TurnPlanner::askAgain(TurnPlan &plan)
{
    for (const dialogue::PendingAction &p : std::as_const(plan.reasked)) {
        RequestedAction r;
        r.kind = p.action == QLatin1String("process_refund") ? RequestedAction::Refund
            : p.action == QLatin1String("cancel_order")      ? RequestedAction::Cancel
            : p.action == QLatin1String("apply_credit")      ? RequestedAction::Credit
                                                             : RequestedAction::Subscription;
        r.orderId = p.orderId;
        r.item = p.item;
        r.amount = p.amount;
        r.change = p.change;
        const auto same = [&r](const RequestedAction &o) {
            return o.kind == r.kind && o.orderId == r.orderId && o.item == r.item && o.change == r.change;
        };
        if (plan.request.kind == RequestedAction::None && plan.slotPrompt.isEmpty() && !plan.needsOrderNumber)
            plan.request = r;
        else if (plan.request.kind != RequestedAction::None && !same(plan.request)
            && std::none_of(plan.alsoRequested.cbegin(), plan.alsoRequested.cend(), same))
            plan.alsoRequested << r;
    }
}

void TurnPlanner::planFurther(const Session &s, const Customer &customer, const MessageAnalysis &a, const QString &text,
    const Reading &r, const dialogue::DialogueState &state, TurnPlan &plan)
{
    if (!r.moneyWords || r.named.size() < 2 || plan.request.orderId.isEmpty())
        return;
    static const QRegularExpression split(
        QStringLiteral("[.?!;,\\n]+|\\b(?:and|also|plus)\\b"), QRegularExpression::CaseInsensitiveOption);
    OrderFinder finder(m_actions, s);
    QString asked; // the last clause that said what to do: "and the jacket from ORD-10001" refunds too
    QStringList done{plan.request.orderId};
    for (const QString &clause : text.split(split, Qt::SkipEmptyParts)) {
        const bool says = dialogue::asksForRefund(clause) || dialogue::asksToCancelOrder(clause);
        if (says)
            asked = clause;
        const QList<Order> orders = finder.byNumber(m_actions.orderNumbersIn(clause), clause).orders;
        if (orders.isEmpty() || asked.isEmpty() || done.contains(orders.first().id))
            continue;
        const Order &o = orders.first();
        done << o.id;
        // Planned on its own words, with a scratch dialogue: only the request is kept.
        const QString words = says ? clause : asked + QLatin1Char(' ') + clause;
        MessageAnalysis own = a;
        own.slotValues = nlu::extractSlots(words);
        own.slotValues.orderIds = m_actions.orderNumbersIn(words);
        dialogue::DialogueState scratch = state;
        TurnPlan further;
        MoneyPlanner(m_actions, m_nowMs, m_say, m_policies)
            .planMoney(s, customer, own, words, o, true, scratch, further);
        if (further.request.kind != RequestedAction::None && !further.request.policyException) {
            if (further.request.kind == RequestedAction::Cancel && !o.items.isEmpty())
                further.request.item = o.items.first().name;
            plan.alsoRequested << further.request;
        } else if (!further.refusal.isEmpty()) {
            plan.refusal = plan.refusal.isEmpty() ? further.refusal : plan.refusal + QLatin1Char(' ') + further.refusal;
        }
    }
}

void TurnPlanner::correctIntent(MessageAnalysis &a, const Reading &r, const QString &text, bool discussed)
{
    const QString &intent = a.intent.intent;
    if (r.moneyWords || ActionExecutor::isOrderTopic(intent))
        return;
    // An order named in small talk or in words the model cannot place is what the
    // message is about ("hi again, ORD-10011 still hasnt arrived").
    const nlu::Intent id = a.intent.id();
    const bool unplaced = a.intent.confidence < 0.5 || id == nlu::Intent::Greeting || id == nlu::Intent::Thanks
        || id == nlu::Intent::Goodbye || id == nlu::Intent::GeneralQuestion;
    const bool aboutNamed = !r.named.isEmpty() && (unplaced || r.aboutOrderFacts);
    const bool aboutDiscussed = r.named.isEmpty() && r.aboutOrderFacts && discussed;
    if (!aboutNamed && !aboutDiscussed)
        return;
    a.intent.intent = QLatin1String(asksRefundStatus(text) ? nlu::intent::RefundStatus : nlu::intent::OrderStatus);
    a.intent.category = nlu::categoryOfIntent(a.intent.intent);
}

std::optional<Order> TurnPlanner::conversationOrder(
    const Session &s, const MessageAnalysis &a, const QString &text, const Reading &r, dialogue::DialogueState &state)
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
    else if (orderTopic && a.intent.confidence >= 0.5 && r.unknown.isEmpty() && !asksForRefund(text)
        && !asksToCancelOrder(text) && (r.aboutOrderFacts || dialogue::mentionsOrderOrProblem(text)))
        order = m_actions.findOrder(s.companyId, s.customerId, QString()); // the latest

    if (order)
        if (const auto item = OrderFinder::itemNamed(*order, text))
            state.item = item->name;
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

TurnPlan TurnPlanner::plan(
    const Session &s, const Customer &customer, MessageAnalysis &a, const QString &text, dialogue::DialogueState &state)
{
    TurnPlan plan;
    const QString discussed = state.orderId; // the order answered about so far
    if (answerPending(s, customer, text, a, state, plan))
        return plan;
    if (a.namesKnowledgeTopic) { // its shop words ("cancel", "pause") ask nothing of an order
        QuestionPlanner::plan(text, std::nullopt, a, state, plan);
        return plan;
    }

    Reading r;
    readOrders(s, a, text, state, r);
    // A number the company's system could not be asked about is no unknown number: the reply says it cannot check.
    if (!r.unknown.isEmpty() && r.named.isEmpty() && !m_actions.orderUnavailable(r.unknown))
        plan.refusal = m_say(Phrase::UnknownOrder).arg(r.unknown);
    r.moneyWords = asksForRefund(text) || asksToCancelOrder(text) || asksForCredit(text)
        || !subscriptionChangeAsked(text).isEmpty();
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
        plan.refusal = m_say(Phrase::NoAuthorityClaims);
        plan.orders = r.named;
        return plan;
    }
    // Several requests in one message: the action goes with the order named beside it.
    const std::optional<Order> moneyOrder = r.moneyWords && r.named.size() > 1 ? orderOfRequest(text, r.named) : order;
    const bool named = !r.named.isEmpty() || (order && OrderFinder::itemNamed(*order, text)); // an order or its item
    MoneyPlanner(m_actions, m_nowMs, m_say, m_policies).planMoney(s, customer, a, text, moneyOrder, named, state, plan);
    planFurther(s, customer, a, text, r, state, plan);
    askForOrderNumberOnACall(s, a, order, r, state, plan);
    askAgain(plan);
    if (plan.request.kind != RequestedAction::None)
        state.lastRequest = pendingOf(plan.request, {}, s.currentTier).action;
    // An intent stays active only while one of its slots is awaited (a confirmation
    // keeps its own action); the state, and its row, change only when the dialogue does.
    if (state.awaitingSlot.isEmpty())
        state.intent.clear();
    if (plan.request.kind != RequestedAction::None) {
        // Orders named beside the request are answered, unless a further request summarises them.
        const auto summarised = [&plan](const QString &id) {
            return id == plan.request.orderId
                || std::any_of(plan.alsoRequested.cbegin(), plan.alsoRequested.cend(),
                    [&id](const RequestedAction &r) { return r.orderId == id; });
        };
        for (const Order &o : r.named)
            if (!summarised(o.id))
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

void TurnPlanner::askForOrderNumberOnACall(const Session &s, const MessageAnalysis &a,
    const std::optional<Order> &order, const Reading &r, dialogue::DialogueState &state, TurnPlan &plan) const
{
    // A caller cannot open their account or click a tracking link: a question about an order the AI
    // cannot see (no number, an anonymous caller) is answered by asking for its number (docs/calls.md).
    const bool orderQuestion = ActionExecutor::isOrderTopic(a.intent.intent) && a.intent.confidence >= 0.5;
    if (s.channel != Channel::Voice || order || !r.named.isEmpty() || !orderQuestion || plan.needsOrderNumber
        || plan.request.kind != RequestedAction::None || !plan.refusal.isEmpty() || !plan.slotPrompt.isEmpty())
        return;
    plan.needsOrderNumber = true;
    state.awaitingSlot = QStringLiteral("order_id");
    state.intent = a.intent.intent;
}

void TurnPlanner::addFacts(
    const Customer &customer, const QString &text, const std::optional<Order> &order, TurnPlan &plan) const
{
    if (plan.request.kind != RequestedAction::None)
        return;
    const bool waitsForRefund
        = order && order->refundedAmount > 0 && (dialogue::asksWhen(text) || dialogue::saysStillWaiting(text));
    if (order && (asksRefundStatus(text) || waitsForRefund))
        plan.refundFact = order->refundedAmount > 0
            ? m_say(Phrase::RefundFactIssued).arg(m_say.money(order->refundedAmount), order->id)
            : m_say(Phrase::RefundFactNone).arg(order->id);
    if (m_policies.sellsMembership() && mentionsSubscription(text) && dialogue::asksMembershipStatus(text)
        && customer.subscription && plan.refusal.isEmpty() && plan.subscriptionFact.isEmpty())
        plan.subscriptionFact
            = m_say(Phrase::MembershipIs)
                  .arg(subscriptionPlan(customer), m_say.membershipStatus(subscriptionStatus(customer)));
}

QString TurnPlanner::askToConfirm(const TurnPlan &plan, const Customer &customer, const std::optional<Order> &order,
    const TierCapabilities &caps, Tier tier, dialogue::DialogueState &state, const Phrases &say)
{
    // The further requests this tier may put to the customer go in the same summary, and
    // the same yes does them all.
    QStringList what{summaryOf(plan.request, customer, order, say)};
    state.alsoPending.clear();
    for (const RequestedAction &r : plan.alsoRequested) {
        if (!tierAllows(caps, r))
            continue;
        const QString also = summaryOf(r, customer, std::nullopt, say);
        what << also;
        state.alsoPending << pendingOf(r, also, tier);
    }
    const qsizetype more = state.alsoPending.size();
    const QString question = say(more == 0 ? Phrase::GoAhead : more == 1 ? Phrase::GoAheadBoth : Phrase::GoAheadAll);
    const QString summary = what.join(QLatin1Char(' ')) + QLatin1Char(' ') + question;
    state.pending = pendingOf(plan.request, summary, tier);
    return summary;
}

QString TurnPlanner::summaryOf(
    const RequestedAction &r, const Customer &customer, const std::optional<Order> &order, const Phrases &say)
{
    QString what;
    switch (r.kind) {
    case RequestedAction::None:
        return {};
    case RequestedAction::Refund:
        if (r.askedAmount > 0)
            what = say(Phrase::RefundCapped).arg(r.orderId, say.money(r.amount));
        what += r.item.isEmpty() ? say(Phrase::WillRefundOrder).arg(say.money(r.amount), r.orderId)
                                 : say(Phrase::WillRefundItem).arg(say.money(r.amount), r.item, r.orderId);
        break;
    case RequestedAction::Cancel: {
        const QString first = order && !order->items.isEmpty() ? order->items.first().name : r.item;
        const QString items = first.isEmpty() ? QString() : say(Phrase::ItemInParentheses).arg(first);
        what = say(r.insteadOfRefund ? Phrase::WillCancelInstead : Phrase::WillCancel).arg(r.orderId, items);
        break;
    }
    case RequestedAction::Credit:
        what = say(Phrase::WillCredit).arg(say.money(r.amount));
        break;
    case RequestedAction::Subscription:
        if (r.change == QLatin1String("active"))
            what = say(Phrase::WillResume).arg(subscriptionPlan(customer));
        else if (r.change == QLatin1String("paused"))
            what = say(Phrase::WillPause).arg(subscriptionPlan(customer));
        else if (r.change == QLatin1String("cancelled"))
            what = say(Phrase::WillCancelMembership).arg(subscriptionPlan(customer));
        else
            what = say(Phrase::WillSwitch).arg(subscriptionPlan(customer), r.change.section(QLatin1Char(':'), 1));
        break;
    }
    return what;
}

dialogue::PendingAction TurnPlanner::pendingOf(const RequestedAction &r, const QString &summary, Tier tier)
{
    dialogue::PendingAction p;
    switch (r.kind) {
    case RequestedAction::Refund:
        p.action = QStringLiteral("process_refund");
        break;
    case RequestedAction::Cancel:
        p.action = QStringLiteral("cancel_order");
        break;
    case RequestedAction::Credit:
        p.action = QStringLiteral("apply_credit");
        break;
    case RequestedAction::Subscription:
        p.action = QStringLiteral("modify_subscription");
        break;
    case RequestedAction::None:
        break;
    }
    p.orderId = r.orderId;
    p.item = r.item;
    p.amount = r.amount;
    p.change = r.change;
    p.summary = summary;
    p.tier = tier;
    return p;
}

QString TurnPlanner::describe(const RequestedAction &r, const Phrases &say)
{
    switch (r.kind) {
    case RequestedAction::Refund:
        if (r.policyException)
            return r.item.isEmpty() ? say(Phrase::DescribeExceptionOrder).arg(r.orderId)
                                    : say(Phrase::DescribeExceptionItem).arg(r.item, r.orderId);
        return say(Phrase::DescribeRefund).arg(say.money(r.amount), r.orderId);
    case RequestedAction::Credit:
        return say(Phrase::DescribeCredit).arg(say.money(r.amount));
    case RequestedAction::Subscription:
        return say(Phrase::DescribeMembership);
    case RequestedAction::Cancel:
        return say(Phrase::DescribeCancel).arg(r.orderId);
    case RequestedAction::None:
        break;
    }
    return {};
}

} // namespace tierdesk
