#include "core/store/OutboxLease.h"

namespace tierdesk {

bool OutboxLease::take(qint64 outboxId, qint64 nowMs, qint64 untilMs)
{
    QSqlQuery &q = m_db.statement(QStringLiteral(
        "UPDATE webhook_outbox SET next_attempt_at = ? WHERE id = (SELECT id FROM webhook_outbox"
        " WHERE id = ? AND state = 'pending' AND next_attempt_at <= ? FOR UPDATE SKIP LOCKED) RETURNING id"));
    if (!m_db.exec(q, {untilMs, outboxId, nowMs}))
        return false;
    const bool taken = q.next();
    q.finish();
    return taken;
}

} // namespace tierdesk
