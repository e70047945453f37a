// /api/cs/auth/* and /api/cs/agents: agents log in, see each other's presence,
// and the first admin is created with the running server's setup secret.
#include "core/api/cs/CsApi.h"

#include "core/api/common/OffThread.h"
#include "core/api/cs/CsErrors.h"
#include "core/common/Time.h"
#include "core/integrations/PasswordHasher.h"
#include "core/integrations/WebhookSigner.h"

#include <cmath>
#include <memory>

namespace tierdesk::api {
namespace {

QJsonObject agentJson(const Agent &a)
{
    QJsonObject o{{QStringLiteral("id"), a.id}, {QStringLiteral("name"), a.name}, {QStringLiteral("email"), a.email},
        {QStringLiteral("role"), a.role}, {QStringLiteral("companyId"), a.companyId},
        {QStringLiteral("queues"), QJsonArray::fromStringList(a.queues)}, {QStringLiteral("capacity"), a.capacity},
        {QStringLiteral("notifications"), QJsonObject{{QStringLiteral("weeklySummary"), a.weeklySummary}}},
        {QStringLiteral("mfa"), QJsonObject{{QStringLiteral("enabled"), a.hasSecondFactor()}}}};
    return o;
}

// What an admin sees of an agent: also whether it is active.
QJsonObject managedAgentJson(const Agent &a)
{
    QJsonObject o = agentJson(a);
    o.insert(QStringLiteral("active"), a.active);
    return o;
}

} // namespace

void CsApi::installAgentRoutes(http::Router &r, const QString &base)
{
    r.route("POST", base + QStringLiteral("/auth/login"), anonymous(&CsApi::login));
    r.route("GET", base + QStringLiteral("/auth/status"), anonymous(&CsApi::authStatus));
    r.route("POST", base + QStringLiteral("/auth/setup"), anonymous(&CsApi::authSetup));
    r.route("GET", base + QStringLiteral("/auth/me"), guarded(Role::Agent, &CsApi::authMe, true));
    r.route("GET", base + QStringLiteral("/agents"), guarded(Role::Agent, &CsApi::listAgents));
    r.route("PUT", base + QStringLiteral("/agents/me/presence"), guarded(Role::Agent, &CsApi::putPresence));
    r.route("PUT", base + QStringLiteral("/agents/me/notifications"),
        guarded(Role::Supervisor, &CsApi::putMyNotifications));
    // An admin manages agents and API tokens (the console's Settings page).
    r.route("POST", base + QStringLiteral("/agents"), guarded(Role::Admin, &CsApi::createAgent));
    r.route("PATCH", base + QStringLiteral("/agents/:id"), guarded(Role::Admin, &CsApi::changeAgent));
    r.route("POST", base + QStringLiteral("/agents/:id/password"), guarded(Role::Admin, &CsApi::setAgentPassword));
    installCompanyRoutes(r, base);
    installLoginSessionRoutes(r, base);
    installMfaRoutes(r, base);
    r.route("POST", base + QStringLiteral("/tokens"), guarded(Role::Admin, &CsApi::createToken));
    r.route("GET", base + QStringLiteral("/tokens"), guarded(Role::Admin, &CsApi::listTokens));
    r.route("DELETE", base + QStringLiteral("/tokens/:id"), guarded(Role::Admin, &CsApi::revokeToken));
    r.route("GET", base + QStringLiteral("/webhooks/:id/deliveries"), guarded(Role::Admin, &CsApi::webhookDeliveries));
    r.route("GET", base + QStringLiteral("/settings/smtp"), guarded(Role::Admin, &CsApi::getSmtp));
    r.route("PUT", base + QStringLiteral("/settings/smtp"), guarded(Role::Admin, &CsApi::putSmtp));
    r.route("GET", base + QStringLiteral("/canned-responses"), guarded(Role::Agent, &CsApi::listCanned));
    r.route("POST", base + QStringLiteral("/canned-responses"), guarded(Role::Supervisor, &CsApi::createCanned));
    r.route("GET", base + QStringLiteral("/canned-responses/:id"), guarded(Role::Agent, &CsApi::getCanned));
    r.route("PUT", base + QStringLiteral("/canned-responses/:id"), guarded(Role::Supervisor, &CsApi::updateCanned));
    r.route("DELETE", base + QStringLiteral("/canned-responses/:id"), guarded(Role::Supervisor, &CsApi::deleteCanned));
    r.route("POST", base + QStringLiteral("/canned-responses/:id/render"), guarded(Role::Agent, &CsApi::renderCanned));
}

SignIn CsApi::signInFrom(const http::HttpRequest &req, const QString &method, const QString &device)
{
    const QString named = device.trimmed();
    return SignIn{
        method, named.isEmpty() ? QString::fromUtf8(req.header("user-agent")) : named, req.peerAddress.toString()};
}

Result<QJsonObject> CsApi::loginBody(const Agent &a, const SignIn &from, bool mfaSetupOnly)
{
    const qint64 issuedAt = m_people.agents->loginIssuedAt(a);
    const qint64 expiresAt = issuedAt + m_people.tokenTtlSecs;
    const auto session = m_people.sessions->open(a, from.method, from.device, from.address, expiresAt * 1000);
    if (!session)
        return session.error();
    const QByteArray token = m_people.tokens->issueForAgentAt(a.companyId, parseRole(a.role).value_or(Role::Agent),
        a.id, a.name, issuedAt, m_people.tokenTtlSecs, nullptr, session->id, mfaSetupOnly);
    QJsonObject out{{QStringLiteral("token"), QString::fromLatin1(token)},
        {QStringLiteral("expiresAt"), timefmt::iso(expiresAt * 1000)}, {QStringLiteral("sessionId"), session->id},
        {QStringLiteral("agent"), agentJson(a)}};
    if (const auto company = m_engine.company(a.companyId))
        out.insert(QStringLiteral("company"), companyJson(*company));
    if (mfaSetupOnly)
        out.insert(QStringLiteral("mfaSetupRequired"), true);
    return out;
}

void CsApi::login(Call &c)
{
    const auto body = jsonBody(c);
    if (!body)
        return;
    const QJsonValue emailValue = body->value(QLatin1String("email"));
    const QJsonValue passwordValue = body->value(QLatin1String("password"));
    if (!emailValue.isString() || emailValue.toString().trimmed().isEmpty())
        return fail(c, cs::invalid(QStringLiteral("email"), QStringLiteral("email is required")));
    if (!passwordValue.isString() || passwordValue.toString().isEmpty())
        return fail(c, cs::invalid(QStringLiteral("password"), QStringLiteral("password is required")));
    const QJsonValue deviceValue = body->value(QLatin1String("device"));
    if (!deviceValue.isUndefined()
        && (!deviceValue.isString() || deviceValue.toString().size() > LoginSessions::kMaxDeviceChars))
        return fail(c,
            cs::invalid(QStringLiteral("device"),
                QStringLiteral("device must be a name of at most %1 characters").arg(LoginSessions::kMaxDeviceChars)));
    const QString device = deviceValue.toString();
    // Bounded: the e-mail is a throttling key.
    const QString email = emailValue.toString().trimmed().toLower().left(AgentDirectory::kMaxEmailChars + 1);
    const QString password = passwordValue.toString();
    const QString address = c.req.peerAddress.toString();
    LoginGuard &guard = *m_people.logins;
    if (guard.busy())
        return fail(c, cs::error(ErrorKind::Unavailable, QStringLiteral("Too many logins in progress; try again")));
    const RateDecision d = guard.admit(email, address);
    if (!d.allowed) {
        c.extraHeaders.append({"Retry-After", QByteArray::number(d.retryAfter)});
        return fail(c,
            cs::error(ErrorKind::LimitExceeded, QStringLiteral("Too many failed logins; try again later"),
                {{QStringLiteral("limit"), guard.failuresPerWindow()},
                    {QStringLiteral("windowSeconds"), guard.windowSecs()},
                    {QStringLiteral("retryAfter"), d.retryAfter}}));
    }
    // An unknown e-mail is checked against a decoy hash: it takes as long as a wrong password.
    const std::optional<Agent> agent = m_people.agents->findByEmail(email);
    const QString hash = agent ? agent->passwordHash : QString();
    const auto req = std::make_shared<const http::HttpRequest>(c.req);
    offThread<bool>(
        this, guard.pool(),
        [hash, password] { return PasswordHasher::verify(hash.isEmpty() ? PasswordHasher::decoy() : hash, password); },
        [this, req, res = c.res, who = c.who, actor = c.actor, agent, email, address, device](bool matches) {
            const bool ok = matches && agent.has_value();
            m_people.logins->finish(email, address, !ok);
            Call later{*req, res, who, actor, {}};
            loginChecked(later, agent, email, device, ok);
        });
}

void CsApi::loginChecked(
    Call &c, const std::optional<Agent> &agent, const QString &email, const QString &device, bool passwordOk)
{
    const QString address = c.req.peerAddress.toString();
    if (!passwordOk) {
        const QString why = agent                   ? QStringLiteral("wrong password")
            : m_people.agents->isDeactivated(email) ? QStringLiteral("deactivated agent")
                                                    : QStringLiteral("unknown e-mail");
        m_people.agents->recordLoginFailure(
            agent ? agent->companyId : QString(), agent ? agent->id : QString(), email, why, address);
        // The same answer for both: which e-mail addresses exist is not told.
        return reply(c,
            cs::error(ErrorKind::Unauthenticated, QStringLiteral("Wrong e-mail or password"))
                .withHeader("WWW-Authenticate", "Bearer realm=\"tierdesk\""));
    }
    // The company signs in through its identity provider: a password is no way in (but for its break-glass admin).
    if (m_people.signOn && !m_people.signOn->settings().passwordLoginAllowed(*agent)) {
        m_people.agents->recordLoginFailure(
            agent->companyId, agent->id, email, QStringLiteral("password login is off (single sign-on)"), address);
        return reply(c,
            cs::error(ErrorKind::Forbidden,
                QStringLiteral("This company signs in through its identity provider: password login is off"),
                {{QStringLiteral("reason"), QStringLiteral("password login is off")}}));
    }
    if (agent->hasSecondFactor()) { // the second step (POST /auth/login/mfa) logs in
        const qint64 expiresAt = (m_engine.clock().nowSecs() + Authenticator::kMfaChallengeTtlSecs) * 1000;
        return reply(c,
            http::HttpResponse::json(200,
                QJsonObject{{QStringLiteral("mfaRequired"), true},
                    {QStringLiteral("challenge"),
                        QString::fromLatin1(m_people.tokens->issueMfaChallenge(agent->companyId, agent->id, device))},
                    {QStringLiteral("expiresAt"), timefmt::iso(expiresAt)}}));
    }
    const auto config = m_engine.config(agent->companyId);
    const bool setupOnly = config && config->auth.requireMfa;
    const auto login = loginBody(*agent, signInFrom(c.req, QStringLiteral("password"), device), setupOnly);
    if (!login)
        return fail(c, login.error());
    m_people.agents->recordLogin(*agent, address, login->value(QLatin1String("sessionId")).toString());
    reply(c, http::HttpResponse::json(200, *login));
}

void CsApi::authStatus(Call &c)
{
    reply(c, http::HttpResponse::json(200, QJsonObject{{QStringLiteral("needsSetup"), m_people.agents->empty()}}));
}

void CsApi::authSetup(Call &c)
{
    const QByteArray given = c.req.header("x-tierdesk-setup");
    if (given.isEmpty() || m_people.setupSecret.isEmpty() || !constantTimeEquals(given, m_people.setupSecret))
        return fail(c,
            cs::error(ErrorKind::Forbidden, QStringLiteral("Setup needs the setup secret of the running server"),
                {{QStringLiteral("reason"),
                    given.isEmpty() ? QStringLiteral("missing X-Tierdesk-Setup")
                                    : QStringLiteral("wrong setup secret")}}));
    if (!m_people.agents->empty())
        return fail(c,
            cs::error(ErrorKind::Forbidden, QStringLiteral("Setup is done: an agent exists already"),
                {{QStringLiteral("reason"), QStringLiteral("agents exist")}}));
    const auto body = jsonBody(c);
    if (!body)
        return;
    for (const char *name : {"email", "password", "name"})
        if (!body->value(QLatin1String(name)).isString())
            return fail(c, cs::invalid(QLatin1String(name), QStringLiteral("%1 is required").arg(QLatin1String(name))));
    const QString password = body->value(QLatin1String("password")).toString();
    if (const Status acceptable = PasswordHasher::check(password); !acceptable)
        return fail(c, cs::invalid(QStringLiteral("password"), acceptable.error().message));
    QString company = body->value(QLatin1String("companyId")).toString();
    if (company.isEmpty()) {
        const QList<Company> all = m_engine.companies();
        if (!all.isEmpty()) {
            company = all.constFirst().id;
        } else {
            auto created = m_engine.createCompany(QStringLiteral("My company"), c.actor);
            if (!created)
                return fail(c, created.error());
            company = created->id;
        }
    }
    const auto checked = m_people.agents->check(NewAgent{company, body->value(QLatin1String("email")).toString(),
        body->value(QLatin1String("name")).toString(), QStringLiteral("admin"), {}});
    if (!checked)
        return fail(c, checked.error());
    storeNewAgent(c, *checked, password, true, [this, req = c.req](const Agent &stored) {
        return loginBody(stored, signInFrom(req, QStringLiteral("password")));
    });
}

std::optional<Agent> CsApi::callingAgent(Call &c)
{
    if (!c.who.subject.startsWith(QLatin1String("agt_"))) {
        fail(c,
            cs::error(ErrorKind::Forbidden, QStringLiteral("This needs an agent's login token"),
                {{QStringLiteral("reason"), QStringLiteral("not an agent token")}}));
        return std::nullopt;
    }
    auto agent = m_people.agents->find(c.who.company, c.who.subject);
    if (!agent)
        fail(c,
            cs::error(ErrorKind::Unauthenticated, QStringLiteral("Authentication required"),
                {{QStringLiteral("reason"), QStringLiteral("the agent no longer exists")}})
                .withHeader("WWW-Authenticate", "Bearer realm=\"tierdesk\""));
    return agent;
}

void CsApi::authMe(Call &c)
{
    const auto agent = callingAgent(c);
    if (!agent)
        return;
    QJsonObject o = agentJson(*agent);
    o.insert(QStringLiteral("presence"), presenceName(m_people.agents->presence(agent->id)));
    QJsonObject out{{QStringLiteral("agent"), o}};
    if (const auto company = m_engine.company(agent->companyId))
        out.insert(QStringLiteral("company"), companyJson(*company));
    reply(c, http::HttpResponse::json(200, out));
}

void CsApi::listAgents(Call &c)
{
    const auto company = companyParam(c, queryParam(c.req, "companyId"));
    if (!company)
        return;
    // ?includeInactive=true (admins): deactivated agents too, for the Settings page.
    const bool inactiveToo = queryParam(c.req, "includeInactive") == QLatin1String("true") && c.who.role == Role::Admin;
    const auto agents = m_people.agents->list(*company, inactiveToo);
    if (!agents)
        return fail(c, agents.error());
    QJsonArray list;
    for (const Agent &a : *agents) {
        QJsonObject o = managedAgentJson(a);
        o.remove(QStringLiteral("companyId"));
        o.insert(QStringLiteral("presence"), presenceName(m_people.agents->presence(a.id)));
        o.insert(QStringLiteral("activeSessions"), m_desk ? m_desk->activeSessions(*company, a.id) : 0);
        list.append(o);
    }
    reply(c, http::HttpResponse::json(200, QJsonObject{{QStringLiteral("agents"), list}}));
}

void CsApi::putPresence(Call &c)
{
    const auto body = jsonBody(c);
    if (!body)
        return;
    const auto presence = parseSettablePresence(body->value(QLatin1String("presence")).toString());
    if (!presence)
        return fail(c, cs::invalid(QStringLiteral("presence"), QStringLiteral("presence must be available or away")));
    const auto agent = callingAgent(c);
    if (!agent)
        return;
    const auto updated = m_people.agents->setPresence(agent->companyId, agent->id, *presence, c.actor);
    if (!updated)
        return fail(c, updated.error());
    QJsonObject o = agentJson(*updated);
    o.insert(QStringLiteral("presence"), presenceName(m_people.agents->presence(agent->id)));
    reply(c, http::HttpResponse::json(200, o));
}

// What a supervisor or admin gets by e-mail: {"weeklySummary": bool} (docs/api.md, "Weekly summary").
void CsApi::putMyNotifications(Call &c)
{
    const auto body = jsonBody(c);
    if (!body)
        return;
    const QJsonValue weekly = body->value(QLatin1String("weeklySummary"));
    if (!weekly.isBool())
        return fail(
            c, cs::invalid(QStringLiteral("weeklySummary"), QStringLiteral("weeklySummary must be true or false")));
    const auto agent = callingAgent(c);
    if (!agent)
        return;
    AgentChange change;
    change.weeklySummary = weekly.toBool();
    const auto updated = m_people.agents->change(agent->companyId, agent->id, change, c.actor);
    if (!updated)
        return fail(c, updated.error());
    reply(c, http::HttpResponse::json(200, QJsonObject{{QStringLiteral("agent"), agentJson(*updated)}}));
}

void CsApi::createAgent(Call &c)
{
    const auto body = jsonBody(c);
    if (!body)
        return;
    for (const char *name : {"email", "password", "name"})
        if (!body->value(QLatin1String(name)).isString())
            return fail(c, cs::invalid(QLatin1String(name), QStringLiteral("%1 is required").arg(QLatin1String(name))));
    const QJsonValue role = body->value(QLatin1String("role"));
    const QJsonValue queues = body->value(QLatin1String("queues"));
    if (!role.isUndefined() && !role.isString())
        return fail(c, cs::invalid(QStringLiteral("role"), QStringLiteral("role must be agent, supervisor or admin")));
    if (!queues.isUndefined() && !queues.isArray())
        return fail(c, cs::invalid(QStringLiteral("queues"), QStringLiteral("queues must be an array of queue names")));
    const QString password = body->value(QLatin1String("password")).toString();
    if (const Status acceptable = PasswordHasher::check(password); !acceptable)
        return fail(c, cs::invalid(QStringLiteral("password"), acceptable.error().message));
    QStringList queueNames;
    for (const QJsonValue &q : queues.toArray())
        queueNames << q.toString();
    const auto checked = m_people.agents->check(NewAgent{c.who.company, body->value(QLatin1String("email")).toString(),
        body->value(QLatin1String("name")).toString(), role.toString(QStringLiteral("agent")), queueNames});
    if (!checked)
        return fail(c, checked.error());
    storeNewAgent(c, *checked, password, false, [](const Agent &stored) -> Result<QJsonObject> {
        return QJsonObject{{QStringLiteral("agent"), managedAgentJson(stored)}};
    });
}

// The password is hashed on the login pool (never the engine thread); the agent is stored
// when that is done, and the call is answered 201 with `answer` of the stored agent.
void CsApi::storeNewAgent(Call &c, const NewAgent &agent, const QString &password, bool onlyIfFirst,
    std::function<Result<QJsonObject>(const Agent &)> answer)
{
    const auto req = std::make_shared<const http::HttpRequest>(c.req);
    offThread<Result<QString>>(
        this, m_people.logins->pool(), [password] { return PasswordHasher::hash(password); },
        [this, req, res = c.res, who = c.who, actor = c.actor, agent, onlyIfFirst, answer = std::move(answer)](
            const Result<QString> &hash) {
            Call later{*req, res, who, actor, {}};
            if (!hash)
                return fail(later, hash.error());
            const auto stored = m_people.agents->insert(agent, *hash, actor, onlyIfFirst);
            if (!stored)
                return fail(later, stored.error());
            const auto body = answer(*stored);
            if (!body)
                return fail(later, body.error());
            reply(later, http::HttpResponse::json(201, *body));
        });
}

void CsApi::changeAgent(Call &c)
{
    const auto body = jsonBody(c);
    if (!body)
        return;
    AgentChange change;
    for (const char *name : {"name", "role"}) {
        const QJsonValue v = body->value(QLatin1String(name));
        if (!v.isUndefined() && !v.isString())
            return fail(
                c, cs::invalid(QLatin1String(name), QStringLiteral("%1 must be a string").arg(QLatin1String(name))));
    }
    if (body->contains(QLatin1String("name")))
        change.name = body->value(QLatin1String("name")).toString();
    if (body->contains(QLatin1String("role")))
        change.role = body->value(QLatin1String("role")).toString();
    if (const QJsonValue q = body->value(QLatin1String("queues")); !q.isUndefined()) {
        if (!q.isArray())
            return fail(
                c, cs::invalid(QStringLiteral("queues"), QStringLiteral("queues must be an array of queue names")));
        change.queues = QStringList();
        for (const QJsonValue &name : q.toArray())
            change.queues->append(name.toString());
    }
    if (const QJsonValue a = body->value(QLatin1String("active")); !a.isUndefined()) {
        if (!a.isBool())
            return fail(c, cs::invalid(QStringLiteral("active"), QStringLiteral("active must be true or false")));
        change.active = a.toBool();
    }
    if (const QJsonValue v = body->value(QLatin1String("capacity")); !v.isUndefined()) {
        const double n = v.toDouble(-1);
        if (!v.isDouble() || n != std::floor(n) || n < Agent::kMinCapacity || n > Agent::kMaxCapacity)
            return fail(c,
                cs::invalid(QStringLiteral("capacity"),
                    QStringLiteral("capacity must be a whole number from %1 to %2")
                        .arg(Agent::kMinCapacity)
                        .arg(Agent::kMaxCapacity)));
        change.capacity = int(n);
    }
    const QString id = c.req.pathParams.value(QStringLiteral("id"));
    const bool wasActive = m_people.agents->find(c.who.company, id).has_value();
    const auto changed = m_people.agents->change(c.who.company, id, change, c.actor);
    if (!changed)
        return fail(c, changed.error());
    QJsonObject out = managedAgentJson(*changed);
    if (wasActive && !changed->active)
        out.insert(QStringLiteral("releasedSessions"), releaseHeldSessions(c, changed->id));
    reply(c, http::HttpResponse::json(200, QJsonObject{{QStringLiteral("agent"), out}}));
}

int CsApi::releaseHeldSessions(Call &c, const QString &agentId)
{
    if (!m_desk)
        return 0;
    int total = 0;
    int released = 0;
    QueueFilter held;
    held.companyId = c.who.company;
    held.assignee = agentId;
    held.limit = Desk::kMaxQueueLimit;
    for (const QueueRow &row : m_desk->repo().list(held, &total))
        if (m_desk->release(c.who.company, row.item.sessionId, c.actor))
            ++released;
    return released;
}

void CsApi::setAgentPassword(Call &c)
{
    const auto body = jsonBody(c);
    if (!body)
        return;
    const QJsonValue value = body->value(QLatin1String("password"));
    if (!value.isString())
        return fail(c, cs::invalid(QStringLiteral("password"), QStringLiteral("password is required")));
    const QString password = value.toString();
    if (const Status acceptable = PasswordHasher::check(password); !acceptable)
        return fail(c, cs::invalid(QStringLiteral("password"), acceptable.error().message));
    const QString id = c.req.pathParams.value(QStringLiteral("id"));
    const auto req = std::make_shared<const http::HttpRequest>(c.req);
    offThread<Result<QString>>(
        this, m_people.logins->pool(), [password] { return PasswordHasher::hash(password); },
        [this, req, id, res = c.res, who = c.who, actor = c.actor](const Result<QString> &hash) {
            Call later{*req, res, who, actor, {}};
            if (!hash)
                return fail(later, hash.error());
            const auto stored = m_people.agents->setPassword(who.company, id, *hash, actor);
            if (!stored)
                return fail(later, stored.error());
            reply(later,
                http::HttpResponse::json(200, QJsonObject{{QStringLiteral("agent"), managedAgentJson(*stored)}}));
        });
}

} // namespace tierdesk::api
