// The customer's side of a session: its start, and the path of each message:
// validate, analyse, plan, decide escalation, act within the tier's capabilities,
// answer, persist, publish. Phase one's deciding (plan, escalation, actions, knowledge,
// the reply's input) is ConversationDecide.cpp; the money between phases one and two,
// ConversationMoney.cpp.
#include "core/engine/pipeline/Conversation.h"

#include "core/common/Ids.h"
#include "core/common/JsonWriter.h"
#include "core/engine/customers/CustomerFacts.h"
#include "core/engine/pipeline/AiReplyMessage.h"
#include "core/engine/pipeline/CustomerText.h"
#include "core/engine/pipeline/OpenSession.h"
#include "core/engine/pipeline/OrderGatherer.h"
#include "core/engine/pipeline/ReplyComposer.h"
#include "core/engine/pipeline/Turn.h"
#include "core/engine/pipeline/WorkerPool.h"
#include "core/engine/sources/MoneyOutbox.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QPointer>
#include <QThread>

namespace tierdesk {
namespace {

// Tries at storing a reply when, in team mode, other instances keep adding messages meanwhile.
constexpr int kReplyStoreAttempts = 3;

} // namespace

Conversation::Conversation(
    EngineCore &core, Connectors &connectors, std::unique_ptr<Responder> responder, QObject *parent)
    : QObject(parent), m_core(core), m_workers(std::make_unique<WorkerPool>(QThread::idealThreadCount())),
      m_gatherer(std::make_unique<OrderGatherer>(core, connectors, this)),
      m_composer(std::make_unique<ReplyComposer>(std::shared_ptr<Responder>(std::move(responder))))
{
}

Conversation::~Conversation()
{
    // Messages still being analysed or worded are dropped with their callbacks.
    m_workers.reset();
    m_composer.reset();
}

void Conversation::setResponder(std::shared_ptr<Responder> responder)
{
    m_composer->setResponder(std::move(responder));
}

void Conversation::setReplyTimeoutMs(int ms)
{
    m_composer->setTimeoutMs(ms);
}

void Conversation::setMaxModelCalls(int calls)
{
    m_composer->setMaxConcurrent(calls);
}

Result<Session> Conversation::newSessionRow(const CreateSessionRequest &req)
{
    const EngineLimits &limits = m_core.limits();
    if (!validSessionId(req.customerId, limits.maxIdChars))
        return makeError(ErrorKind::InvalidArgument,
            QStringLiteral("customerId must be 1 to 128 letters, digits or ._:@-"),
            {{QStringLiteral("field"), QStringLiteral("customerId")}});
    if (metadataBytes(req.metadata) > limits.maxMetadataBytes)
        return makeError(ErrorKind::InvalidArgument, QStringLiteral("metadata is larger than 8 KiB"),
            {{QStringLiteral("field"), QStringLiteral("metadata")}});
    if (!req.id.isEmpty()) {
        if (!validSessionId(req.id, limits.maxIdChars))
            return makeError(ErrorKind::InvalidArgument, ErrorDetail::InvalidSessionId,
                QStringLiteral("Invalid session ID"), {{QStringLiteral("sessionId"), req.id.left(128)}});
        if (m_core.cached(req.id) || m_core.store().sessions().find(req.id, false, {}))
            return makeError(ErrorKind::Conflict, QStringLiteral("Session ID already in use"),
                {{QStringLiteral("sessionId"), req.id}});
    }
    const qint64 now = m_core.clock().nowMs();
    Session s;
    s.id = req.id.isEmpty() ? ids::random(QStringLiteral("sess_")) : req.id;
    s.companyId = req.companyId;
    s.customerId = req.customerId;
    s.channel = req.channel;
    s.issueCategory = req.issueCategory;
    s.metadata = req.metadata;
    s.createdAt = s.updatedAt = s.lastActivityAt = now;
    return s;
}

Result<Conversation::NewSession> Conversation::startSession(
    const CreateSessionRequest &req, const Actor &actor, const GatheredOrders *gathered)
{
    auto company = m_core.company(req.companyId);
    if (!company)
        return company.error();
    if (!company->config.enabled)
        return makeError(ErrorKind::Forbidden, ErrorDetail::CompanyDisabled, QStringLiteral("Company CS not enabled"),
            {{QStringLiteral("companyId"), req.companyId}});
    auto row = newSessionRow(req);
    if (!row)
        return row.error();
    QString initial;
    if (!req.initialMessage.isEmpty()) {
        auto checked = validateCustomerText(
            req.initialMessage, m_core.limits().maxMessageChars, QStringLiteral("initialMessage"));
        if (!checked)
            return checked.error();
        initial = checked.value();
    }
    std::optional<GatheredOrders> gatheredHere;
    if (!initial.isEmpty() && !gathered && OrderGatherer::asks(company->config)) {
        gatheredHere = m_gatherer->gatherForNow(*company, req.id, req.customerId, initial);
        gathered = &*gatheredHere;
    }
    takeCustomerFacts(req.companyId, req.customerId, gathered, req.customerName);

    NewSession created{row.value(), nullptr};
    Session &s = created.session;
    Error failure{ErrorKind::Internal, QStringLiteral("could not store the session"), {}};
    const bool ok = m_core.store().batch().run([&] {
        m_core.ensureCustomer(s.companyId, s.customerId, s.createdAt, req.customerName);
        if (!m_core.store().sessions().insert(s))
            return false;
        m_core.record(s.companyId, actor, QStringLiteral("session.create"), QStringLiteral("session:") + s.id,
            AuditOutcome::Created, withPiiKinds({}, initial));
        m_core.queueWebhook(s, QStringLiteral("session.created"),
            {{QStringLiteral("channel"), toString(s.channel)},
                {QStringLiteral("currentTier"), toString(s.currentTier)}});
        m_core.publish(makeSessionEvent(SessionEventType::Created, s));
        if (initial.isEmpty())
            return true;
        auto turn = beginTurn(s, *company, initial, nullptr, actor, gathered);
        if (!turn) {
            failure = turn.error();
            return false;
        }
        s = turn->outcome.session;
        created.firstTurn = std::make_shared<Turn>(std::move(turn.value()));
        return true;
    });
    if (!ok) // the turn's error, else the batch's (a degraded store runs nothing)
        return failure.kind == ErrorKind::Internal ? m_core.store().batch().failure(failure.message) : failure;
    m_core.remember(s);
    return created;
}

Result<Session> Conversation::createSession(
    const CreateSessionRequest &req, const Actor &actor, std::optional<MessageOutcome> *first)
{
    auto created = startSession(req, actor);
    if (!created)
        return created.error();
    if (!created->firstTurn)
        return created->session;
    Turn &turn = *created->firstTurn;
    std::optional<ComposedReply> reply;
    settleMoneyNow(turn);
    if (turn.compose)
        reply = m_composer->composeNow(*turn.compose);
    auto outcome = endTurn(turn, reply ? &*reply : nullptr);
    if (!outcome)
        return outcome.error();
    if (first)
        *first = *outcome;
    return outcome->session;
}

void Conversation::createSession(
    const CreateSessionRequest &req, const Actor &actor, QObject *context, SessionDone done)
{
    // The initial message's orders are gathered first (at once for a company whose orders are the store's).
    const QPointer<QObject> guard(context);
    m_gatherer->gatherFor(req.companyId, QString(), req.customerId, req.initialMessage,
        [this, req, actor, guard, done = std::move(done)](std::optional<GatheredOrders> gathered) {
            createSessionWith(req, actor, guard, done, gathered ? &*gathered : nullptr);
        });
}

void Conversation::createSessionWith(const CreateSessionRequest &req, const Actor &actor,
    const QPointer<QObject> &guard, const SessionDone &done, const GatheredOrders *gathered)
{
    auto created = startSession(req, actor, gathered);
    // After a gather the caller may be gone: the session is made all the same, and nobody is told.
    if (gathered && !guard && (!created || !created->firstTurn || !created->firstTurn->compose)) {
        if (created && created->firstTurn)
            endTurn(*created->firstTurn, nullptr);
        return;
    }
    if (!created || !created->firstTurn || !created->firstTurn->compose) {
        if (!created)
            return done(created.error(), std::nullopt);
        if (!created->firstTurn)
            return done(created->session, std::nullopt);
        auto outcome = endTurn(*created->firstTurn, nullptr);
        return outcome ? done(outcome->session, *outcome) : done(outcome.error(), std::nullopt);
    }
    // Messages to the new session wait for its first reply (see postMessage).
    const QString id = created->session.id;
    m_turnsWaiting.insert(id, {});
    std::shared_ptr<Turn> turn = created->firstTurn;
    m_composer->compose(turn->compose, [this, turn, id, guard, done](const ComposedReply &reply) {
        auto outcome = endTurn(*turn, &reply);
        nextTurn(id);
        if (!guard)
            return;
        if (outcome)
            done(outcome->session, *outcome);
        else
            done(outcome.error(), std::nullopt);
    });
}

Result<std::pair<Session, Company>> Conversation::openForMessage(
    const QString &companyId, const QString &sessionId, const Actor &actor)
{
    auto found = openUnresolved(m_core, companyId, sessionId, false, actor.customerScope);
    if (!found)
        return found.error();
    Session s = found.value();
    // A transcript without end would make every read of it slower; a long
    // conversation goes on in a new session.
    if (s.messageCount >= m_core.limits().maxMessagesPerSession)
        return makeError(ErrorKind::Conflict, QStringLiteral("Session has reached its message limit"),
            {{QStringLiteral("sessionId"), s.id},
                {QStringLiteral("maxMessages"), m_core.limits().maxMessagesPerSession}});
    auto company = m_core.company(companyId);
    if (!company)
        return company.error();
    if (!company->config.enabled)
        return makeError(ErrorKind::Forbidden, ErrorDetail::CompanyDisabled, QStringLiteral("Company CS not enabled"),
            {{QStringLiteral("companyId"), companyId}});
    return std::make_pair(s, *company);
}

Result<Turn> Conversation::startTurn(const QString &companyId, const QString &sessionId, const QString &text,
    const Actor &actor, const MessageAnalysis *analysed, const GatheredOrders *gathered, const MessageMeta &meta)
{
    const auto checked = validateCustomerText(text, m_core.limits().maxMessageChars, QStringLiteral("message"));
    if (!checked)
        return checked.error();
    auto opened = openForMessage(companyId, sessionId, actor);
    if (!opened)
        return opened.error();
    // Named references, not a structured binding: C++17 lambdas cannot capture those.
    Session &s = opened->first;
    const Company &company = opened->second;
    std::optional<GatheredOrders> gatheredHere; // the waiting path (command-line tools, tests)
    if (!gathered && OrderGatherer::asks(company.config)) {
        gatheredHere = m_gatherer->gatherForNow(company, s.id, s.customerId, checked.value());
        gathered = &*gatheredHere;
    }
    takeCustomerFacts(companyId, s.customerId, gathered);
    Result<Turn> turn = makeError(ErrorKind::Internal, QStringLiteral("could not store the message"));
    const Status stored = m_core.store().batch().run([&]() -> Status {
        turn = beginTurn(s, company, checked.value(), analysed, actor, gathered, meta);
        if (!turn)
            return turn.error();
        m_core.record(companyId, actor, QStringLiteral("message.create"), QStringLiteral("session:") + s.id,
            AuditOutcome::Created, withPiiKinds({}, checked.value()));
        return Ok{};
    });
    if (!stored) { // the turn's error, or the batch's (a degraded store runs nothing)
        m_core.forget(sessionId);
        return stored.error();
    }
    m_core.remember(turn->outcome.session);
    return turn;
}

void Conversation::takeCustomerFacts(
    const QString &companyId, const QString &customerId, const GatheredOrders *gathered, const QString &newName)
{
    if (!gathered || !gathered->customer)
        return;
    // A store that cannot write it leaves the record as it was: the turn goes on with Tierdesk's own facts.
    if (const Status written = CustomerFacts(m_core).write(companyId, customerId, *gathered->customer, newName);
        !written)
        qWarning("the company's facts about a customer could not be stored: %s", qPrintable(written.error().message));
}

Result<MessageOutcome> Conversation::endTurn(Turn &turn, const ComposedReply *reply)
{
    Result<MessageOutcome> result = makeError(ErrorKind::Internal, QStringLiteral("could not store the reply"));
    for (int attempt = 0;; ++attempt) {
        const Status stored = m_core.store().batch().run([&]() -> Status {
            result = finishTurn(turn, reply);
            if (!result)
                return result.error();
            return Ok{};
        });
        if (stored)
            break;
        m_core.forget(turn.outcome.session.id); // the turn's error, or the batch's (a degraded store)
        // Team mode: another instance added a message between reading the session and storing the
        // reply. The customer's message is stored already: the reply goes after the newer one.
        if (stored.error().kind == ErrorKind::Conflict && attempt < kReplyStoreAttempts - 1)
            continue;
        return stored.error();
    }
    m_core.remember(result->session);
    if (m_money)
        m_money->told(turn.moneyTold);
    return result;
}

Result<MessageOutcome> Conversation::postMessage(
    const QString &companyId, const QString &sessionId, const QString &text, const Actor &actor)
{
    auto turn = startTurn(companyId, sessionId, text, actor);
    if (!turn)
        return turn.error();
    if (!turn->compose)
        return endTurn(*turn, nullptr);
    settleMoneyNow(*turn);
    const ComposedReply reply = m_composer->composeNow(*turn->compose);
    return endTurn(*turn, &reply);
}

void Conversation::postMessage(const QString &companyId, const QString &sessionId, const QString &text,
    const Actor &actor, QObject *context, MessageDone done, const MessageMeta &meta)
{
    // One message of a session at a time: the next waits until this one's reply is stored,
    // so replies and messages keep their order in the transcript.
    const QPointer<QObject> guard(context);
    auto call = [this, companyId, sessionId, text, actor, guard, done = std::move(done), meta] {
        // The analysis reads nothing stored: it runs on the pool, then the company's orders are
        // gathered (off the engine thread), and the turn goes on with both.
        analyseThen(companyId, text,
            [this, companyId, sessionId, text, actor, guard, done, meta](std::optional<MessageAnalysis> a) {
                if (!a) // the turn reports why
                    return continueTurn(
                        startTurn(companyId, sessionId, text, actor, nullptr, nullptr, meta), sessionId, guard, done);
                m_gatherer->gatherFor(companyId, sessionId, QString(), text,
                    [this, companyId, sessionId, text, actor, guard, done, a, meta](std::optional<GatheredOrders> g) {
                        continueTurn(startTurn(companyId, sessionId, text, actor, &*a, g ? &*g : nullptr, meta),
                            sessionId, guard, done);
                    });
            });
    };
    auto busy = m_turnsWaiting.find(sessionId);
    if (busy != m_turnsWaiting.end()) {
        busy->push_back(std::move(call));
        return;
    }
    m_turnsWaiting.insert(sessionId, {});
    call();
}

void Conversation::analyseThen(
    const QString &companyId, const QString &text, std::function<void(std::optional<MessageAnalysis>)> then)
{
    const auto company = m_core.company(companyId);
    const auto clean = validateCustomerText(text, m_core.limits().maxMessageChars, QStringLiteral("message"));
    if (!company || !clean) // the turn reports why
        return then(std::nullopt);
    const IrateProtocol irate = company->config.irate;
    const MessageAnalyzer *analyzer = &m_analyzer; // const and thread-safe; the pool goes before it
    m_workers->run<std::optional<MessageAnalysis>>(
        [analyzer, text = clean.value(), irate, companyId]() -> std::optional<MessageAnalysis> {
            return analyzer->analyze(text, irate, companyId);
        },
        std::move(then));
}

void Conversation::analyseOnly(
    const QString &companyId, const QString &text, QObject *context, std::function<void(Result<MessageAnalysis>)> done)
{
    const auto company = m_core.company(companyId);
    if (!company)
        return done(company.error());
    const auto clean = validateCustomerText(text, m_core.limits().maxMessageChars, QStringLiteral("message"));
    if (!clean)
        return done(clean.error());
    analyseThen(companyId, text,
        [guard = QPointer<QObject>(context), done = std::move(done)](std::optional<MessageAnalysis> a) {
            if (!guard)
                return;
            if (a)
                done(std::move(*a));
            else
                done(makeError(ErrorKind::Internal, QStringLiteral("the message could not be analysed")));
        });
}

void Conversation::continueTurn(
    Result<Turn> turn, const QString &sessionId, const QPointer<QObject> &guard, const MessageDone &done)
{
    if (!turn || !turn->compose) {
        Result<MessageOutcome> result = turn ? endTurn(*turn, nullptr) : Result<MessageOutcome>(turn.error());
        nextTurn(sessionId);
        if (guard)
            done(std::move(result));
        return;
    }
    auto shared = std::make_shared<Turn>(std::move(turn.value()));
    composeAfterMoney(shared, [this, shared, sessionId, guard, done](const ComposedReply &reply) {
        Result<MessageOutcome> result = endTurn(*shared, &reply);
        nextTurn(sessionId);
        if (guard)
            done(std::move(result));
    });
}

void Conversation::nextTurn(const QString &sessionId)
{
    auto it = m_turnsWaiting.find(sessionId);
    if (it == m_turnsWaiting.end())
        return;
    if (it->empty()) {
        m_turnsWaiting.erase(it);
        return;
    }
    std::function<void()> next = std::move(it->front());
    it->pop_front();
    // Queued: the reply just stored goes out before the next message starts.
    QMetaObject::invokeMethod(this, std::move(next), Qt::QueuedConnection);
}

Result<MessageOutcome> Conversation::finishTurn(Turn &turn, const ComposedReply *composed)
{
    MessageOutcome out = turn.outcome;
    Session &s = out.session;
    if (composed) {
        // The session as it is now: a person may have taken or resolved it while the reply was worded.
        auto current = m_core.openSession(s.companyId, s.id, false, QString());
        if (!current)
            return current.error();
        s = current.value();
        if (s.status != SessionStatus::Resolved) {
            Message ai = aiReplyMessage(turn, *composed, m_core.clock().nowMs());
            if (!m_core.store().sessions().appendMessage(s.id, s.messageCount++, ai))
                return m_core.store().batch().failure(QStringLiteral("could not store the reply"));
            if (const Status counted = m_core.store().sessions().setMessageCount(s.id, s.messageCount); !counted)
                return counted.error(); // team mode: another instance wrote meanwhile
            out.aiResponse = ai;
            noteKnowledgeGap(s, *turn.compose, *composed);
        }
    }
    if (m_core.eventsWanted()) {
        SessionEvent event = makeSessionEvent(SessionEventType::Message, s);
        event.customerMessage = out.customerMessage;
        event.reply = out.aiResponse;
        m_core.publish(std::move(event));
    }
    return out;
}

// A question the company's knowledge did not answer, kept for the people who write its articles:
// the reply said it does not know or could not tell what was asked, or the AI handed the
// conversation on as beyond it.
void Conversation::noteKnowledgeGap(const Session &s, const ComposeInput &input, const ComposedReply &composed)
{
    QString reason = composed.reply.knowledgeGap;
    const std::optional<EscalationDecision> &escalation = input.escalation;
    if (reason.isEmpty() && escalation
        && (escalation->reason == EscalationReason::ComplexIssue
            || escalation->reason == EscalationReason::TechnicalLimitation))
        reason = QLatin1String(gapreason::kEscalated);
    if (reason.isEmpty())
        return;
    if (const Status noted = m_gaps.record(s.companyId, s.id, input.message, reason, m_core.clock().nowMs()); !noted)
        qWarning("could not record a question the knowledge did not answer: %s", qPrintable(noted.error().message));
}

} // namespace tierdesk
