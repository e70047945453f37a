// AgentDirectory: what an admin changes of an agent, and which login tokens that ends.
#include "core/engine/access/AgentDirectory.h"

#include <QJsonArray>

namespace tierdesk {
namespace {

Error conflict(const QString &message, const QString &reason)
{
    return makeError(ErrorKind::Conflict, message, {{QStringLiteral("reason"), reason}});
}

Error agentNotFound(const QString &id)
{
    return makeError(
        ErrorKind::NotFound, QStringLiteral("Agent not found"), {{QStringLiteral("agentId"), id.left(128)}});
}

bool isActiveAdmin(const Agent &a)
{
    return a.active && a.role == QLatin1String("admin");
}

} // namespace

Result<FoundedCompany> AgentDirectory::foundCompany(
    const QString &name, const CsConfig &config, const NewAgent &admin, const QString &passwordHash, const Actor &actor)
{
    if (m_store.companies().count() >= kMaxCompanies)
        return makeError(ErrorKind::Conflict,
            QStringLiteral("This server holds the most companies it may (%1)").arg(kMaxCompanies),
            {{QStringLiteral("maxCompanies"), kMaxCompanies}});
    if (m_store.companies().findByName(name.trimmed()))
        return makeError(ErrorKind::Conflict, QStringLiteral("A company with this name exists"),
            {{QStringLiteral("field"), QStringLiteral("name")}});
    std::optional<Error> failure;
    FoundedCompany founded;
    // One savepoint around both: a company never stays without its admin.
    const bool ok = m_store.batch().run([&] {
        auto company = m_engine.createCompany(name, config, actor);
        if (!company) {
            failure = company.error();
            return false;
        }
        NewAgent first = admin;
        first.companyId = company->id;
        first.role = QStringLiteral("admin");
        auto agent = insert(first, passwordHash, actor);
        if (!agent) {
            failure = agent.error();
            return false;
        }
        founded = {*company, *agent};
        return true;
    });
    if (failure)
        return *failure;
    if (!ok)
        return m_store.batch().failure(QStringLiteral("could not store the company"));
    return founded;
}

Result<Agent> AgentDirectory::change(
    const QString &companyId, const QString &id, const AgentChange &change, const Actor &actor)
{
    auto stored = id.size() <= 128 ? m_store.agents().find(companyId, id) : std::nullopt;
    if (!stored)
        return agentNotFound(id);
    auto checked = checkProfile(NewAgent{companyId, stored->email, change.name.value_or(stored->name),
        change.role.value_or(stored->role), change.queues.value_or(stored->queues)});
    if (!checked)
        return checked.error();
    Agent next = *stored;
    next.name = checked->name;
    next.role = checked->role;
    next.queues = checked->queues;
    next.active = change.active.value_or(stored->active);
    next.capacity = change.capacity.value_or(stored->capacity);
    next.weeklySummary = change.weeklySummary.value_or(stored->weeklySummary);
    if (next.weeklySummary && !stored->weeklySummary && next.role == QLatin1String("agent"))
        return makeError(ErrorKind::InvalidArgument,
            QStringLiteral("The weekly summary goes to supervisors and admins only"),
            {{QStringLiteral("field"), QStringLiteral("weeklySummary")}});
    if (next.capacity < Agent::kMinCapacity || next.capacity > Agent::kMaxCapacity)
        return makeError(ErrorKind::InvalidArgument,
            QStringLiteral("capacity must be a whole number from %1 to %2")
                .arg(Agent::kMinCapacity)
                .arg(Agent::kMaxCapacity),
            {{QStringLiteral("field"), QStringLiteral("capacity")}});
    if (!next.active && stored->active && id == actor.subject)
        return conflict(QStringLiteral("You cannot deactivate yourself"), QStringLiteral("self"));
    if (isActiveAdmin(*stored) && !isActiveAdmin(next)) {
        const QList<Agent> all = m_store.agents().list(companyId);
        const auto admins = std::count_if(all.cbegin(), all.cend(), isActiveAdmin);
        if (admins <= 1)
            return conflict(QStringLiteral("The company's last active admin must stay an active admin"),
                QStringLiteral("last admin"));
    }
    const qint64 nowMs = m_engine.clock().nowMs();
    // Tokens carry the role and stand for an active agent: either change ends them.
    if (next.active != stored->active || next.role != stored->role)
        next.tokensValidAfter = qMax(stored->tokensValidAfter, nowMs / 1000 + 1);
    const QVariantMap details{{QStringLiteral("name"), next.name}, {QStringLiteral("role"), next.role},
        {QStringLiteral("queues"), next.queues}, {QStringLiteral("active"), next.active},
        {QStringLiteral("capacity"), next.capacity}, {QStringLiteral("weeklySummary"), next.weeklySummary}};
    const QString endsSessions = !next.active && stored->active ? QStringLiteral("deactivated")
        : next.role != stored->role                             ? QStringLiteral("role changed")
                                                                : QString();
    const bool ok = m_store.batch().run([&] {
        return m_store.agents().update(next)
            && m_store.audit().append({nowMs, companyId, actor.subject, actor.role, QStringLiteral("agent.update"),
                QStringLiteral("agent:") + id, actor.clientAddress, AuditOutcome::Done, details})
            && (endsSessions.isEmpty() || endSessions(id, endsSessions));
    });
    if (!ok)
        return m_store.batch().failure(QStringLiteral("could not store the agent"));
    m_store.batch().afterCommit([this, companyId, id, active = next.active](bool committed) {
        if (committed)
            emit agentChanged(companyId, id, active);
    });
    return next;
}

Result<Agent> AgentDirectory::setPassword(
    const QString &companyId, const QString &id, const QString &passwordHash, const Actor &actor)
{
    auto stored = id.size() <= 128 ? m_store.agents().find(companyId, id) : std::nullopt;
    if (!stored)
        return agentNotFound(id);
    const qint64 nowMs = m_engine.clock().nowMs();
    stored->tokensValidAfter = qMax(stored->tokensValidAfter, nowMs / 1000 + 1);
    const bool ok = m_store.batch().run([&] {
        return m_store.agents().updatePassword(companyId, id, passwordHash, stored->tokensValidAfter)
            && m_store.audit().append({nowMs, companyId, actor.subject, actor.role, QStringLiteral("agent.password"),
                QStringLiteral("agent:") + id, actor.clientAddress, AuditOutcome::Done, {}})
            && endSessions(id, QStringLiteral("password changed"));
    });
    if (!ok)
        return m_store.batch().failure(QStringLiteral("could not store the password"));
    stored->passwordHash = passwordHash;
    return *stored;
}

Status AgentDirectory::tokenRefusal(const QString &agentId, qint64 issuedAt)
{
    if (!agentId.startsWith(QLatin1String("agt_")) || agentId.size() > 128)
        return Ok{};
    const auto agent = m_store.agents().findById(agentId);
    if (!agent)
        return Ok{};
    if (!agent->active)
        return makeError(ErrorKind::Unauthenticated, QStringLiteral("the agent is deactivated"));
    if (issuedAt < agent->tokensValidAfter)
        return makeError(ErrorKind::Unauthenticated,
            QStringLiteral("the agent's password or role changed after this token was issued"));
    return Ok{};
}

bool AgentDirectory::isDeactivated(const QString &email)
{
    if (email.isEmpty() || email.size() > kMaxEmailChars)
        return false;
    const auto agent = m_store.agents().findByEmail(email.trimmed().toLower());
    return agent && !agent->active;
}

bool AgentDirectory::endSessions(const QString &agentId, const QString &reason)
{
    return !m_sessions || static_cast<bool>(m_sessions->endAllInBatch(agentId, reason));
}

qint64 AgentDirectory::loginIssuedAt(const Agent &a) const
{
    return qMax(m_engine.clock().nowSecs(), a.tokensValidAfter);
}

} // namespace tierdesk
