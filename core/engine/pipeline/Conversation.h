#pragma once

#include "core/engine/knowledge/KnowledgeGaps.h"
#include "core/engine/pipeline/EngineCore.h"
#include "core/engine/pipeline/MessageAnalysis.h"
#include "core/engine/pipeline/MessageOutcome.h"
#include "core/engine/reply/Responder.h"

#include <QObject>
#include <QPointer>

#include <deque>
#include <functional>
#include <memory>

namespace tierdesk {

class Connectors;
class OrderGatherer;
class ReplyComposer;
class WorkerPool;
struct GatheredOrders;
struct ComposedReply;
struct ComposeInput;
struct Turn;
struct TurnPlan;
struct KbHit;
class MoneyOutbox;
struct MoneyAction;
namespace dialogue {
struct DialogueState;
}

// The customer's side of a session: starting it, and each message's turn. A turn
// goes in three phases: (1) analyse, plan, decide and act in one transaction, on
// the message's analysis (made beforehand on a worker thread: it reads nothing
// stored) and, for a company whose orders live in its own system, on the orders
// gathered from it beforehand off the engine thread (OrderGatherer); (2) word the reply from a snapshot off the engine
// thread (ReplyComposer, with a timeout and the ReplyGuard); (3) store the reply and publish in a second transaction. A
// session's messages are handled one at a time.
class Conversation : public QObject {
public:
    Conversation(
        EngineCore &core, Connectors &connectors, std::unique_ptr<Responder> responder, QObject *parent = nullptr);
    ~Conversation() override;

    using MessageDone = std::function<void(Result<MessageOutcome>)>;
    using SessionDone = std::function<void(Result<Session>, std::optional<MessageOutcome> first)>;

    // All three phases; `done` on the engine thread when the reply is stored (at once
    // on an error), unless `context` is gone by then.
    void createSession(const CreateSessionRequest &req, const Actor &actor, QObject *context, SessionDone done);
    // `meta`: what the customer's message carries (a caller's recognised words: `asr`).
    void postMessage(const QString &companyId, const QString &sessionId, const QString &text, const Actor &actor,
        QObject *context, MessageDone done, const MessageMeta &meta = {});
    // The same, the reply worded on the calling thread (command-line tools, tests, benchmarks).
    Result<Session> createSession(
        const CreateSessionRequest &req, const Actor &actor, std::optional<MessageOutcome> *first = nullptr);
    Result<MessageOutcome> postMessage(
        const QString &companyId, const QString &sessionId, const QString &text, const Actor &actor);
    // What the NLU makes of a customer message with the company's settings, stored nowhere.
    void analyseOnly(const QString &companyId, const QString &text, QObject *context,
        std::function<void(Result<MessageAnalysis>)> done);

