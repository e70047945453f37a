#include "core/runtime/TeamLeader.h"

namespace tierdesk::api {

TeamLeader::TeamLeader(const Database &db, QObject *parent) : QObject(parent), m_db(db)
{
    if (!db.postgres())
        return;
    m_lock = std::make_unique<LeaderLock>(db.target());
    m_leads = m_lock->refresh();
    m_retry.setInterval(kRetryMs);
    connect(&m_retry, &QTimer::timeout, this, &TeamLeader::refresh);
    m_retry.start();
}

void TeamLeader::refresh()
{
    // While the store cannot reach the database, a new connection for the lock would only wait too.
    if (!m_lock->held() && m_db.connectionLost())
        return;
    const bool leads = m_lock->refresh();
    if (leads == m_leads)
        return;
    m_leads = leads;
    emit leadsChanged(leads);
}

} // namespace tierdesk::api
