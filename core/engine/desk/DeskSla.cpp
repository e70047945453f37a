// SLA timers: due times pass on the engine's clock, states only move forward.
#include "core/engine/desk/Desk.h"

#include "core/engine/desk/DeskRules.h"

namespace tierdesk {

int Desk::evaluateSla()
{
    static constexpr int kMaxItemsPerRound = 20000;
    const qint64 now = m_engine.clock().nowMs();
    QHash<QString, DeskConfig> configs; // per company, read once per round
    int changed = 0;
    for (const DeskItem &item : m_repo.unbreached(kMaxItemsPerRound)) {
        auto config = configs.constFind(item.companyId);
        if (config == configs.cend()) {
            const auto company = m_engine.company(item.companyId);
            config = configs.insert(item.companyId, company ? company->config.desk : DeskConfig::defaults());
        }
        const SlaState state = desk::slaState(item, now, config->warningAt, config->businessHours);
        if (state <= item.sla)
            continue; // each state is reached (and announced) once
        if (!m_engine.core().store().batch().run([&] { return m_repo.setSla(item.sessionId, state, now); }))
            continue;
        ++changed;
        // An item that passes both marks between two rounds is announced as breached only.
        publishQueue(item.companyId, item.sessionId,
            state == SlaState::Breached ? SessionEventType::SlaBreached : SessionEventType::SlaWarning);
    }
    return changed;
}

} // namespace tierdesk
