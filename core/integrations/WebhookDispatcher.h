#pragma once

#include "core/common/Clock.h"
#include "core/domain/WebhookOutbox.h"
#include "core/integrations/OutboundHttp.h"

#include <QHash>
#include <QObject>
#include <QThreadPool>
#include <QTimer>

#include <functional>

template <typename T> class QFutureWatcher;

namespace tierdesk {

// delay = min(maxDelayMs, baseDelayMs * 2^(attempts-1)) plus up to 10% jitter.
struct RetryPolicy {
    int maxAttempts = 8;
    qint64 baseDelayMs = 2000;
    qint64 maxDelayMs = 3600000;
};

// Delay before the next attempt after `attempts` failures, without jitter.
qint64 retryDelayMs(const RetryPolicy &policy, int attempts);

// How many deliveries run at once and how long each may take. A hanging
// receiver holds at most perHookConcurrency workers, each for at most timeoutMs,
// so it delays only its own queue; the other hooks share the remaining workers.
struct DispatchLimits {
    int maxConcurrency = 32; // deliveries in flight over all hooks (worker threads)
    int perHookConcurrency = 2; // deliveries in flight to one webhook
    int timeoutMs = 10000; // one delivery attempt, connect to last byte
};

// Delivers the outbox with retries and backoff. Repository calls happen only on
// the thread that owns the dispatcher (the engine thread owns the DB
// connection); the blocking post() runs on a private thread pool and the
// result comes back through a QFutureWatcher. repo, http and clock must outlive
// the dispatcher: its destructor calls stop(), which records in-flight outcomes.
class WebhookDispatcher : public QObject {
    Q_OBJECT

public:
    // How long past its timeout a delivery's lease lasts (team mode): then another instance may try.
    static constexpr qint64 kLeaseMarginMs = 30000;

    WebhookDispatcher(OutboxRepository &repo, OutboundHttp &http, const Clock &clock, RetryPolicy policy = {},
        DispatchLimits limits = {}, QObject *parent = nullptr);
    ~WebhookDispatcher() override;

    void start(int pollIntervalMs = 1000); // QTimer on the calling (engine) thread
    // Team mode: asked before each attempt starts; true when this instance may send that row
    // (it is then this instance's until `untilMs`). Without it every due row is sent.
    using Take = std::function<bool(qint64 outboxId, qint64 untilMs)>;
    void setTake(Take take) { m_take = std::move(take); }
    void poke(); // deliver what is due now (coalesced); call after enqueueing
    void stop(); // waits for in-flight deliveries (at most limits().timeoutMs) and records their outcome

    int inFlight() const { return static_cast<int>(m_inFlight.size()); }
    const DispatchLimits &limits() const { return m_limits; }

signals:
    void delivered(qint64 id, int status);
    void failed(qint64 id, int attempts, bool dead, const QString &error);

private:
    using Watcher = QFutureWatcher<OutboundResult>;
    Take m_take;

    void deliverDue();
    bool dispatch(const OutboxItem &item); // false when the item was given up instead
    void finish(Watcher *watcher);
    void record(const OutboxItem &item, const OutboundResult &result);
    void giveUp(const OutboxItem &item, const QString &error); // dead at once: retrying cannot help

    OutboxRepository &m_repo;
    OutboundHttp &m_http;
    const Clock &m_clock;
    RetryPolicy m_policy;
    DispatchLimits m_limits;
    QTimer m_timer;
    QThreadPool m_pool;
    QHash<Watcher *, OutboxItem> m_inFlight;
    QHash<QString, int> m_perHook; // deliveries in flight per webhook id
    bool m_pokeQueued = false;
    bool m_stopped = false;
};

} // namespace tierdesk
