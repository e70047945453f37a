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

void ActionExecutor::refund(const Session &s, const TierCapabilities &caps, const RequestedAction &r, const Order &o,
                            ActionReport &report, qint64 nowMs)
{
    const double refundable = o.total - o.refundedAmount;
    if (o.status == QLatin1String("refunded") || refundable <= 0.005) {
        report.refusal = QStringLiteral("Order %1 has already been refunded in full.").arg(o.id);
        return;
    }
    if (o.status == QLatin1String("cancelled")) {
        report.refusal = QStringLiteral("Order %1 was cancelled, so nothing was charged for it.").arg(o.id);
        return;
    }
    const double amount = qMin(r.amount > 0 ? r.amount : refundable, refundable);
    if (!caps.canProcessRefunds || amount > caps.maxRefundAmount + 1e-9) {
        report.refusal = QStringLiteral("A refund of $%1 is beyond what this tier may approve.").arg(amount, 0, 'f', 2);
        return;
    }
    const bool full = amount >= refundable - 0.005;
    if (!m_customers.recordRefund(s.companyId, o.id, amount, full))
        return;
    m_customers.appendLedger({s.companyId, s.id, s.customerId, o.id, QStringLiteral("refund"), tierName(s), {}, amount, nowMs});
    report.refunded = amount;
    report.actionsTaken << QStringLiteral("process_refund");
    if (report.order) {
        report.order->refundedAmount += amount;
        if (full)
            report.order->status = QStringLiteral("refunded");
    }
}

void ActionExecutor::credit(const Session &s, const TierCapabilities &caps, const RequestedAction &r,
                            ActionReport &report, qint64 nowMs)
{
    if (r.amount <= 0)
        return;
    if (!caps.canApplyCredits || r.amount > caps.maxCreditAmount + 1e-9) {
        report.refusal = QStringLiteral("A credit of $%1 is beyond what this tier may approve.").arg(r.amount, 0, 'f', 2);
        return;
    }
    if (!m_customers.addCredit(s.companyId, s.customerId, r.amount))
        return;
    m_customers.appendLedger({s.companyId, s.id, s.customerId, {}, QStringLiteral("credit"), tierName(s), {}, r.amount, nowMs});
    report.credited = r.amount;
    report.actionsTaken << QStringLiteral("apply_credit");
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
