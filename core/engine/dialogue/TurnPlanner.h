#pragma once

#include "core/engine/actions/Actions.h"
#include "core/engine/dialogue/DialogueState.h"
#include "core/engine/pipeline/MessageAnalysis.h"
#include "core/engine/reply/Phrases.h"

namespace tierdesk {

// What one customer message asks for, read against the dialogue so far and the
// store: the orders to answer about, an action to put to the customer for
// confirmation, or the action they just confirmed or declined.
struct TurnPlan {
    QList<Order> orders; // to look up and answer, the conversation's order first
    RequestedAction request; // asked for in words and owed: summarised, then confirmed
    std::optional<dialogue::PendingAction> confirmed; // the customer said yes to this
    QString declined; // the summary the customer said no to
    QString refusal; // why what was asked for is not owed
    QString slotPrompt; // a detail the request still needs
    QString outOfScope;
    QString subscriptionFact;
    QString refundFact; // what was refunded on the order asked about
    bool needsOrderNumber = false;
    bool showContents = false; // what the order holds was asked
    QList<RequestedAction> alsoRequested; // further requests of the same message, each with its own order
    QList<dialogue::PendingAction> alsoConfirmed; // done by the same yes as `confirmed`
    // Answered with a yes that asked for more ("yes, and refund ORD-10004 too"): asked again with it.
    QList<dialogue::PendingAction> reasked;
    KnowledgeAsk knowledge; // what the knowledge base is asked (core/engine/QuestionPlanner.h)

    // What a yes carries out: the confirmed action and those summarised with it.
    QList<dialogue::PendingAction> confirmedActions() const
    {
        QList<dialogue::PendingAction> out;
        if (confirmed)
            out << *confirmed << alsoConfirmed;
        return out;
    }

    bool answersWithoutKnowledge() const
    {
        return !orders.isEmpty() || request.kind != RequestedAction::None || confirmed || !declined.isEmpty()
            || !refusal.isEmpty() || !slotPrompt.isEmpty() || !refundFact.isEmpty() || !outOfScope.isEmpty()
            || !subscriptionFact.isEmpty() || needsOrderNumber;
    }
};

class TurnPlanner {
public:
    // What the plan says to the customer (refusals, facts, prompts) is in the company's
    // language, currency and time zone; what it allows follows the company's policies.
    TurnPlanner(ActionExecutor &actions, qint64 nowMs, const CsConfig &config)
        : m_actions(actions), m_nowMs(nowMs), m_say(config.language, config.company), m_policies(config.policies)
    {
    }

    // Reads the message; updates the dialogue state (orders mentioned, slots, the
    // pending confirmation, the knowledge topic) and may correct the intent (a follow-up
    // question about the order under discussion is about that order). The requests are
    // planned by MoneyPlanner, the knowledge-base questions by QuestionPlanner.
    TurnPlan plan(const Session &s, const Customer &customer, MessageAnalysis &a, const QString &text,
        dialogue::DialogueState &state);

    // The summary of the request and of the further requests this tier may do, asked as one
    // question; remembers what a yes will carry out in the dialogue.
    static QString askToConfirm(const TurnPlan &plan, const Customer &customer, const std::optional<Order> &order,
        const TierCapabilities &caps, Tier tier, dialogue::DialogueState &state, const Phrases &say);
    // The pending action that a "yes" will carry out.
    static dialogue::PendingAction pendingOf(const RequestedAction &r, const QString &summary, Tier tier);
    // For a person: what the customer asked for ("a refund of $378.00 for ORD-10007").
    static QString describe(const RequestedAction &r, const Phrases &say);

private:
    // "I'll refund $36.00 for ..." without the question.
    static QString summaryOf(
        const RequestedAction &r, const Customer &customer, const std::optional<Order> &order, const Phrases &say);

    // What the message points at: orders named (and one that is not the customer's),
    // an order referred to, and whether it asks for money or about an order's facts.
    struct Reading {
        QList<Order> named;
        QString referenced;
        QString unknown;
        bool moneyWords = false;
        bool aboutOrderFacts = false;
        bool vague = false; // "the other thing": points at nothing the dialogue knows
    };

    // "refund the pants from 10005 and cancel 10004": the requests beside the first, each
    // with the order named in its clause.
    void planFurther(const Session &s, const Customer &customer, const MessageAnalysis &a, const QString &text,
        const Reading &r, const dialogue::DialogueState &state, TurnPlan &plan);

    // A yes or no to the confirmation asked for; true when that is all the message says.
    bool answerPending(const Session &s, const Customer &customer, const QString &text, const MessageAnalysis &a,
        dialogue::DialogueState &state, TurnPlan &plan);
    // Whether a message answering `pending` names another order or another kind of action.
    static bool asksElsewhere(const QString &text, const MessageAnalysis &a, const dialogue::PendingAction &pending,
        const QList<dialogue::PendingAction> &also);
    static bool asksOtherAction(const QString &text, const dialogue::PendingAction &pending);
    // The summaries a yes answered, asked again beside what the same message asked for.
    static void askAgain(TurnPlan &plan);
    // The order the message is about (named, referred to, holding the item named, else the
    // latest for an order question); remembers it in the dialogue.
    std::optional<Order> conversationOrder(const Session &s, const MessageAnalysis &a, const QString &text,
        const Reading &r, dialogue::DialogueState &state);
    // A question about an order named or under discussion is about that order, however the
    // classifier read it ("ok so when does it actually ship" is no thank-you).
    static void correctIntent(MessageAnalysis &a, const Reading &r, const QString &text, bool discussed);
    void addFacts(
        const Customer &customer, const QString &text, const std::optional<Order> &order, TurnPlan &plan) const;
    // On a call, an order question with no order in sight asks for the order's number.
    void askForOrderNumberOnACall(const Session &s, const MessageAnalysis &a, const std::optional<Order> &order,
        const Reading &r, dialogue::DialogueState &state, TurnPlan &plan) const;
    std::optional<Order> orderOfRequest(const QString &text, const QList<Order> &named) const;
    // Fills the reading's orders: named by number or item, the one before, or referred to.
    void readOrders(const Session &s, const MessageAnalysis &a, const QString &text,
        const dialogue::DialogueState &state, Reading &r);

    ActionExecutor &m_actions;
    qint64 m_nowMs;
    Phrases m_say;
    CompanyPolicies m_policies;
};

} // namespace tierdesk
