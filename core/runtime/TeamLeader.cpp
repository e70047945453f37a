#include "core/runtime/TeamLeader.h"

namespace tierdesk::api {

TeamLeader::TeamLeader(const Database &db, QObject *parent) : QObject(parent)
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
    const bool leads = m_lock->refresh();
    if (leads == m_leads)
        return;
    m_leads = leads;
    emit leadsChanged(leads);
}

} // namespace tierdesk::api
