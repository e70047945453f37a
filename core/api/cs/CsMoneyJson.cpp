// A money action at a payment provider as /api/cs prints it (docs/api.md, "Money actions").
#include "core/api/cs/CsJson.h"

#include "core/common/Time.h"

namespace tierdesk::json {

QJsonObject moneyAction(const MoneyAction &a)
{
    const auto orNull = [](const QString &v) { return v.isEmpty() ? QJsonValue(QJsonValue::Null) : QJsonValue(v); };
    return {{QStringLiteral("id"), a.id}, {QStringLiteral("kind"), toString(a.kind)},
        {QStringLiteral("state"), toString(a.state)}, {QStringLiteral("amount"), a.amount},
        {QStringLiteral("currency"), a.currency}, {QStringLiteral("orderId"), orNull(a.orderId)},
        {QStringLiteral("connector"), a.connector}, {QStringLiteral("providerId"), orNull(a.providerId)},
        {QStringLiteral("error"), orNull(a.state == MoneyAction::State::Succeeded ? QString() : a.error)},
        {QStringLiteral("createdAt"), timefmt::iso(a.createdAt)},
        {QStringLiteral("updatedAt"), timefmt::iso(a.updatedAt)}};
}

} // namespace tierdesk::json
