#include "core/engine/admin/WebhookService.h"

#include "core/common/Ids.h"

#include <QJsonArray>
#include <QUrl>

namespace tierdesk {

QStringList WebhookService::events()
{
    // escalation.created and session.closed are the support agent API's (seed 002), queued by that API with
    // queueEvent(); conversation.created and sentiment.negative the platform services' (seed 000), likewise.
    // satisfaction.rated and satisfaction.low come with a customer's rating (SessionRatings).
    return {QStringLiteral("session.created"), QStringLiteral("session.escalated"), QStringLiteral("session.resolved"),
        QStringLiteral("session.abandoned"), QStringLiteral("escalation.created"), QStringLiteral("session.closed"),
        QStringLiteral("conversation.created"), QStringLiteral("sentiment.negative"),
        QStringLiteral("satisfaction.rated"), QStringLiteral("satisfaction.low")};
}

Status WebhookService::check(
    const QString &companyId, const QString &url, const QStringList &events, const QByteArray &secret)
{
    auto company = m_core.company(companyId);
    if (!company)
        return company.error();
    const QJsonObject urlField{{QStringLiteral("field"), QStringLiteral("url")}};
    const QUrl parsed(url, QUrl::StrictMode);
    if (url.size() > 2048 || !parsed.isValid() || parsed.host().isEmpty()
        || (parsed.scheme() != QLatin1String("http") && parsed.scheme() != QLatin1String("https")))
        return makeError(ErrorKind::InvalidArgument,
            QStringLiteral("url must be an absolute http(s) URL of at most 2048 characters"), urlField);
    if (!parsed.userInfo().isEmpty())
        return makeError(
            ErrorKind::InvalidArgument, QStringLiteral("url must not contain a user name or password"), urlField);
    if (const auto literal = AddressPolicy::literal(parsed.host())) {
        if (const Status allowed = m_core.webhookAddresses().check(*literal); !allowed)
            return makeError(
                ErrorKind::InvalidArgument, QStringLiteral("url is not allowed: ") + allowed.error().message, urlField);
    }
    if (events.isEmpty())
        return makeError(ErrorKind::InvalidArgument, QStringLiteral("events must name at least one event"),
            {{QStringLiteral("field"), QStringLiteral("events")}});
    for (const QString &e : events)
        if (!WebhookService::events().contains(e))
            return makeError(ErrorKind::InvalidArgument, QStringLiteral("unknown event: ") + e.left(64),
                {{QStringLiteral("field"), QStringLiteral("events")},
                    {QStringLiteral("allowed"), QJsonArray::fromStringList(WebhookService::events())}});
    if (secret.size() < 16 || secret.size() > 256)
        return makeError(ErrorKind::InvalidArgument, QStringLiteral("secret must be 16 to 256 characters"),
            {{QStringLiteral("field"), QStringLiteral("secret")}});
    return Ok{};
}

Result<Webhook> WebhookService::add(const QString &companyId, const QString &url, const QStringList &events,
    const QByteArray &secret, const Actor &actor, const QList<QHostAddress> &resolved)
{
    if (const Status checked = check(companyId, url, events, secret); !checked)
        return checked.error();
    for (const QHostAddress &a : resolved) {
        if (const Status allowed = m_core.webhookAddresses().check(a); !allowed)
            return makeError(ErrorKind::InvalidArgument,
                QStringLiteral("url is not allowed: %1 resolves to a forbidden address (%2)")
                    .arg(QUrl(url).host(), allowed.error().message),
                {{QStringLiteral("field"), QStringLiteral("url")}});
    }
    Store &store = m_core.store();
    if (store.webhooks().count(companyId) >= kMaxWebhooksPerCompany)
        return makeError(ErrorKind::Conflict, QStringLiteral("at most 20 webhooks per company"));
    Webhook w{ids::random(QStringLiteral("wh_")), companyId, url, events, secret, m_core.clock().nowMs()};
    w.events.removeDuplicates();
    const bool ok = store.batch().run([&] {
        return store.webhooks().insert(w)
            && m_core.record(companyId, actor, QStringLiteral("webhook.create"), QStringLiteral("webhook:") + w.id,
                AuditOutcome::Created, {{QStringLiteral("url"), url}});
    });
    if (!ok)
        return store.batch().failure(QStringLiteral("could not store the webhook"));
    m_core.announceSubscriptionsAfterCommit();
    return w;
}

Result<QList<Webhook>> WebhookService::list(const QString &companyId)
{
    auto company = m_core.company(companyId);
    if (!company)
        return company.error();
    return m_core.store().webhooks().list(companyId);
}

Status WebhookService::remove(const QString &companyId, const QString &id, const Actor &actor)
{
    bool removed = false;
    Store &store = m_core.store();
    store.batch().run([&] {
        removed = store.webhooks().remove(companyId, id).ok();
        if (removed)
            m_core.record(companyId, actor, QStringLiteral("webhook.delete"), QStringLiteral("webhook:") + id,
                AuditOutcome::Removed);
        return true;
    });
    if (!removed)
        return makeError(
            ErrorKind::NotFound, QStringLiteral("Webhook not found"), {{QStringLiteral("webhookId"), id.left(128)}});
    m_core.announceSubscriptionsAfterCommit();
    return Ok{};
}

QList<WebhookDelivery> WebhookService::deliveries(const QString &companyId, int limit)
{
    return m_core.store().webhooks().deliveries(companyId, limit);
}

QList<WebhookDelivery> WebhookService::deliveriesOf(const QString &companyId, const QString &webhookId, int limit)
{
    return m_core.store().webhooks().deliveriesOf(companyId, webhookId, limit);
}

} // namespace tierdesk
