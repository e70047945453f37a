#pragma once

#include "core/engine/pipeline/EngineCore.h"

namespace tierdesk {

// Companies and their CS configuration: founding, renaming, reading and patching
// the config, each change audited.
class CompanyService {
public:
    explicit CompanyService(EngineCore &core) : m_core(core) { }

    static constexpr int kMaxCompanyNameChars = 200;
    // A company with `config` (default: CsConfig::defaults()); audited as company.create.
    Result<Company> create(const QString &name, const CsConfig &config, const Actor &actor);
    // Audited as company.rename with the old and the new name.
    Result<Company> rename(const QString &id, const QString &name, const Actor &actor);
    Result<Company> find(const QString &id) { return m_core.company(id); }
    QList<Company> all() { return m_core.store().companies().all(); }
    Result<CsConfig> config(const QString &companyId);
    // The company whose config.voice.numbers has `number` (a SIP call's dialled number).
    std::optional<Company> findByNumber(const QString &number);
    // Stores a whole new config (the API family merged and checked the client's patch);
    // audited as config.update with `auditDetails` (the family's record of the change).
    Result<CsConfig> updateConfig(
        const QString &companyId, const CsConfig &config, const QJsonObject &auditDetails, const Actor &actor);

    // The company's SIP digest password, opened from its seal (voice.sip.digest).
    Result<QString> sipDigestPassword(const VoiceSettings &voice) const;

private:
    // `config` with a new SIP digest password sealed.
    CsConfig sealed(CsConfig config) const;

    EngineCore &m_core;
};

} // namespace tierdesk
