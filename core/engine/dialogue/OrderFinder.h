#pragma once

#include "core/engine/actions/Actions.h"

#include <optional>

namespace tierdesk {

// Finds the customer's orders a message points at: by number, by an item it names, or
// relative to the order under discussion. Only the session's customer's orders are found.
class OrderFinder {
public:
    OrderFinder(ActionExecutor &actions, const Session &session) : m_actions(actions), m_session(session) { }

    // Orders named by number: the ids the slots found ("ORD-10005", "order #10005"), else a
    // bare number that is one of the customer's orders ("tracking for 10005"); and the first
    // id with an order cue that is not the customer's (an answer, not an error: the
    // planner tells the customer so).
    struct Numbered {
        QList<Order> orders;
        QString unknown;
    };
    Numbered byNumber(const QStringList &ids, const QString &text);
    // Orders holding an item the message names ("my gloves", "the jacket order and the
    // backpack order"), in the order the items are named; the latest order holding each.
    QList<Order> byItem(const QString &text);
    // The customer's order placed before `current` ("and the one before that").
    std::optional<Order> before(const QString &current);

    // The order's item the message names ("the pants"), by a distinctive word of its name.
    static std::optional<OrderItem> itemNamed(const Order &o, const QString &text);

private:
    const QList<Order> &recent();

    ActionExecutor &m_actions;
    const Session &m_session;
    std::optional<QList<Order>> m_recent;
};

} // namespace tierdesk
