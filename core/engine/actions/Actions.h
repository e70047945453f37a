#pragma once

#include "core/domain/Connector.h"
#include "core/domain/CsConfig.h"
#include "core/domain/Entities.h"
#include "core/engine/actions/OrderBook.h"
#include "core/engine/dialogue/DialogueState.h"
#include "core/engine/policy/EscalationPolicy.h"
#include "core/engine/reply/Phrases.h"
#include "core/store/CustomerRepo.h"
#include "core/store/MoneyActionRepo.h"

#include <functional>
#include <optional>

namespace tierdesk {

// What the knowledge base is asked for this message: the search, and the questions
// the reply answers from what it finds (one passage each).
struct KnowledgeAsk {
    QString query; // the search: the questions, with the topic carried for a follow-up
    QStringList questions; // each answered from the best article for it; empty: the message
    QString topic; // the earlier question a follow-up goes on from
    QString
        question; // the message with what its "it" means, when the dialogue says ("whats it cost" of the membership)
    bool alongside = false; // asked beside an order, an action or small talk, which answer the rest
};

struct ActionReport {
    QStringList
        actionsTaken; // wire names: order_lookup, apply_credit, process_refund, modify_subscription, cancel_order
    std::optional<Order> order; // the order the conversation is about, when known
    QList<Order> orders; // every order looked up for this message (the first is `order`)
    double refunded = 0;
    QString refundedItem; // the item a refund was for, when it was for one item
    double credited = 0;
    QString cancelledOrder; // an order cancelled before it shipped
    QString subscriptionChange; // "cancelled", "paused", "active", "plan:premium"...
    QString subscriptionFact; // the subscription as it stands, when asked about
    QString refundFact; // what was refunded on the order, when asked about
    QString refusal; // why a requested action was not done
    QString confirmation; // the summary of an action the customer is asked to confirm
    QString declined; // the customer said no to this summary
    QString handover; // what a person is asked to decide ("your refund of $378.00 for ORD-10007")
    QString slotPrompt; // a question for a detail the request still lacks
    // Orders the company's system could not be asked about now ("": the customer's recent
    // orders): the reply says so and offers a person, and states nothing about them.
    QStringList ordersUnavailable;
    QString outOfScope; // the message asks for something outside customer service
    bool needsOrderNumber = false; // the action needs an order we could not identify
    bool showContents = false; // the customer asked what the order holds
    KnowledgeAsk knowledge; // what the reply answers from the knowledge base
    // Money at a payment provider (engine/sources/MoneyOutbox): the actions this message opened
    // pending, settled before the reply is worded. Until then nothing counts as refunded or credited.
    QStringList moneyActions;
    double refundRequested = 0; // a refund the provider took but has not confirmed (requested, or no answer yet)
    bool refundAwaitingAnswer = false; // of refundRequested: the provider has not answered at all yet
    double creditAwaitingAnswer = 0; // a credit the provider has not answered yet
    double moneyFailed = 0; // a refund or credit the provider did not make (the session goes to a person)
    QString moneyFailedWhat; // "refund" or "credit"
    // A cancellation at the company's system (the `cancel` purpose), the same way: the order it
    // took but has not confirmed (or not answered yet), or did not cancel (a person takes over).
    QString cancelRequested;
    bool cancelAwaitingAnswer = false;
    QString cancelFailed;

    // Something the company's systems did not do: the session goes to a person.
    bool failedAtCompany() const { return moneyFailed > 0 || !cancelFailed.isEmpty(); }
};

// A person's refund or credit, asked for from the console (docs/api.md, "The agent desk").
struct AgentAction {
    enum Kind { Refund, Credit } kind = Refund;
    QString orderId; // a refund's order: one of the session's customer's
    double amount = 0;
    QString reason; // for the ledger and the audit log, never shown to the customer
    QString agentId;
    QString agentName;
};

// The only code that changes money or subscriptions. Every action checks the
// acting tier's capabilities itself, whatever the caller or any text asked for.
class ActionExecutor {
public:
    explicit ActionExecutor(CustomerRepo &customers) : m_customers(customers) { }
    static constexpr int kRecentOrders = 20; // the orders a conversation looks among first

    // Where a company's refunds or credits move: the connector its configuration names, or
    // nullopt for the builtin ledger; an error when the connector named is not there.
    using MoneyRoute = std::function<Result<std::optional<Connector>>(const QString &companyId, ConnectorPurpose)>;
    // Without a route every refund and credit is the builtin ledger's (as before connectors).
    void setMoneyRoute(MoneyActionRepo *repo, MoneyRoute route)
    {
        m_money = repo;
        m_route = std::move(route);
    }
    // Order `o` with what Tierdesk refunded of it at a provider that `o` may not show yet: a
    // builtin order's pending and requested refunds, a sourced order's all (the larger of the two).
    Order withProviderRefunds(const Order &o);

    // Whether only a person can cancel order `o`: it is kept in the company's system and no
    // connector cancels there (or the one named is gone).
    bool onlyAPersonCancels(const Order &o);

