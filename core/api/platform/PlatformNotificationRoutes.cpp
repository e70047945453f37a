// POST /notifications/email/configure: where the company's e-mail notifications go
// (EmailNotifications); core/runtime/PlatformEmails sends them over SMTP.
#include "core/api/platform/PlatformCall.h"
#include "core/api/platform/PlatformErrors.h"
#include "core/api/platform/PlatformRoutes.h"
#include "core/common/Time.h"
#include "core/engine/admin/EmailNotifications.h"

#include <QJsonArray>

namespace tierdesk::api {
namespace {

void configureEmail(const PlatformCallPtr &c)
{
    const auto body = platformcall::jsonBody(c);
    if (!body)
        return;
    const auto email = platformcall::requiredString(c, *body, "email", 254);
    const auto format = platformcall::optionalString(c, *body, "format", 16);
    if (!email || !format)
        return;
    const QJsonValue list = body->value(QLatin1String("events"));
    if (!list.isArray() || list.toArray().size() > 16)
        return platformcall::fail(c,
            platform::badRequest(QStringLiteral("Invalid request body: events must list one or more of %1")
                                     .arg(EmailNotifications::events().join(QStringLiteral(", ")))));
    EmailNotificationConfig config{c->company, *email, {}, format->isEmpty() ? QStringLiteral("html") : *format};
    for (const QJsonValue &e : list.toArray())
        config.events << e.toString();
    const auto stored = EmailNotifications(c->engine()).configure(config, c->actor);
    if (!stored)
        return platformcall::fail(c, stored.error());
    platformcall::replyJson(c, 200,
        {{QStringLiteral("email"), stored->email},
            {QStringLiteral("events"), QJsonArray::fromStringList(stored->events)},
            {QStringLiteral("format"), stored->format}, {QStringLiteral("status"), QStringLiteral("active")},
            {QStringLiteral("updated_at"), timefmt::iso(stored->updatedAt)}});
}

} // namespace

void installNotificationRoutes(http::HttpServer &server, PlatformServices &services)
{
    // Where the company's mail goes is an admin's setting, as PUT /api/cs/settings/smtp and PUT /api/cs/config.
    server.router().route(
        "POST", QStringLiteral("/notifications/email/configure"), signedRoute(services, &configureEmail, Role::Admin));
}

} // namespace tierdesk::api
