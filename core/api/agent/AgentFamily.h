#pragma once

#include "core/api/agent/AgentApi.h"
#include "core/api/common/ApiFamily.h"

#include <memory>

namespace tierdesk::api {

// What the support agent API is served with.
struct AgentApiServices {
    SessionEngine *engine = nullptr;
    ApiTokens *tokens = nullptr;
    RateLimiter *limiter = nullptr;
    AgentRateLimits limits;
    Desk *desk = nullptr;
};

// Seed 002's family (docs/agent-api.md): its routes, X-API-Key auth and the
// {"error":true,"error_type":...} body under its paths.
class AgentFamily : public ApiFamily {
public:
    explicit AgentFamily(const AgentApiServices &services);
    ~AgentFamily() override;

    QString name() const override { return QStringLiteral("agent"); }
    QStringList pathPrefixes() const override;
    void install(http::HttpServer &server) override;
    http::HttpResponse serverError(int status, const QString &message, const QString &path) const override;

private:
    std::unique_ptr<AgentApi> m_api;
};

} // namespace tierdesk::api
