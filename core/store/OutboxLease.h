#pragma once

#include "core/store/Database.h"

namespace tierdesk {

// Team mode: which instance sends a due webhook delivery. The row is taken with
// FOR UPDATE SKIP LOCKED (an instance taking it at the same moment skips it) and its next
// attempt moved to `untilMs`, so no other instance finds it due meanwhile; if the instance
// that took it dies before recording the attempt, it comes due again then.
class OutboxLease {
public:
    explicit OutboxLease(Database &db) : m_db(db) { }
    // Whether this instance took the row (false: another has it, or it is no longer due).
    bool take(qint64 outboxId, qint64 nowMs, qint64 untilMs);

private:
    Database &m_db;
};

} // namespace tierdesk
