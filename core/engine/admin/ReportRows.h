#pragma once

#include "core/common/Result.h"
#include "core/domain/Report.h"
#include "core/integrations/ReportTable.h"
#include "core/store/Database.h"

namespace tierdesk {

// Conversations in one conversation_analysis report; beyond, the report says how many it left out.
inline constexpr int kMaxReportRows = 10000;

// The rows a report request yields, read on the calling thread from a read-only connection
// of its own (so a report never holds up the engine thread, which never waits for it).
Result<ReportTable> readReportRows(const DatabaseTarget &database, const ReportRequest &request);

} // namespace tierdesk
