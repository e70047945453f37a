#pragma once

#include "core/integrations/WebhookDispatcher.h"
#include "core/store/Database.h"

#include <QJsonArray>

#include <optional>

namespace tierdesk {

struct Webhook
{
    QString id;
    QString companyId;
    QString url;
    QStringList events;
    QByteArray secret;
    qint64 createdAt = 0;
};

// Registered webhooks and the durable outbox their deliveries go through.
// The outbox keeps no in-flight state: the dispatcher alone knows what it has started.
class WebhookRepo final : public OutboxRepository
{
public:
    explicit WebhookRepo(Database &db) : m_db(db) {}

    bool insert(const Webhook &w);
    QList<Webhook> list(const QString &companyId);
    bool remove(const QString &companyId, const QString &id); // false when there was none
    int count(const QString &companyId);

    // One outbox row per webhook of the company subscribed to `event`; returns how many.
    int enqueue(const QString &companyId, const QString &event, const QByteArray &payload, qint64 nowMs);
    QJsonArray deliveries(const QString &companyId, int limit);

    QList<OutboxItem> due(qint64 nowMs, const DueFilter &filter) override;
    void markDelivered(qint64 id, qint64 nowMs, int httpStatus) override;
    void markFailed(qint64 id, int attempts, qint64 nextAttemptMs, const QString &error, bool dead) override;

private:
    Database &m_db;
};

} // namespace tierdesk
