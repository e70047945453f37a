#include "core/api/cs/CsApi.h"

#include "core/api/common/CommitReply.h"
#include "core/api/common/StorageGate.h"
#include "core/api/cs/CsErrors.h"

#include <QJsonDocument>
#include <QJsonParseError>

namespace tierdesk::api {

CsApi::CsApi(SessionEngine &engine, AuthGate &auth, RateLimiter &limiter, CsRateLimits limits, QObject *parent)
    : QObject(parent), m_engine(engine), m_auth(auth), m_limiter(limiter), m_limits(limits)
{
    m_secretPool.setMaxThreadCount(1);
    m_probePool.setMaxThreadCount(4);
    m_recordingPool.setMaxThreadCount(2);
}

void CsApi::install(http::HttpServer &server)
{
    server.setErrorFormatter(QStringLiteral("/api/cs"), &cs::serverError);
    http::Router &r = server.router();
    const QString base = QStringLiteral("/api/cs");
    r.route("POST", base + QStringLiteral("/sessions"), guarded(Role::Client, &CsApi::createSession));
    r.route("GET", base + QStringLiteral("/sessions"), guarded(Role::Agent, &CsApi::listSessions));
    r.route("GET", base + QStringLiteral("/sessions/:id"), guarded(Role::Client, &CsApi::getSession));
    r.route("POST", base + QStringLiteral("/sessions/:id/messages"), guarded(Role::Client, &CsApi::postMessage));
    r.route("POST", base + QStringLiteral("/sessions/:id/escalate"), guarded(Role::Client, &CsApi::escalate));
    r.route("POST", base + QStringLiteral("/sessions/:id/resolve"), guarded(Role::Agent, &CsApi::resolve));
    r.route(
        "GET", base + QStringLiteral("/sessions/:id/closing-message"), guarded(Role::Agent, &CsApi::closingMessage));
    r.route("GET", base + QStringLiteral("/sessions/:id/recording"), guarded(Role::Agent, &CsApi::recording));
    r.route("GET", base + QStringLiteral("/mentions"), guarded(Role::Agent, &CsApi::listMentions));
    r.route("POST", base + QStringLiteral("/mentions/:id/read"), guarded(Role::Agent, &CsApi::readMention));
    // The customer's client token for its own session, or an admin (the engine's rule).
    r.route("POST", base + QStringLiteral("/sessions/:id/satisfaction"), guarded(Role::Client, &CsApi::rateSession));
    r.route("GET", base + QStringLiteral("/analytics"), guarded(Role::Supervisor, &CsApi::analytics));
    r.route("GET", base + QStringLiteral("/config"), guarded(Role::Agent, &CsApi::getConfig));
    r.route("PUT", base + QStringLiteral("/config"), guarded(Role::Admin, &CsApi::putConfig));
    r.route("POST", base + QStringLiteral("/webhooks"), guarded(Role::Admin, &CsApi::createWebhook));
    r.route("GET", base + QStringLiteral("/webhooks"), guarded(Role::Admin, &CsApi::listWebhooks));
    r.route("DELETE", base + QStringLiteral("/webhooks/:id"), guarded(Role::Admin, &CsApi::deleteWebhook));
    r.route("GET", base + QStringLiteral("/audit"), guarded(Role::Supervisor, &CsApi::auditLog));
    r.route("GET", base + QStringLiteral("/queue"), guarded(Role::Agent, &CsApi::deskQueue));
    r.route("GET", base + QStringLiteral("/desk/overview"), guarded(Role::Supervisor, &CsApi::deskOverview));
    r.route("POST", base + QStringLiteral("/sessions/:id/claim"), guarded(Role::Agent, &CsApi::claim));
    r.route("POST", base + QStringLiteral("/sessions/:id/release"), guarded(Role::Agent, &CsApi::release));
    r.route("POST", base + QStringLiteral("/sessions/:id/snooze"), guarded(Role::Agent, &CsApi::snooze));
    r.route("POST", base + QStringLiteral("/sessions/:id/assign"), guarded(Role::Supervisor, &CsApi::assign));
    r.route("POST", base + QStringLiteral("/sessions/:id/agent-messages"), guarded(Role::Agent, &CsApi::agentMessage));
    r.route("POST", base + QStringLiteral("/sessions/:id/transfer"), guarded(Role::Agent, &CsApi::transfer));
    r.route("POST", base + QStringLiteral("/sessions/:id/actions"), guarded(Role::Agent, &CsApi::sessionAction));
    r.route("POST", base + QStringLiteral("/sessions/:id/assist"), guarded(Role::Agent, &CsApi::assist));
    r.route("GET", base + QStringLiteral("/kb"), guarded(Role::Agent, &CsApi::listKb));
    r.route("POST", base + QStringLiteral("/kb"), guarded(Role::Admin, &CsApi::createKb));
    r.route("GET", base + QStringLiteral("/kb/search"), guarded(Role::Agent, &CsApi::searchKb));
    r.route("GET", base + QStringLiteral("/kb/sources"), guarded(Role::Admin, &CsApi::listKbSources));
    r.route("POST", base + QStringLiteral("/kb/sources"), guarded(Role::Admin, &CsApi::createKbSource));
    r.route("GET", base + QStringLiteral("/kb/sources/:id"), guarded(Role::Admin, &CsApi::getKbSource));
    r.route("POST", base + QStringLiteral("/kb/sources/:id/sync"), guarded(Role::Admin, &CsApi::syncKbSource));
    r.route("DELETE", base + QStringLiteral("/kb/sources/:id"), guarded(Role::Admin, &CsApi::deleteKbSource));
    r.route("POST", base + QStringLiteral("/kb/files"), guarded(Role::Admin, &CsApi::uploadKbFiles));
    r.route("GET", base + QStringLiteral("/kb/gaps"), guarded(Role::Supervisor, &CsApi::listKbGaps));
    r.route("POST", base + QStringLiteral("/kb/gaps/:id/draft"), guarded(Role::Supervisor, &CsApi::draftKbGap));
    r.route("POST", base + QStringLiteral("/kb/gaps/:id/dismiss"), guarded(Role::Supervisor, &CsApi::dismissKbGap));
    r.route("GET", base + QStringLiteral("/kb/:id"), guarded(Role::Agent, &CsApi::getKb));
    r.route("PUT", base + QStringLiteral("/kb/:id"), guarded(Role::Admin, &CsApi::updateKb));
    r.route("DELETE", base + QStringLiteral("/kb/:id"), guarded(Role::Admin, &CsApi::deleteKb));
    r.route("POST", base + QStringLiteral("/config/simulate"), guarded(Role::Admin, &CsApi::simulateConfig));
    r.route("GET", base + QStringLiteral("/ai/providers"), guarded(Role::Admin, &CsApi::listProviders));
    r.route("POST", base + QStringLiteral("/ai/providers"), guarded(Role::Admin, &CsApi::addProvider));
    r.route("PATCH", base + QStringLiteral("/ai/providers/:name"), guarded(Role::Admin, &CsApi::changeProvider));
    r.route("DELETE", base + QStringLiteral("/ai/providers/:name"), guarded(Role::Admin, &CsApi::removeProvider));
    r.route("POST", base + QStringLiteral("/ai/providers/:name/test"), guarded(Role::Admin, &CsApi::testProvider));
    r.route("GET", base + QStringLiteral("/connectors"), guarded(Role::Admin, &CsApi::listConnectors));
    r.route("PUT", base + QStringLiteral("/connectors/:name"), guarded(Role::Admin, &CsApi::putConnector));
    r.route("DELETE", base + QStringLiteral("/connectors/:name"), guarded(Role::Admin, &CsApi::deleteConnector));
    r.route("POST", base + QStringLiteral("/connectors/:name/test"), guarded(Role::Admin, &CsApi::testConnector));
    r.route("GET", base + QStringLiteral("/connectors/:name/calls"), guarded(Role::Admin, &CsApi::connectorCalls));
    // The payment provider's events (Stripe): no bearer token, the Stripe-Signature proves them.
    r.route("POST", base + QStringLiteral("/connectors/:name/webhook"), anonymous(&CsApi::connectorWebhook));
    r.route("GET", base + QStringLiteral("/channels/email"), guarded(Role::Admin, &CsApi::getEmailChannel));
    r.route("PUT", base + QStringLiteral("/channels/email"), guarded(Role::Admin, &CsApi::putEmailChannel));
    r.route("DELETE", base + QStringLiteral("/channels/email"), guarded(Role::Admin, &CsApi::deleteEmailChannel));
    r.route("POST", base + QStringLiteral("/channels/email/inbound"), guarded(Role::Admin, &CsApi::inboundEmail));
    r.route("POST", base + QStringLiteral("/channels/email/poll"), guarded(Role::Admin, &CsApi::pollEmail));
    r.route("GET", base + QStringLiteral("/channels/twilio"), guarded(Role::Admin, &CsApi::getTwilioChannel));
    r.route("PUT", base + QStringLiteral("/channels/twilio"), guarded(Role::Admin, &CsApi::putTwilioChannel));
    r.route("DELETE", base + QStringLiteral("/channels/twilio"), guarded(Role::Admin, &CsApi::deleteTwilioChannel));
    r.route("GET", base + QStringLiteral("/channels/web"), guarded(Role::Admin, &CsApi::getWebChannel));
    r.route("PUT", base + QStringLiteral("/channels/web"), guarded(Role::Admin, &CsApi::putWebChannel));
    r.route("POST", base + QStringLiteral("/channels/web/identity-secret"),
        guarded(Role::Admin, &CsApi::newWebIdentitySecret));
    r.route("GET", base + QStringLiteral("/sessions/:id/channel"), guarded(Role::Agent, &CsApi::sessionChannel));
    r.route("GET", base + QStringLiteral("/sessions/:id/files/:fileId"), guarded(Role::Agent, &CsApi::sessionFile));
    r.route("POST", base + QStringLiteral("/sessions/:id/attachments"),
        guarded(Role::Agent, &CsApi::postSessionAttachment));
    r.route("GET", base + QStringLiteral("/sessions/:id/attachments/:attachmentId"),
        guarded(Role::Client, &CsApi::sessionAttachment));
    if (m_people.agents)
        installAgentRoutes(r, base);
    if (m_people.agents && m_people.signOn)
        installSignInRoutes(r, base);
    if (m_customers)
        installCustomerRoutes(r, base);
}

http::Handler CsApi::guarded(Role minimum, Handler h, bool duringMfaSetup)
{
    return [this, minimum, h, duringMfaSetup](const http::HttpRequest &req, const http::HttpResponder &res) {
        const AuthGate::Outcome auth = m_auth.check(req, false, true);
        if (!auth.who) {
            res.send(auth.status == 429
                    ? cs::error(ErrorKind::LimitExceeded,
                        QStringLiteral("Too many failed authentications; try again later"),
                        {{QStringLiteral("retryAfter"), auth.retryAfter}})
                          .withHeader("Retry-After", QByteArray::number(auth.retryAfter))
                    : cs::error(ErrorKind::Unauthenticated, QStringLiteral("Authentication required"),
                        {{QStringLiteral("reason"), auth.reason}})
                          .withHeader("WWW-Authenticate", "Bearer realm=\"tierdesk\""));
            return;
        }
        const Principal &who = *auth.who;
        Call call{req, res, who,
            Actor{who.subject.isEmpty() ? who.tokenId : who.subject, roleName(who.role), req.peerAddress.toString(),
                who.role == Role::Client ? who.customer : QString()},
            {}};
        call.actor.displayName = who.displayName.isEmpty() ? call.actor.subject : who.displayName;
        if (who.mfaSetupOnly && !duringMfaSetup) {
            fail(call,
                cs::error(ErrorKind::Forbidden,
                    QStringLiteral(
                        "Set up a second factor first: the company requires one (POST /api/cs/agents/me/mfa)"),
                    {{QStringLiteral("reason"), QStringLiteral("mfa setup required")}}));
            return;
        }
        if (who.role < minimum) {
            fail(call,
                cs::error(ErrorKind::Forbidden, QStringLiteral("This action needs the %1 role").arg(roleName(minimum)),
                    {{QStringLiteral("role"), roleName(who.role)}}));
            return;
        }
        // A degraded store takes no writes; reads go on (docs/api.md, CS_024).
        const QString failure = m_engine.storageFailure();
        if (storageRefuses(failure, req.method)) {
            fail(call, cs::storageFailure(failure));
            return;
        }
        (this->*h)(call);
    };
}

http::Handler CsApi::anonymous(Handler h)
{
    return [this, h](const http::HttpRequest &req, const http::HttpResponder &res) {
        Call call{req, res, Principal{}, Actor{QStringLiteral("anonymous"), QString(), req.peerAddress.toString()}, {}};
        const QString failure = m_engine.storageFailure();
        if (storageRefuses(failure, req.method)) {
            fail(call, cs::storageFailure(failure));
            return;
        }
        (this->*h)(call);
    };
}

std::optional<QJsonObject> CsApi::jsonBody(Call &c)
{
    QJsonParseError err{};
    const QJsonDocument doc = QJsonDocument::fromJson(c.req.body, &err);
    if (err.error != QJsonParseError::NoError || !doc.isObject()) {
        fail(c,
            cs::error(ErrorKind::InvalidArgument, QStringLiteral("Request body must be a JSON object"),
                {{QStringLiteral("parseError"),
                    c.req.body.isEmpty()                        ? QStringLiteral("empty body")
                        : err.error != QJsonParseError::NoError ? err.errorString()
                                                                : QStringLiteral("not an object")}}));
        return std::nullopt;
    }
    return doc.object();
}

bool CsApi::rateLimit(Call &c, const QString &rule, const QString &subject, int limit)
{
    if (!m_limits.enabled)
        return true;
    const RateDecision d = m_limiter.hit(rule + QLatin1Char(':') + subject, limit, m_limits.windowSecs);
    c.extraHeaders = {{"X-RateLimit-Limit", QByteArray::number(d.limit)},
        {"X-RateLimit-Remaining", QByteArray::number(d.remaining)},
        {"X-RateLimit-Reset", QByteArray::number(d.resetAt)}};
    if (d.allowed)
        return true;
    c.extraHeaders.append({"Retry-After", QByteArray::number(d.retryAfter)});
    fail(c,
        cs::error(ErrorKind::LimitExceeded, QStringLiteral("Rate limit exceeded"),
            {{QStringLiteral("limit"), d.limit}, {QStringLiteral("windowSeconds"), m_limits.windowSecs},
                {QStringLiteral("retryAfter"), d.retryAfter}}));
    return false;
}

std::optional<QString> CsApi::companyParam(Call &c, const QString &value)
{
    if (value.isEmpty()) {
        fail(c,
            cs::error(ErrorKind::InvalidArgument, ErrorDetail::MissingCompany, QStringLiteral("Missing company ID")));
        return std::nullopt;
    }
    // Another company's id is answered exactly like one that does not exist.
    if (value != c.who.company) {
        fail(c,
            cs::error(ErrorKind::NotFound, QStringLiteral("Company not found"),
                {{QStringLiteral("companyId"), value.left(128)}}));
        return std::nullopt;
    }
    return value;
}

std::optional<QJsonObject> CsApi::companyBody(Call &c)
{
    auto body = jsonBody(c);
    if (!body || !companyParam(c, body->value(QLatin1String("companyId")).toString()))
        return std::nullopt;
    return body;
}

void CsApi::fail(Call &c, const http::HttpResponse &error)
{
    http::HttpResponse r = error;
    // An internal error caused by a storage failure is reported as one.
    if (const QString failure = m_engine.storageFailure(); storageExplains(failure, r.status))
        r = cs::storageFailure(failure);
    for (const auto &h : c.extraHeaders)
        r.withHeader(h.first, h.second);
    // Refused writes are audited too: who tried what, and what they were told.
    if (c.req.method != "GET" && c.req.method != "HEAD")
        m_engine.audit(c.who.company, c.actor,
            QString::fromLatin1(c.req.method) + QLatin1Char(' ') + c.req.path.left(200), c.req.path.left(200),
            r.status);
    reply(c, r);
}

void CsApi::reply(Call &c, http::HttpResponse response)
{
    for (const auto &h : c.extraHeaders)
        if (std::none_of(
                response.headers.cbegin(), response.headers.cend(), [&](const auto &e) { return e.first == h.first; }))
            response.withHeader(h.first, h.second);
    replyAfterCommit(m_engine, c.res, response, {&cs::storageFailure, [] {
                                                     return cs::error(ErrorKind::Unavailable,
                                                         QStringLiteral("The change could not be stored; try again"));
                                                 }});
}

} // namespace tierdesk::api
