#pragma once

#include "core/engine/dialogue/TurnPlanner.h"
#include "core/engine/reply/Phrases.h"

namespace tierdesk {

// What a message asks to be done with money, an order or the membership: a request to
// summarise for confirmation, a refusal saying why it is not owed, or a detail still
// needed. Nothing moves here; the customer confirms a summary first.
class MoneyPlanner {
public:
    MoneyPlanner(ActionExecutor &actions, qint64 nowMs, const Phrases &say, const CompanyPolicies &policies)
        : m_actions(actions), m_nowMs(nowMs), m_say(say), m_policies(policies)
    {
    }

    // The customer's return window in days under the company's policies: its own, its tier's, or
    // that of the plan the customer is an active member of, whichever is longest.
    static int returnWindowDays(const CompanyPolicies &policies, const Customer &customer);
    // Whether an order in this status may still be cancelled (the company's cancellable statuses).
    static bool cancellable(const CompanyPolicies &policies, const Order &order);

    // Plans the request of `text` for `order` (`named`: the message names it or its item).
    void planMoney(const Session &s, const Customer &customer, const MessageAnalysis &a, const QString &text,
        const std::optional<Order> &order, bool named, dialogue::DialogueState &state, TurnPlan &plan);

    // The refund just summarised asked for again with another amount or item ("yes but only $20",
    // "no, just the socks"): `item` of order `o` (empty: the order), checked as a new request.
    void replanRefund(const Order &o, const QString &item, std::optional<double> amount, const Customer &customer,
        dialogue::DialogueState &state, TurnPlan &plan);

private:
    // An exception to policy asked for ("make an exception"): a request only a person decides.
    static bool planException(
        const QString &text, const std::optional<Order> &order, dialogue::DialogueState &state, TurnPlan &plan);
    void planRefund(const Order &o, const MessageAnalysis &a, const QString &text, int windowDays,
        dialogue::DialogueState &state, TurnPlan &plan);
    // A refund of `item` (none: the order), of `asked` when the customer named an amount.
    void planRefundOf(const Order &o, std::optional<OrderItem> item, std::optional<double> asked, int windowDays,
        dialogue::DialogueState &state, TurnPlan &plan);
    // What is still owed for `item`, or nothing with the refusal saying why (refunded already,
    // in this or an earlier conversation, or more than the order has left).
    std::optional<double> owedForItem(const Order &o, const OrderItem &item, TurnPlan &plan);
    void planSubscription(const Customer &customer, const QString &text, TurnPlan &plan) const;

    ActionExecutor &m_actions;
    qint64 m_nowMs;
    Phrases m_say; // refusals and facts are worded in the company's language and currency
    const CompanyPolicies &m_policies;
};

} // namespace tierdesk
