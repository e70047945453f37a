#include "core/engine/access/AgentDirectory.h"

#include "core/common/Validation.h"

#include "core/common/Ids.h"
#include "core/integrations/PasswordHasher.h"

#include <QRegularExpression>

namespace tierdesk {

QString presenceName(Presence p)
{
    switch (p) {
    case Presence::Available:
        return QStringLiteral("available");
    case Presence::Away:
        return QStringLiteral("away");
    case Presence::Offline:
        return QStringLiteral("offline");
    }
    return {};
}

std::optional<Presence> parseSettablePresence(const QString &name)
{
    if (name == QLatin1String("available"))
        return Presence::Available;
    if (name == QLatin1String("away"))
        return Presence::Away;
    return std::nullopt;
}

AgentDirectory::AgentDirectory(SessionEngine &engine, QObject *parent)
    : QObject(parent), m_engine(engine), m_store(engine.core().store())
{
}

QStringList AgentDirectory::defaultQueues()
{
    return {QStringLiteral("orders"), QStringLiteral("inquiries"), QStringLiteral("complaints")};
}

Result<NewAgent> AgentDirectory::check(const NewAgent &a)
{
    static const QRegularExpression email(
        QStringLiteral("^[A-Za-z0-9.!#$%&'*+/=?^_`{|}~-]+@[A-Za-z0-9](?:[A-Za-z0-9-]*[A-Za-z0-9])?"
                       "(?:\\.[A-Za-z0-9](?:[A-Za-z0-9-]*[A-Za-z0-9])?)+$"));
    const QString address = a.email.trimmed().toLower();
    if (address.size() > kMaxEmailChars || !email.match(address).hasMatch())
        return invalidField(QStringLiteral("email"),
            QStringLiteral("email must be an e-mail address (name@domain) of at most 254 characters"));
    auto out = checkProfile(a);
    if (!out)
        return out;
    out->email = address;
    if (auto company = m_engine.company(out->companyId); !company)
        return company.error();
    if (m_store.agents().findByEmail(out->email))
        return makeError(ErrorKind::Conflict, QStringLiteral("An agent with this e-mail address exists"),
            {{QStringLiteral("field"), QStringLiteral("email")}});
    return out;
}

Result<NewAgent> AgentDirectory::checkProfile(const NewAgent &a)
{
    static const QRegularExpression queue(QStringLiteral("^[a-z0-9][a-z0-9_-]*$"));
    NewAgent out = a;
    out.name = a.name.trimmed();
    if (out.name.isEmpty() || out.name.size() > kMaxNameChars || hasControlCharacters(out.name))
        return invalidField(
            QStringLiteral("name"), QStringLiteral("name must be 1 to 100 characters (no control characters)"));
    if (out.role != QLatin1String("agent") && out.role != QLatin1String("supervisor")
        && out.role != QLatin1String("admin"))
        return invalidField(QStringLiteral("role"), QStringLiteral("role must be agent, supervisor or admin"));
    out.queues.clear();
    for (const QString &q : a.queues) {
        const QString name = q.trimmed();
        if (name.isEmpty() || name.size() > kMaxQueueChars || !queue.match(name).hasMatch())
            return invalidField(QStringLiteral("queues"),
                QStringLiteral("queue names are 1 to 64 lower-case letters, digits, _ or - (got '%1')")
                    .arg(name.left(64)));
        if (!out.queues.contains(name))
            out.queues << name;
    }
    if (out.queues.size() > kMaxQueues)
        return invalidField(QStringLiteral("queues"), QStringLiteral("at most 20 queues per agent"));
    if (out.queues.isEmpty())
        out.queues = defaultQueues();
    return out;
}

void AgentDirectory::audit(const QString &companyId, const Actor &actor, const QString &action, const QString &resource,
    AuditOutcome outcome, const QJsonObject &details)
{
    m_engine.audit(companyId, actor, action, resource, outcome, details);
}

Result<Agent> AgentDirectory::insert(
    const NewAgent &a, const QString &passwordHash, const Actor &actor, bool onlyIfFirst)
{
    auto checked = check(a);
    if (!checked)
        return checked.error();
    Agent agent;
    agent.id = ids::random(QStringLiteral("agt_"));
    agent.companyId = checked->companyId;
    agent.email = checked->email;
    agent.name = checked->name;
    agent.role = checked->role;
    agent.queues = checked->queues;
    agent.passwordHash = passwordHash;
    agent.createdAt = m_engine.clock().nowMs();
    bool notFirst = false;
    const bool ok = m_store.batch().run([&] {
        // Checked inside the batch: two first-admin requests cannot both win.
        if (onlyIfFirst && m_store.agents().count() != 0) {
            notFirst = true;
            return false;
        }
        return m_store.agents().insert(agent)
            && m_store.audit().append(
                {agent.createdAt, agent.companyId, actor.subject, actor.role, QStringLiteral("agent.create"),
                    QStringLiteral("agent:") + agent.id, actor.clientAddress, AuditOutcome::Created,
                    QVariantMap{{QStringLiteral("email"), agent.email}, {QStringLiteral("role"), agent.role},
                        {QStringLiteral("firstAdmin"), onlyIfFirst}}});
    });
    if (notFirst)
        return makeError(ErrorKind::Forbidden, QStringLiteral("Setup is done: an agent exists already"));
    if (!ok)
        return m_store.batch().failure(QStringLiteral("could not store the agent"));
    return agent;
}

Result<Agent> AgentDirectory::create(const NewAgent &a, const QString &password, const Actor &actor)
{
    auto checked = check(a);
    if (!checked)
        return checked.error();
    auto hash = PasswordHasher::hash(password);
    if (!hash)
        return hash.error();
    return insert(*checked, *hash, actor);
}

bool AgentDirectory::empty()
{
    return m_store.agents().count() == 0;
}

std::optional<Agent> AgentDirectory::findByEmail(const QString &email)
{
    if (email.isEmpty() || email.size() > kMaxEmailChars)
        return std::nullopt;
    auto a = m_store.agents().findByEmail(email.trimmed().toLower());
    if (!a || !a->active)
        return std::nullopt;
    return a;
}

std::optional<Agent> AgentDirectory::find(const QString &companyId, const QString &id)
{
    if (id.isEmpty() || id.size() > 128)
        return std::nullopt;
    auto a = m_store.agents().find(companyId, id);
    if (!a || !a->active)
        return std::nullopt;
    return a;
}

Result<QList<Agent>> AgentDirectory::list(const QString &companyId, bool includeInactive)
{
    if (auto company = m_engine.company(companyId); !company)
        return company.error();
    QList<Agent> out;
    for (const Agent &a : m_store.agents().list(companyId))
        if (a.active || includeInactive)
            out << a;
    return out;
}

void AgentDirectory::recordLogin(const Agent &a, const QString &clientAddress, const QString &sessionId)
{
    audit(a.companyId, Actor{a.id, a.role, clientAddress}, QStringLiteral("auth.login"),
        QStringLiteral("agent:") + a.id, AuditOutcome::Done,
        {{QStringLiteral("email"), a.email}, {QStringLiteral("sessionId"), sessionId}});
}

void AgentDirectory::recordLoginFailure(const QString &companyId, const QString &agentId, const QString &email,
    const QString &reason, const QString &clientAddress)
{
    audit(companyId, Actor{QStringLiteral("anonymous"), QString(), clientAddress}, QStringLiteral("auth.login_failed"),
        agentId.isEmpty() ? QStringLiteral("agent:unknown") : QStringLiteral("agent:") + agentId,
        AuditOutcome::Unauthorized,
        {{QStringLiteral("email"), email.left(kMaxEmailChars)}, {QStringLiteral("reason"), reason}});
}

Presence AgentDirectory::presence(const QString &agentId) const
{
    const auto it = m_live.constFind(agentId);
    if (it == m_live.cend() || it->sockets == 0)
        return Presence::Offline;
    return it->away ? Presence::Away : Presence::Available;
}

bool AgentDirectory::anyAvailable(const QString &companyId, const QString &queue) const
{
    for (auto it = m_live.cbegin(); it != m_live.cend(); ++it) {
        if (it->companyId != companyId || it->sockets == 0 || it->away)
            continue;
        const auto agent = m_store.agents().find(companyId, it.key());
        if (agent && agent->active && (agent->queues.isEmpty() || agent->queues.contains(queue)))
            return true;
    }
    return false;
}

Result<Agent> AgentDirectory::setPresence(
    const QString &companyId, const QString &agentId, Presence p, const Actor &actor)
{
    auto agent = find(companyId, agentId);
    if (!agent)
        return makeError(
            ErrorKind::NotFound, QStringLiteral("Agent not found"), {{QStringLiteral("agentId"), agentId.left(128)}});
    if (p == Presence::Offline)
        return invalidField(QStringLiteral("presence"), QStringLiteral("presence must be available or away"));
    const Presence before = presence(agentId);
    Live &live = m_live[agentId];
    live.companyId = companyId;
    live.away = p == Presence::Away;
    audit(companyId, actor, QStringLiteral("agent.presence"), QStringLiteral("agent:") + agentId, AuditOutcome::Done,
        {{QStringLiteral("presence"), presenceName(p)}});
    changed(agentId, before);
    return *agent;
}

void AgentDirectory::socketOpened(const QString &companyId, const QString &agentId)
{
    const Presence before = presence(agentId);
    Live &live = m_live[agentId];
    live.companyId = companyId;
    ++live.sockets;
    changed(agentId, before);
}

void AgentDirectory::socketClosed(const QString &agentId)
{
    auto it = m_live.find(agentId);
    if (it == m_live.end() || it->sockets == 0)
        return;
    const Presence before = presence(agentId);
    --it->sockets;
    changed(agentId, before);
}

void AgentDirectory::changed(const QString &agentId, Presence before)
{
    const Presence now = presence(agentId);
    if (now == before)
        return;
    const QString company = m_live.value(agentId).companyId;
    // Sent once what was written so far is committed, in order with other events.
    m_store.batch().afterCommit(
        [this, company, agentId, now](bool) { emit presenceChanged(company, agentId, presenceName(now)); });
}

} // namespace tierdesk
