#include "ui/models/TokensModel.h"

namespace tierdesk::ui {

QStringList TokensModel::headers() const
{
    return {tr("Name"), tr("Role"), tr("Created"), tr("Expires"), tr("Status")};
}

QString TokensModel::display(const QJsonObject &row, int column) const
{
    switch (column) {
    case Name: return row.value(QLatin1String("name")).toString();
    case Role: {
        const QString role = row.value(QLatin1String("role")).toString();
        const QString customer = row.value(QLatin1String("customerId")).toString();
        return customer.isEmpty() ? role : tr("%1 (customer %2)").arg(role, customer);
    }
    case Created: return localTime(row.value(QLatin1String("createdAt")));
    case Expires: return localTime(row.value(QLatin1String("expiresAt")));
    case Status: return row.value(QLatin1String("revoked")).toBool() ? tr("Revoked") : tr("Valid");
    }
    return {};
}

} // namespace tierdesk::ui
