#include "core/engine/access/SsoAdmission.h"

#include "core/engine/access/OidcProviders.h"

#include <QJsonArray>

namespace tierdesk {

namespace {

QString domainOf(const QString &email)
{
    const qsizetype at = email.lastIndexOf(QLatin1Char('@'));
    return at < 0 ? QString() : email.mid(at + 1);
}

// A person's name for a new agent: the name claim without control characters, else the
// e-mail's local part.
QString nameOf(const QJsonObject &claims, const QString &email)
{
    QString name;
    for (const QChar ch : claims.value(QLatin1String("name")).toString())
        if (!ch.isNonCharacter() && ch.category() != QChar::Other_Control && ch.category() != QChar::Other_Format)
            name += ch;
    name = name.simplified().left(AgentDirectory::kMaxNameChars);
    return name.isEmpty() ? email.left(email.indexOf(QLatin1Char('@'))).left(AgentDirectory::kMaxNameChars) : name;
}

} // namespace

SsoAdmission::SsoAdmission(SessionEngine &engine, AgentDirectory &agents) : m_engine(engine), m_agents(agents) { }

QString SsoAdmission::roleOf(const OidcSettings &s, const QJsonObject &claims)
{
    const QJsonValue claim = claims.value(s.roleClaim);
    QStringList values;
    if (claim.isString())
        values << claim.toString();
    for (const QJsonValue &v : claim.toArray())
        if (v.isString())
            values << v.toString();
    QString best;
    for (const QString &v : std::as_const(values)) {
        const QString role = s.roleMap.value(v);
        if (OidcProviders::roleRank(role) > OidcProviders::roleRank(best))
            best = role;
    }
    return best.isEmpty() ? s.defaultRole : best;
}

void SsoAdmission::refused(const QString &companyId, const QString &subject, const QString &email,
    const QString &reason, const QString &clientAddress)
{
    const auto agent = email.isEmpty() ? std::nullopt : m_agents.findByEmail(email);
    m_engine.audit(companyId, Actor{QStringLiteral("anonymous"), QString(), clientAddress},
        QStringLiteral("auth.login_failed"),
        agent && agent->companyId == companyId ? QStringLiteral("agent:") + agent->id : QStringLiteral("agent:unknown"),
        AuditOutcome::Unauthorized,
        {{QStringLiteral("method"), QStringLiteral("oidc")}, {QStringLiteral("subject"), subject},
            {QStringLiteral("email"), email.left(AgentDirectory::kMaxEmailChars)}, {QStringLiteral("reason"), reason}});
}

Result<Agent> SsoAdmission::refuse(const QString &companyId, const QString &subject, const QString &email,
    const QString &reason, const QString &clientAddress)
{
    refused(companyId, subject, email, reason, clientAddress);
    return makeError(ErrorKind::Forbidden, QStringLiteral("Single sign-on refused: ") + reason,
        {{QStringLiteral("reason"), reason}});
}

Result<Agent> SsoAdmission::admit(const OidcSettings &s, const QJsonObject &claims, const QString &clientAddress)
{
    const QString subject = claims.value(QLatin1String("sub")).toString().left(kMaxSubjectChars);
    const QString email = claims.value(QLatin1String("email")).toString().trimmed().toLower();
    const QString company = s.companyId;
    if (email.isEmpty() || email.size() > AgentDirectory::kMaxEmailChars)
        return refuse(
            company, subject, QString(), QStringLiteral("the provider gave no e-mail address"), clientAddress);
    // Only the boolean true: a provider that has not verified the address proves nothing. Entra ID sends
    // no email_verified for work accounts; its xms_edov (the domain's owner verified it) stands in.
    const QJsonValue verified = claims.contains(QLatin1String("email_verified"))
        ? claims.value(QLatin1String("email_verified"))
        : claims.value(QLatin1String("xms_edov"));
    if (verified != QJsonValue(true))
        return refuse(
            company, subject, email, QStringLiteral("the provider has not verified the e-mail address"), clientAddress);
    if (!s.allowedDomains.contains(domainOf(email)))
        return refuse(company, subject, email, QStringLiteral("the e-mail's domain is not allowed"), clientAddress);
    const Actor actor{QStringLiteral("oidc:") + subject, QString(), clientAddress};
    std::optional<Agent> agent = m_agents.findByEmail(email);
    if (agent && agent->companyId != company)
        return refuse(
            company, subject, email, QStringLiteral("the e-mail belongs to another company's agent"), clientAddress);
    if (!agent && m_agents.isDeactivated(email))
        return refuse(company, subject, email, QStringLiteral("the agent is deactivated"), clientAddress);
    if (!agent && !s.createAgents)
        return refuse(company, subject, email, QStringLiteral("no agent has this e-mail address"), clientAddress);
    if (!agent) {
        auto created = create(s, claims, email, actor);
        if (!created)
            return refuse(company, subject, email, created.error().message, clientAddress);
        agent = *created;
    } else if (!s.roleClaim.isEmpty() && agent->role != roleOf(s, claims)) {
        // The provider's groups say the role at each sign-in; the change ends the agent's older tokens.
        AgentChange change;
        change.role = roleOf(s, claims);
        auto changed = m_agents.change(company, agent->id, change, actor);
        if (!changed)
            return refuse(company, subject, email, changed.error().message, clientAddress);
        agent = *changed;
    }
    return *agent;
}

void SsoAdmission::signedIn(const Agent &agent, const QString &issuer, const QString &subject,
    const QString &clientAddress, const QString &sessionId)
{
    m_engine.audit(agent.companyId, Actor{agent.id, agent.role, clientAddress}, QStringLiteral("auth.login"),
        QStringLiteral("agent:") + agent.id, AuditOutcome::Done,
        {{QStringLiteral("email"), agent.email}, {QStringLiteral("method"), QStringLiteral("oidc")},
            {QStringLiteral("issuer"), issuer}, {QStringLiteral("subject"), subject},
            {QStringLiteral("sessionId"), sessionId}});
}

Result<Agent> SsoAdmission::create(
    const OidcSettings &s, const QJsonObject &claims, const QString &email, const Actor &actor)
{
    NewAgent a;
    a.companyId = s.companyId;
    a.email = email;
    a.name = nameOf(claims, email);
    a.role = roleOf(s, claims);
    const auto checked = m_agents.check(a);
    if (!checked)
        return checked.error();
    // No password: this person signs in through the provider (an admin may give one later).
    return m_agents.insert(*checked, QString(), actor);
}

} // namespace tierdesk
