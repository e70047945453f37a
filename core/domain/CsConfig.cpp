#include "core/domain/CsConfig.h"

namespace tierdesk {

std::array<TierCapabilities, 3> CsConfig::defaultTiers()
{
    TierCapabilities rep;
    rep.canApplyCredits = true;
    rep.maxCreditAmount = 10;
    TierCapabilities manager;
    manager.canProcessRefunds = true;
    manager.maxRefundAmount = 100;
    manager.canModifySubscription = true;
    manager.canApplyCredits = true;
    manager.maxCreditAmount = 50;
    manager.tone = QStringLiteral("empathetic");
    manager.maxResponseLength = 800;
    // What a person may refund or credit from the console (docs/api.md, "The agent desk").
    TierCapabilities human;
    human.canProcessRefunds = true;
    human.maxRefundAmount = 500;
    human.canModifySubscription = true;
    human.canApplyCredits = true;
    human.maxCreditAmount = 100;
    return {rep, manager, human};
}

IrateProtocol CsConfig::defaultIrateProtocol()
{
    IrateProtocol irate;
    irate.triggerKeywords
        = QStringList{QStringLiteral("angry"), QStringLiteral("furious"), QStringLiteral("unacceptable")};
    return irate;
}

} // namespace tierdesk
