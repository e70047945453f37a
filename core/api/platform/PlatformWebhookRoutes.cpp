// POST /webhook/configure: a webhook of the company for seed 000's events
// (PlatformEvents), registered like every webhook (SessionEngine::webhooks().add).
#include "core/api/platform/PlatformCall.h"
#include "core/api/platform/PlatformErrors.h"
#include "core/api/platform/PlatformEvents.h"
#include "core/api/platform/PlatformRoutes.h"
#include "core/common/Time.h"

#include <QHostInfo>
#include <QJsonArray>
#include <QUrl>

namespace tierdesk::api {
namespace {

constexpr int kMaxUrlChars = 2048;

QJsonObject webhookJson(const Webhook &w)
{
    return {{QStringLiteral("webhook_id"), w.id}, {QStringLiteral("url"), w.url},
        {QStringLiteral("events"), QJsonArray::fromStringList(w.events)},
        {QStringLiteral("status"), QStringLiteral("active")},
        {QStringLiteral("created_at"), timefmt::iso(w.createdAt)}};
}

// The events array: one or more of PlatformEvents::events(); answers 400 itself.
std::optional<QStringList> eventList(const PlatformCallPtr &c, const QJsonObject &body)
{
    const QJsonValue list = body.value(QLatin1String("events"));
    QStringList events;
    for (const QJsonValue &e : list.toArray())
        events << e.toString();
    const bool known = std::all_of(
        events.cbegin(), events.cend(), [](const QString &e) { return PlatformEvents::events().contains(e); });
    if (list.isArray() && !events.isEmpty() && events.size() <= 16 && known)
        return events;
    platformcall::fail(c,
        platform::badRequest(QStringLiteral("Invalid request body: events must list one or more of %1")
                                 .arg(PlatformEvents::events().join(QStringLiteral(", ")))));
    return std::nullopt;
}

void configure(QObject *context, const PlatformCallPtr &c)
{
    const auto body = platformcall::jsonBody(c);
    if (!body)
        return;
    const auto url = platformcall::requiredString(c, *body, "url", kMaxUrlChars);
    const auto secret = platformcall::requiredString(c, *body, "secret", 256);
    if (!url || !secret)
        return;
    const auto events = eventList(c, *body);
    if (!events)
        return;
    const QByteArray key = secret->toUtf8();
    if (const Status checked = c->engine().webhooks().check(c->company, *url, *events, key); !checked)
        return platformcall::fail(c, checked.error());
    const QString host = QUrl(*url, QUrl::StrictMode).host();
    if (AddressPolicy::literal(host)) { // already judged by webhooks().check()
        const auto hook = c->engine().webhooks().add(c->company, *url, *events, key, c->actor);
        if (!hook)
            return platformcall::fail(c, hook.error());
        return platformcall::replyJson(c, 201, webhookJson(*hook));
    }
    // A host name: every address it resolves to must be allowed (resolved on Qt's lookup threads).
    QHostInfo::lookupHost(host, context, [c, url = *url, events = *events, key, host](const QHostInfo &info) {
        if (info.error() != QHostInfo::NoError || info.addresses().isEmpty())
            return platformcall::fail(
                c, platform::badRequest(QStringLiteral("url host %1 could not be resolved").arg(host.left(255))));
        const auto hook = c->engine().webhooks().add(c->company, url, events, key, c->actor, info.addresses());
        if (!hook)
            return platformcall::fail(c, hook.error());
        platformcall::replyJson(c, 201, webhookJson(*hook));
    });
}

} // namespace

void installWebhookRoutes(http::HttpServer &server, PlatformServices &services)
{
    new PlatformEvents(*services.engine, &server); // queues seed 000's events while the server lives
    const PlatformHandler handler = [context = &server](const PlatformCallPtr &c) { configure(context, c); };
    // Webhooks send the company's data anywhere: admins only, as POST /api/cs/webhooks.
    server.router().route("POST", QStringLiteral("/webhook/configure"), signedRoute(services, handler, Role::Admin));
}

} // namespace tierdesk::api
