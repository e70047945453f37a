#include "core/api/agent/AgentFamily.h"

#include "core/api/agent/AgentErrors.h"

namespace tierdesk::api {

AgentFamily::AgentFamily(const AgentApiServices &services)
    : m_api(std::make_unique<AgentApi>(*services.engine, *services.tokens, *services.limiter, services.limits))
{
    m_api->setDesk(services.desk);
}

AgentFamily::~AgentFamily() = default;

QStringList AgentFamily::pathPrefixes() const
{
    return {QStringLiteral("/api/query"), QStringLiteral("/api/session"), QStringLiteral("/api/escalation"),
        QStringLiteral("/api/metrics"), QStringLiteral("/api/status"), QStringLiteral("/api/test"),
        QStringLiteral("/health")};
}

void AgentFamily::install(http::HttpServer &server)
{
    m_api->install(server);
}

http::HttpResponse AgentFamily::serverError(int status, const QString &message, const QString &path) const
{
    return agent::serverError(status, message, path);
}

} // namespace tierdesk::api
