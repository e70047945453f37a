#pragma once

#include "core/engine/SessionEngine.h"

namespace tierdesk {

// Loads the Northwind demo store (resources/demo/demo.json): one company, its
// customers and orders, with dates relative to now. Idempotent: a second run
// finds the company by name and refreshes the rows, creating nothing new.
// Returns {companyId, customerIds, vipCustomerIds, orderIds}.
Result<QJsonObject> seedDemo(SessionEngine &engine, const Actor &actor);

} // namespace tierdesk
