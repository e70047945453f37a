#pragma once

#include "core/api/common/ApiFamily.h"
#include "core/api/cs/CsApi.h"
#include "core/api/cs/DeskCalls.h"
#include "core/api/cs/WsHub.h"

#include <memory>

namespace tierdesk::api {

// What the canonical CS API is served with: the engine and the shared parts of the
// server (authentication, rate limits), the agent desk and the agents' services.
struct CsServices {
    SessionEngine *engine = nullptr;
    AuthGate *auth = nullptr;
    RateLimiter *limiter = nullptr;
    CsRateLimits limits;
    AgentServices people;
    Desk *desk = nullptr;
    CustomerDirectory *customers = nullptr;
    CallLog *callLog = nullptr; // calls' recordings
    Channels *channels = nullptr; // the inbox channels (mail, texts)
    KbSources *kbSources = nullptr; // help-center sources and file imports
    ServerSettingsAccess serverSettings;
    voice::CallCenter *calls = nullptr; // the server's calls; none: the console takes no calls
};

// Seed 001's family: the REST routes under /api/cs (CsApi), its WebSocket of live
// events (WsHub), /api/cs/health and the {"error":{"code":"CS_0xx"}} body.
class CsFamily : public ApiFamily {
public:
    explicit CsFamily(const CsServices &services);
    ~CsFamily() override;

    QString name() const override { return QStringLiteral("cs"); }
    QStringList pathPrefixes() const override { return {QStringLiteral("/api/cs")}; }
    void install(http::HttpServer &server) override;
    http::HttpResponse serverError(int status, const QString &message, const QString &path) const override;

private:
    void installHealth(http::HttpServer &server);

    CsServices m_services;
    std::unique_ptr<CsApi> m_api;
    std::unique_ptr<DeskCalls> m_calls; // before m_ws, which hands it the connections' messages
    std::unique_ptr<WsHub> m_ws;
};

} // namespace tierdesk::api
