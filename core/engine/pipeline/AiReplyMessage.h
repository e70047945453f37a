#pragma once

#include "core/engine/pipeline/Turn.h"

namespace tierdesk {

// The AI tier's message of a turn as it is stored: the words (and a hand-over's note),
// and in its metadata how they were made (model, tokens, latency, fallback, guard notes).
Message aiReplyMessage(const Turn &turn, const ComposedReply &composed, qint64 nowMs);

} // namespace tierdesk
