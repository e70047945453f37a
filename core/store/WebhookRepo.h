#pragma once

#include "core/common/Result.h"
#include "core/common/SecretSealer.h"
#include "core/domain/WebhookOutbox.h"
#include "core/store/Database.h"

#include <memory>

namespace tierdesk {

struct Webhook {
    QString id;
    QString companyId;
    QString url;
    QStringList events;
    QByteArray secret; // plain here; sealed in the database
    qint64 createdAt = 0;
};

// Registered webhooks and the durable outbox their deliveries go through.
// The outbox keeps no in-flight state: the dispatcher alone knows what it has started.
// Secrets are sealed before they reach the database and opened only when read,
// with the sealer given by whoever opened the store (core/integrations' SecretBox
// under the data key: the runtime; a throwaway key: the engine, for stores opened
// without a secret store). Until one is given, no webhook can be stored.
class WebhookRepo final : public OutboxRepository {
public:
    explicit WebhookRepo(Database &db);

    // Seals and opens with `sealer` from now on.
    void setSealer(std::shared_ptr<const SecretSealer> sealer);
    bool hasSealer() const { return m_hasSealer; }
    // Seals any secret still stored in plain text (written before sealing existed),
    // then rewrites the database file so no copy of the plain text is left in free
    // pages or the write-ahead log. Returns how many secrets it sealed.
    Result<int> sealPlainSecrets();
    // The sealer given to setSealer(): other secrets kept in the database (SigV4
    // secret access keys, ApiTokens) are sealed with it too.
    const SecretSealer &sealer() const { return *m_sealer; }

    Status insert(const Webhook &w);
    QList<Webhook> list(const QString &companyId);
    Status remove(const QString &companyId, const QString &id); // NotFound when there was none
    int count(const QString &companyId);
    // Whether any company's webhook subscribes to one of `events`.
    Result<bool> anySubscribedTo(const QStringList &events);

    // One outbox row per webhook of the company subscribed to `event`; returns how many.
    int enqueue(const QString &companyId, const QString &event, const QByteArray &payload, qint64 nowMs);
    QList<WebhookDelivery> deliveries(const QString &companyId, int limit);
    // The newest `limit` deliveries of one webhook of the company.
    QList<WebhookDelivery> deliveriesOf(const QString &companyId, const QString &webhookId, int limit);

    QList<OutboxItem> due(qint64 nowMs, const DueFilter &filter) override;
    void markDelivered(qint64 id, qint64 nowMs, int httpStatus) override;
    void markFailed(qint64 id, int attempts, qint64 nextAttemptMs, const QString &error, bool dead) override;

private:
    QByteArray openSecret(const QByteArray &stored) const; // empty if it cannot be opened

    Database &m_db;
    std::shared_ptr<const SecretSealer> m_sealer;
    bool m_hasSealer = false;
};

} // namespace tierdesk
