#pragma once

#include <QList>
#include <QSet>
#include <QString>

namespace tierdesk {

// One row of the durable webhook outbox.
struct OutboxItem {
    qint64 id = 0;
    QString webhookId; // deliveries to one hook share its concurrency bound
    QString url;
    QByteArray secret;
    QString event;
    QByteArray payload;
    int attempts = 0; // failed attempts so far
    QString deliveryId; // stable across retries so receivers can dedupe
};

// Which due rows the dispatcher can use now. The dispatcher alone knows what
// is in flight; the repository keeps no such state.
struct DueFilter {
    int perHook = 2; // at most this many rows of any one webhook (its oldest)
    int limit = 32; // at most this many rows in all
    QSet<qint64> busyIds; // rows in flight: never returned
    QSet<QString> fullHooks; // webhooks at their concurrency bound: none of their rows
};

// What the webhook dispatcher (core/integrations) needs of the outbox. Declared
// here, below both, so the store implements it without depending on the
// integration; tests use an in-memory fake.
class OutboxRepository {
public:
    virtual ~OutboxRepository() = default;
    // Pending items with next_attempt_at <= now, oldest first within a hook and
    // round-robin across hooks (every hook's first row before any hook's second),
    // so a hook with a long backlog cannot hide the others' rows.
    virtual QList<OutboxItem> due(qint64 nowMs, const DueFilter &filter) = 0;
    virtual void markDelivered(qint64 id, qint64 nowMs, int httpStatus) = 0;
    virtual void markFailed(qint64 id, int attempts, qint64 nextAttemptMs, const QString &error, bool dead) = 0;
};

// One delivery of the outbox as its owner sees it (newest first in lists).
struct WebhookDelivery {
    QString deliveryId;
    QString webhookId;
    QString event;
    QString state; // pending, delivered, dead
    int attempts = 0;
    int lastStatus = 0; // the receiver's last HTTP status; 0 = none yet
    QString lastError;
    qint64 createdAt = 0;
};

} // namespace tierdesk
