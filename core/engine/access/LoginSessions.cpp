#include "core/engine/access/LoginSessions.h"

#include "core/common/Ids.h"

namespace tierdesk {
namespace {

// A device name as shown in a list: one line, no control characters.
QString deviceName(const QString &given)
{
    QString name = given;
    for (QChar &ch : name)
        if (ch.category() == QChar::Other_Control)
            ch = QLatin1Char(' ');
    return name.simplified().left(LoginSessions::kMaxDeviceChars);
}

} // namespace

LoginSessions::LoginSessions(SessionEngine &engine, QObject *parent)
    : QObject(parent), m_engine(engine), m_repo(engine.core().store().db())
{
    const qint64 now = engine.clock().nowMs();
    for (const EndedLoginSession &e : m_repo.endedSince(0, now))
        m_ended.insert(e.id, e.expiresAt);
    m_lastRefresh = now;
    m_flush.setInterval(kFlushMs);
    connect(&m_flush, &QTimer::timeout, this, &LoginSessions::flushSeen);
    m_flush.start();
}

LoginSessions::~LoginSessions()
{
    writeSeen(); // not the clock: a test's may be gone before the runtime
}

Result<LoginSession> LoginSessions::open(
    const Agent &agent, const QString &method, const QString &device, const QString &address, qint64 expiresAtMs)
{
    LoginSession s;
    s.id = ids::random(QStringLiteral("lgs_"));
    s.companyId = agent.companyId;
    s.agentId = agent.id;
    s.method = method;
    s.device = deviceName(device);
    s.address = address.left(64);
    s.createdAt = m_engine.clock().nowMs();
    s.lastSeenAt = s.createdAt;
    s.expiresAt = expiresAtMs;
    Store &store = m_engine.core().store();
    const Status stored = store.batch().run([&] { return m_repo.insert(s); });
    if (!stored)
        return stored.error();
    return s;
}

Status LoginSessions::refusal(const QString &sessionId)
{
    if (m_ended.contains(sessionId))
        return makeError(ErrorKind::Unauthenticated, QStringLiteral("the session was ended"));
    m_seen.insert(sessionId, m_engine.clock().nowMs());
    return Ok{};
}

std::optional<LoginSession> LoginSessions::find(const QString &sessionId)
{
    if (sessionId.isEmpty() || sessionId.size() > 64)
        return std::nullopt;
    return m_repo.find(sessionId);
}

QList<LoginSession> LoginSessions::live(const QString &agentId)
{
    QList<LoginSession> out = m_repo.live(agentId, m_engine.clock().nowMs(), kMaxListed);
    for (LoginSession &s : out) // seen since the last flush
        s.lastSeenAt = qMax(s.lastSeenAt, m_seen.value(s.id));
    return out;
}

Status LoginSessions::end(const QString &agentId, const QString &sessionId, const QString &reason, const Actor &actor)
{
    const auto found = sessionId.size() <= 64 ? m_repo.find(sessionId) : std::nullopt;
    if (!found || found->agentId != agentId)
        return makeError(ErrorKind::NotFound, QStringLiteral("No such session"),
            {{QStringLiteral("sessionId"), sessionId.left(64)}});
    if (found->endedAt != 0)
        return Ok{};
    Store &store = m_engine.core().store();
    const qint64 now = m_engine.clock().nowMs();
    const Status done = store.batch().run([&]() -> Status {
        const auto changed = m_repo.end(sessionId, now, reason);
        if (!changed)
            return changed.error();
        return store.audit().append({now, found->companyId, actor.subject, actor.role,
            QStringLiteral("auth.session_end"), QStringLiteral("session:") + sessionId, actor.clientAddress,
            AuditOutcome::Done, {{QStringLiteral("agentId"), agentId}, {QStringLiteral("reason"), reason}}});
    });
    if (!done)
        return done;
    EndedLoginSession e;
    e.id = sessionId;
    e.expiresAt = found->expiresAt;
    markEnded({e});
    return Ok{};
}

Result<int> LoginSessions::endAll(const Agent &agent, const QString &reason, const Actor &actor)
{
    Store &store = m_engine.core().store();
    const qint64 now = m_engine.clock().nowMs();
    QList<EndedLoginSession> ended;
    const Status done = store.batch().run([&]() -> Status {
        auto all = m_repo.endAllOf(agent.id, now, reason);
        if (!all)
            return all.error();
        ended = *all;
        return store.audit().append({now, agent.companyId, actor.subject, actor.role,
            QStringLiteral("auth.sessions_end"), QStringLiteral("agent:") + agent.id, actor.clientAddress,
            AuditOutcome::Done, {{QStringLiteral("reason"), reason}, {QStringLiteral("ended"), ended.size()}}});
    });
    if (!done)
        return done.error();
    markEnded(ended);
    return int(ended.size());
}

Result<QStringList> LoginSessions::endAllInBatch(const QString &agentId, const QString &reason)
{
    auto ended = m_repo.endAllOf(agentId, m_engine.clock().nowMs(), reason);
    if (!ended)
        return ended.error();
    markEnded(*ended);
    QStringList ids;
    for (const EndedLoginSession &e : *ended)
        ids.append(e.id);
    return ids;
}

void LoginSessions::refreshEnded()
{
    const qint64 now = m_engine.clock().nowMs();
    QList<EndedLoginSession> fresh;
    for (const EndedLoginSession &e : m_repo.endedSince(m_lastRefresh - kRefreshOverlapMs, now))
        if (!m_ended.contains(e.id))
            fresh.append(e);
    m_lastRefresh = now;
    if (!fresh.isEmpty())
        markEnded(fresh);
}

void LoginSessions::markEnded(const QList<EndedLoginSession> &sessions)
{
    if (sessions.isEmpty())
        return;
    QStringList ids;
    for (const EndedLoginSession &e : sessions) {
        m_ended.insert(e.id, e.expiresAt);
        m_seen.remove(e.id);
        ids.append(e.id);
    }
    emit ended(ids);
}

void LoginSessions::flushSeen()
{
    pruneEnded(m_engine.clock().nowMs());
    writeSeen();
}

void LoginSessions::writeSeen()
{
    if (m_seen.isEmpty())
        return;
    const QHash<QString, qint64> seen = std::exchange(m_seen, {});
    m_engine.core().store().batch().run([&]() -> Status {
        for (auto it = seen.cbegin(); it != seen.cend(); ++it)
            if (const Status touched = m_repo.touch(it.key(), it.value()); !touched)
                return touched;
        return Ok{};
    });
}

// Ended sessions whose tokens expired are refused by their expiry already; their records go
// kKeptAfterExpiryMs later (one instance of a team does it: the one running the timers).
void LoginSessions::pruneEnded(qint64 nowMs)
{
    for (auto it = m_ended.begin(); it != m_ended.end();)
        it = it.value() <= nowMs ? m_ended.erase(it) : std::next(it);
    if (!m_engine.runsTimers() || nowMs - m_lastPrune < 3600 * 1000)
        return;
    m_lastPrune = nowMs;
    m_engine.core().store().batch().run([&] { return m_repo.prune(nowMs - kKeptAfterExpiryMs) >= 0; });
}

} // namespace tierdesk
