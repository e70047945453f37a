#include "core/api/agent/AgentApi.h"

#include "core/api/agent/AgentErrors.h"
#include "core/api/common/CommitReply.h"
#include "core/api/common/StorageGate.h"

#include <QCryptographicHash>
#include <QJsonDocument>
#include <QJsonParseError>

namespace tierdesk::api {

AgentApi::AgentApi(
    SessionEngine &engine, ApiTokens &tokens, RateLimiter &limiter, AgentRateLimits limits, QObject *parent)
    : QObject(parent), m_engine(engine), m_tokens(tokens), m_limiter(limiter), m_limits(limits),
      m_keys([&tokens](const QByteArray &hashHex) { return tokens.apiKey(hashHex); }),
      m_startedAtMs(engine.clock().nowMs())
{
}

// Every path of the family appears here once, beside its rate-limit rule and handler.
void AgentApi::install(http::HttpServer &server)
{
    http::Router &r = server.router();
    r.route("GET", QStringLiteral("/health"),
        [this](const http::HttpRequest &req, const http::HttpResponder &res) { health(req, res); });
    r.route("GET", QStringLiteral("/api/status"), keyed(QString(), &AgentApi::status));
    r.route("POST", QStringLiteral("/api/session"), keyed(QStringLiteral("session"), &AgentApi::createSession));
    r.route("GET", QStringLiteral("/api/session/:id"), keyed(QStringLiteral("session"), &AgentApi::getSession));
    r.route("DELETE", QStringLiteral("/api/session/:id"), keyed(QStringLiteral("session"), &AgentApi::deleteSession));
    r.route("POST", QStringLiteral("/api/query"), keyed(QStringLiteral("query"), &AgentApi::query));
    r.route("POST", QStringLiteral("/api/escalation"), keyed(QStringLiteral("session"), &AgentApi::createEscalation));
    r.route("GET", QStringLiteral("/api/escalation/:id"), keyed(QStringLiteral("session"), &AgentApi::getEscalation));
    r.route(
        "PUT", QStringLiteral("/api/escalation/:id"), keyed(QStringLiteral("session"), &AgentApi::updateEscalation));
    r.route("GET", QStringLiteral("/api/metrics"), keyed(QStringLiteral("metrics"), &AgentApi::metrics));
    r.route(
        "GET", QStringLiteral("/api/metrics/session/:id"), keyed(QStringLiteral("metrics"), &AgentApi::sessionMetrics));
    r.route("POST", QStringLiteral("/api/test/query"), keyed(QStringLiteral("query"), &AgentApi::testQuery));
    r.route(
        "POST", QStringLiteral("/api/test/escalation"), keyed(QStringLiteral("session"), &AgentApi::testEscalation));
    r.route("GET", QStringLiteral("/api/test/metrics"), keyed(QStringLiteral("metrics"), &AgentApi::testMetrics));
}

http::Handler AgentApi::keyed(const QString &rule, Handler h)
{
    return [this, rule, h](const http::HttpRequest &req, const http::HttpResponder &res) {
        ++m_counters.requests;
        const KeyVerdict verdict = m_keys.verify(req.header("x-api-key"), m_engine.clock().nowMs());
        if (!verdict.accepted())
            return refuseKey(req, res, verdict);
        auto c = std::make_shared<Call>(Call{req, res, verdict.key->companyId,
            Actor{verdict.key->id, verdict.key->role, req.peerAddress.toString()}, {}});
        c->actor.displayName = verdict.key->name.isEmpty() ? verdict.key->id : verdict.key->name;
        if (!rule.isEmpty() && !rateLimit(c, rule))
            return;
        // A degraded store takes no writes; reads go on (not while its connection is lost).
        const QString failure = m_engine.storageFailure();
        if (storageRefuses(failure, req.method))
            return fail(c, agent::storageFailure(failure));
        (this->*h)(c);
    };
}

// 401 AUTHENTICATION_ERROR, audited: in the key's company when the key is known
// (revoked, expired), else in no company's log.
void AgentApi::refuseKey(const http::HttpRequest &req, const http::HttpResponder &res, const KeyVerdict &verdict)
{
    const QString name = refusalName(verdict.refusal);
    QString company;
    if (verdict.refusal == KeyRefusal::Revoked || verdict.refusal == KeyRefusal::Expired) {
        const QByteArray presented = req.header("x-api-key").trimmed();
        if (const auto key = m_tokens.apiKey(apiKeyHash(presented)))
            company = key->companyId;
    }
    m_engine.audit(company, Actor{QStringLiteral("anonymous"), QString(), req.peerAddress.toString()},
        QStringLiteral("auth.failed"), req.path.left(200), 401,
        {{QStringLiteral("reason"), name}, {QStringLiteral("method"), QString::fromLatin1(req.method.left(16))},
            {QStringLiteral("family"), QStringLiteral("agent")}});
    const QString message = verdict.refusal == KeyRefusal::NoCredential ? QStringLiteral("Missing X-API-Key header")
                                                                        : QStringLiteral("Invalid API key");
    res.send(agent::error(ErrorKind::Unauthenticated, message, QStringLiteral("reason: ") + name));
}

int AgentApi::rateLimitFor(const QString &rule) const
{
    if (rule == QLatin1String("query"))
        return m_limits.query;
    if (rule == QLatin1String("metrics"))
        return m_limits.metrics;
    return m_limits.session;
}

// Seed 002 counts per client address (one window per rule and address).
bool AgentApi::rateLimit(const CallPtr &c, const QString &rule)
{
    if (!m_limits.enabled)
        return true;
    const RateDecision d
        = m_limiter.hit(QStringLiteral("agent-") + rule + QLatin1Char(':') + c->req.peerAddress.toString(),
            rateLimitFor(rule), m_limits.windowSecs);
    c->extraHeaders = {{"X-RateLimit-Limit", QByteArray::number(d.limit)},
        {"X-RateLimit-Remaining", QByteArray::number(d.remaining)},
        {"X-RateLimit-Reset", QByteArray::number(d.resetAt)}};
    if (d.allowed)
        return true;
    c->extraHeaders.append({"Retry-After", QByteArray::number(d.retryAfter)});
    fail(c,
        agent::error(ErrorKind::LimitExceeded, QStringLiteral("Rate limit exceeded"),
            QStringLiteral("%1 requests per %2 seconds; retry after %3 seconds")
                .arg(d.limit)
                .arg(m_limits.windowSecs)
                .arg(d.retryAfter)));
    return false;
}

std::optional<QJsonObject> AgentApi::jsonBody(const CallPtr &c)
{
    QJsonParseError err{};
    const QJsonDocument doc = QJsonDocument::fromJson(c->req.body, &err);
    if (err.error != QJsonParseError::NoError || !doc.isObject()) {
        fail(c,
            agent::error(ErrorKind::InvalidArgument, QStringLiteral("Request body must be a JSON object"),
                c->req.body.isEmpty()                       ? QStringLiteral("empty body")
                    : err.error != QJsonParseError::NoError ? err.errorString()
                                                            : QStringLiteral("not an object")));
        return std::nullopt;
    }
    return doc.object();
}

std::optional<QString> AgentApi::requiredString(
    const CallPtr &c, const QJsonObject &body, const char *field, int maxChars)
{
    const QJsonValue v = body.value(QLatin1String(field));
    if (v.isUndefined() || v.isNull() || (v.isString() && v.toString().trimmed().isEmpty())) {
        fail(c,
            agent::error(ErrorKind::InvalidArgument,
                QStringLiteral("Missing required field: %1").arg(QLatin1String(field)),
                QStringLiteral("The %1 field is required for this request").arg(QLatin1String(field))));
        return std::nullopt;
    }
    if (!v.isString() || v.toString().size() > maxChars) {
        fail(c,
            agent::error(ErrorKind::InvalidArgument, QStringLiteral("Invalid field: %1").arg(QLatin1String(field)),
                QStringLiteral("%1 must be a string of at most %2 characters")
                    .arg(QLatin1String(field))
                    .arg(maxChars)));
        return std::nullopt;
    }
    return v.toString();
}

QString AgentApi::engineSessionId(const QString &company, const QString &clientId)
{
    const QByteArray digest
        = QCryptographicHash::hash((company + QLatin1Char('\n') + clientId).toUtf8(), QCryptographicHash::Sha256);
    return QStringLiteral("sess_") + QString::fromLatin1(digest.toHex().left(32));
}

std::optional<Session> AgentApi::findSession(const CallPtr &c, const QString &clientId, const MessageWindow &window)
{
    if (clientId.isEmpty() || clientId.size() > m_engine.limits().maxIdChars) {
        fail(c,
            agent::error(ErrorKind::NotFound, QStringLiteral("Session not found"),
                QStringLiteral("session_id: ") + clientId.left(128)));
        return std::nullopt;
    }
    auto s = m_engine.session(c->company, engineSessionId(c->company, clientId), window);
    if (!s && s.error().kind == ErrorKind::NotFound && clientId.startsWith(QLatin1String("sess_")))
        s = m_engine.session(c->company, clientId, window);
    if (!s) {
        // The engine names its own id; the client knows only its own.
        if (s.error().kind == ErrorKind::NotFound || s.error().detail == ErrorDetail::InvalidSessionId)
            fail(c,
                agent::error(ErrorKind::NotFound, QStringLiteral("Session not found"),
                    QStringLiteral("session_id: ") + clientId));
        else
            fail(c, s.error());
        return std::nullopt;
    }
    return s.value();
}

void AgentApi::fail(const CallPtr &c, const Error &e)
{
    fail(c, agent::error(e));
}

void AgentApi::fail(const CallPtr &c, const http::HttpResponse &error)
{
    http::HttpResponse r = error;
    if (const QString failure = m_engine.storageFailure(); storageExplains(failure, r.status))
        r = agent::storageFailure(failure);
    // Refused writes are audited too: who tried what, and what they were told.
    if (c->req.method != "GET" && c->req.method != "HEAD")
        m_engine.audit(c->company, c->actor,
            QString::fromLatin1(c->req.method) + QLatin1Char(' ') + c->req.path.left(200), c->req.path.left(200),
            r.status);
    reply(c, r);
}

void AgentApi::reply(const CallPtr &c, http::HttpResponse response)
{
    if (response.status >= 500)
        ++m_counters.serverErrors;
    for (const auto &h : c->extraHeaders)
        response.withHeader(h.first, h.second);
    replyAfterCommit(m_engine, c->res, response,
        {&agent::storageFailure, [] {
             return agent::error(makeError(ErrorKind::Unavailable, ErrorDetail::StorageFailure,
                 QStringLiteral("The change could not be stored; try again")));
         }});
}

} // namespace tierdesk::api
