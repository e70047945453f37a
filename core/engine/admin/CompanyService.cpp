#include "core/engine/admin/CompanyService.h"

#include "core/common/Ids.h"
#include "core/common/Validation.h"
#include "core/engine/admin/AiConfigCheck.h"
#include "core/engine/sources/ConnectorCheck.h"

#include <utility>

namespace tierdesk {
namespace {

// Trimmed, 1 to kMaxCompanyNameChars characters, no control characters.
Result<QString> cleanCompanyName(const QString &name)
{
    const QString clean = name.trimmed();
    if (clean.isEmpty() || clean.size() > CompanyService::kMaxCompanyNameChars || hasControlCharacters(clean))
        return invalidField(
            QStringLiteral("name"), QStringLiteral("name must be 1 to 200 characters (no control characters)"));
    return clean;
}

} // namespace

Result<Company> CompanyService::create(const QString &name, const CsConfig &config, const Actor &actor)
{
    const auto clean = cleanCompanyName(name);
    if (!clean)
        return clean.error();
    Store &store = m_core.store();
    Company c{ids::uuid(), *clean, m_core.clock().nowMs(), sealed(config)};
    const bool ok = store.batch().run([&] {
        return store.companies().insert(c)
            && m_core.record(c.id, actor, QStringLiteral("company.create"), QStringLiteral("company:") + c.id,
                AuditOutcome::System, {{QStringLiteral("name"), c.name}});
    });
    if (!ok)
        return makeError(ErrorKind::Internal, QStringLiteral("could not store the company"));
    return c;
}

Result<Company> CompanyService::rename(const QString &id, const QString &name, const Actor &actor)
{
    auto c = m_core.company(id);
    if (!c)
        return c.error();
    const auto clean = cleanCompanyName(name);
    if (!clean)
        return clean.error();
    Store &store = m_core.store();
    if (const auto other = store.companies().findByName(*clean); other && other->id != id)
        return makeError(ErrorKind::Conflict, QStringLiteral("A company with this name exists"),
            {{QStringLiteral("field"), QStringLiteral("name")}});
    const QString before = c->name;
    c->name = *clean;
    const bool ok = store.batch().run([&] {
        return store.companies().updateName(id, c->name)
            && m_core.record(id, actor, QStringLiteral("company.rename"), QStringLiteral("company:") + id,
                AuditOutcome::Done, {{QStringLiteral("before"), before}, {QStringLiteral("after"), c->name}});
    });
    if (!ok)
        return makeError(ErrorKind::Internal, QStringLiteral("could not store the company"));
    m_core.rememberCompany(*c);
    return c;
}

std::optional<Company> CompanyService::findByNumber(const QString &number)
{
    for (const Company &c : m_core.store().companies().all())
        if (c.config.voice.answers(number))
            return c;
    return std::nullopt;
}

Result<CsConfig> CompanyService::config(const QString &companyId)
{
    auto company = m_core.company(companyId);
    if (!company)
        return company.error();
    return company->config;
}

Result<CsConfig> CompanyService::updateConfig(
    const QString &companyId, const CsConfig &config, const QJsonObject &auditDetails, const Actor &actor)
{
    auto company = m_core.company(companyId);
    if (!company)
        return company.error();
    Store &store = m_core.store();
    // A model provider must be registered before the configuration may name it.
    if (config.ai.usesModel() && !store.aiProviders().find(companyId, config.ai.provider, store.webhooks().sealer()))
        return unknownAiProvider(config.ai.provider);
    // So must every connector it names, serving what it is named for.
    if (const Status named = checkConnectorSettings(store, companyId, config.connectors); !named)
        return named.error();
    // A dialled number finds one company.
    for (const QString &number : config.voice.numbers)
        if (const auto other = findByNumber(number); other && other->id != companyId)
            return makeError(ErrorKind::Conflict, QStringLiteral("voice.numbers: %1 is another company's").arg(number),
                {{QStringLiteral("field"), QStringLiteral("voice.numbers")}});
    const CsConfig stored = sealed(config);
    const bool ok = store.batch().run([&] {
        return store.companies().updateConfig(companyId, stored)
            && m_core.record(companyId, actor, QStringLiteral("config.update"), QStringLiteral("company:") + companyId,
                AuditOutcome::Done, auditDetails);
    });
    if (!ok)
        return makeError(ErrorKind::Internal, QStringLiteral("could not store the configuration"));
    company->config = stored;
    m_core.rememberCompany(*company);
    m_core.models().forget(companyId);
    return stored;
}

CsConfig CompanyService::sealed(CsConfig config) const
{
    SipAccess &sip = config.voice.sip;
    if (!sip.newDigestPassword.isEmpty()) // kept sealed, never in the clear
        sip.sealedDigestPassword
            = m_core.store().webhooks().sealer().seal(std::exchange(sip.newDigestPassword, {}).toUtf8());
    return config;
}

Result<QString> CompanyService::sipDigestPassword(const VoiceSettings &voice) const
{
    Result<QByteArray> opened = m_core.store().webhooks().sealer().open(voice.sip.sealedDigestPassword);
    if (!opened)
        return opened.error();
    return QString::fromUtf8(*opened);
}

} // namespace tierdesk
