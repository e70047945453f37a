#pragma once

#include "core/api/agent/QueryCache.h"
#include "core/api/auth/ApiKeyVerifier.h"
#include "core/api/common/RateLimiter.h"
#include "core/api/http/HttpResponder.h"
#include "core/api/http/HttpServer.h"
#include "core/engine/SessionEngine.h"
#include "core/engine/access/ApiTokens.h"
#include "core/engine/desk/Desk.h"

#include <QElapsedTimer>
#include <QObject>

#include <memory>
#include <optional>

namespace tierdesk::api {

// Seed 002's limits per client address and minute (docs/agent-api.md, "Rate limits").
struct AgentRateLimits {
    bool enabled = true;
    int windowSecs = 60;
    int query = 60;
    int session = 100;
    int metrics = 30;
};

// What the support agent API counts since the server started (for /api/status and /api/metrics).
struct AgentCounters {
    qint64 requests = 0;
    qint64 serverErrors = 0; // answers of 500 and up
    qint64 queries = 0; // POST /api/query answered 200
    qint64 cacheHits = 0;
    qint64 responseTimeMsTotal = 0;
};

// Seed 002's support agent API: /api/query, /api/session, /api/escalation,
// /api/metrics, /api/status, /api/test/*, /health; X-API-Key auth; the
// {"error":true,"error_type":...} body. Handlers ask the engine, never the store.
class AgentApi : public QObject {
    Q_OBJECT

public:
    AgentApi(SessionEngine &engine, ApiTokens &tokens, RateLimiter &limiter, AgentRateLimits limits,
        QObject *parent = nullptr);
    // Tickets' priorities and agents live at the desk; without one a ticket cannot be assigned.
    void setDesk(Desk *desk) { m_desk = desk; }
    void install(http::HttpServer &server);

private:
    // One request in flight: what the handlers share.
    struct Call {
        http::HttpRequest req; // a copy: some calls are answered after the engine replies
        http::HttpResponder res;
        QString company;
        Actor actor;
        QList<QPair<QByteArray, QByteArray>> extraHeaders;
    };
    using CallPtr = std::shared_ptr<Call>;
    using Handler = void (AgentApi::*)(const CallPtr &);
    // X-API-Key checked, the rate limit `rule` counted (empty: none), then `h`.
    http::Handler keyed(const QString &rule, Handler h);

    // AgentStatusRoutes.cpp
    void health(const http::HttpRequest &req, const http::HttpResponder &res);
    void status(const CallPtr &c);
    // AgentSessionRoutes.cpp
    void createSession(const CallPtr &c);
    void getSession(const CallPtr &c);
    void deleteSession(const CallPtr &c);
    // DELETE's answer: the seed's "Session closed successfully" and when it was archived.
    static QJsonObject archivedJson(const QString &clientId, qint64 archivedAtMs);
    QJsonObject sessionJson(const Session &s, const QString &clientId);
    QString ticketStatus(const Session &s, int number) const;
    // AgentQueryRoutes.cpp
    struct QueryArgs {
        QString clientId;
        QString customerId;
        QString text;
        QElapsedTimer timer;
    };
    using QueryPtr = std::shared_ptr<QueryArgs>;
    void query(const CallPtr &c);
    void queryOpenSession(const CallPtr &c, const QueryPtr &q, const Session &s);
    void queryNewSession(const CallPtr &c, const QueryPtr &q);
    bool answerFromCache(const CallPtr &c, const QueryPtr &q);
    // Stores what /api/metrics counts of an answered query (api_queries); `messageId`: the reply whose calls it cost.
    void recordQuery(
        const QString &company, const QString &model, qint64 elapsedMs, bool cached, const QString &messageId);
    void answerOutcome(const CallPtr &c, const QueryPtr &q, const MessageOutcome &o);
    Result<Session> escalateNegative(const CallPtr &c, const Session &s, const SentimentPoint &point);
    // The session the query names: by the client's name, else by the engine's id; nullopt when none.
    std::optional<Session> sessionNamed(const QString &company, const QString &clientId, const MessageWindow &window);

