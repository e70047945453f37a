#pragma once

#include "core/common/Result.h"
#include "core/engine/policy/ConfigReplay.h"
#include "core/engine/policy/TrialTurns.h"

#include <QObject>

#include <functional>
#include <memory>
#include <optional>

namespace tierdesk {

class ModelTrial;
class SessionEngine;
struct Session;
class WorkerPool;

struct SimulationRequest {
    QString companyId;
    CsConfig proposed; // the whole config to try, checked as PUT /config checks it
    qint64 startMs = 0; // sessions created in [startMs, endMs]
    qint64 endMs = 0;
    std::function<bool()> stillWanted{}; // false once the client has gone (engine thread); none: always
    // A model trial's limits: replies/timeoutMs and ai/maxConcurrent (the server's settings).
    int replyTimeoutMs = 15000;
    int maxModelCalls = 16;
};

struct SimulatedSession {
    QString id;
    QString customerId;
    qint64 createdAt = 0;
    int customerMessages = 0;
    ReplayResult before; // the current config
    ReplayResult after; // the proposed one
    ReplayChange change = ReplayChange::None;
};

struct SimulationReport {
    int sessionsInPeriod = 0;
    int sessionsReplayed = 0;
    int messagesReplayed = 0;
    bool truncated = false; // more sessions or messages than the limits below
    QList<SimulatedSession> sessions; // every replayed session, newest first
    // The candidate model's replies, when the proposed "ai" words replies with another model.
    std::optional<ModelTrialReport> ai;
};

// The what-if of a config change (POST /api/cs/config/simulate): the company's stored
// sessions of a period are replayed with the current and the proposed config. The
// engine thread only copies the sessions' customer messages (read-only, bounded by the
// limits, a few sessions per pass of the event loop so other requests go on between);
// the replay runs on a worker pool and the report comes back on this thread. When the
// proposed "ai" configuration names another model (ModelTrial::triesModel), the first
// customer turns are also worded by it (ModelTrial) before the report comes back.
class ConfigSimulator : public QObject {
public:
    static constexpr int kMaxSessions = 200;
    static constexpr int kMaxMessagesPerSession = 100; // customer messages replayed per session
    static constexpr int kMaxPeriodDays = 92;
    static constexpr int kSessionsPerPass = 20; // copied on the engine thread at a time
    static constexpr int kTranscriptWindow = 250; // transcript positions read per session

    explicit ConfigSimulator(SessionEngine &engine, QObject *parent = nullptr);
    ~ConfigSimulator() override;

    using Done = std::function<void(SimulationReport)>;
    // Refuses an unknown company, or a proposed model provider that is not registered
    // (field ai.provider), and nothing runs; else calls `done` later on this thread, unless
    // `context` is gone or the request is no longer wanted by then.
    Status simulate(const SimulationRequest &request, QObject *context, Done done);

private:
    struct Run;
    void copyMore(const std::shared_ptr<Run> &run);
    std::optional<ReplaySession> copySession(const Session &listed, Run &run);
    // The trial's part of a copied session: its customer, each message's knowledge and history.
    void copyTrialFacts(const Session &stored, const ReplaySession &copied, const Customer &customer, Run &run);
    Status prepareTrial(Run &run);
    void replay(const std::shared_ptr<Run> &run);
    void tryModel(const std::shared_ptr<Run> &run, SimulationReport report, QList<TrialTurn> turns);

    SessionEngine &m_engine;
    std::shared_ptr<const MessageAnalyzer> m_analyzer;
    std::unique_ptr<WorkerPool> m_workers; // after the analyzer: destroyed (and waited for) first
    std::unique_ptr<ModelTrial> m_trial; // made when first needed
};

} // namespace tierdesk
