#pragma once

#include "core/store/LeaderLock.h"

#include <QObject>
#include <QTimer>

#include <memory>

namespace tierdesk::api {

// Whether this instance runs the timers that must run once for the whole team (the desk's
// SLA round, abandoning idle sessions). On SQLite it always does. On PostgreSQL the instance
// holding the LeaderLock does; the others try again every kRetryMs, so when it dies another
// takes over within that (and PostgreSQL's notice that its connection is gone).
class TeamLeader : public QObject {
    Q_OBJECT

public:
    static constexpr int kRetryMs = 5000;

    explicit TeamLeader(const Database &db, QObject *parent = nullptr);
    bool leads() const { return m_leads; }

signals:
    void leadsChanged(bool leads);

private:
    void refresh();

    const Database &m_db;
    std::unique_ptr<LeaderLock> m_lock; // none on SQLite
    QTimer m_retry;
    bool m_leads = true;
};

} // namespace tierdesk::api
