#include "core/engine/ConfigSimulator.h"

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

QList<ReplaySession> ConfigSimulator::snapshot(const SimulationRequest &request, SimulationReport &report)
{
    SessionFilter filter;
    filter.companyId = request.companyId;
    filter.startMs = request.startMs;
    filter.endMs = request.endMs;
    filter.limit = kMaxSessions;
    int total = 0;
    const QList<Session> sessions = m_engine.store().sessions().list(filter, &total);
    report.sessionsInPeriod = total;
    report.truncated = total > int(sessions.size());
    QList<ReplaySession> out;
    for (const Session &listed : sessions) {
        // The transcript from its start: the oldest messages decide the first escalation.
        MessageWindow window;
        window.limit = MessageWindow::kMaxLimit;
        window.before = qMin(listed.messageCount, MessageWindow::kMaxLimit);
        const auto s = m_engine.store().sessions().find(listed.id, true, window);
        if (!s)
            continue;
        ReplaySession r{s->id, s->customerId, s->createdAt, false, {}, {}};
        if (const auto customer = m_engine.store().customers().find(s->companyId, s->customerId))
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
        if (listed.messageCount > MessageWindow::kMaxLimit)
            report.truncated = true;
        report.messagesReplayed += int(r.texts.size());
        out << r;
    }
    report.sessionsReplayed = int(out.size());
    return out;
}

Status ConfigSimulator::simulate(const SimulationRequest &request, QObject *context, Done done)
{
    const auto company = m_engine.company(request.companyId);
    if (!company)
        return company.error();
    const CsConfig current = company->config;
    const auto proposed = current.merged(request.patch); // the same check as PUT /config
    if (!proposed)
        return proposed.error();
    SimulationReport report;
    const QList<ReplaySession> sessions = snapshot(request, report);
    const QString companyId = request.companyId;
    const std::shared_ptr<const MessageAnalyzer> analyzer = m_analyzer;
    const CsConfig after = proposed.value();
    QPointer<QObject> guard(context);
    m_workers->run<SimulationReport>(
        [sessions, report, current, after, analyzer, companyId]() mutable {
            for (const ReplaySession &s : sessions) {
                SimulatedSession sim{s.id, s.customerId, s.createdAt, int(s.texts.size()), {}, {}, ReplayChange::None};
                sim.before = replaySession(s, current, *analyzer, companyId);
                sim.after = replaySession(s, after, *analyzer, companyId);
                sim.change = compareReplays(sim.before, sim.after);
                report.sessions << sim;
            }
            return report;
        },
        [guard, done = std::move(done)](SimulationReport finished) {
            if (guard)
                done(std::move(finished));
        });
    return Ok{};
}

} // namespace tierdesk
