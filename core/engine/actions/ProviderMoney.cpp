// ActionExecutor at a payment provider: a refund or credit the checks allowed is opened as a
// pending money action with a fresh idempotency key, inside the deciding transaction; the
// outbox (sources/MoneyOutbox) calls the provider and settles it. Nothing counts as refunded
// or credited here. A cancellation of an order kept in the company's system goes the same way.
#include "core/engine/actions/Actions.h"

#include "core/common/Ids.h"

namespace tierdesk {

namespace {

bool stripePayment(const QString &reference)
{
    return reference.startsWith(QLatin1String("pi_")) || reference.startsWith(QLatin1String("ch_"));
}

} // namespace

std::optional<Result<Connector>> ActionExecutor::routeOf(const QString &companyId, ConnectorPurpose purpose)
{
    if (!m_route || !m_money)
        return std::nullopt;
    Result<std::optional<Connector>> route = m_route(companyId, purpose);
    if (!route)
        return Result<Connector>(route.error());
    if (!*route)
        return std::nullopt;
    return Result<Connector>(**route);
}

Order ActionExecutor::withProviderRefunds(const Order &o)
{
    if (!m_money)
        return o;
    Order out = o;
    if (o.source.isEmpty()) {
        // A builtin order counts a refund when the provider confirms it: those not yet confirmed are added.
        out.refundedAmount = o.refundedAmount + m_money->refundedAtProvider(o.companyId, o.id, false);
    } else {
        out.refundedAmount = qMax(o.refundedAmount, m_money->refundedAtProvider(o.companyId, o.id, true));
    }
    return out;
}

void ActionExecutor::mergeMoney(ActionReport &all, const ActionReport &one)
{
    all.moneyActions << one.moneyActions;
    if (!one.moneyActions.isEmpty() && one.order) // a refund is told with its own order
        all.order = one.order;
    all.moneyFailed += one.moneyFailed;
    if (!one.moneyFailedWhat.isEmpty())
        all.moneyFailedWhat = one.moneyFailedWhat;
    if (all.refundedItem.isEmpty() && !one.moneyActions.isEmpty())
        all.refundedItem = one.refundedItem;
}

void ActionExecutor::cannotMove(ActionReport &report, const QString &what, double amount, const QString &why)
{
    report.moneyFailed += amount;
    report.moneyFailedWhat = what;
    report.refusal = report.refusal.isEmpty() ? why : report.refusal + QLatin1Char(' ') + why;
}

bool ActionExecutor::open(MoneyAction a, const Session &s, const Connector &c, ActionReport &report, qint64 nowMs)
{
    a.companyId = s.companyId;
    a.sessionId = s.id;
    a.customerId = s.customerId;
    a.tier = tierName(s);
    a.id = ids::random(QStringLiteral("mny_"));
    a.idempotencyKey = QStringLiteral("tierdesk-") + a.id;
    a.connector = c.name;
    a.state = MoneyAction::State::Pending;
    a.createdAt = a.updatedAt = nowMs;
    if (!m_money->insert(a))
        return false;
    report.moneyActions << a.id;
    return true;
}

bool ActionExecutor::refundAtProvider(const Session &s, const Order &o, double amount, const QString &item,
    const QString &details, ActionReport &report, qint64 nowMs, const Phrases &say)
{
    const std::optional<Result<Connector>> route = routeOf(s.companyId, ConnectorPurpose::Refund);
    if (!route)
        return false;
    const QString cannot = say(Phrase::RefundNotFromHere).arg(say.money(amount), o.id);
    if (!*route || !o.customerNamed) {
        cannotMove(report, QStringLiteral("refund"), amount, cannot);
        return true;
    }
    const Connector &c = **route;
    if (c.kind == ConnectorKind::Stripe && !stripePayment(o.paymentReference)) {
        cannotMove(report, QStringLiteral("refund"), amount, cannot);
        return true;
    }
    MoneyAction a;
    a.kind = MoneyAction::Kind::Refund;
    a.orderId = o.id;
    a.item = item;
    a.amount = amount;
    a.currency = o.currency.isEmpty() ? QStringLiteral("USD") : o.currency.toUpper();
    a.target = o.paymentReference;
    a.details = details;
    if (!open(a, s, c, report, nowMs))
        cannotMove(report, QStringLiteral("refund"), amount, cannot);
    return true;
}

bool ActionExecutor::creditAtProvider(
    const Session &s, double amount, const QString &details, ActionReport &report, qint64 nowMs, const Phrases &say)
{
    const std::optional<Result<Connector>> route = routeOf(s.companyId, ConnectorPurpose::Credit);
    if (!route)
        return false;
    const QString cannot = say(Phrase::CreditNotFromHere).arg(say.money(amount));
    const std::optional<Customer> customer = m_customers.find(s.companyId, s.customerId);
    QString target;
    if (*route && (*route)->kind == ConnectorKind::Stripe) {
        target = customer ? customer->attributes.value(QStringLiteral("stripeCustomerId")).toString() : QString();
        if (!target.startsWith(QLatin1String("cus_"))) {
            cannotMove(report, QStringLiteral("credit"), amount, cannot);
            return true;
        }
    }
    if (!*route) {
        cannotMove(report, QStringLiteral("credit"), amount, cannot);
        return true;
    }
    MoneyAction a;
    a.kind = MoneyAction::Kind::Credit;
    a.amount = amount;
    a.target = target;
    a.details = details;
    if (!open(a, s, **route, report, nowMs))
        cannotMove(report, QStringLiteral("credit"), amount, cannot);
    return true;
}

bool ActionExecutor::onlyAPersonCancels(const Order &o)
{
    if (o.source.isEmpty())
        return false;
    const std::optional<Result<Connector>> route = routeOf(o.companyId, ConnectorPurpose::Cancel);
    return !route || !*route;
}

Order ActionExecutor::withCompanyActions(const Order &o)
{
    if (!m_money || o.source.isEmpty()
        || (o.status != QLatin1String("pending") && o.status != QLatin1String("processing")))
        return o;
    const std::optional<MoneyAction> cancel = m_money->latestOf(o.companyId, o.id, MoneyAction::Kind::Cancel);
    if (!cancel || cancel->state != MoneyAction::State::Succeeded)
        return o;
    Order out = o; // its system may not say so yet (a minute's cache, a late replica)
    out.status = QStringLiteral("cancelled");
    return out;
}

void ActionExecutor::cancelAtCompany(
    const Session &s, const Order &o, ActionReport &report, qint64 nowMs, const Phrases &say)
{
    const std::optional<Result<Connector>> route = routeOf(s.companyId, ConnectorPurpose::Cancel);
    if (!route || !*route) { // no connector cancels there: a person does
        report.refusal = say(Phrase::CannotCancelHere).arg(o.id);
        return;
    }
    // Asked again while the first is on its way: that one is told, no second is sent.
    const std::optional<MoneyAction> sent = m_money->latestOf(s.companyId, o.id, MoneyAction::Kind::Cancel);
    if (sent && !sent->final()) {
        report.moneyActions << sent->id;
        return;
    }
    MoneyAction a;
    a.kind = MoneyAction::Kind::Cancel;
    a.orderId = o.id;
    a.currency = o.currency.isEmpty() ? QStringLiteral("USD") : o.currency.toUpper();
    if (!open(a, s, **route, report, nowMs))
        report.refusal = say(Phrase::CannotCancelHere).arg(o.id);
}

Result<ActionReport> ActionExecutor::atProvider(const ActionReport &report)
{
    if (report.moneyFailed > 0)
        return makeError(ErrorKind::Conflict, ErrorDetail::NotOwed, report.refusal,
            {{QStringLiteral("field"), QStringLiteral("type")},
                {QStringLiteral("reason"), QStringLiteral("no payment the provider could move")}});
    if (report.moneyActions.isEmpty())
        return makeError(ErrorKind::Internal, QStringLiteral("could not record the action"));
    return report;
}

} // namespace tierdesk