    void setResponder(std::shared_ptr<Responder> responder);
    void setReplyTimeoutMs(int ms);
    void setMaxModelCalls(int calls);
    // Money at a payment provider: a turn's actions are settled before its reply is worded.
    void setMoneyOutbox(MoneyOutbox *money) { m_money = money; }

private:
    struct NewSession {
        Session session;
        std::shared_ptr<Turn> firstTurn; // with an initial message
    };
    // Phase one of createSession: the row, and the initial message's first phase.
    // `gathered`: the initial message's orders (gathered here, waiting, when the company needs them and none are
    // given).
    Result<NewSession> startSession(
        const CreateSessionRequest &req, const Actor &actor, const GatheredOrders *gathered = nullptr);
    void createSessionWith(const CreateSessionRequest &req, const Actor &actor, const QPointer<QObject> &guard,
        const SessionDone &done, const GatheredOrders *gathered);
    Result<Session> newSessionRow(const CreateSessionRequest &req);
    Result<std::pair<Session, Company>> openForMessage(
        const QString &companyId, const QString &sessionId, const Actor &actor);
    // Phase one in its own batch work / phase three in its own.
    // `analysed`: the message's analysis made off the engine thread (else it is made here).
    // `gathered`: the turn's orders (gathered here, waiting, when the company needs them and none are given).
    Result<Turn> startTurn(const QString &companyId, const QString &sessionId, const QString &text, const Actor &actor,
        const MessageAnalysis *analysed = nullptr, const GatheredOrders *gathered = nullptr,
        const MessageMeta &meta = {});
    // What the company's `customer` connector said (gathered), written into the customer's record in
    // a transaction of its own, so the turn decides on the company's figures (CustomerFacts).
    void takeCustomerFacts(const QString &companyId, const QString &customerId, const GatheredOrders *gathered,
        const QString &newName = {});
    // The message analysed on the worker pool; nullopt when it cannot be (the turn reports why).
    void analyseThen(
        const QString &companyId, const QString &text, std::function<void(std::optional<MessageAnalysis>)> then);
    // Phases two and three of an asynchronous message, after its phase one.
    void continueTurn(
        Result<Turn> turn, const QString &sessionId, const QPointer<QObject> &guard, const MessageDone &done);
    Result<MessageOutcome> endTurn(Turn &turn, const ComposedReply *reply);
    // Inside the caller's batch work: the message, analysis, escalation and actions.
    Result<Turn> beginTurn(Session &s, const Company &c, const QString &text, const MessageAnalysis *analysed,
        const Actor &actor, const GatheredOrders *gathered, const MessageMeta &meta = {});
    bool storeCustomerMessage(Session &s, Message &cm, const MessageAnalysis &a, qint64 now);
    // The message is stored and nothing else happens: no decision, no action, no reply.
    Result<Turn> keepUnanswered(Session &s, const Session &stored, Turn &turn, qint64 now);
    // Whether the customer wrote about the same category lately (the session's category is set here).
    bool isRepeatContact(Session &s, const CsConfig &config, const MessageAnalysis &a, qint64 now);
    // The knowledge the reply may quote; counts the turns the AI was not confident in.
    QList<KbHit> searchKnowledge(Session &s, const MessageAnalysis &a, const TurnPlan &plan);
    // The company's model responder, and the last messages it is given, when its "ai" names a provider.
    void useModel(ComposeInput &input, const Company &company);
    // What phase two words (`input` completed with the speaking tier), or nothing while a person has the session.
    void prepareReply(Session &s, Turn &turn, const Company &company, ComposeInput input);
    Result<MessageOutcome> finishTurn(Turn &turn, const ComposedReply *reply);
    void noteKnowledgeGap(const Session &s, const ComposeInput &input, const ComposedReply &composed);
    // The session's next waiting message, if any, starts (queued).
    void nextTurn(const QString &sessionId);
    // Carries out what the customer confirmed, or puts what they asked for to them as a summary to confirm
    // (worded by `say`).
    ActionReport act(const Session &s, const Customer &customer, const TierCapabilities &caps, const TurnPlan &plan,
        dialogue::DialogueState &state, qint64 now, const Phrases &say);

    // ConversationMoney.cpp: between the deciding transaction and the compose, the turn's money
    // actions are called at their provider and settled; the reply is worded from what they came to
    // (a failure hands the session to a person).
    bool needsSettling(const Turn &turn) const;
    void composeAfterMoney(const std::shared_ptr<Turn> &turn, std::function<void(ComposedReply)> done);
    void settleMoneyNow(Turn &turn);
    void afterSettled(Turn &turn, const QList<MoneyAction> &answered);
    void escalateForMoney(Turn &turn, ComposeInput &input);

    EngineCore &m_core;
    MoneyOutbox *m_money = nullptr;
    std::unique_ptr<WorkerPool> m_workers; // message analysis off the engine thread
    std::unique_ptr<OrderGatherer> m_gatherer; // the company's orders, off the engine thread
    std::unique_ptr<ReplyComposer> m_composer;
    // Sessions with a message in flight, and the messages waiting behind it.
    QHash<QString, std::deque<std::function<void()>>> m_turnsWaiting;
    MessageAnalyzer m_analyzer;
    KnowledgeGaps m_gaps{m_core};
};

} // namespace tierdesk
