#pragma once

#include "core/engine/dialogue/TurnPlanner.h"

namespace tierdesk {

// The knowledge-base side of a turn: which questions of the message the knowledge base
// answers (all of it, or those beside an order or an action), and the topic a follow-up
// goes on from ("and for a merino base layer?" after a sizing question).
class QuestionPlanner {
public:
    // Fills plan.knowledge once the rest of the plan is made; remembers the topic in the
    // dialogue, and gives a follow-up the intent of its topic when the classifier is unsure.
    static void plan(const QString &text, const std::optional<Order> &order, MessageAnalysis &a,
        dialogue::DialogueState &state, TurnPlan &plan);

private:
    // The clauses that ask more than the order's facts, beside an answer about orders.
    static QStringList questionsBeside(const QString &text, const std::optional<Order> &order, const TurnPlan &plan);
    // The clauses of a message answered from the knowledge base alone.
    static QStringList questionsOf(const QString &text);
    static void carryTopic(const QString &text, MessageAnalysis &a, dialogue::DialogueState &state, TurnPlan &plan);
};

} // namespace tierdesk
