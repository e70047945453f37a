#include "core/api/platform/PlatformFamily.h"

#include "core/api/platform/PlatformErrors.h"
#include "core/api/platform/PlatformRoutes.h"

namespace tierdesk::api {

PlatformFamily::PlatformFamily(const PlatformServices &services)
    : m_services(services), m_context(std::make_unique<QObject>())
{
    m_services.context = m_context.get();
    if (!m_services.verifier) {
        ApiTokens *tokens = m_services.tokens;
        m_services.verifier = std::make_shared<const SigV4Verifier>(
            [tokens](const QString &accessKeyId) { return tokens->sigv4Key(accessKeyId); });
    }
}

QStringList PlatformFamily::pathPrefixes() const
{
    return {QStringLiteral("/chatbot"), QStringLiteral("/sentiment"), QStringLiteral("/routing"),
        QStringLiteral("/knowledge"), QStringLiteral("/analytics"), QStringLiteral("/escalation"),
        QStringLiteral("/audit"), QStringLiteral("/webhook"), QStringLiteral("/notifications"),
        QStringLiteral("/api/release-notes")};
}

void PlatformFamily::install(http::HttpServer &server)
{
    installPlatformRoutes(server, m_services);
}

http::HttpResponse PlatformFamily::serverError(int status, const QString &message, const QString &path) const
{
    return platform::serverError(status, message, path);
}

} // namespace tierdesk::api
