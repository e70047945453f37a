#pragma once

#include "core/store/Database.h"

#include <memory>

namespace tierdesk {

// Team mode: which instance runs the timers (SLA, abandoning idle sessions). A session-level
// PostgreSQL advisory lock taken on a connection of its own: held while that connection lives,
// freed by the server as soon as the process holding it dies or loses its connection.
class LeaderLock {
public:
    explicit LeaderLock(DatabaseTarget target);
    ~LeaderLock();
    LeaderLock(const LeaderLock &) = delete;
    LeaderLock &operator=(const LeaderLock &) = delete;

    // Takes the lock when it is free, or checks that this process still holds it (its
    // connection answers). Returns whether it holds it now.
    bool refresh();
    bool held() const { return m_held; }

private:
    DatabaseTarget m_target;
    std::unique_ptr<Database> m_db;
    bool m_held = false;
};

} // namespace tierdesk
