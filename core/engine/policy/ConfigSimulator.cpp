#include "core/engine/policy/ConfigSimulator.h"

#include "core/engine/SessionEngine.h"
#include "core/engine/pipeline/WorkerPool.h"

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
    Done done;
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
    run->done = std::move(done);
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

void ConfigSimulator::copyMore(const std::shared_ptr<Run> &run)
{
    if (!run->context)
        return; // the caller is gone
    const int end = qMin(run->next + kSessionsPerPass, int(run->listed.size()));
    for (; run->next < end; ++run->next)
        if (auto copied = copySession(run->listed.at(run->next), run->report))
            run->sessions << *copied;
    if (run->next < run->listed.size()) {
        QMetaObject::invokeMethod(
            this, [this, run] { copyMore(run); }, Qt::QueuedConnection);
        return;
    }
    run->report.sessionsReplayed = int(run->sessions.size());
    replay(run);
}

std::optional<ReplaySession> ConfigSimulator::copySession(const Session &listed, SimulationReport &report)
{
    // The transcript from its start: the oldest messages decide the first escalation.
    MessageWindow window;
    window.limit = kTranscriptWindow;
    window.before = qMin(listed.messageCount, kTranscriptWindow);
    const auto s = m_engine.core().store().sessions().find(listed.id, true, window);
    if (!s)
        return std::nullopt;
    ReplaySession r{s->id, s->customerId, s->createdAt, false, {}, {}};
    if (const auto customer = m_engine.core().store().customers().find(s->companyId, s->customerId))
        r.customerIsVip = customer->isVIP;
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
    return r;
}

void ConfigSimulator::replay(const std::shared_ptr<Run> &run)
{
    const std::shared_ptr<const MessageAnalyzer> analyzer = m_analyzer;
    m_workers->run<SimulationReport>(
        [run, analyzer]() {
            SimulationReport report = run->report;
            for (const ReplaySession &s : std::as_const(run->sessions)) {
                SimulatedSession sim{s.id, s.customerId, s.createdAt, int(s.texts.size()), {}, {}, ReplayChange::None};
                sim.before = replaySession(s, run->current, *analyzer, run->companyId);
                sim.after = replaySession(s, run->proposed, *analyzer, run->companyId);
                sim.change = compareReplays(sim.before, sim.after);
                report.sessions << sim;
            }
            return report;
        },
        [run](SimulationReport finished) {
            if (run->context)
                run->done(std::move(finished));
        });
}

} // namespace tierdesk
