#include "core/engine/dialogue/QuestionPlanner.h"

#include "core/engine/dialogue/Answers.h"
#include "core/engine/dialogue/Questions.h"
#include "core/engine/reply/KbPassage.h"
#include "core/nlu/Intents.h"
#include "core/nlu/SlotExtractor.h"

namespace tierdesk {
namespace {

// The lower-case words of the order's item names, so "my gloves" is not a question of its own.
QStringList itemWords(const std::optional<Order> &order)
{
    QStringList out;
    if (!order)
        return out;
    for (const OrderItem &item : order->items)
        for (const QString &w : item.name.toLower().split(QLatin1Char(' '), Qt::SkipEmptyParts))
            out << w << (w.endsWith(QLatin1Char('s')) ? w.chopped(1) : w + QLatin1Char('s'));
    return out;
}

bool isUnshipped(const std::optional<Order> &order)
{
    return order && (order->status == QLatin1String("pending") || order->status == QLatin1String("processing"));
}

// A product that fails in use is asked about as a defect under warranty: the passages answering
// the message's other words (its care, "after a month") do not answer it.
void askAboutFailure(const QString &text, KnowledgeAsk &k)
{
    for (QString &q : k.questions)
        if (const QString failure = dialogue::productFailureQuestion(q); !failure.isEmpty())
            q = failure;
    if (k.questions.isEmpty() && !k.alongside)
        k.question = dialogue::productFailureQuestion(text);
}

} // namespace

QStringList QuestionPlanner::questionsBeside(
    const QString &text, const std::optional<Order> &order, const TurnPlan &plan)
{
    QStringList out;
    if (plan.showContents)
        return out; // the order's contents are the answer
    const QStringList items = itemWords(order);
    for (const QString &clause : dialogue::clausesOf(text)) {
        if (dialogue::answerTo(clause) != dialogue::Answer::Other)
            continue;
        // "...return it once it arrives": the order's own facts are the order's answer; "do you
        // ship to canada" is about shipping, not about the order.
        const bool aboutTheOrder = !dialogue::referencedOrder(clause, {}, QStringLiteral("order")).isEmpty()
            || !nlu::extractSlots(clause).orderIds.isEmpty();
        if (!dialogue::beyondOrderFacts(clause, items).isEmpty())
            out << (aboutTheOrder ? dialogue::withoutOrderFacts(clause) : clause);
    }
    // When an order not shipped yet will ship is no fact of the order: the knowledge base says.
    if (out.isEmpty() && isUnshipped(order) && dialogue::asksWhen(text))
        out << text + QLatin1Char(' ') + order->status;
    return out;
}

QStringList QuestionPlanner::questionsOf(const QString &text)
{
    // Several questions only when each clause asks something of its own.
    const QStringList clauses = dialogue::clausesOf(text);
    int asking = 0;
    for (const QString &clause : clauses)
        asking += dialogue::beyondOrderFacts(clause, {}).isEmpty() ? 0 : 1;
    return asking > 1 ? clauses : QStringList{text};
}

void QuestionPlanner::carryTopic(
    const QString &text, MessageAnalysis &a, dialogue::DialogueState &state, TurnPlan &plan)
{
    KnowledgeAsk &k = plan.knowledge;
    const QString asked = k.questions.isEmpty() ? text : k.questions.join(QLatin1Char(' '));
    // A follow-up by its words ("and for...", "does it..."), or one the intent model cannot
    // place elsewhere: unsure of it, or reading it as the topic's own intent.
    const bool followUp
        = (dialogue::isFollowUp(text) || a.intent.confidence < 0.5 || a.intent.intent == state.topicIntent)
        && !dialogue::pointsVaguely(text); // "the other thing" is not the topic
    // "whats it cost" after the membership was talked about: the question is about the
    // membership itself, not about what was asked of it (cancelling it), so it stands alone.
    if (const QString subject = dialogue::subjectReferredTo(asked, state.topic);
        followUp && !k.alongside && !subject.isEmpty()) {
        k.question = asked + QStringLiteral(" (") + subject + QLatin1Char(')');
        k.questions.clear(); // one question, answered from the article that answers it best
        k.query = state.topic + QLatin1Char(' ') + k.question;
        state.topic = k.question;
        state.topicIntent.clear();
    } else if (!state.topic.isEmpty() && state.topic != asked && followUp) {
        k.topic = state.topic;
        k.query = state.topic + QLatin1Char(' ') + asked;
        // The dialogue says what a follow-up is about better than its few words do.
        if (!k.alongside && !state.topicIntent.isEmpty()) {
            a.intent.intent = state.topicIntent;
            a.intent.category = nlu::categoryOfIntent(state.topicIntent);
            a.intent.confidence = qMax(a.intent.confidence, 0.5);
        }
    } else {
        k.query = asked;
        askAboutFailure(text, k);
        // Beside an order, the whole message is the topic: its order facts are what a
        // follow-up goes on from ("how long do i wait" after "tracking hasnt moved").
        state.topic = k.alongside ? text : asked;
        state.topicIntent
            = a.intent.confidence >= 0.5 && !nlu::isSmallTalk(a.intent.intent) ? a.intent.intent : QString();
    }
    // bm25 matches words: a question about another country is about international shipping.
    const bool abroad = dialogue::mentionsAbroad(k.query);
    // A product that fails in use is a defect: its care is not what was asked.
    const bool failing = dialogue::reportsProductFailure(k.query);
    k.query = searchWords(k.query);
    if (abroad)
        k.query += QStringLiteral(" international");
    if (failing)
        k.query += QStringLiteral(" defect defective warranty");
}

void QuestionPlanner::plan(const QString &text, const std::optional<Order> &order, MessageAnalysis &a,
    dialogue::DialogueState &state, TurnPlan &plan)
{
    if (!plan.outOfScope.isEmpty() || plan.confirmed)
        return;
    KnowledgeAsk &k = plan.knowledge;
    const bool acting = plan.request.kind != RequestedAction::None || !plan.refusal.isEmpty() || plan.needsOrderNumber
        || !plan.slotPrompt.isEmpty();
    if (acting) {
        // What was asked for is the topic a later question goes on from ("how long till i see it").
        if (dialogue::answerTo(text) == dialogue::Answer::Other) {
            state.topic = text;
            state.topicIntent = a.intent.confidence >= 0.5 ? a.intent.intent : QString();
        }
        return;
    }
    // Asking for a person or a manager is the whole message: the escalation answers it.
    if (a.intent.id() == nlu::Intent::HumanRequest || a.intent.id() == nlu::Intent::ManagerRequest)
        return;
    if (plan.answersWithoutKnowledge() || nlu::isSmallTalk(a.intent.intent)) {
        k.questions = questionsBeside(text, order, plan);
        if (k.questions.isEmpty())
            return;
        k.alongside = true;
    } else {
        k.questions = questionsOf(text);
        if (k.questions.size() == 1)
            k.questions.clear(); // the message is the question
    }
    carryTopic(text, a, state, plan);
}

} // namespace tierdesk
