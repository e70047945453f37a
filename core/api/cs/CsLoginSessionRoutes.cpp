// /api/cs/auth/sessions, /auth/logout and /agents/:id/sessions: the sign-ins of the people at the
// desk. Each login opens a session its token names ("sid"); an ended session's token is refused
// (401 CS_012) from the next request on, on every server of a team, and its WebSockets close.
#include "core/api/cs/CsApi.h"

#include "core/api/cs/CsErrors.h"
#include "core/common/Time.h"

namespace tierdesk::api {
namespace {

QJsonObject loginSessionJson(const LoginSession &s, const QString &current)
{
    return {{QStringLiteral("id"), s.id}, {QStringLiteral("method"), s.method}, {QStringLiteral("device"), s.device},
        {QStringLiteral("address"), s.address}, {QStringLiteral("createdAt"), timefmt::iso(s.createdAt)},
        {QStringLiteral("lastSeenAt"), timefmt::iso(s.lastSeenAt)},
        {QStringLiteral("expiresAt"), timefmt::iso(s.expiresAt)}, {QStringLiteral("current"), s.id == current}};
}

QJsonObject sessionsJson(const QList<LoginSession> &sessions, const QString &current)
{
    QJsonArray list;
    for (const LoginSession &s : sessions)
        list.append(loginSessionJson(s, current));
    return {{QStringLiteral("sessions"), list}};
}

} // namespace

void CsApi::installLoginSessionRoutes(http::Router &r, const QString &base)
{
    r.route("GET", base + QStringLiteral("/auth/sessions"), guarded(Role::Agent, &CsApi::listMySessions, true));
    r.route("DELETE", base + QStringLiteral("/auth/sessions/:id"), guarded(Role::Agent, &CsApi::endMySession));
    r.route("POST", base + QStringLiteral("/auth/logout"), guarded(Role::Agent, &CsApi::logout, true));
    r.route("GET", base + QStringLiteral("/agents/:id/sessions"), guarded(Role::Admin, &CsApi::listAgentSessions));
    r.route("DELETE", base + QStringLiteral("/agents/:id/sessions"), guarded(Role::Admin, &CsApi::endAgentSessions));
}

void CsApi::listMySessions(Call &c)
{
    const auto me = callingAgent(c);
    if (!me)
        return;
    reply(c, http::HttpResponse::json(200, sessionsJson(m_people.sessions->live(me->id), c.who.sessionId)));
}

void CsApi::endMySession(Call &c)
{
    const auto me = callingAgent(c);
    if (!me)
        return;
    const QString id = c.req.pathParams.value(QStringLiteral("id"));
    const QString reason = id == c.who.sessionId ? QStringLiteral("logout") : QStringLiteral("ended");
    if (const Status ended = m_people.sessions->end(me->id, id, reason, c.actor); !ended)
        return fail(c, ended.error());
    reply(c, http::HttpResponse::noContent());
}

void CsApi::logout(Call &c)
{
    const auto me = callingAgent(c);
    if (!me)
        return;
    if (c.who.sessionId.isEmpty())
        return fail(c,
            cs::error(ErrorKind::Conflict, QStringLiteral("This token belongs to no session; it ends when it expires"),
                {{QStringLiteral("reason"), QStringLiteral("no session")}}));
    if (const Status ended = m_people.sessions->end(me->id, c.who.sessionId, QStringLiteral("logout"), c.actor); !ended)
        return fail(c, ended.error());
    reply(c, http::HttpResponse::noContent());
}

void CsApi::listAgentSessions(Call &c)
{
    const auto agent = m_people.agents->find(c.who.company, c.req.pathParams.value(QStringLiteral("id")));
    if (!agent)
        return fail(c,
            cs::error(ErrorKind::NotFound, QStringLiteral("Agent not found"),
                {{QStringLiteral("agentId"), c.req.pathParams.value(QStringLiteral("id")).left(128)}}));
    reply(c, http::HttpResponse::json(200, sessionsJson(m_people.sessions->live(agent->id), c.who.sessionId)));
}

void CsApi::endAgentSessions(Call &c)
{
    const auto agent = m_people.agents->find(c.who.company, c.req.pathParams.value(QStringLiteral("id")));
    if (!agent)
        return fail(c,
            cs::error(ErrorKind::NotFound, QStringLiteral("Agent not found"),
                {{QStringLiteral("agentId"), c.req.pathParams.value(QStringLiteral("id")).left(128)}}));
    const auto ended = m_people.sessions->endAll(*agent, QStringLiteral("ended by an admin"), c.actor);
    if (!ended)
        return fail(c, ended.error());
    reply(c, http::HttpResponse::noContent());
}

} // namespace tierdesk::api
