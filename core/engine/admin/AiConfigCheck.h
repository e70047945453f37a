#pragma once

#include "core/common/Result.h"

namespace tierdesk {

// The refusal of a configuration whose "ai" names a model provider that is not registered
// (PUT /config and its what-if answer it alike): InvalidArgument, field ai.provider.
Error unknownAiProvider(const QString &name);

} // namespace tierdesk
