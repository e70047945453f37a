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

// A person's refund or credit, asked for from the console (docs/api.md, "The agent desk").
struct AgentAction
{
    enum Kind { Refund, Credit } kind = Refund;
    QString orderId; // a refund's order: one of the session's customer's
    double amount = 0;
    QString reason;  // for the ledger and the audit log, never shown to the customer
    QString agentId;
    QString agentName;
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

    // A person's refund or credit at the human tier: the same checks as the AI's
    // (the tier's capabilities, what the order still owes), recorded in the
    // ledger as theirs. Nothing is written when a check fails: InvalidArgument
    // (orderId), NotOwed (uncharged, refunded, or more than is left), Forbidden
    // (beyond the tier's caps; details name the cap). Runs inside the caller's batch.
    Result<ActionReport> performForAgent(const Session &session, const TierCapabilities &caps, const AgentAction &action,
                                         qint64 nowMs);

    // Whether order `o` owes a refund of `amount` (0: whatever is left).
    static Status owes(const Order &o, double amount);
    // Whether the tier's capabilities allow this refund or credit.
    static Status allows(const TierCapabilities &caps, RequestedAction::Kind kind, double amount);

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
    bool writeRefund(const Session &s, const Order &o, double amount, const QString &details, ActionReport &report,
                     qint64 nowMs);
    bool writeCredit(const Session &s, double amount, const QString &details, ActionReport &report, qint64 nowMs);
    QString tierName(const Session &s) const { return toString(s.currentTier); }

    CustomerRepo &m_customers;
};

} // namespace tierdesk
