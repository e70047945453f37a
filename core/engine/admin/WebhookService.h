#pragma once

#include "core/engine/pipeline/EngineCore.h"

#include <QHostAddress>

namespace tierdesk {

// A company's webhooks: registration (the URL judged by the address policy), listing,
// removal and the deliveries of the outbox.
class WebhookService {
public:
    explicit WebhookService(EngineCore &core) : m_core(core) { }

    static constexpr int kMaxWebhooksPerCompany = 20;
    static QStringList events();
    // Everything about a new webhook that needs no DNS: the company, the URL
    // (http(s), no credentials, an IP-literal host allowed by the address
    // policy), the events and the secret.
    Status check(const QString &companyId, const QString &url, const QStringList &events, const QByteArray &secret);
    // check(), plus every address the URL's host name resolved to (the
    // caller resolves it off this thread) must be allowed.
    Result<Webhook> add(const QString &companyId, const QString &url, const QStringList &events,
        const QByteArray &secret, const Actor &actor, const QList<QHostAddress> &resolved = {});
    Result<QList<Webhook>> list(const QString &companyId);
    Status remove(const QString &companyId, const QString &id, const Actor &actor);
    // Whether any company's webhook subscribes to one of `events`.
    // A store that cannot say counts as none (nothing to listen for until it can).
    bool subscribedTo(const QStringList &events)
    {
        const Result<bool> any = m_core.store().webhooks().anySubscribedTo(events);
        return any.ok() && any.value();
    }
    // Newest first (docs/api.md: webhook deliveries).
    QList<WebhookDelivery> deliveries(const QString &companyId, int limit);
    QList<WebhookDelivery> deliveriesOf(const QString &companyId, const QString &webhookId, int limit);

private:
    EngineCore &m_core;
};

} // namespace tierdesk