    // AgentEscalationRoutes.cpp
    struct TicketUpdate {
        QString status; // empty: unchanged
        QString agent; // empty: unchanged
        QJsonObject extras; // resolution_notes
        int satisfaction = 0; // customer_satisfaction: the session's rating (SessionRatings); 0: unchanged
    };
    void createEscalation(const CallPtr &c);
    void getEscalation(const CallPtr &c);
    void updateEscalation(const CallPtr &c);
    std::optional<TicketUpdate> ticketUpdate(const CallPtr &c, const QJsonObject &body);
    Status applyTicketUpdate(const CallPtr &c, const Session &s, const TicketUpdate &u);
    std::optional<QJsonObject> ticketJson(const CallPtr &c, const QString &ticketId, int knownNumber = 0);
    // The session's customer rating (as every family stores it), else a value kept in a ticket
    // before ratings were stored, else null.
    QJsonValue customerSatisfaction(const CallPtr &c, const Session &s, const QJsonObject &extras);
    Result<Session> storeTicketExtras(const CallPtr &c, const Session &s, int number, const QJsonObject &changes);
    static int ticketCount(const Session &s);
    // Seed 002's ticket_id of the session's escalation `number`: the id the company's CRM gave
    // it (the `ticket` connector), else the generated TKT-<session>-<number>.
    QString ticketIdOf(const Session &s, int number);
    // The session (engine id) and escalation number a ticket id names: a generated one or a CRM's.
    std::optional<std::pair<QString, int>> parseTicket(const QString &company, const QString &ticketId);

    // AgentMetricsRoutes.cpp
    void metrics(const CallPtr &c);
    void sessionMetrics(const CallPtr &c);
    // ?timeframe= (hour, day, week, month; default day), ?start_date=, ?end_date=; answers
    // 400 itself and is nullopt then (as jsonBody).
    struct MetricsRange {
        QString timeframe;
        qint64 startMs = 0;
        qint64 endMs = 0;
    };
    std::optional<MetricsRange> metricsRange(const CallPtr &c);

    // AgentTestRoutes.cpp
    void testQuery(const CallPtr &c);
    void testEscalation(const CallPtr &c);
    void testMetrics(const CallPtr &c);

    // AgentWebhooks.cpp. `ticket`: as ticketJson() answers it.
    void escalationCreated(const QString &company, const QJsonObject &ticket);
    void sessionClosed(const Session &s, const QString &clientName);

    // Seed 002 names sessions itself; each company's names map to engine ids of their own.
    static QString engineSessionId(const QString &company, const QString &clientId);
    // A session of this company by the client's name, or by the engine's id for a session
    // another door opened (answers 404 itself when none).
    std::optional<Session> findSession(const CallPtr &c, const QString &clientId, const MessageWindow &window = {});

    int rateLimitFor(const QString &rule) const;
    bool rateLimit(const CallPtr &c, const QString &rule);
    std::optional<QJsonObject> jsonBody(const CallPtr &c);
    // A required non-empty string field of at most `maxChars`; answers 400 itself.
    std::optional<QString> requiredString(const CallPtr &c, const QJsonObject &body, const char *field, int maxChars);
    void fail(const CallPtr &c, const http::HttpResponse &error);
    void fail(const CallPtr &c, const Error &e);
    // Sends once every write so far is committed: an acknowledged write is durable.
    void reply(const CallPtr &c, http::HttpResponse response);
    void refuseKey(const http::HttpRequest &req, const http::HttpResponder &res, const KeyVerdict &verdict);

    SessionEngine &m_engine;
    ApiTokens &m_tokens;
    RateLimiter &m_limiter;
    AgentRateLimits m_limits;
    ApiKeyVerifier m_keys;
    QueryCache m_cache;
    AgentCounters m_counters;
    qint64 m_startedAtMs = 0;
    Desk *m_desk = nullptr;
};

} // namespace tierdesk::api
