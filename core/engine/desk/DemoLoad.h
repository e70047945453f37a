#pragma once

#include "core/engine/SessionEngine.h"

namespace tierdesk {

struct DemoLoadRequest {
    static constexpr int kMaxSessions = 1000000;
    int sessions = 0; // sessions to add, spread over the last 30 days
    int escalations = 0; // of them, waiting in the human queues now (at most `sessions`)
    int gaps = 0; // of them, with a question the knowledge did not answer (at most `sessions`)
};

// A large, realistic data set for the demo company on top of seedDemo()'s
// fixture (which it leaves exactly as it is): customers cust_load_<n>,
// sessions with short transcripts and sentiment readings, escalation
// histories, and `escalations` sessions waiting at HUMAN_AGENT with their
// desk items. Written with prepared statements in large transactions. Each
// run adds to what is there. Returns {sessions, escalations, customers, milliseconds}.
Result<QJsonObject> seedDemoLoad(SessionEngine &engine, const QString &companyId, const DemoLoadRequest &request);

} // namespace tierdesk
