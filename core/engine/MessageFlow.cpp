// The path of one customer message: validate, analyse, decide escalation,
// act within the tier's capabilities, answer, persist, publish.
#include "core/engine/SessionEngine.h"

#include "core/common/Ids.h"
#include "core/domain/DomainJson.h"
#include "core/engine/CustomerText.h"
#include "core/engine/KbPassage.h"
#include "core/engine/TurnPlanner.h"
#include "core/engine/dialogue/Answers.h"
#include "core/nlu/Intents.h"

#include <QElapsedTimer>

namespace tierdesk {
namespace {

QString roleOf(Tier t)
{
    switch (t) {
    case Tier::AiRep: return QStringLiteral("ai_rep");
    case Tier::AiManager: return QStringLiteral("ai_manager");
    case Tier::HumanAgent: return QStringLiteral("human_agent");
    }
    return {};
}

QString summaryFor(const Session &s, const MessageAnalysis &a, const ActionReport &act)
{
    const QString topic = a.intent.intent;
    QString summary = QStringLiteral("Customer inquiry: %1").arg(QString(topic).replace(QLatin1Char('_'), QLatin1Char(' ')));
    if (act.order)
        summary += QStringLiteral(" (order %1)").arg(act.order->id);
    if (!act.actionsTaken.isEmpty())
        summary += QStringLiteral(" - ") + act.actionsTaken.join(QStringLiteral(", "));
    if (s.currentTier != Tier::AiRep)
        summary += QStringLiteral(" - with ") + toString(s.currentTier);
    return summary;
}

bool isSmallTalk(const QString &intent)
{
    for (const char *name : {nlu::intent::Greeting, nlu::intent::Thanks, nlu::intent::Goodbye, nlu::intent::HumanRequest,
                             nlu::intent::ManagerRequest})
        if (intent == QLatin1String(name))
            return true;
    return false;
}

} // namespace

Result<MessageOutcome> SessionEngine::postMessage(const QString &companyId, const QString &sessionId, const QString &text,
                                                  const Actor &actor)
{
    const auto checked = validateCustomerText(text, m_limits.maxMessageChars, QStringLiteral("message"));
    if (!checked)
        return checked.error();
    const QString clean = checked.value();
    auto found = openSession(companyId, sessionId, false, actor.customerScope);
    if (!found)
        return found.error();
    Session s = found.value();
    if (s.status == SessionStatus::Resolved)
        return makeError(ErrorKind::SessionResolved, QStringLiteral("Session already resolved"),
                         {{QStringLiteral("sessionId"), s.id}});
    // A transcript without end would make every read of it slower; a long
    // conversation goes on in a new session.
    if (s.messageCount >= m_limits.maxMessagesPerSession)
        return makeError(ErrorKind::Conflict, QStringLiteral("Session has reached its message limit"),
                         {{QStringLiteral("sessionId"), s.id}, {QStringLiteral("maxMessages"), m_limits.maxMessagesPerSession}});
    auto company = this->company(companyId);
    if (!company)
        return company.error();
    if (!company->config.enabled())
        return makeError(ErrorKind::CompanyDisabled, QStringLiteral("Company CS not enabled"),
                         {{QStringLiteral("companyId"), companyId}});

    Result<MessageOutcome> result = makeError(ErrorKind::Internal, QStringLiteral("could not store the message"));
    m_store.batch().run([&] {
        result = handleMessage(s, *company, clean, actor);
        if (result)
            record(companyId, actor, QStringLiteral("message.create"), QStringLiteral("session:") + s.id, 201);
        return result.ok();
    });
    if (result)
        remember(result->session);
    else
        forget(sessionId);
    return result;
}

Result<MessageOutcome> SessionEngine::handleMessage(Session &s, const Company &company, const QString &text,
                                                    const Actor &)
{
    QElapsedTimer timer;
    timer.start();
    const qint64 now = m_clock.nowMs();
    const CsConfig &config = company.config;
    const Customer customer = ensureCustomer(s.companyId, s.customerId, now);
    MessageAnalysis a = m_analyzer.analyze(text, config.irateProtocol());

    // An abandoned conversation that the customer picks up again is live again.
    if (s.status == SessionStatus::Abandoned)
        s.status = s.currentTier == Tier::AiRep ? SessionStatus::Active : SessionStatus::Escalated;

    MessageOutcome out;
    Message &cm = out.customerMessage;
    cm.id = ids::random(QStringLiteral("msg_"));
    cm.role = QStringLiteral("customer");
    cm.content = text;
    cm.timestamp = now;
    cm.sentiment = a.sentiment.level;
    if (!m_store.sessions().appendMessage(s.id, s.messageCount++, cm))
        return makeError(ErrorKind::Internal, QStringLiteral("could not store the message"));
    const SentimentPoint point{a.sentiment.level, a.sentiment.score, now, a.irate ? a.irateTrigger() : a.sentiment.trigger};
    m_store.sessions().appendSentiment(s.id, point);
    s.customerSentiment = a.sentiment.level;

    // The dialogue so far decides what this message refers to (and may correct its intent).
    const QJsonObject storedState = m_store.dialogues().load(s.id).value_or(QJsonObject());
    dialogue::DialogueState state = dialogue::DialogueState::fromJson(storedState);
    const TurnPlan plan = TurnPlanner(m_actions, now).plan(s, customer, a, text, state);

    // Repeat contact is judged once, when the session's category becomes known:
    // given at creation (checked on the first message) or found now.
    const bool firstMessage = s.messageCount == 1;
    const IssueCategory category = a.intent.category;
    const bool firstCategory = !s.issueCategory && category != IssueCategory::GeneralInquiry;
    if (firstCategory)
        s.issueCategory = category;
    const bool judgeRepeat = s.issueCategory && (firstCategory || firstMessage);
    const bool repeatContact = judgeRepeat && config.repeatContactWindowHours() > 0
                               && m_store.sessions().hasRecentContact(s.companyId, s.customerId, *s.issueCategory,
                                                                      now - qint64(config.repeatContactWindowHours()) * 3600000,
                                                                      s.id);
    if (a.irate)
        ++s.irateCount;

    const QString &intent = a.intent.intent;
    // The knowledge base is searched only when the reply may quote it: answers
    // about an order or an action are built from their results instead.
    const bool answeredByAction = plan.answersWithoutKnowledge() || isSmallTalk(intent);
    // The planner words the search (the questions asked, a follow-up's topic); some go beside an order.
    const bool searched = !answeredByAction || plan.knowledge.alongside;
    const QList<KbHit> knowledge = searched ? m_store.kb().search(s.companyId, plan.knowledge.query, 4) : QList<KbHit>();
    const bool confident = isConfident(a, knowledge) || answeredByAction || knowledgeAnswers(knowledge, plan.knowledge.query);
    const int unconfident = confident ? 0 : s.unconfidentTurns + 1;
    s.unconfidentTurns = unconfident;

    std::optional<EscalationDecision> decision;
    if (s.currentTier != Tier::HumanAgent)
        decision = decideEscalation({s, &customer, config, a, plan.request, repeatContact, unconfident});
    if (decision) {
        out.escalation = applyEscalation(s, decision->target, decision->reason, decision->notes, true, now);
        if (!out.escalation)
            return makeError(ErrorKind::Internal, QStringLiteral("could not store the escalation"));
    } else if (s.currentTier == Tier::HumanAgent) {
        s.status = SessionStatus::Escalated; // waiting in the human queue
    } else {
        s.status = SessionStatus::Active;
    }

    const ActionReport report = act(s, customer, config.tier(s.currentTier), plan, state, now);
    // Written only when it changed: most messages leave the dialogue as it was.
    if (const QJsonObject changed = state.toJson(); changed != storedState && !m_store.dialogues().save(s.id, changed, now))
        return makeError(ErrorKind::Internal, QStringLiteral("could not store the dialogue state"));

    const bool aiAnswers = s.currentTier != Tier::HumanAgent || out.escalation.has_value();
    if (aiAnswers) {
        const Tier speaker = s.currentTier == Tier::HumanAgent && out.escalation ? out.escalation->fromTier : s.currentTier;
        const TierCapabilities speakerCaps = config.tier(speaker);
        const Reply reply = m_responder->compose({s, customer, a, report, decision, knowledge, speakerCaps, text});
        Message ai;
        ai.id = ids::random(QStringLiteral("msg_"));
        ai.role = roleOf(speaker);
        ai.content = reply.content;
        if (out.escalation && out.escalation->toTier == Tier::HumanAgent && m_desk)
            if (const QString note = m_desk->handoverNote(s, company); !note.isEmpty())
                ai.content += QLatin1Char(' ') + note;
        ai.timestamp = m_clock.nowMs();
        ai.metadata = {{QStringLiteral("aiGenerated"), true},
                       {QStringLiteral("model"), reply.model},
                       {QStringLiteral("tokens"), QJsonObject{{QStringLiteral("input"), reply.inputTokens},
                                                              {QStringLiteral("output"), reply.outputTokens}}},
                       {QStringLiteral("latencyMs"), qMax<qint64>(timer.elapsed(), 0)},
                       {QStringLiteral("actionsTaken"), QJsonArray::fromStringList(report.actionsTaken)},
                       {QStringLiteral("suggestedActions"), QJsonArray::fromStringList(reply.suggestedActions)},
                       {QStringLiteral("intent"), intent},
                       {QStringLiteral("confidence"), qRound(a.intent.confidence * 1000) / 1000.0}};
        if (!m_store.sessions().appendMessage(s.id, s.messageCount++, ai))
            return makeError(ErrorKind::Internal, QStringLiteral("could not store the reply"));
        out.aiResponse = ai;
        if (s.currentTier != Tier::HumanAgent && !out.escalation)
            s.status = SessionStatus::WaitingCustomer;
    }

    if (!aiAnswers && m_desk)
        m_desk->customerWrote(s);
    s.issueSummary = summaryFor(s, a, report);
    s.updatedAt = s.lastActivityAt = m_clock.nowMs();
    if (!m_store.sessions().update(s))
        return makeError(ErrorKind::Internal, QStringLiteral("could not update the session"));
    out.session = s;

    if (eventsWanted()) {
        QJsonObject event{{QStringLiteral("customerMessage"), json::message(cm)},
                          {QStringLiteral("session"), json::sessionSummary(s)}};
        if (out.aiResponse)
            event.insert(QStringLiteral("aiResponse"), json::message(*out.aiResponse));
        publish(s, QStringLiteral("message"), event);
    }
    return out;
}

ActionReport SessionEngine::act(const Session &s, const Customer &customer, const TierCapabilities &caps,
                               const TurnPlan &plan, dialogue::DialogueState &state, qint64 now)
{
    ActionReport report;
    // A person decides on money themselves: AI actions run only at AI tiers.
    const bool aiTier = s.currentTier != Tier::HumanAgent;
    if (plan.confirmed && aiTier)
        report = m_actions.carryOutAll(s, customer, caps, plan.confirmedActions(), now);
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
    if (plan.request.kind == RequestedAction::None)
        return report;
    const std::optional<Order> order = plan.request.orderId.isEmpty()
                                           ? std::nullopt
                                           : m_actions.findOrder(s.companyId, s.customerId, plan.request.orderId);
    if (order && !report.order)
        report.order = order;
    if (aiTier && tierAllows(caps, plan.request)) {
        // Nothing moves yet: the customer confirms the summary first.
        report.confirmation = TurnPlanner::askToConfirm(plan, customer, order, caps, s.currentTier, state);
    } else {
        report.handover = TurnPlanner::describe(plan.request);
    }
    return report;
}

} // namespace tierdesk