    // The customer's order named in the message, else their latest one. Orders
    // of other customers are never returned. While a turn's order book is in use, it alone
    // is read (the company's orders live in its own system), else the store.
    std::optional<Order> findOrder(const QString &companyId, const QString &customerId, const QString &orderNumber);
    QList<Order> recentOrders(const QString &companyId, const QString &customerId, int limit);
    // Whether the company's system failed for this order number during this turn.
    bool orderUnavailable(const QString &orderNumber) const { return m_book && m_book->unavailable(orderNumber); }
    // The order numbers of `text`: the company's format with a book, else the store's ORD- ids.
    QStringList orderNumbersIn(const QString &text) const;
    const OrderBook *orderBook() const { return m_book; }

    // The turn's order book for as long as it lives (DESIGN.md, "A company's own systems").
    class BookInUse {
    public:
        BookInUse(ActionExecutor &actions, const OrderBook *book) : m_actions(actions) { m_actions.m_book = book; }
        ~BookInUse() { m_actions.m_book = nullptr; }
        BookInUse(const BookInUse &) = delete;
        BookInUse &operator=(const BookInUse &) = delete;

    private:
        ActionExecutor &m_actions;
    };

    // Carries out an action the customer confirmed, checking again that it is
    // owed and within the acting tier's capabilities (nothing is written otherwise).
    // A refusal is worded by `say`.
    ActionReport carryOut(const Session &session, const Customer &customer, const TierCapabilities &caps,
        const dialogue::PendingAction &action, qint64 nowMs, const Phrases &say);
    // Several actions confirmed by one yes, each checked as above; one report of them all.
    ActionReport carryOutAll(const Session &session, const Customer &customer, const TierCapabilities &caps,
        const QList<dialogue::PendingAction> &actions, qint64 nowMs, const Phrases &say);

    // A person's refund or credit at the human tier: the same checks as the AI's
    // (the tier's capabilities, what the order still owes), recorded in the
    // ledger as theirs. Nothing is written when a check fails: InvalidArgument
    // (orderId), NotOwed (uncharged, refunded, or more than is left), Forbidden
    // (beyond the tier's caps; details name the cap). Runs inside the caller's batch.
    Result<ActionReport> performForAgent(
        const Session &session, const TierCapabilities &caps, const AgentAction &action, qint64 nowMs);

    // Whether order `o` owes a refund of `amount` (0: whatever is left); the error's
    // message says why not, to the customer, in `language`.
    static Status owes(const Order &o, double amount, Language language = Language::En);
    // Whether the tier's capabilities allow this refund or credit.
    static Status allows(
        const TierCapabilities &caps, RequestedAction::Kind kind, double amount, Language language = Language::En);

    // Intents whose answer is about one order, so the order is looked up.
    static bool isOrderTopic(const QString &intent);

    // What was refunded for one item of an order, from the ledger (a refund names its item there).
    struct ItemRefund {
        double amount = 0;
        qint64 lastAt = 0; // the latest of them
    };
    ItemRefund refundedFor(const Order &o, const QString &item);

private:
    void refund(const Session &s, const TierCapabilities &caps, const dialogue::PendingAction &a, ActionReport &report,
        qint64 nowMs, const Phrases &say);
    void cancel(
        const Session &s, const dialogue::PendingAction &a, ActionReport &report, qint64 nowMs, const Phrases &say);
    void subscription(const Session &s, const Customer &c, const TierCapabilities &caps, const QString &change,
        ActionReport &report, qint64 nowMs, const Phrases &say);
    bool writeRefund(
        const Session &s, const Order &o, double amount, const QString &details, ActionReport &report, qint64 nowMs);
    bool writeCredit(const Session &s, double amount, const QString &details, ActionReport &report, qint64 nowMs);
    QString tierName(const Session &s) const { return toString(s.currentTier); }
    // ProviderMoney.cpp: a refund or credit at the company's provider, opened pending in the
    // caller's transaction (or refused in `report`). False when the company's money is builtin.
    bool refundAtProvider(const Session &s, const Order &o, double amount, const QString &item, const QString &details,
        ActionReport &report, qint64 nowMs, const Phrases &say);
    bool creditAtProvider(const Session &s, double amount, const QString &details, ActionReport &report, qint64 nowMs,
        const Phrases &say);
    // A sourced order's cancellation opened at the company's system, or why not (`report`).
    void cancelAtCompany(const Session &s, const Order &o, ActionReport &report, qint64 nowMs, const Phrases &say);
    // A sourced order as Tierdesk's own actions left it: cancelled once its system confirmed it.
    Order withCompanyActions(const Order &o);
    std::optional<Result<Connector>> routeOf(const QString &companyId, ConnectorPurpose purpose);
    // Writes `a` pending for session `s` at connector `c`, with a fresh idempotency key.
    bool open(MoneyAction a, const Session &s, const Connector &c, ActionReport &report, qint64 nowMs);
    // A person's action opened at the provider (the report), or why it could not be (Conflict).
    static Result<ActionReport> atProvider(const ActionReport &report);
    // What one action opened at a provider, added to the report of all.
    static void mergeMoney(ActionReport &all, const ActionReport &one);
    static void cannotMove(ActionReport &report, const QString &what, double amount, const QString &why);

    MoneyActionRepo *m_money = nullptr;
    MoneyRoute m_route;
    CustomerRepo &m_customers;
    const OrderBook *m_book = nullptr; // the turn's, while it decides
};

} // namespace tierdesk
