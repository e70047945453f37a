#include "core/common/Clock.h"

namespace tierdesk {

Clock &SystemClock::instance()
{
    static SystemClock clock;
    return clock;
}

} // namespace tierdesk
