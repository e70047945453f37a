#pragma once

#include "core/engine/SessionEngine.h"
#include "core/store/AuditQueryRepo.h"

namespace tierdesk {

// Filtered, paged reads of a company's audit log (the platform services' GET
// /audit/logs). On the engine thread; the platform family asks this, never the store.
class AuditSearch {
public:
    static constexpr int kMaxLimit = 1000;
    static constexpr int kMaxOffset = 1000000;

    explicit AuditSearch(SessionEngine &engine) : m_engine(engine), m_repo(engine.core().store().db()) { }

    struct Page {
        QList<AuditRow> rows;
        int total = 0;
    };
    // InvalidArgument for a limit outside 1..kMaxLimit, an offset outside
    // 0..kMaxOffset or an end before the start; NotFound for an unknown company.
    Result<Page> find(const AuditQuery &query);

private:
    SessionEngine &m_engine;
    AuditQueryRepo m_repo;
};

} // namespace tierdesk
