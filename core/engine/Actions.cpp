#include "core/engine/Actions.h"

#include "core/nlu/Intents.h"

#include <QJsonDocument>
#include <QRegularExpression>

namespace tierdesk {
namespace {

bool is(const QString &intent, const char *name) { return intent == QLatin1String(name); }

QString planNamed(const QString &text)
{
    const QString lower = text.toLower();
    for (const char *plan : {"premium", "plus", "basic"})
        if (lower.contains(QLatin1String(plan)))
            return QLatin1String(plan);
    return {};
}

bool mentionsSubscription(const QString &text)
{
    const QString lower = text.toLower();
    for (const char *word : {"subscription", "subscribe", "membership", "member", "plan", "trail club", "renewal"})
        if (lower.contains(QLatin1String(word)))
            return true;
    return false;
}

bool asksForRefund(const QString &text)
{
    static const QRegularExpression ask(
        QStringLiteral("\\b(refund|money back|reimburse|reimbursement)\\b"), QRegularExpression::CaseInsensitiveOption);
    static const QRegularExpression statusOnly(
        QStringLiteral("\\b(where|when|status|still waiting for|track)\\b.*\\brefund\\b"), QRegularExpression::CaseInsensitiveOption);
    return ask.match(text).hasMatch() && !statusOnly.match(text).hasMatch();
}

} // namespace

std::optional<Order> ActionExecutor::findOrder(const QString &companyId, const QString &customerId,
                                               const QString &orderNumber)
{
    if (!orderNumber.isEmpty()) {
        auto order = m_customers.findOrder(companyId, orderNumber);
        if (order && order->customerId == customerId)
            return order;
        return std::nullopt;
    }
    return m_customers.latestOrder(companyId, customerId);
}

bool ActionExecutor::isOrderTopic(const QString &intent)
{
    return is(intent, nlu::intent::OrderStatus) || is(intent, nlu::intent::CancelOrder)
           || is(intent, nlu::intent::ChangeAddress) || is(intent, nlu::intent::RefundRequest)
           || is(intent, nlu::intent::RefundStatus);
}

RequestedAction ActionExecutor::requested(const QString &intent, const nlu::Slots &found,
                                          const std::optional<Order> &order, const QString &text)
{
    RequestedAction r;
    // Money goes back only when the customer asks for it in words ("I was
    // charged twice" is explained, not refunded) and names the order; the
    // intent decides nothing on its own.
    const bool refundIntent = is(intent, nlu::intent::RefundRequest) || is(intent, nlu::intent::ReturnItem)
                              || is(intent, nlu::intent::RefundStatus) || is(intent, nlu::intent::Complaint)
                              || is(intent, nlu::intent::PaymentIssue);
    if (refundIntent && asksForRefund(text)) {
        r.kind = RequestedAction::Refund;
        r.amount = found.amount.value_or(order ? order->total - order->refundedAmount : 0.0);
        r.needsOrder = found.orderId.isEmpty();
    } else if (is(intent, nlu::intent::CreditRequest)) {
        r.kind = RequestedAction::Credit;
        r.amount = found.amount.value_or(kGoodwillCredit);
    } else if ((is(intent, nlu::intent::SubscriptionChange) || is(intent, nlu::intent::SubscriptionCancel))
               && mentionsSubscription(text)) {
        // Changing a subscription on the classifier's guess alone is too risky:
        // the customer must have named it.
        r.kind = RequestedAction::Subscription;
    }
    return r;
}

ActionReport ActionExecutor::perform(const Session &session, const Customer &customer, const TierCapabilities &caps,
                                     const QString &intent, const RequestedAction &request,
                                     const std::optional<Order> &order, const QString &text, qint64 nowMs)
{
    ActionReport report;
    report.order = order;
    if (order && isOrderTopic(intent))
        report.actionsTaken << QStringLiteral("order_lookup");

    switch (request.kind) {
    case RequestedAction::None:
        break;
    case RequestedAction::Refund:
        if (!order || request.needsOrder)
            report.needsOrderNumber = true;
        else
            refund(session, caps, request, *order, report, nowMs);
        break;
    case RequestedAction::Credit:
        credit(session, caps, request, report, nowMs);
        break;
    case RequestedAction::Subscription:
        subscription(session, customer, caps, intent, text, report, nowMs);
        break;
    }
    return report;
}

Status ActionExecutor::owes(const Order &o, double amount)
{
    const double left = o.total - o.refundedAmount;
    const QJsonObject details{{QStringLiteral("orderId"), o.id},
                              {QStringLiteral("status"), o.status},
                              {QStringLiteral("total"), o.total},
                              {QStringLiteral("refundedAmount"), o.refundedAmount},
                              {QStringLiteral("refundable"), qMax(0.0, left)}};
    if (o.status == QLatin1String("refunded") || left <= 0.005)
        return makeError(ErrorKind::NotOwed, QStringLiteral("Order %1 has already been refunded in full.").arg(o.id), details);
    if (o.status == QLatin1String("cancelled"))
        return makeError(ErrorKind::NotOwed, QStringLiteral("Order %1 was cancelled, so nothing was charged for it.").arg(o.id),
                         details);
    if (o.status == QLatin1String("pending"))
        return makeError(ErrorKind::NotOwed, QStringLiteral("Order %1 has not been charged yet, so there is nothing to refund.").arg(o.id),
                         details);
    if (amount > left + 0.005)
        return makeError(ErrorKind::NotOwed,
                         QStringLiteral("Only $%1 of order %2 is left to refund.").arg(left, 0, 'f', 2).arg(o.id), details);
    return Ok{};
}

Status ActionExecutor::allows(const TierCapabilities &caps, RequestedAction::Kind kind, double amount)
{
    const bool refund = kind == RequestedAction::Refund;
    const bool can = refund ? caps.canProcessRefunds : caps.canApplyCredits;
    const double max = refund ? caps.maxRefundAmount : caps.maxCreditAmount;
    if (can && amount <= max + 1e-9)
        return Ok{};
    return makeError(ErrorKind::Forbidden,
                     QStringLiteral("A %1 of $%2 is beyond what this tier may approve.")
                         .arg(refund ? QStringLiteral("refund") : QStringLiteral("credit"))
                         .arg(amount, 0, 'f', 2),
                     {{QStringLiteral("capability"), QLatin1String(refund ? "canProcessRefunds" : "canApplyCredits")},
                      {QStringLiteral("allowed"), can},
                      {QStringLiteral("cap"), QLatin1String(refund ? "maxRefundAmount" : "maxCreditAmount")},
                      {QStringLiteral("max"), can ? max : 0.0},
                      {QStringLiteral("amount"), amount}});
}

bool ActionExecutor::writeRefund(const Session &s, const Order &o, double amount, const QString &details,
                                 ActionReport &report, qint64 nowMs)
{
    const bool full = amount >= o.total - o.refundedAmount - 0.005;
    if (!m_customers.recordRefund(s.companyId, o.id, amount, full)
        || !m_customers.appendLedger({s.companyId, s.id, s.customerId, o.id, QStringLiteral("refund"), tierName(s), details,
                                      amount, nowMs}))
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

bool ActionExecutor::writeCredit(const Session &s, double amount, const QString &details, ActionReport &report,
                                 qint64 nowMs)
{
    if (!m_customers.addCredit(s.companyId, s.customerId, amount)
        || !m_customers.appendLedger({s.companyId, s.id, s.customerId, {}, QStringLiteral("credit"), tierName(s), details,
                                      amount, nowMs}))
        return false;
    report.credited = amount;
    report.actionsTaken << QStringLiteral("apply_credit");
    return true;
}

void ActionExecutor::refund(const Session &s, const TierCapabilities &caps, const RequestedAction &r, const Order &o,
                            ActionReport &report, qint64 nowMs)
{
    if (const Status owed = owes(o, 0); !owed) {
        report.refusal = owed.error().message;
        return;
    }
    const double refundable = o.total - o.refundedAmount;
    const double amount = qMin(r.amount > 0 ? r.amount : refundable, refundable);
    if (const Status allowed = allows(caps, RequestedAction::Refund, amount); !allowed) {
        report.refusal = allowed.error().message;
        return;
    }
    writeRefund(s, o, amount, {}, report, nowMs);
}

void ActionExecutor::credit(const Session &s, const TierCapabilities &caps, const RequestedAction &r,
                            ActionReport &report, qint64 nowMs)
{
    if (r.amount <= 0)
        return;
    if (const Status allowed = allows(caps, RequestedAction::Credit, r.amount); !allowed) {
        report.refusal = allowed.error().message;
        return;
    }
    writeCredit(s, r.amount, {}, report, nowMs);
}

Result<ActionReport> ActionExecutor::performForAgent(const Session &s, const TierCapabilities &caps,
                                                     const AgentAction &a, qint64 nowMs)
{
    ActionReport report;
    const QString details = QString::fromUtf8(QJsonDocument(QJsonObject{{QStringLiteral("agentId"), a.agentId},
                                                                        {QStringLiteral("agentName"), a.agentName},
                                                                        {QStringLiteral("reason"), a.reason}})
                                                  .toJson(QJsonDocument::Compact));
    const auto failed = [] { return makeError(ErrorKind::Internal, QStringLiteral("could not record the action")); };
    if (a.kind == AgentAction::Credit) {
        if (const Status allowed = allows(caps, RequestedAction::Credit, a.amount); !allowed)
            return allowed.error();
        if (!writeCredit(s, a.amount, details, report, nowMs))
            return failed();
        return report;
    }
    report.order = findOrder(s.companyId, s.customerId, a.orderId);
    if (a.orderId.isEmpty() || !report.order)
        return makeError(ErrorKind::InvalidArgument, QStringLiteral("orderId must name an order of this session's customer"),
                         {{QStringLiteral("field"), QStringLiteral("orderId")}});
    // What is owed is checked before the caps: no cap makes an uncharged order refundable.
    if (const Status owed = owes(*report.order, a.amount); !owed)
        return owed.error();
    if (const Status allowed = allows(caps, RequestedAction::Refund, a.amount); !allowed)
        return allowed.error();
    if (!writeRefund(s, *report.order, a.amount, details, report, nowMs))
        return failed();
    return report;
}

void ActionExecutor::subscription(const Session &s, const Customer &c, const TierCapabilities &caps,
                                  const QString &intent, const QString &text, ActionReport &report, qint64 nowMs)
{
    if (c.subscription.isEmpty() || c.subscription.value(QLatin1String("status")).toString() == QLatin1String("cancelled")) {
        report.refusal = QStringLiteral("There is no active subscription on this account.");
        return;
    }
    if (!caps.canModifySubscription) {
        report.refusal = QStringLiteral("Subscription changes are beyond what this tier may do.");
        return;
    }
    QJsonObject sub = c.subscription;
    QString change;
    const QString plan = planNamed(text);
    if (is(intent, nlu::intent::SubscriptionCancel)) {
        change = QStringLiteral("cancelled");
        sub.insert(QStringLiteral("status"), change);
    } else if (text.contains(QLatin1String("pause"), Qt::CaseInsensitive)) {
        change = QStringLiteral("paused");
        sub.insert(QStringLiteral("status"), change);
    } else if (!plan.isEmpty() && plan != sub.value(QLatin1String("plan")).toString()) {
        change = QStringLiteral("plan:") + plan;
        sub.insert(QStringLiteral("plan"), plan);
        sub.insert(QStringLiteral("status"), QStringLiteral("active"));
    } else {
        return; // nothing concrete asked for yet; the reply explains the options
    }
    if (!m_customers.setSubscription(s.companyId, s.customerId, sub))
        return;
    m_customers.appendLedger({s.companyId, s.id, s.customerId, {}, QStringLiteral("subscription"), tierName(s),
                              QString::fromUtf8(QJsonDocument(sub).toJson(QJsonDocument::Compact)), 0, nowMs});
    report.subscriptionChange = change;
    report.actionsTaken << QStringLiteral("modify_subscription");
}

} // namespace tierdesk
