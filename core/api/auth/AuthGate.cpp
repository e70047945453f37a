#include "core/api/auth/AuthGate.h"

#include "core/engine/SessionEngine.h"

namespace tierdesk::api {

AuthGate::AuthGate(const Authenticator &auth, SessionEngine &engine, AuthThrottle throttle)
    : m_auth(auth), m_engine(engine), m_throttle(throttle), m_failures(engine.clock())
{
    m_throttle.windowSecs = qMax(1, m_throttle.windowSecs);
    m_throttle.maxFailures = qMax(1, m_throttle.maxFailures);
}

AuthGate::Outcome AuthGate::check(const http::HttpRequest &req, bool allowQueryToken, bool allowMfaSetup)
{
    const QString key = req.peerAddress.toString();
    Outcome out;
    if (m_throttle.enabled) {
        const RateDecision d = m_failures.peek(key, m_throttle.maxFailures, m_throttle.windowSecs);
        if (!d.allowed) {
            out.status = 429;
            out.reason = QStringLiteral("too many failed authentications from this address");
            out.retryAfter = d.retryAfter;
            return out;
        }
    }
    const Result<Principal> who = m_auth.authenticate(req, allowQueryToken);
    if (who && who->mfaSetupOnly && !allowMfaSetup) {
        out.status = 403; // not a failed authentication: the person must set up a second factor
        out.reason = QStringLiteral("a second factor must be set up first");
        return out;
    }
    if (who) {
        out.who = *who;
        return out;
    }
    out.reason = who.error().message;
    if (m_throttle.enabled)
        m_failures.hit(key, m_throttle.maxFailures, m_throttle.windowSecs);
    recordFailure(req, out.reason, 401);
    return out;
}

std::optional<AuthGate::Outcome> AuthGate::throttled(const http::HttpRequest &req)
{
    if (!m_throttle.enabled)
        return std::nullopt;
    const RateDecision d = m_failures.peek(req.peerAddress.toString(), m_throttle.maxFailures, m_throttle.windowSecs);
    if (d.allowed)
        return std::nullopt;
    Outcome out;
    out.status = 429;
    out.reason = QStringLiteral("too many failed authentications from this address");
    out.retryAfter = d.retryAfter;
    return out;
}

void AuthGate::refuseKey(
    const http::HttpRequest &req, const QString &company, const QString &family, const QString &reason, int status)
{
    if (m_throttle.enabled)
        m_failures.hit(req.peerAddress.toString(), m_throttle.maxFailures, m_throttle.windowSecs);
    m_engine.audit(company, Actor{QStringLiteral("anonymous"), QString(), req.peerAddress.toString()},
        QStringLiteral("auth.failed"), req.path.left(200), status,
        {{QStringLiteral("reason"), reason.left(200)},
            {QStringLiteral("method"), QString::fromLatin1(req.method.left(16))}, {QStringLiteral("family"), family}});
}

void AuthGate::recordFailure(const http::HttpRequest &req, const QString &reason, int status)
{
    // The company a token claims is unverified: it only decides whose log
    // shows the attempt, and only when that company exists.
    const QString claimed = unverifiedJwtCompany(Authenticator::bearerToken(req, true));
    const bool known = !claimed.isEmpty() && m_engine.company(claimed).ok();
    QJsonObject details{
        {QStringLiteral("reason"), reason}, {QStringLiteral("method"), QString::fromLatin1(req.method.left(16))}};
    if (!claimed.isEmpty())
        details.insert(QStringLiteral("claimedCompany"), claimed.left(64));
    m_engine.audit(known ? claimed : QString(),
        Actor{QStringLiteral("anonymous"), QString(), req.peerAddress.toString()}, QStringLiteral("auth.failed"),
        req.path.left(200), status, details);
}

} // namespace tierdesk::api
