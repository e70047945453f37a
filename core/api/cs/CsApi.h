#pragma once

#include "core/api/cs/AuthGate.h"
#include "core/api/cs/CsErrors.h"
#include "core/api/cs/RateLimiter.h"
#include "core/api/http/HttpResponder.h"
#include "core/api/http/HttpServer.h"
#include "core/engine/SessionEngine.h"

#include <QObject>

#include <optional>

namespace tierdesk::api {

struct CsRateLimits
{
    bool enabled = true;
    int windowSecs = 60;
    int createSession = 100;
    int messagesPerSession = 60;
    int listSessions = 200;
    int analytics = 20;
};

// The canonical CS API (seed 001) under /api/cs, plus webhooks registration.
class CsApi : public QObject
{
    Q_OBJECT

public:
    CsApi(SessionEngine &engine, AuthGate &auth, RateLimiter &limiter, CsRateLimits limits, QObject *parent = nullptr);
    void install(http::HttpServer &server);

private:
    // One request in flight: what the handlers share.
    struct Call
    {
        const http::HttpRequest &req;
        const http::HttpResponder &res;
        Principal who;
        Actor actor;
        QList<QPair<QByteArray, QByteArray>> extraHeaders;
    };
    using Handler = void (CsApi::*)(Call &);
    http::Handler guarded(Role minimum, Handler h);

    void createSession(Call &c);
    void getSession(Call &c);
    void listSessions(Call &c);
    void postMessage(Call &c);
    void escalate(Call &c);
    void resolve(Call &c);
    void analytics(Call &c);
    void getConfig(Call &c);
    void putConfig(Call &c);
    void createWebhook(Call &c);
    void listWebhooks(Call &c);
    void deleteWebhook(Call &c);
    void auditLog(Call &c);

    static QString queryParam(const http::HttpRequest &req, const char *name)
    {
        return req.query.queryItemValue(QLatin1String(name), QUrl::FullyDecoded);
    }
    // Helpers: each answers the request itself and returns false on failure.
    std::optional<QJsonObject> jsonBody(Call &c);
    bool rateLimit(Call &c, const QString &rule, const QString &subject, int limit);
    std::optional<QString> companyParam(Call &c, const QString &value);
    // ?messageLimit= and ?messagesBefore= of Get Session.
    bool messageWindowParams(Call &c, MessageWindow *window);
    // A JSON body naming the caller's own company in "companyId".
    std::optional<QJsonObject> companyBody(Call &c);
    void fail(Call &c, const http::HttpResponse &error);
    void fail(Call &c, const Error &error) { fail(c, cs::error(error)); }
    // Sends once every write so far is committed: an acknowledged write is durable.
    void reply(Call &c, http::HttpResponse response);

    SessionEngine &m_engine;
    AuthGate &m_auth;
    RateLimiter &m_limiter;
    CsRateLimits m_limits;
};

} // namespace tierdesk::api
