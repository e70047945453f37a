#pragma once

#include "core/common/Clock.h"
#include "core/integrations/OutboundHttp.h"

#include <QHash>
#include <QObject>
#include <QThreadPool>
#include <QTimer>

template<typename T>
class QFutureWatcher;

namespace tierdesk {

// One row of the durable webhook outbox.
struct OutboxItem
{
    qint64 id = 0;
    QString url;
    QByteArray secret;
    QString event;
    QByteArray payload;
    int attempts = 0;   // failed attempts so far
    QString deliveryId; // stable across retries so receivers can dedupe
};

// Implemented by the SQLite store; tests use an in-memory fake.
class OutboxRepository
{
public:
    virtual ~OutboxRepository() = default;
    // Pending items with next_attempt_at <= now, excluding ones in flight.
    virtual QList<OutboxItem> due(qint64 nowMs, int limit) = 0;
    virtual void markDelivered(qint64 id, qint64 nowMs, int httpStatus) = 0;
    virtual void markFailed(qint64 id, int attempts, qint64 nextAttemptMs, const QString &error, bool dead) = 0;
};

// delay = min(maxDelayMs, baseDelayMs * 2^(attempts-1)) plus up to 10% jitter.
struct RetryPolicy
{
    int maxAttempts = 8;
    qint64 baseDelayMs = 2000;
    qint64 maxDelayMs = 3600000;
};

// Delay before the next attempt after `attempts` failures, without jitter.
qint64 retryDelayMs(const RetryPolicy &policy, int attempts);

// Delivers the outbox with retries and backoff. Repository calls happen only on
// the thread that owns the dispatcher (the engine thread owns the DB
// connection); the blocking post() runs on a private thread pool and the
// result comes back through a QFutureWatcher. repo, http and clock must outlive
// the dispatcher: its destructor calls stop(), which records in-flight outcomes.
class WebhookDispatcher : public QObject
{
    Q_OBJECT

public:
    static constexpr int kMaxInFlight = 4;

    WebhookDispatcher(OutboxRepository &repo, OutboundHttp &http, const Clock &clock, RetryPolicy policy = {},
                      QObject *parent = nullptr);
    ~WebhookDispatcher() override;

    void start(int pollIntervalMs = 1000); // QTimer on the calling (engine) thread
    void poke();                           // deliver what is due now (coalesced); call after enqueueing
    void stop();                           // waits for in-flight deliveries and records their outcome

    int inFlight() const { return static_cast<int>(m_inFlight.size()); }

signals:
    void delivered(qint64 id, int status);
    void failed(qint64 id, int attempts, bool dead, const QString &error);

private:
    using Watcher = QFutureWatcher<OutboundResult>;

    void deliverDue();
    void dispatch(const OutboxItem &item);
    void finish(Watcher *watcher);
    void record(const OutboxItem &item, const OutboundResult &result);

    OutboxRepository &m_repo;
    OutboundHttp &m_http;
    const Clock &m_clock;
    RetryPolicy m_policy;
    QTimer m_timer;
    QThreadPool m_pool;
    QHash<Watcher *, OutboxItem> m_inFlight;
    bool m_pokeQueued = false;
    bool m_stopped = false;
};

} // namespace tierdesk
