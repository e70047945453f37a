#include "core/domain/MoneyAction.h"

namespace tierdesk {

QString toString(MoneyAction::Kind kind)
{
    switch (kind) {
    case MoneyAction::Kind::Refund:
        return QStringLiteral("refund");
    case MoneyAction::Kind::Credit:
        return QStringLiteral("credit");
    case MoneyAction::Kind::Cancel:
        return QStringLiteral("cancel");
    }
    return QStringLiteral("refund");
}

QString toString(MoneyAction::State state)
{
    switch (state) {
    case MoneyAction::State::Pending:
        return QStringLiteral("pending");
    case MoneyAction::State::Requested:
        return QStringLiteral("requested");
    case MoneyAction::State::Succeeded:
        return QStringLiteral("succeeded");
    case MoneyAction::State::Failed:
        return QStringLiteral("failed");
    }
    return QStringLiteral("pending");
}

std::optional<MoneyAction::Kind> parseMoneyActionKind(const QString &name)
{
    if (name == QLatin1String("refund"))
        return MoneyAction::Kind::Refund;
    if (name == QLatin1String("credit"))
        return MoneyAction::Kind::Credit;
    if (name == QLatin1String("cancel"))
        return MoneyAction::Kind::Cancel;
    return std::nullopt;
}

std::optional<MoneyAction::State> parseMoneyActionState(const QString &name)
{
    for (const auto s : {MoneyAction::State::Pending, MoneyAction::State::Requested, MoneyAction::State::Succeeded,
             MoneyAction::State::Failed})
        if (toString(s) == name)
            return s;
    return std::nullopt;
}

} // namespace tierdesk
