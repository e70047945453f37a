#pragma once

#include "core/store/WriteBatch.h"

#include <QObject>
#include <QTimer>

class QThread;

namespace tierdesk {

// Team mode: brings a PostgreSQL store back after its connection was lost (the server restarted,
// the network dropped). Every kCheckMs while the connection is lost it asks, on a thread of its
// own, whether a new connection opens; when one does, it ends what the batch held (lost with the
// old connection: its requests were never acknowledged), connects the store again and says
// reconnected() so caches that may have missed other instances' writes are read afresh.
class StoreReconnector : public QObject {
    Q_OBJECT

public:
    static constexpr int kCheckMs = 500;

    StoreReconnector(Database &db, WriteBatch &batch, QObject *parent = nullptr);
    ~StoreReconnector() override;

signals:
    void reconnected();

private:
    void check();
    void probed(bool reachable);

    Database &m_db;
    WriteBatch &m_batch;
    QTimer m_timer;
    QThread *m_probe = nullptr; // asking whether the server answers; never the store's thread
};

} // namespace tierdesk
