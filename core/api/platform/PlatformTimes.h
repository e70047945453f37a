#pragma once

#include "core/api/platform/PlatformCall.h"

#include <optional>

// Times in the platform services' queries and bodies: ISO 8601 dates or
// date-times (UTC when no zone is given).
namespace tierdesk::api::platformtime {

// ms since the epoch, or nullopt when `text` is not ISO 8601. A date alone
// means its first millisecond, or with `endOfDay` its last second (so
// end_date=2025-02-28 takes in the whole day, as seed 000's 23:59:59Z).
std::optional<qint64> parse(const QString &text, bool endOfDay);

// The query parameter `name` (nullopt in *out when absent); false after answering 400.
bool queryTime(const PlatformCallPtr &c, const char *name, bool endOfDay, std::optional<qint64> *out);

// The query parameter `name` as a whole number in [min, max] (fallback when absent);
// false after answering 400.
bool queryInt(const PlatformCallPtr &c, const char *name, int min, int max, int fallback, int *out);

} // namespace tierdesk::api::platformtime
