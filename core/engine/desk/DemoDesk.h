#pragma once

#include "core/engine/SessionEngine.h"

namespace tierdesk {

// A handful of escalations waiting on the demo company's desk, so a console opened
// on the demo (make run) shows a working desk: each a conversation of a demo
// customer played through the engine (its analysis, replies and escalation rules),
// at a time in the past, so the SLA states differ (on time, at risk, breached).
// Adds them only while the company's desk holds nothing; call after seedDemo().
// Returns {"added", "waiting"}.
Result<QJsonObject> seedDemoDesk(SessionEngine &engine, const QString &companyId);

} // namespace tierdesk
