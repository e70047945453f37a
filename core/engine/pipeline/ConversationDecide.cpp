// Conversation, inside a turn's deciding transaction (phase one): the customer's message stored
// and analysed, planned against the dialogue so far, the escalation decided, what the customer
// confirmed carried out within the tier's capabilities, the knowledge the reply may quote
// searched, and what phase two words prepared.
#include "core/engine/pipeline/Conversation.h"

#include "core/common/Ids.h"
#include "core/engine/dialogue/Answers.h"
#include "core/engine/dialogue/Questions.h"
#include "core/engine/dialogue/Requests.h"
#include "core/engine/dialogue/TurnPlanner.h"
#include "core/engine/pipeline/ComposeInput.h"
#include "core/engine/pipeline/IssueSummary.h"
#include "core/engine/pipeline/OrderGatherer.h"
#include "core/engine/pipeline/Turn.h"
#include "core/engine/reply/KbPassage.h"
#include "core/nlu/Intents.h"

namespace tierdesk {

namespace {

// The intent model knows a shop's requests: "cancel a print job" reads to it as an order to cancel,
// "manage repeated key presses" as a call for a manager. A message that names what one of the
// company's passages is about, and nothing the engine acts on, is a question for the knowledge.
void readAsKnowledgeQuestion(Store &store, const QString &companyId, MessageAnalysis &a, const QString &text)
{
    const nlu::Intent intent = a.intent.id();
    const bool smallTalk
        = intent == nlu::Intent::Greeting || intent == nlu::Intent::Thanks || intent == nlu::Intent::Goodbye;
    // An order, a membership or a person named, or the conversation's own subject meant ("which
    // carrier was it"): the intent reads it.
    if (smallTalk || !a.slotValues.orderId.isEmpty() || !a.humanCue.isEmpty() || !a.managerCue.isEmpty()
        || dialogue::namesWhatTheEngineActsOn(text) || dialogue::mentionsSubscription(text)
        || dialogue::asksAboutOrderFacts(text) || dialogue::refersBack(text))
        return;
    const QString words = searchWords(text);
    if (!namesPassageTopic(store.kb().search(companyId, words, 4), words))
        return;
    a.namesKnowledgeTopic = true;
    a.intent.intent = QLatin1String(nlu::intent::GeneralQuestion);
    a.intent.category = nlu::categoryOfIntent(a.intent.intent);
}

// Answers about an order or an action are built from their results, not from the knowledge base.
bool answeredByAction(const MessageAnalysis &a, const TurnPlan &plan)
{
    return plan.answersWithoutKnowledge() || nlu::isSmallTalk(a.intent.intent);
}

} // namespace

Result<Turn> Conversation::beginTurn(Session &s, const Company &company, const QString &text,
    const MessageAnalysis *analysed, const Actor &actor, const GatheredOrders *gathered, const MessageMeta &meta)
{
    Turn turn;
    turn.timer.start();
    const qint64 now = m_core.clock().nowMs();
    const CsConfig &config = company.config;
    const Customer customer = m_core.ensureCustomer(s.companyId, s.customerId, now);
    // Analyse.
    MessageAnalysis a = analysed ? *analysed : m_analyzer.analyze(text, config.irate, s.companyId);
    // Gathered: the company's orders live in its own system, and this turn sees what it said and nothing else.
    std::optional<OrderBook> book;
    if (OrderGatherer::gathers(config)) {
        book.emplace(gathered ? *gathered : GatheredOrders{}, s.companyId, s.customerId, customer.email,
            OrderNumbers::of(config.connectors));
        a.slotValues.orderIds = book->numbersIn(text); // as the company writes them
        a.slotValues.orderId = a.slotValues.orderIds.value(0);
    }
    readAsKnowledgeQuestion(m_core.store(), s.companyId, a, text);
    const ActionExecutor::BookInUse bookInUse(m_core.actions(), book ? &*book : nullptr);
    const Session stored = s; // as the row is now: the update writes what changed
    // An abandoned conversation that the customer picks up again is live again.
    if (s.status == SessionStatus::Abandoned)
        s.status = s.currentTier == Tier::AiRep ? SessionStatus::Active : SessionStatus::Escalated;
    turn.outcome.customerMessage.content = text;
    turn.outcome.customerMessage.meta.asr = meta.asr; // only a caller's recognised words are the customer's
    turn.outcome.customerMessage.meta.channel = meta.channel; // and how a mail or text came
    turn.outcome.customerMessage.meta.files = meta.files; // and the files sent with it
    if (!storeCustomerMessage(s, turn.outcome.customerMessage, a, now))
        return m_core.store().batch().failure(QStringLiteral("could not store the message"));
    if (meta.channel && !meta.channel->automatic.isEmpty())
        return keepUnanswered(s, stored, turn, now); // an auto-reply or a bounce: answering it makes a mail loop
    if (!meta.files.isEmpty()) { // the AI reads no files: they are for the people at the desk
        if (s.currentTier == Tier::HumanAgent && m_core.desk())
            m_core.desk()->customerWrote(s);
        return keepUnanswered(s, stored, turn, now);
    }
    // Why they got in touch: the first message the intent model understood (no small talk).
    if (!a.intent.outOfScope && !a.intent.intent.isEmpty() && !nlu::isSmallTalk(a.intent.intent))
        if (const Status noted
            = m_core.store().sessions().recordReason(s.companyId, s.id, a.intent.intent, a.intent.category, now);
            !noted)
            qWarning("could not record why the customer got in touch: %s", qPrintable(noted.error().message));

    // Plan: the dialogue so far decides what this message refers to (and may correct its intent in `a`).
    const dialogue::DialogueState storedState
        = dialogue::DialogueState::fromBytes(m_core.store().dialogues().load(s.id).value_or(QByteArray()));
    dialogue::DialogueState state = storedState;
    const TurnPlan plan = TurnPlanner(m_core.actions(), now, config).plan(s, customer, a, text, state);
    const bool repeatContact = isRepeatContact(s, config, a, now);
    if (a.irate)
        ++s.irateCount;
    const QList<KbHit> knowledge = searchKnowledge(s, a, plan);

    // Decide, then act within the tier's capabilities.
    std::optional<EscalationDecision> decision;
    if (s.currentTier != Tier::HumanAgent)
        decision = decideEscalation(
            {s, &customer, config, a, plan.request, repeatContact, s.unconfidentTurns, actor.doubtGoesToPerson});
    if (decision) {
        turn.outcome.escalation
            = m_core.applyEscalation(s, decision->target, decision->reason, decision->notes, true, now);
        if (!turn.outcome.escalation)
            return m_core.store().batch().failure(QStringLiteral("could not store the escalation"));
    } else {
        // At the human tier the session waits in the queue.
        s.status = s.currentTier == Tier::HumanAgent ? SessionStatus::Escalated : SessionStatus::Active;
    }
    const ActionReport report
        = act(s, customer, config.tier(s.currentTier), plan, state, now, Phrases(config.language, config.company));
    turn.outcome.reading = TurnReading::of(a, state, report);
    // Written only when it changed: most messages leave the dialogue as it was.
    if (state != storedState && !m_core.store().dialogues().save(s.id, state.toBytes(), now))
        return m_core.store().batch().failure(QStringLiteral("could not store the dialogue state"));
    prepareReply(s, turn, company, ComposeInput{{}, customer, a, report, decision, knowledge, {}, text, {}});

    // Persist.
    s.issueSummary = IssueSummary::update(s.issueSummary, {a, plan, report, decision, config.company.currency});
    s.updatedAt = s.lastActivityAt = now;
    // Team mode: a Conflict when another instance wrote the session meanwhile (undone, refused as such).
    if (const Status updated = m_core.store().sessions().update(s, stored); !updated)
        return updated.error();
    turn.outcome.session = s;
    return turn;
}

Result<Turn> Conversation::keepUnanswered(Session &s, const Session &stored, Turn &turn, qint64 now)
{
    s.updatedAt = s.lastActivityAt = now;
    if (const Status updated = m_core.store().sessions().update(s, stored); !updated)
        return updated.error();
    turn.outcome.session = s;
    return std::move(turn);
}

bool Conversation::storeCustomerMessage(Session &s, Message &cm, const MessageAnalysis &a, qint64 now)
{
    cm.id = ids::random(QStringLiteral("msg_"));
    cm.role = QStringLiteral("customer");
    cm.timestamp = now;
    // A file sent without words says nothing of how the customer feels ("cracked-lid.png").
    const bool nameOnly = !cm.meta.files.isEmpty() && cm.content == cm.meta.files.first().name;
    cm.sentiment = nameOnly ? s.customerSentiment : a.sentiment.level;
    if (!m_core.store().sessions().appendMessage(s.id, s.messageCount++, cm))
        return false;
    if (nameOnly)
        return true;
    const SentimentPoint point{
        a.sentiment.level, a.sentiment.score, now, a.irate ? a.irateTrigger() : a.sentiment.trigger};
    m_core.store().sessions().appendSentiment(s.id, point);
    s.customerSentiment = a.sentiment.level;
    return true;
}

bool Conversation::isRepeatContact(Session &s, const CsConfig &config, const MessageAnalysis &a, qint64 now)
{
    // Judged once, when the session's category becomes known: given at creation
    // (checked on the first message) or found now.
    const bool firstMessage = s.messageCount == 1;
    const IssueCategory category = a.intent.category;
    const bool firstCategory = !s.issueCategory && category != IssueCategory::GeneralInquiry;
    if (firstCategory)
        s.issueCategory = category;
    const bool judge = s.issueCategory && (firstCategory || firstMessage);
    const int windowHours = config.escalationRules.repeatContactWindowHours;
    if (!judge || windowHours <= 0)
        return false;
    const qint64 since = now - qint64(windowHours) * 3600000;
    // The conversations about this reason resolved within the window did not hold (analytics).
    if (const Status marked
        = m_core.store().sessions().markCameBack(s.companyId, s.customerId, *s.issueCategory, since, s.id);
        !marked)
        qWarning("could not mark a resolution that did not hold: %s", qPrintable(marked.error().message));
    // A store that cannot say is no repeat: the message is not escalated for it.
    const Result<bool> repeat
        = m_core.store().sessions().hasRecentContact(s.companyId, s.customerId, *s.issueCategory, since, s.id);
    return repeat.ok() && repeat.value();
}

QList<KbHit> Conversation::searchKnowledge(Session &s, const MessageAnalysis &a, const TurnPlan &plan)
{
    // Searched only when the reply may quote it; the planner words the search (the
    // questions asked, a follow-up's topic), and some go beside an order.
    const bool byAction = answeredByAction(a, plan);
    const bool searched = !byAction || plan.knowledge.alongside;
    const QList<KbHit> knowledge
        = searched ? m_core.store().kb().search(s.companyId, plan.knowledge.query, 4) : QList<KbHit>();
    const bool confident = isConfident(a, knowledge) || byAction || knowledgeAnswers(knowledge, plan.knowledge.query);
    s.unconfidentTurns = confident ? 0 : s.unconfidentTurns + 1;
    return knowledge;
}

void Conversation::prepareReply(Session &s, Turn &turn, const Company &company, ComposeInput input)
{
    const std::optional<EscalationRecord> &escalation = turn.outcome.escalation;
    DeskHooks *desk = m_core.desk();
    if (s.currentTier == Tier::HumanAgent && !escalation) {
        if (desk)
            desk->customerWrote(s); // a person answers
        return;
    }
    // The AI answers now, so the session waits on the customer after it (set here:
    // phase three then changes no indexed column). As the tier that had the session
    // when a person takes over now.
    if (!escalation)
        s.status = SessionStatus::WaitingCustomer;
    turn.speaker = s.currentTier == Tier::HumanAgent && escalation ? escalation->fromTier : s.currentTier;
    input.session = s;
    input.caps = company.config.tier(turn.speaker);
    input.language = company.config.language;
    input.company = company.config.company;
    input.policies = company.config.policies;
    input.ai = company.config.ai;
    input.companyName = company.name;
    input.tier = turn.speaker;
    useModel(input, company);
    turn.compose = std::make_shared<const ComposeInput>(std::move(input));
    if (escalation && escalation->toTier == Tier::HumanAgent && desk)
        turn.handoverNote = desk->handoverNote(s, company);
}

void Conversation::useModel(ComposeInput &input, const Company &company)
{
    const AiSettings &ai = company.config.ai;
    input.responder = m_core.models().responderFor(company.id, ai);
    if (!input.responder || ai.historyMessages == 0)
        return;
    // The conversation so far, for the model (read only then: the local responder needs none).
    input.history = m_core.store().sessions().lastMessages(input.session, ai.historyMessages + 1);
}

ActionReport Conversation::act(const Session &s, const Customer &customer, const TierCapabilities &caps,
    const TurnPlan &plan, dialogue::DialogueState &state, qint64 now, const Phrases &say)
{
    ActionReport report;
    // A person decides on money themselves: AI actions run only at AI tiers.
    const bool aiTier = s.currentTier != Tier::HumanAgent;
    if (plan.confirmed && aiTier)
        report = m_core.actions().carryOutAll(s, customer, caps, plan.confirmedActions(), now, say);
    if (report.refunded > 0) // the dialogue remembers it: the same item is not refunded twice
        state.refunded << plan.confirmed->orderId + QLatin1Char('/') + plan.confirmed->item;
    report.orders = plan.orders;
    // An order was read to answer, or to summarise or carry out what was asked about it.
    const bool orderRead = !plan.orders.isEmpty() || !plan.request.orderId.isEmpty()
        || (plan.confirmed && !report.actionsTaken.isEmpty() && report.order);
    if (orderRead && !report.actionsTaken.contains(QLatin1String("order_lookup")))
        report.actionsTaken.prepend(QStringLiteral("order_lookup"));
    if (!plan.orders.isEmpty()) {
        if (!report.order)
            report.order = plan.orders.first();
    }
    report.declined = plan.declined;
    report.outOfScope = plan.outOfScope;
    report.slotPrompt = plan.slotPrompt;
    report.needsOrderNumber = plan.needsOrderNumber;
    report.subscriptionFact = plan.subscriptionFact;
    report.refundFact = plan.refundFact;
    report.showContents = plan.showContents;
    report.knowledge = plan.knowledge;
    if (report.refusal.isEmpty())
        report.refusal = plan.refusal;
    if (const OrderBook *book = m_core.actions().orderBook())
        report.ordersUnavailable = book->unavailableAsked();
    if (plan.request.kind == RequestedAction::None)
        return report;
    const std::optional<Order> order = plan.request.orderId.isEmpty()
        ? std::nullopt
        : m_core.actions().findOrder(s.companyId, s.customerId, plan.request.orderId);
    if (order && !report.order)
        report.order = order;
    if (aiTier && tierAllows(caps, plan.request)) {
        // Nothing moves yet: the customer confirms the summary first.
        report.confirmation = TurnPlanner::askToConfirm(plan, customer, order, caps, s.currentTier, state, say);
    } else {
        report.handover = TurnPlanner::describe(plan.request, say);
    }
    return report;
}

} // namespace tierdesk
