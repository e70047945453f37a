#pragma once

#include "core/integrations/SecretBox.h"
#include "core/integrations/WebhookDispatcher.h"
#include "core/store/Database.h"

#include <QJsonArray>

#include <optional>

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
// Secrets are sealed with a SecretBox before they reach the database and opened
// only when read; until setSecretBox() is called (a store opened without a
// secret store: tests, tools) an ephemeral key is used.
class WebhookRepo final : public OutboxRepository {
public:
    explicit WebhookRepo(Database &db) : m_db(db), m_box(SecretBox::ephemeral()) { }

    // Seals with `box` from now on, and seals any secret still stored in plain
    // text (written before sealing existed), then rewrites the database file so
    // no copy of the plain text is left in free pages or the write-ahead log.
    // Returns how many secrets it sealed.
    Result<int> setSecretBox(const SecretBox &box);
    // The data key given to setSecretBox(): other secrets kept in the database
    // (SigV4 secret access keys, ApiTokens) are sealed with it too.
    const SecretBox &secretBox() const { return m_box; }

    bool insert(const Webhook &w);
    QList<Webhook> list(const QString &companyId);
    bool remove(const QString &companyId, const QString &id); // false when there was none
    int count(const QString &companyId);
    // Whether any company's webhook subscribes to one of `events`.
    bool anySubscribedTo(const QStringList &events);

    // One outbox row per webhook of the company subscribed to `event`; returns how many.
    int enqueue(const QString &companyId, const QString &event, const QByteArray &payload, qint64 nowMs);
    QJsonArray deliveries(const QString &companyId, int limit);
    // The newest `limit` deliveries of one webhook of the company.
    QJsonArray deliveriesOf(const QString &companyId, const QString &webhookId, int limit);

    QList<OutboxItem> due(qint64 nowMs, const DueFilter &filter) override;
    void markDelivered(qint64 id, qint64 nowMs, int httpStatus) override;
    void markFailed(qint64 id, int attempts, qint64 nextAttemptMs, const QString &error, bool dead) override;

private:
    QByteArray openSecret(const QByteArray &stored) const; // empty if it cannot be opened

    Database &m_db;
    SecretBox m_box;
};

} // namespace tierdesk
