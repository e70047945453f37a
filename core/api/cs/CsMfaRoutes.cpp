// A second factor (TOTP) for password logins: /api/cs/agents/me/mfa to set one up (a secret and
// its otpauth:// URL, confirmed with a first code, which gives ten recovery codes shown once) or
// remove it; /agents/:id/mfa for an admin to remove an agent's; /auth/login/mfa for a login's
// second step, on the challenge POST /auth/login answered. A code works once; failures count
// into the login throttle like wrong passwords.
#include "core/api/cs/CsApi.h"

#include "core/api/cs/CsErrors.h"
#include "core/common/Time.h"

namespace tierdesk::api {
namespace {

// The name authenticator apps show beside the account.
const QString kIssuer = QStringLiteral("Tierdesk");

std::optional<QString> codeOf(const QJsonObject &body)
{
    const QJsonValue v = body.value(QLatin1String("code"));
    if (!v.isString() || v.toString().trimmed().isEmpty() || v.toString().size() > SecondFactors::kMaxCodeChars)
        return std::nullopt;
    return v.toString();
}

} // namespace

void CsApi::installMfaRoutes(http::Router &r, const QString &base)
{
    r.route("POST", base + QStringLiteral("/auth/login/mfa"), anonymous(&CsApi::loginMfa));
    r.route("POST", base + QStringLiteral("/agents/me/mfa"), guarded(Role::Agent, &CsApi::enrolMfa, true));
    r.route("POST", base + QStringLiteral("/agents/me/mfa/confirm"), guarded(Role::Agent, &CsApi::confirmMfa, true));
    r.route("DELETE", base + QStringLiteral("/agents/me/mfa"), guarded(Role::Agent, &CsApi::disableMfa));
    r.route("DELETE", base + QStringLiteral("/agents/:id/mfa"), guarded(Role::Admin, &CsApi::removeAgentMfa));
}

// The challenge's agent with a code of their factor: a login (method "mfa"), as POST /auth/login
// answers one. A wrong or used code is a failed login for the throttle and the audit.
void CsApi::loginMfa(Call &c)
{
    const auto body = jsonBody(c);
    if (!body)
        return;
    const QJsonValue challengeValue = body->value(QLatin1String("challenge"));
    if (!challengeValue.isString() || challengeValue.toString().isEmpty())
        return fail(c, cs::invalid(QStringLiteral("challenge"), QStringLiteral("challenge is required")));
    const auto code = codeOf(*body);
    if (!code)
        return fail(c,
            cs::invalid(QStringLiteral("code"),
                QStringLiteral("code is required (the authenticator's 6 digits or a recovery code)")));
    const auto challenge = m_people.tokens->verifyMfaChallenge(challengeValue.toString().toLatin1());
    const auto agent = challenge ? m_people.agents->find(challenge->company, challenge->agentId) : std::nullopt;
    if (!agent || !agent->active)
        return reply(c,
            cs::error(ErrorKind::Unauthenticated, QStringLiteral("The sign-in expired; log in again"),
                {{QStringLiteral("reason"), QStringLiteral("challenge")}}));
    const QString address = c.req.peerAddress.toString();
    LoginGuard &guard = *m_people.logins;
    if (const RateDecision d = guard.admit(agent->email, address); !d.allowed) {
        c.extraHeaders.append({"Retry-After", QByteArray::number(d.retryAfter)});
        return fail(c,
            cs::error(ErrorKind::LimitExceeded, QStringLiteral("Too many failed logins; try again later"),
                {{QStringLiteral("retryAfter"), d.retryAfter}}));
    }
    const auto proof = m_people.factors->verify(*agent, *code);
    guard.finish(agent->email, address, !proof);
    if (!proof) {
        if (proof.error().kind != ErrorKind::Unauthenticated)
            return fail(c, proof.error());
        m_people.agents->recordLoginFailure(
            agent->companyId, agent->id, agent->email, QStringLiteral("wrong second factor"), address);
        return reply(c, cs::error(ErrorKind::Unauthenticated, proof.error().message));
    }
    auto login = loginBody(*agent, signInFrom(c.req, QStringLiteral("mfa"), challenge->device));
    if (!login)
        return fail(c, login.error());
    m_people.agents->recordLogin(*agent, address, login->value(QLatin1String("sessionId")).toString());
    if (*proof == SecondFactorProof::RecoveryCode)
        login->insert(QStringLiteral("recoveryCodesLeft"), m_people.factors->recoveryCodesLeft(*agent));
    reply(c, http::HttpResponse::json(200, *login));
}

void CsApi::enrolMfa(Call &c)
{
    const auto me = callingAgent(c);
    if (!me)
        return;
    const auto enrolment = m_people.factors->enrol(*me, kIssuer, c.actor);
    if (!enrolment)
        return fail(c, enrolment.error());
    reply(c,
        http::HttpResponse::json(201,
            QJsonObject{
                {QStringLiteral("secret"), enrolment->secret}, {QStringLiteral("otpauthUrl"), enrolment->otpauthUrl}}));
}

// The first code makes the factor the agent's. A token that could only set one up is done with:
// its session ends, and the answer carries a full login (method "mfa") in its place.
void CsApi::confirmMfa(Call &c)
{
    const auto me = callingAgent(c);
    if (!me)
        return;
    const auto body = jsonBody(c);
    if (!body)
        return;
    const auto code = codeOf(*body);
    if (!code)
        return fail(c, cs::invalid(QStringLiteral("code"), QStringLiteral("code is required")));
    const auto codes = m_people.factors->confirm(*me, *code, c.actor);
    if (!codes)
        return fail(c, codes.error());
    QJsonObject out{{QStringLiteral("recoveryCodes"), QJsonArray::fromStringList(*codes)}};
    if (c.who.mfaSetupOnly) {
        m_people.sessions->end(me->id, c.who.sessionId, QStringLiteral("second factor set up"), c.actor);
        auto login = loginBody(*me, signInFrom(c.req, QStringLiteral("mfa")));
        if (!login)
            return fail(c, login.error());
        for (auto it = login->begin(); it != login->end(); ++it)
            out.insert(it.key(), it.value());
    }
    reply(c, http::HttpResponse::json(200, out));
}

void CsApi::disableMfa(Call &c)
{
    const auto me = callingAgent(c);
    if (!me)
        return;
    const auto body = jsonBody(c);
    if (!body)
        return;
    const auto code = codeOf(*body);
    if (!code)
        return fail(c, cs::invalid(QStringLiteral("code"), QStringLiteral("code is required")));
    if (const auto config = m_engine.config(me->companyId); config && config->auth.requireMfa)
        return fail(c,
            cs::error(ErrorKind::Conflict, QStringLiteral("The company requires a second factor"),
                {{QStringLiteral("reason"), QStringLiteral("required")}}));
    if (const Status removed = m_people.factors->disable(*me, *code, c.actor); !removed)
        return fail(c, removed.error());
    reply(c, http::HttpResponse::noContent());
}

void CsApi::removeAgentMfa(Call &c)
{
    const QString id = c.req.pathParams.value(QStringLiteral("id"));
    const auto agent = m_people.agents->find(c.who.company, id);
    if (!agent)
        return fail(c,
            cs::error(
                ErrorKind::NotFound, QStringLiteral("Agent not found"), {{QStringLiteral("agentId"), id.left(128)}}));
    if (const Status removed = m_people.factors->remove(*agent, c.actor); !removed)
        return fail(c, removed.error());
    reply(c, http::HttpResponse::noContent());
}

} // namespace tierdesk::api
