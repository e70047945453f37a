// Snoozed items: out of the queue's items until a time or the customer's next message, then back
// as they were (holder, priority and SLA due times unchanged).
#include "core/engine/desk/Desk.h"

#include "core/common/Time.h"

namespace tierdesk {

Result<Session> Desk::snooze(const QString &companyId, const QString &sessionId, qint64 untilMs, const Actor &actor)
{
    auto held = open(companyId, sessionId, actor);
    if (!held)
        return held.error();
    if (const Status may = mayAct(*held, actor); !may)
        return may.error();
    const qint64 now = m_engine.clock().nowMs();
    if (untilMs <= now || untilMs > now + kMaxSnoozeMs)
        return makeError(ErrorKind::InvalidArgument,
            QStringLiteral("until must be a time in the next %1 days").arg(kMaxSnoozeMs / 86400000),
            {{QStringLiteral("field"), QStringLiteral("until")}});
    const Status ok = m_engine.core().store().batch().run([&]() -> Status {
        if (Status done = m_repo.setSnooze(sessionId, untilMs, now); !done)
            return done;
        return m_engine.core().record(companyId, actor, QStringLiteral("desk.snooze"),
            QStringLiteral("session:") + sessionId, AuditOutcome::Done,
            {{QStringLiteral("until"), timefmt::iso(untilMs)}});
    });
    if (!ok)
        return m_engine.core().store().batch().failure(QStringLiteral("could not store the snooze"));
    publishQueue(companyId, sessionId, SessionEventType::QueueRemoved);
    return reload(companyId, sessionId);
}

bool Desk::wake(const QString &sessionId, qint64 now)
{
    const auto item = m_repo.find(sessionId);
    if (!item || item->snoozedUntil == 0)
        return false;
    if (!m_engine.core().store().batch().run([&] { return m_repo.setSnooze(sessionId, 0, now); }))
        return false;
    publishQueue(item->companyId, sessionId, SessionEventType::QueueAdded);
    return true;
}

int Desk::wakeSnoozed()
{
    static constexpr int kMaxWakesPerRound = 1000;
    const qint64 now = m_engine.clock().nowMs();
    int woken = 0;
    for (const DeskItem &item : m_repo.snoozeOver(now, kMaxWakesPerRound))
        woken += wake(item.sessionId, now) ? 1 : 0;
    return woken;
}

} // namespace tierdesk
