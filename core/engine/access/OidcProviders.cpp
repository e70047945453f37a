#include "core/engine/access/OidcProviders.h"

#include "core/common/Validation.h"
#include "core/integrations/oidc/OidcDiscovery.h"

#include <QJsonArray>
#include <QRegularExpression>

namespace tierdesk {

namespace {

Result<QStringList> checkedDomains(const QStringList &given)
{
    static const QRegularExpression domain(
        QStringLiteral("^[a-z0-9](?:[a-z0-9-]*[a-z0-9])?(?:\\.[a-z0-9](?:[a-z0-9-]*[a-z0-9])?)+$"));
    QStringList out;
    for (const QString &d : given) {
        const QString name = d.trimmed().toLower();
        if (name.size() > OidcProviders::kMaxDomainChars || !domain.match(name).hasMatch())
            return invalidField(QStringLiteral("allowedDomains"),
                QStringLiteral("allowedDomains holds '%1', which is not a domain name (example.com)")
                    .arg(name.left(64)));
        if (!out.contains(name))
            out << name;
    }
    if (out.isEmpty() || out.size() > OidcProviders::kMaxDomains)
        return invalidField(QStringLiteral("allowedDomains"),
            QStringLiteral("allowedDomains must name 1 to %1 e-mail domains").arg(OidcProviders::kMaxDomains));
    return out;
}

bool isRole(const QString &role)
{
    return OidcProviders::roleRank(role) > 0;
}

} // namespace

OidcProviders::OidcProviders(SessionEngine &engine) : m_engine(engine), m_store(engine.core().store()) { }

int OidcProviders::roleRank(const QString &role)
{
    if (role == QLatin1String("agent"))
        return 1;
    if (role == QLatin1String("supervisor"))
        return 2;
    if (role == QLatin1String("admin"))
        return 3;
    return 0;
}

Result<OidcSettings> OidcProviders::get(const QString &companyId)
{
    if (auto company = m_engine.company(companyId); !company)
        return company.error();
    auto s = m_store.oidcSettings().find(companyId, m_store.webhooks().sealer());
    if (!s)
        return makeError(ErrorKind::NotFound, QStringLiteral("The company has no single sign-on"));
    return *s;
}

Result<OidcSettings> OidcProviders::check(
    const QString &companyId, const OidcSettingsChange &c, const std::optional<OidcSettings> &stored)
{
    OidcSettings s;
    s.companyId = companyId;
    s.issuer = c.issuer.trimmed();
    const QUrl issuer(s.issuer, QUrl::StrictMode);
    if (s.issuer.size() > kMaxUrlChars || !OidcDiscovery::secureOrLoopback(issuer) || issuer.hasQuery())
        return invalidField(QStringLiteral("issuer"),
            QStringLiteral("issuer must be the provider's https URL (http only on this machine's loopback)"));
    s.clientId = c.clientId.trimmed();
    if (s.clientId.isEmpty() || s.clientId.size() > kMaxClientIdChars || hasControlCharacters(s.clientId))
        return invalidField(QStringLiteral("clientId"), QStringLiteral("clientId must be 1 to 256 characters"));
    s.clientSecret = c.clientSecret ? *c.clientSecret : (stored ? stored->clientSecret : QByteArray());
    if (s.clientSecret.isEmpty() || s.clientSecret.size() > kMaxSecretChars)
        return invalidField(QStringLiteral("clientSecret"),
            stored ? QStringLiteral("clientSecret must be 1 to 1024 characters")
                   : QStringLiteral("clientSecret is required"));
    const auto domains = checkedDomains(c.allowedDomains);
    if (!domains)
        return domains.error();
    s.allowedDomains = *domains;
    s.roleClaim = c.roleClaim.trimmed();
    if (s.roleClaim.size() > kMaxClaimChars || hasControlCharacters(s.roleClaim))
        return invalidField(QStringLiteral("roleClaim"), QStringLiteral("roleClaim must be a claim's name"));
    if (c.roleMap.size() > kMaxRoleMapEntries)
        return invalidField(QStringLiteral("roleMap"),
            QStringLiteral("roleMap may map at most %1 claim values").arg(kMaxRoleMapEntries));
    for (auto it = c.roleMap.cbegin(); it != c.roleMap.cend(); ++it) {
        if (it.key().isEmpty() || it.key().size() > kMaxClaimChars || !isRole(it.value()))
            return invalidField(
                QStringLiteral("roleMap"), QStringLiteral("roleMap maps claim values to agent, supervisor or admin"));
    }
    if (!c.roleMap.isEmpty() && s.roleClaim.isEmpty())
        return invalidField(QStringLiteral("roleClaim"), QStringLiteral("a roleMap needs the roleClaim it reads"));
    s.roleMap = c.roleMap;
    s.defaultRole = c.defaultRole;
    if (!isRole(s.defaultRole))
        return invalidField(
            QStringLiteral("defaultRole"), QStringLiteral("defaultRole must be agent, supervisor or admin"));
    s.createAgents = c.createAgents;
    s.passwordLogin = c.passwordLogin;
    s.breakGlassAgentId
        = c.breakGlassAgentId ? c.breakGlassAgentId->trimmed() : (stored ? stored->breakGlassAgentId : QString());
    if (!s.breakGlassAgentId.isEmpty()) {
        const auto admin = m_store.agents().find(companyId, s.breakGlassAgentId);
        if (!admin || !admin->active || admin->role != QLatin1String("admin"))
            return invalidField(QStringLiteral("breakGlassAgentId"),
                QStringLiteral("breakGlassAgentId must name an active admin of the company"));
    }
    s.updatedAt = m_engine.clock().nowMs();
    return s;
}

Result<OidcSettings> OidcProviders::put(const QString &companyId, const OidcSettingsChange &change, const Actor &actor)
{
    if (auto company = m_engine.company(companyId); !company)
        return company.error();
    const auto stored = m_store.oidcSettings().find(companyId, m_store.webhooks().sealer());
    const auto s = check(companyId, change, stored);
    if (!s)
        return s.error();
    const Status written
        = m_store.batch().run([&]() -> Status { return m_store.oidcSettings().put(*s, m_store.webhooks().sealer()); });
    if (!written)
        return written.error();
    m_engine.audit(companyId, actor, QStringLiteral("auth.oidc.update"), QStringLiteral("company:") + companyId,
        stored ? AuditOutcome::Done : AuditOutcome::Created,
        {{QStringLiteral("issuer"), s->issuer}, {QStringLiteral("clientId"), s->clientId},
            {QStringLiteral("allowedDomains"), QJsonArray::fromStringList(s->allowedDomains)},
            {QStringLiteral("createAgents"), s->createAgents}, {QStringLiteral("passwordLogin"), s->passwordLogin},
            {QStringLiteral("breakGlassAgentId"), s->breakGlassAgentId},
            {QStringLiteral("secretChanged"), change.clientSecret.has_value()}});
    return *s;
}

Status OidcProviders::remove(const QString &companyId, const Actor &actor)
{
    if (auto company = m_engine.company(companyId); !company)
        return company.error();
    const Result<bool> removed = m_store.batch().runChanged([&] { return m_store.oidcSettings().remove(companyId); });
    if (!removed)
        return removed.error();
    if (!*removed)
        return makeError(ErrorKind::NotFound, QStringLiteral("The company has no single sign-on"));
    m_engine.audit(companyId, actor, QStringLiteral("auth.oidc.delete"), QStringLiteral("company:") + companyId,
        AuditOutcome::Removed);
    return Ok{};
}

bool OidcProviders::passwordLoginAllowed(const Agent &agent)
{
    const auto s = m_store.oidcSettings().find(agent.companyId, m_store.webhooks().sealer());
    if (!s || s->passwordLogin)
        return true;
    return !s->breakGlassAgentId.isEmpty() && agent.id == s->breakGlassAgentId && agent.role == QLatin1String("admin");
}

} // namespace tierdesk
