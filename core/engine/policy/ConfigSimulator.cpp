#include "core/engine/policy/ConfigSimulator.h"

#include "core/engine/SessionEngine.h"
#include "core/engine/admin/AiConfigCheck.h"
#include "core/engine/pipeline/WorkerPool.h"
#include "core/engine/policy/ModelTrial.h"
#include "core/engine/reply/providers/ModelResponder.h"

#include <QPointer>

namespace tierdesk {

ConfigSimulator::ConfigSimulator(SessionEngine &engine, QObject *parent)
    : QObject(parent), m_engine(engine), m_analyzer(std::make_shared<const MessageAnalyzer>()),
      m_workers(std::make_unique<WorkerPool>(1))
{
}

ConfigSimulator::~ConfigSimulator() = default;

// One simulation in progress: what is copied so far, and whom to answer.
struct ConfigSimulator::Run {
    QString companyId;
    CsConfig current;
    CsConfig proposed;
    QList<Session> listed; // newest first, without transcripts
    int next = 0;
    SimulationReport report;
    QList<ReplaySession> sessions;
    QPointer<QObject> context;
    std::function<bool()> stillWanted;
    int replyTimeoutMs = 0;
    int maxModelCalls = 0;
    Done done;
    // The model trial's, when there is one (report.ai is set then).
    std::shared_ptr<Responder> candidate;
    QHash<QString, TrialSession> trialSessions; // by session id
    int trialTurnsLeft = 0;

