#include "core/integrations/WebhookDispatcher.h"

#include "core/integrations/WebhookSigner.h"

#include <QFutureWatcher>
#include <QRandomGenerator>
#include <QtConcurrent/QtConcurrentRun>

namespace tierdesk {

qint64 retryDelayMs(const RetryPolicy &policy, int attempts)
{
    const int exponent = qBound(0, attempts - 1, 40); // 2^40 * base already exceeds any sane maximum
    const qint64 base = qMax<qint64>(0, policy.baseDelayMs);
    if (base > 0 && (policy.maxDelayMs >> exponent) < base)
        return policy.maxDelayMs;
    return qMin(policy.maxDelayMs, base << exponent);
}

WebhookDispatcher::WebhookDispatcher(OutboxRepository &repo, OutboundHttp &http, const Clock &clock, RetryPolicy policy,
    DispatchLimits limits, QObject *parent)
    : QObject(parent), m_repo(repo), m_http(http), m_clock(clock), m_policy(policy), m_limits(limits)
{
    m_limits.maxConcurrency = qMax(1, m_limits.maxConcurrency);
    m_limits.perHookConcurrency = qBound(1, m_limits.perHookConcurrency, m_limits.maxConcurrency);
    m_limits.timeoutMs = qMax(1, m_limits.timeoutMs);
    m_pool.setMaxThreadCount(m_limits.maxConcurrency);
    m_timer.setTimerType(Qt::CoarseTimer);
    connect(&m_timer, &QTimer::timeout, this, &WebhookDispatcher::poke);
}

WebhookDispatcher::~WebhookDispatcher()
{
    stop();
}

void WebhookDispatcher::start(int pollIntervalMs)
{
    m_stopped = false;
    m_timer.start(qMax(10, pollIntervalMs));
    poke();
}

void WebhookDispatcher::poke()
{
    // Many enqueues in one burst become one repository query.
    if (m_pokeQueued || m_stopped)
        return;
    m_pokeQueued = true;
    QMetaObject::invokeMethod(this, &WebhookDispatcher::deliverDue, Qt::QueuedConnection);
}

void WebhookDispatcher::stop()
{
    m_stopped = true;
    m_timer.stop();
    m_pool.waitForDone();
    // The watchers' finished signals are still queued; record the outcomes now so
    // a delivery that reached the receiver is not sent again after a restart.
    const QList<Watcher *> watchers = m_inFlight.keys();
    for (Watcher *w : watchers) {
        w->disconnect(this);
        finish(w);
    }
}

void WebhookDispatcher::deliverDue()
{
    m_pokeQueued = false;
    if (m_stopped)
        return;
    const int free = m_limits.maxConcurrency - inFlight();
    if (free <= 0)
        return; // finish() pokes again when a slot frees up

    // Rows the store returns but we cannot start now simply stay pending: the
    // store marks nothing, so nothing can be stranded "in flight".
    DueFilter filter;
    filter.perHook = m_limits.perHookConcurrency;
    // A partly busy hook may return rows it has no slot for; at most inFlight() of them.
    filter.limit = free + inFlight();
    for (const OutboxItem &item : std::as_const(m_inFlight))
        filter.busyIds.insert(item.id);
    for (auto it = m_perHook.cbegin(); it != m_perHook.cend(); ++it)
        if (it.value() >= m_limits.perHookConcurrency)
            filter.fullHooks.insert(it.key());
    const QList<OutboxItem> items = m_repo.due(m_clock.nowMs(), filter);
    int started = 0;
    for (const OutboxItem &item : items) {
        if (started == free)
            break;
        if (filter.busyIds.contains(item.id) || m_perHook.value(item.webhookId) >= m_limits.perHookConcurrency)
            continue;
        filter.busyIds.insert(item.id);
        // Team mode: another instance may be starting this row too; the one that takes it sends it.
        if (m_take && !m_take(item.id, m_clock.nowMs() + m_limits.timeoutMs + kLeaseMarginMs))
            continue;
        if (dispatch(item))
            ++started;
    }
}

bool WebhookDispatcher::dispatch(const OutboxItem &item)
{
    const QUrl url(item.url, QUrl::StrictMode);
    const QString scheme = url.scheme().toLower();
    // Retrying cannot fix any of these: give up at once.
    if (!url.isValid() || url.host().isEmpty()
        || (scheme != QLatin1String("http") && scheme != QLatin1String("https"))) {
        giveUp(item, QStringLiteral("invalid webhook URL"));
        return false;
    }
    if (!url.userInfo().isEmpty()) {
        giveUp(item, QStringLiteral("invalid webhook URL: credentials in URLs are not allowed"));
        return false;
    }
    if (item.secret.isEmpty()) {
        giveUp(item, QStringLiteral("the webhook secret cannot be read (was the secret store replaced?)"));
        return false;
    }

    OutboundRequest req;
    req.url = url;
    req.body = item.payload;
    req.timeoutMs = m_limits.timeoutMs;
    req.headers = {
        {QByteArrayLiteral("Content-Type"), QByteArrayLiteral("application/json")},
        {QByteArrayLiteral("User-Agent"), QByteArrayLiteral("Tierdesk/" TIERDESK_VERSION)},
        {QByteArrayLiteral("X-Tierdesk-Event"), item.event.toUtf8()},
        {QByteArrayLiteral("X-Tierdesk-Delivery"), item.deliveryId.toUtf8()},
        // Signed at send time so each retry carries a fresh timestamp.
        {QByteArrayLiteral("X-Tierdesk-Signature"), webhookSignature(item.secret, m_clock.nowSecs(), item.payload)},
    };

    auto *watcher = new Watcher(this);
    m_inFlight.insert(watcher, item);
    ++m_perHook[item.webhookId];
    connect(watcher, &Watcher::finished, this, [this, watcher] { finish(watcher); });
    OutboundHttp *http = &m_http;
    watcher->setFuture(QtConcurrent::run(&m_pool, [http, req] { return http->post(req); }));
    return true;
}

void WebhookDispatcher::giveUp(const OutboxItem &item, const QString &error)
{
    m_repo.markFailed(item.id, item.attempts + 1, m_clock.nowMs(), error, true);
    emit failed(item.id, item.attempts + 1, true, error);
}

void WebhookDispatcher::finish(Watcher *watcher)
{
    const auto it = m_inFlight.constFind(watcher);
    if (it == m_inFlight.constEnd())
        return;
    const OutboxItem item = it.value();
    m_inFlight.erase(it);
    if (--m_perHook[item.webhookId] <= 0)
        m_perHook.remove(item.webhookId);
    const QFuture<OutboundResult> future = watcher->future();
    OutboundResult result;
    if (future.resultCount() > 0)
        result = future.result();
    else
        result.error = QStringLiteral("delivery task did not run");
    watcher->deleteLater();
    record(item, result);
    poke(); // a slot is free and more may be due
}

void WebhookDispatcher::record(const OutboxItem &item, const OutboundResult &result)
{
    const qint64 now = m_clock.nowMs();
    if (result.ok()) {
        m_repo.markDelivered(item.id, now, result.status);
        emit delivered(item.id, result.status);
        return;
    }
    const int attempts = item.attempts + 1;
    // A refused destination address (see AddressPolicy) is permanent: no retry storm.
    const bool dead = result.refused || attempts >= m_policy.maxAttempts;
    qint64 next = now;
    if (!dead) {
        const qint64 delay = retryDelayMs(m_policy, attempts);
        // Jitter spreads retries of many webhooks that failed together.
        const qint64 jitter = delay >= 10 ? QRandomGenerator::global()->bounded(delay / 10 + 1) : 0;
        next = now + delay + jitter;
    }
    const QString error = result.error.isEmpty() ? QStringLiteral("HTTP %1").arg(result.status) : result.error;
    m_repo.markFailed(item.id, attempts, next, error, dead);
    emit failed(item.id, attempts, dead, error);
}

} // namespace tierdesk
