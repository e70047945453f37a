#include "core/engine/admin/AiConfigCheck.h"

namespace tierdesk {

Error unknownAiProvider(const QString &name)
{
    return makeError(ErrorKind::InvalidArgument,
        QStringLiteral("ai.provider: no provider named \"%1\" (register it under /api/cs/ai/providers)").arg(name),
        {{QStringLiteral("field"), QStringLiteral("ai.provider")}});
}

} // namespace tierdesk
