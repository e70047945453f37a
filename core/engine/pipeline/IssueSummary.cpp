#include "core/engine/pipeline/IssueSummary.h"

#include "core/common/Money.h"
#include "core/nlu/Intents.h"

namespace tierdesk {
namespace {

// Intents that say nothing of what the issue is.
bool topicless(const QString &intent)
{
    switch (nlu::parseIntent(intent)) {
    case nlu::Intent::Greeting:
    case nlu::Intent::Thanks:
    case nlu::Intent::Goodbye:
    case nlu::Intent::HumanRequest:
    case nlu::Intent::ManagerRequest:
    case nlu::Intent::GeneralQuestion:
    case nlu::Intent::OutOfScope:
        return true;
    default:
        return intent.isEmpty();
    }
}

// "order_status" -> "Order status".
QString readable(const QString &intent)
{
    QString out = QString(intent).replace(QLatin1Char('_'), QLatin1Char(' '));
    if (!out.isEmpty())
        out[0] = out.at(0).toUpper();
    return out;
}

QString withoutNote(const QString &summary)
{
    const qsizetype dash = summary.indexOf(QLatin1String(" - "));
    return dash < 0 ? summary : summary.left(dash);
}

} // namespace

QString IssueSummary::requestTopic(const RequestedAction &r, const QString &currency)
{
    const auto money = [&currency](double amount) { return formatMoney(amount, currency, replyLocale(false)); };
    switch (r.kind) {
    case RequestedAction::Refund:
        return r.item.isEmpty() ? QStringLiteral("Refund of %1 for %2").arg(money(r.amount), r.orderId)
                                : QStringLiteral("Refund of %1 for %2 (%3)").arg(money(r.amount), r.orderId, r.item);
    case RequestedAction::Cancel:
        return r.insteadOfRefund
            ? QStringLiteral("Money back for %1, not yet charged: cancellation offered").arg(r.orderId)
            : QStringLiteral("Cancel order %1").arg(r.orderId);
    case RequestedAction::Credit:
        return QStringLiteral("Credit of %1 asked for").arg(money(r.amount));
    case RequestedAction::Subscription:
        if (r.change == QLatin1String("active"))
            return QStringLiteral("Resume membership");
        if (r.change == QLatin1String("paused"))
            return QStringLiteral("Pause membership");
        if (r.change == QLatin1String("cancelled"))
            return QStringLiteral("Cancel membership");
        return QStringLiteral("Switch membership to %1").arg(r.change.section(QLatin1Char(':'), 1));
    case RequestedAction::None:
        break;
    }
    return {};
}

QString IssueSummary::confirmedTopic(const ActionReport &a, const QString &currency)
{
    const auto money = [&currency](double amount) { return formatMoney(amount, currency, replyLocale(false)); };
    if (a.refunded > 0 && a.order)
        return QStringLiteral("Refunded %1 for %2").arg(money(a.refunded), a.order->id);
    if (!a.cancelledOrder.isEmpty())
        return QStringLiteral("Order %1 cancelled").arg(a.cancelledOrder);
    if (a.credited > 0)
        return QStringLiteral("Credit of %1 applied").arg(money(a.credited));
    if (!a.subscriptionChange.isEmpty())
        return QStringLiteral("Membership changed to %1").arg(a.subscriptionChange.section(QLatin1Char(':'), -1));
    return {};
}

QString IssueSummary::escalationNote(EscalationReason reason)
{
    switch (reason) {
    case EscalationReason::LegalMention:
        return QStringLiteral("legal action mentioned");
    case EscalationReason::SocialMediaThreat:
        return QStringLiteral("public complaint threatened");
    case EscalationReason::CustomerRequest:
        return QStringLiteral("asked for a person");
    case EscalationReason::IrateCustomer:
        return QStringLiteral("customer irate");
    case EscalationReason::HighValueCustomer:
        return QStringLiteral("VIP customer unhappy");
    case EscalationReason::RepeatContact:
        return QStringLiteral("repeat contact");
    case EscalationReason::RefundOverThreshold:
        return QStringLiteral("beyond the AI's refund limit");
    case EscalationReason::PolicyException:
        return QStringLiteral("policy exception asked for");
    case EscalationReason::RefundRequest:
        return QStringLiteral("refund needs the AI Manager");
    case EscalationReason::EscalatedComplaint:
        return QStringLiteral("complaint escalated");
    case EscalationReason::ComplexIssue:
    case EscalationReason::TechnicalLimitation:
        return QStringLiteral("the AI could not resolve it");
    }
    return {};
}

QString IssueSummary::topicOf(const Turn &t)
{
    if (QString done = confirmedTopic(t.report, t.currency); !done.isEmpty())
        return done;
    if (QString asked = requestTopic(t.plan.request, t.currency); !asked.isEmpty())
        return asked;
    const QString &intent = t.analysis.intent.intent;
    if (topicless(intent))
        return {};
    QString topic = readable(intent);
    if (t.report.order)
        topic += QStringLiteral(" (%1)").arg(t.report.order->id);
    return topic;
}

QString IssueSummary::update(const QString &previous, const Turn &turn)
{
    QString summary = topicOf(turn);
    if (summary.isEmpty())
        summary = previous.isEmpty() ? QStringLiteral("Customer inquiry") : withoutNote(previous);
    if (turn.escalation)
        summary += QStringLiteral(" - ") + escalationNote(turn.escalation->reason);
    else if (const qsizetype dash = previous.indexOf(QLatin1String(" - "));
             dash >= 0 && summary == withoutNote(previous))
        summary = previous; // the note of an earlier escalation stays with its topic
    return summary;
}

} // namespace tierdesk
