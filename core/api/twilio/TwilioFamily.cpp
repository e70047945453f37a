#include "core/api/twilio/TwilioFamily.h"

#include "core/api/twilio/TwilioErrors.h"
#include "core/api/twilio/TwilioRoutes.h"
#include "core/api/twilio/TwilioWebhookController.h"

#include <QUrl>

namespace tierdesk::api {

static_assert(TwilioFamily::kMaxBodyBytes == TwilioWebhookController::kMaxBodyBytes);

namespace {

QString companyUrl(const QString &publicBase, const QString &companyId, const char *leaf)
{
    QString base = publicBase.trimmed();
    while (base.endsWith(QLatin1Char('/')))
        base.chop(1);
    if (base.isEmpty() || companyId.isEmpty())
        return {};
    return base + QStringLiteral("/api/v1/twilio/") + QString::fromLatin1(QUrl::toPercentEncoding(companyId))
        + QLatin1Char('/') + QLatin1String(leaf);
}

} // namespace

TwilioFamily::TwilioFamily(TwilioInbox &inbox, const QString &publicBaseUrl) : m_context(std::make_unique<QObject>())
{
    m_services.inbox = &inbox;
    m_services.publicBaseUrl = publicBaseUrl;
    m_services.context = m_context.get();
}

TwilioFamily::~TwilioFamily() = default;

void TwilioFamily::install(http::HttpServer &server)
{
    installTwilioRoutes(server, m_services);
}

http::HttpResponse TwilioFamily::serverError(int status, const QString &message, const QString &path) const
{
    return twilio::serverError(status, message, path);
}

http::HttpLimits::PathBodyLimit TwilioFamily::bodyLimit()
{
    return {QRegularExpression(QStringLiteral("^/api/v1/twilio/[^/]+/(messages|status)$")), kMaxBodyBytes};
}

QString TwilioFamily::statusCallbackUrl(const QString &publicBase, const QString &companyId)
{
    return companyUrl(publicBase, companyId, "status");
}

QString TwilioFamily::messagesUrl(const QString &publicBase, const QString &companyId)
{
    return companyUrl(publicBase, companyId, "messages");
}

} // namespace tierdesk::api
