#pragma once

#include "core/engine/TurnPlanner.h"

namespace tierdesk {

// What a message asks to be done with money, an order or the membership: a request to
// summarise for confirmation, a refusal saying why it is not owed, or a detail still
// needed. Nothing moves here; the customer confirms a summary first.
class MoneyPlanner
{
public:
    static constexpr int kReturnWindowDays = 30; // resources/kb: returns within 30 days of delivery (60 for Premium)

    MoneyPlanner(ActionExecutor &actions, qint64 nowMs) : m_actions(actions), m_nowMs(nowMs) {}

    // Plans the request of `text` for `order` (`named`: the message names it or its item).
    void planMoney(const Session &s, const Customer &customer, const MessageAnalysis &a, const QString &text,
                   const std::optional<Order> &order, bool named, dialogue::DialogueState &state, TurnPlan &plan);

private:
    // An exception to policy asked for ("make an exception"): a request only a person decides.
    static bool planException(const QString &text, const std::optional<Order> &order, dialogue::DialogueState &state,
                              TurnPlan &plan);
    void planRefund(const Order &o, const MessageAnalysis &a, const QString &text, int windowDays,
                    dialogue::DialogueState &state, TurnPlan &plan);
    static void planSubscription(const Customer &customer, const QString &text, TurnPlan &plan);

    ActionExecutor &m_actions;
    qint64 m_nowMs;
};

} // namespace tierdesk