    bool wanted() const { return context && (!stillWanted || stillWanted()); }
};

// What the worker hands back: the report, and the turns the candidate model words.
struct Replayed {
    SimulationReport report;
    QList<TrialTurn> turns;
};

Status ConfigSimulator::simulate(const SimulationRequest &request, QObject *context, Done done)
{
    const auto company = m_engine.company(request.companyId);
    if (!company)
        return company.error();
    auto run = std::make_shared<Run>();
    run->companyId = request.companyId;
    run->current = company->config;
    run->proposed = request.proposed;
    run->context = context;
    run->stillWanted = request.stillWanted;
    run->replyTimeoutMs = request.replyTimeoutMs;
    run->maxModelCalls = request.maxModelCalls;
    run->done = std::move(done);
    if (ModelTrial::triesModel(run->current.ai, run->proposed.ai))
        if (const Status prepared = prepareTrial(*run); !prepared)
            return prepared;
    SessionFilter filter;
    filter.companyId = request.companyId;
    filter.startMs = request.startMs;
    filter.endMs = request.endMs;
    filter.limit = kMaxSessions;
    int total = 0;
    run->listed = m_engine.core().store().sessions().list(filter, &total);
    run->report.sessionsInPeriod = total;
    run->report.truncated = total > int(run->listed.size());
    copyMore(run);
    return Ok{};
}

// The candidate model's responder, made here as the engine's ResponderDirectory makes a
// company's (the directory keeps the company's current one).
Status ConfigSimulator::prepareTrial(Run &run)
{
    const Result<AiProvider> provider = m_engine.aiProviders().find(run.companyId, run.proposed.ai.provider);
    if (!provider)
        return unknownAiProvider(run.proposed.ai.provider);
    run.candidate
        = std::make_shared<ModelResponder>(m_engine.aiProviders().modelOf(*provider), *provider, run.proposed.ai);
    run.report.ai = ModelTrialReport{run.proposed.ai, false, {}};
    run.trialTurnsLeft = ModelTrial::kMaxTurns;
    return Ok{};
}

void ConfigSimulator::copyMore(const std::shared_ptr<Run> &run)
{
    if (!run->wanted())
        return; // the caller is gone
    const int end = qMin(run->next + kSessionsPerPass, int(run->listed.size()));
    for (; run->next < end; ++run->next)
        if (auto copied = copySession(run->listed.at(run->next), *run))
            run->sessions << *copied;
    if (run->next < run->listed.size()) {
        QMetaObject::invokeMethod(
            this, [this, run] { copyMore(run); }, Qt::QueuedConnection);
        return;
    }
    run->report.sessionsReplayed = int(run->sessions.size());
    replay(run);
}

std::optional<ReplaySession> ConfigSimulator::copySession(const Session &listed, Run &run)
{
    // The transcript from its start: the oldest messages decide the first escalation.
    MessageWindow window;
    window.limit = kTranscriptWindow;
    window.before = qMin(listed.messageCount, kTranscriptWindow);
    const auto s = m_engine.core().store().sessions().find(listed.id, true, window);
    if (!s)
        return std::nullopt;
    SimulationReport &report = run.report;
    ReplaySession r{s->id, s->customerId, s->createdAt, false, {}, {}};
    Customer customer;
    customer.id = s->customerId;
    if (const auto found = m_engine.core().store().customers().find(s->companyId, s->customerId))
        customer = *found;
    r.customerIsVip = customer.isVIP;
    for (int i = 0; i < s->messages.size(); ++i) {
        if (s->messages.at(i).role != QLatin1String("customer"))
            continue;
        if (r.texts.size() == kMaxMessagesPerSession) {
            report.truncated = true;
            break;
        }
        r.texts << s->messages.at(i).content;
        r.positions << s->messagesFrom + i;
    }
    if (listed.messageCount > kTranscriptWindow)
        report.truncated = true;
    report.messagesReplayed += int(r.texts.size());
    if (report.ai)
        copyTrialFacts(*s, r, customer, run);
    return r;
}

void ConfigSimulator::copyTrialFacts(
    const Session &stored, const ReplaySession &copied, const Customer &customer, Run &run)
{
    TrialSession trial{customer, {}};
    const int history = run.proposed.ai.historyMessages;
    for (int k = 0; k < copied.texts.size(); ++k) {
        if (run.trialTurnsLeft == 0) {
            run.report.ai->truncated = true;
            break;
        }
        // The knowledge search is a store read: here, on the engine thread, with the copy.
        TrialFacts facts;
        facts.message = k;
        facts.knowledge
            = m_engine.core().store().kb().search(stored.companyId, copied.texts.at(k), ModelTrial::kKnowledgeHits);
        const int at = copied.positions.at(k) - stored.messagesFrom; // in stored.messages
        facts.history = stored.messages.mid(qMax(0, at - history), qMin(at, history));
        trial.turns << facts;
        --run.trialTurnsLeft;
    }
    if (!trial.turns.isEmpty())
        run.trialSessions.insert(stored.id, trial);
}

void ConfigSimulator::replay(const std::shared_ptr<Run> &run)
{
    const std::shared_ptr<const MessageAnalyzer> analyzer = m_analyzer;
    m_workers->run<Replayed>(
        [run, analyzer]() {
            Replayed out{run->report, {}};
            for (const ReplaySession &s : std::as_const(run->sessions)) {
                SimulatedSession sim{s.id, s.customerId, s.createdAt, int(s.texts.size()), {}, {}, ReplayChange::None};
                const auto trial = run->trialSessions.constFind(s.id);
                const bool tried = trial != run->trialSessions.cend();
                QList<ReplayStep> steps;
                sim.before = replaySession(s, run->current, *analyzer, run->companyId);
                sim.after = replaySession(s, run->proposed, *analyzer, run->companyId, tried ? &steps : nullptr);
                sim.change = compareReplays(sim.before, sim.after);
                out.report.sessions << sim;
                if (tried)
                    out.turns += trialTurns(s, *trial, steps, run->proposed, run->candidate);
            }
            return out;
        },
        [this, run](Replayed replayed) {
            if (!run->wanted())
                return;
            if (!replayed.report.ai)
                return run->done(std::move(replayed.report));
            tryModel(run, std::move(replayed.report), std::move(replayed.turns));
        });
}

void ConfigSimulator::tryModel(const std::shared_ptr<Run> &run, SimulationReport report, QList<TrialTurn> turns)
{
    if (!m_trial)
        m_trial = std::make_unique<ModelTrial>();
    m_trial->setLimits(run->replyTimeoutMs, run->maxModelCalls);
    m_trial->run(
        std::move(turns), [run] { return run->wanted(); },
        [run, report = std::move(report)](QList<TrialResult> results) mutable {
            report.ai->turns = std::move(results);
            run->done(std::move(report));
        });
}

} // namespace tierdesk
