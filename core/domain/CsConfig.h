#pragma once

#include "core/common/Result.h"
#include "core/domain/DeskConfig.h"
#include "core/domain/Enums.h"
#include "core/domain/Language.h"

#include <QJsonObject>
#include <QStringList>

namespace tierdesk {

struct TierCapabilities {
    bool enabled = true;
    bool canProcessRefunds = false;
    double maxRefundAmount = 0;
    bool canModifySubscription = false;
    bool canApplyCredits = false;
    double maxCreditAmount = 0;
    QString tone = QStringLiteral("friendly");
    int maxResponseLength = 600;
};

struct IrateProtocol {
    bool enabled = true;
    double detectionThreshold = 0.7;
    QStringList triggerKeywords;
    bool autoEscalate = true;
    int afterAttempts = 2;
    Tier targetTier = Tier::AiManager;
};

// A company's CS configuration (seed 001 "Get CS Config"), kept as the JSON the
// API serves plus typed views for the engine. The JSON shape of defaults() is
// also the schema: a PUT may only name keys that exist there.
class CsConfig {
public:
    CsConfig();
    static CsConfig defaults();
    static Result<CsConfig> fromJson(const QJsonObject &stored);

    // Deep-merges patch into this config and validates the result; on error
    // nothing changes. `companyId` in the patch is ignored (it names the target).
    Result<CsConfig> merged(const QJsonObject &patch) const;

    QJsonObject toJson() const { return m_json; }
    bool enabled() const;
    const TierCapabilities &tier(Tier t) const { return m_tiers[static_cast<int>(t)]; }
    const IrateProtocol &irateProtocol() const { return m_irate; }
    int repeatContactWindowHours() const;
    int complexIssueAfterTurns() const;
    const DeskConfig &desk() const { return m_desk; }
    bool notifyOnEscalation() const;
    QString escalationPhone() const;
    // The language of the replies customers get: "en" (default) or "de".
    Language language() const { return m_language; }

private:
    explicit CsConfig(QJsonObject json);
    // The typed views are read on every message, so they are parsed once here.
    void parseViews();
    TierCapabilities parseTier(Tier t) const;
    IrateProtocol parseIrate() const;

    QJsonObject m_json;
    TierCapabilities m_tiers[3];
    IrateProtocol m_irate;
    DeskConfig m_desk;
    Language m_language = Language::En;
};

// Validation used by merged(); exposed for tests. Returns the first problem found
// as "path: reason", or an empty string.
QString validateCsConfig(const QJsonObject &config);

} // namespace tierdesk
