#include "core/api/cs/CsFamily.h"

#include "core/common/Instance.h"

#include "core/api/cs/CsErrors.h"

namespace tierdesk::api {

CsFamily::CsFamily(const CsServices &services) : m_services(services)
{
    m_api = std::make_unique<CsApi>(*services.engine, *services.auth, *services.limiter, services.limits);
    m_api->setAgentServices(services.people);
    m_api->setDesk(services.desk);
    m_api->setCustomers(services.customers);
    m_api->setCallLog(services.callLog);
    m_api->setChannels(services.channels);
    m_api->setKnowledgeSources(services.kbSources);
    m_api->setServerSettings(services.serverSettings);
    m_ws = std::make_unique<WsHub>(*services.engine, *services.auth);
    if (services.people.agents)
        m_ws->trackPresence(*services.people.agents);
    if (services.people.sessions)
        m_ws->closeEndedSessions(*services.people.sessions);
    if (services.calls && services.desk) {
        m_calls = std::make_unique<DeskCalls>(*services.calls, *services.desk, *services.engine);
        m_ws->setCalls(m_calls.get());
    }
}

CsFamily::~CsFamily() = default;

void CsFamily::install(http::HttpServer &server)
{
    m_api->install(server);
    m_ws->install(server);
    installHealth(server);
}

// Unauthenticated liveness probe; also the trivial route benchmarks compare against. It says
// which backend (sqlite, postgresql) and which instance answered, and whether it runs the
// team's timers (always on SQLite; one instance of a team on PostgreSQL).
// A degraded store answers 503 {"status":"degraded"} so monitoring notices.
void CsFamily::installHealth(http::HttpServer &server)
{
    SessionEngine *engine = m_services.engine;
    server.router().route(
        "GET", QStringLiteral("/api/cs/health"), [engine](const http::HttpRequest &, const http::HttpResponder &res) {
            const QString failure = engine->storageFailure();
            QJsonObject body{
                {QStringLiteral("status"), failure.isEmpty() ? QStringLiteral("ok") : QStringLiteral("degraded")},
                {QStringLiteral("version"), QStringLiteral(TIERDESK_VERSION)},
                {QStringLiteral("backend"), engine->storageBackend()}, {QStringLiteral("instance"), instanceName()},
                {QStringLiteral("timers"), engine->runsTimers()}};
            if (!failure.isEmpty())
                body.insert(QStringLiteral("storage"), failure);
            res.send(http::HttpResponse::json(failure.isEmpty() ? 200 : 503, body));
        });
}

http::HttpResponse CsFamily::serverError(int status, const QString &message, const QString &path) const
{
    return cs::serverError(status, message, path);
}

} // namespace tierdesk::api
