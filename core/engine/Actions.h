#pragma once

#include "core/domain/CsConfig.h"
#include "core/domain/Entities.h"
#include "core/engine/EscalationPolicy.h"
#include "core/store/CustomerRepo.h"

#include <optional>

namespace tierdesk {

struct ActionReport
{
    QStringList actionsTaken;      // wire names: order_lookup, apply_credit, process_refund, modify_subscription
    std::optional<Order> order;    // the order the conversation is about, when known
    double refunded = 0;
    double credited = 0;
    QString subscriptionChange;    // "cancelled", "paused", "plan:premium"...
    QString refusal;               // why a requested action was not done
    bool needsOrderNumber = false; // the action needs an order we could not identify
};

// The only code that changes money or subscriptions. Every action checks the
// acting tier's capabilities itself, whatever the caller or any text asked for.
class ActionExecutor
{
public:
    explicit ActionExecutor(CustomerRepo &customers) : m_customers(customers) {}

    // The customer's order named in the message, else their latest one. Orders
    // of other customers are never returned.
    std::optional<Order> findOrder(const QString &companyId, const QString &customerId, const QString &orderNumber);
    // The action an intent asks for, with its amount (the stated amount, else
    // what is left to refund on the order, else a small goodwill credit).
    static RequestedAction requested(const QString &intent, const nlu::Slots &found, const std::optional<Order> &order,
                                     const QString &text);

    ActionReport perform(const Session &session, const Customer &customer, const TierCapabilities &caps,
                         const QString &intent, const RequestedAction &request, const std::optional<Order> &order,
                         const QString &text, qint64 nowMs);

    // Intents whose answer is about one order, so the order is looked up.
    static bool isOrderTopic(const QString &intent);

    static constexpr double kGoodwillCredit = 5.0;

private:
    void refund(const Session &s, const TierCapabilities &caps, const RequestedAction &r, const Order &o,
                ActionReport &report, qint64 nowMs);
    void credit(const Session &s, const TierCapabilities &caps, const RequestedAction &r, ActionReport &report,
                qint64 nowMs);
    void subscription(const Session &s, const Customer &c, const TierCapabilities &caps, const QString &intent,
                      const QString &text, ActionReport &report, qint64 nowMs);
    QString tierName(const Session &s) const { return toString(s.currentTier); }

    CustomerRepo &m_customers;
};

} // namespace tierdesk
