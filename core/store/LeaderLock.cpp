#include "core/store/LeaderLock.h"

namespace tierdesk {
namespace {

constexpr qint64 kTimersLock = 0x7469657264657302; // "tierdes" + 2 (1 is the migrations')

} // namespace

LeaderLock::LeaderLock(DatabaseTarget target) : m_target(std::move(target)) { }

LeaderLock::~LeaderLock() = default; // closing the connection frees the lock

bool LeaderLock::refresh()
{
    if (!m_db) {
        auto db = Database::openPostgresListener(m_target);
        if (!db)
            return m_held = false;
        m_db = std::move(db.value());
    }
    QSqlQuery &q = m_db->statement(
        m_held ? QStringLiteral("SELECT true") : QStringLiteral("SELECT pg_try_advisory_lock(%1)").arg(kTimersLock));
    if (!m_db->exec(q, {}) || !q.next()) {
        m_db.reset(); // the connection is gone, and the lock with it: take it again when it can be
        return m_held = false;
    }
    m_held = q.value(0).toBool();
    q.finish();
    return m_held;
}

} // namespace tierdesk
