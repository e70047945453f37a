#include "core/voice/SphinxLog.h"

#include <sphinxbase/err.h>

#include <mutex>

namespace tierdesk::voice {

void silenceSphinxLog()
{
    static std::once_flag once;
    std::call_once(once, [] { err_set_logfp(nullptr); });
}

} // namespace tierdesk::voice
