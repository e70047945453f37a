#include "ui/models/TokensModel.h"

namespace tierdesk::ui {

QStringList TokensModel::headers() const
{
    return {tr("Name"), tr("Role"), tr("Created"), tr("Expires"), tr("Status")};
}

QString TokensModel::display(const QJsonObject &row, int column) const
{
    switch (column) {
    case Name:
        return row.value(QLatin1String("name")).toString();
    case Role: {
        const QString role = row.value(QLatin1String("role")).toString();
        const QString customer = row.value(QLatin1String("customerId")).toString();
        const QString kind = row.value(QLatin1String("kind")).toString();
        // Keys made for the other API families (docs/api.md, "API tokens and keys").
        if (kind == QLatin1String("sigv4"))
            return tr("%1 (SigV4 key %2, %3)")
                .arg(role, row.value(QLatin1String("accessKeyId")).toString(),
                    row.value(QLatin1String("region")).toString());
        if (kind == QLatin1String("apikey"))
            return tr("%1 (API key %2…)").arg(role, row.value(QLatin1String("keyPrefix")).toString());
        if (kind == QLatin1String("widget"))
            return tr("chat widget key %1").arg(row.value(QLatin1String("key")).toString());
        return customer.isEmpty() ? role : tr("%1 (customer %2)").arg(role, customer);
    }
    case Created:
        return localTime(row.value(QLatin1String("createdAt")));
    case Expires:
        // Keys made without a ttl do not expire: the record has no expiresAt.
        return row.contains(QLatin1String("expiresAt")) ? localTime(row.value(QLatin1String("expiresAt")))
                                                        : tr("Never");
    case Status:
        return row.value(QLatin1String("revoked")).toBool() ? tr("Revoked") : tr("Valid");
    }
    return {};
}

} // namespace tierdesk::ui
