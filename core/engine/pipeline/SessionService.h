#pragma once

#include "core/engine/pipeline/EngineCore.h"

namespace tierdesk {

// Sessions outside a customer's turn: reading and listing them, escalating, resolving,
// their metadata, abandoning the idle ones, and the analytics over them.
class SessionService {
public:
    explicit SessionService(EngineCore &core) : m_core(core) { }

    static constexpr int kMaxResolutionChars = 2000; // a resolution's summary, and each action it lists

    // Get Session: the row, both histories and a window of the transcript.
    Result<Session> find(const QString &companyId, const QString &id, const MessageWindow &window = {},
        const QString &customerScope = {});
    Result<QList<Session>> list(const SessionFilter &filter, int *total);
    // A session's row without its messages, whatever the company (the caller checks it).
    std::optional<Session> header(const QString &sessionId);
    Result<Session> escalate(const QString &companyId, const QString &sessionId, EscalationReason reason, Tier target,
        const QString &notes, const Actor &actor);
    Result<Session> resolve(const QString &companyId, const QString &sessionId, const Resolution &resolution,
        const Actor &actor, const std::optional<QString> &closingMessage = std::nullopt);
    // Sets metadata[key] of a session (what another API family keeps beside it; the
    // metadata stays within 8 KiB); audited as session.metadata with the key.
    Result<Session> setMetadataEntry(const QString &companyId, const QString &sessionId, const QString &key,
        const QVariant &value, const Actor &actor);
    // Marks sessions idle for longer than `idleMs` ABANDONED; returns how many.
    int sweepAbandoned(qint64 idleMs);
    Result<AnalyticsSummary> analytics(const QString &companyId, qint64 startMs, qint64 endMs, GroupBy groupBy);

private:
    // Stores `s` and its audit row in one batch work; the cache follows what was stored.
    Result<Session> store(Session &s, const std::function<bool()> &writes, const QString &failure);
    Status checkNotes(const QString &notes) const;
    Status checkResolution(const Resolution &resolution) const;

    EngineCore &m_core;
};

} // namespace tierdesk
