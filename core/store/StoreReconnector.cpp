#include "core/store/StoreReconnector.h"

#include <QLoggingCategory>
#include <QThread>

Q_DECLARE_LOGGING_CATEGORY(lcStore)

namespace tierdesk {

StoreReconnector::StoreReconnector(Database &db, WriteBatch &batch, QObject *parent)
    : QObject(parent), m_db(db), m_batch(batch)
{
    m_timer.setInterval(kCheckMs);
    connect(&m_timer, &QTimer::timeout, this, &StoreReconnector::check);
    m_timer.start();
}

StoreReconnector::~StoreReconnector()
{
    if (m_probe)
        m_probe->wait(); // it reports to this object
}

void StoreReconnector::check()
{
    if (!m_db.connectionLost() || m_probe)
        return;
    const DatabaseTarget target = m_db.target();
    m_probe = QThread::create([this, target] {
        const bool reachable = Database::reachable(target);
        QMetaObject::invokeMethod(
            this, [this, reachable] { probed(reachable); }, Qt::QueuedConnection);
    });
    connect(m_probe, &QThread::finished, m_probe, &QObject::deleteLater);
    m_probe->start();
}

void StoreReconnector::probed(bool reachable)
{
    m_probe = nullptr;
    if (!reachable)
        return; // asked again at the next check
    m_batch.flush(); // refused (the store is degraded): its requests hear so
    if (const Status again = m_db.reconnect(); !again) {
        qCWarning(lcStore).noquote() << again.error().message;
        return;
    }
    emit reconnected();
}

} // namespace tierdesk
