#include "core/domain/DeskItem.h"

namespace tierdesk {

QString toString(SlaState s)
{
    switch (s) {
    case SlaState::Ok:
        return QStringLiteral("ok");
    case SlaState::Warning:
        return QStringLiteral("warning");
    case SlaState::Breached:
        return QStringLiteral("breached");
    }
    return {};
}

std::optional<SlaState> parseSlaState(const QString &name)
{
    for (SlaState s : {SlaState::Ok, SlaState::Warning, SlaState::Breached})
        if (toString(s) == name)
            return s;
    return std::nullopt;
}

} // namespace tierdesk
