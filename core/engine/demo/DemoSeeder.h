#pragma once

#include "core/engine/SessionEngine.h"

namespace tierdesk {

// Loads the demo store (resources/demo/demo.json): one company, its customers and
// orders, with dates relative to now, and its articles (resources/demo/kb). Idempotent:
// a second run finds the company by name and refreshes the rows, creating nothing new
// (an article the company edited stays as edited).
// Returns {companyId, customerIds, vipCustomerIds, orderIds}.
Result<QJsonObject> seedDemo(SessionEngine &engine, const Actor &actor);
// The demo company's name, as the demo data gives it (found by it again on the next seed).
QString demoCompanyName();

} // namespace tierdesk
