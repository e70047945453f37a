#pragma once

#include "core/common/Result.h"
#include "core/engine/policy/ConfigReplay.h"

#include <QObject>

#include <functional>
#include <memory>
#include <optional>

namespace tierdesk {

class SessionEngine;
struct Session;
class WorkerPool;

struct SimulationRequest {
    QString companyId;
    CsConfig proposed; // the whole config to try, checked as PUT /config checks it
    qint64 startMs = 0; // sessions created in [startMs, endMs]
    qint64 endMs = 0;
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
};

// The what-if of a config change (POST /api/cs/config/simulate): the company's stored
// sessions of a period are replayed with the current and the proposed config. The
// engine thread only copies the sessions' customer messages (read-only, bounded by the
// limits, a few sessions per pass of the event loop so other requests go on between);
// the replay runs on a worker pool and the report comes back on this thread.
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
    // Refuses an unknown company (nothing runs); else calls `done` later on this thread,
    // unless `context` is gone by then.
    Status simulate(const SimulationRequest &request, QObject *context, Done done);

private:
    struct Run;
    void copyMore(const std::shared_ptr<Run> &run);
    std::optional<ReplaySession> copySession(const Session &listed, SimulationReport &report);
    void replay(const std::shared_ptr<Run> &run);

    SessionEngine &m_engine;
    std::shared_ptr<const MessageAnalyzer> m_analyzer;
    std::unique_ptr<WorkerPool> m_workers; // after the analyzer: destroyed (and waited for) first
};

} // namespace tierdesk
