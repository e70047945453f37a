#include "ui/models/SignInSessionsModel.h"

#include <QFont>

namespace tierdesk::ui {

QStringList SignInSessionsModel::headers() const
{
    return {tr("Device"), tr("Address"), tr("How"), tr("Signed in"), tr("Last seen")};
}

QString SignInSessionsModel::methodLabel(const QString &method)
{
    if (method == QLatin1String("password"))
        return tr("Password");
    if (method == QLatin1String("mfa"))
        return tr("Password and code");
    if (method == QLatin1String("oidc") || method == QLatin1String("sso"))
        return tr("Single sign-on");
    return method;
}

QString SignInSessionsModel::display(const QJsonObject &row, int column) const
{
    switch (column) {
    case Device: {
        const QString device = row.value(QLatin1String("device")).toString();
        const QString shown = device.isEmpty() ? tr("unknown") : device;
        return row.value(QLatin1String("current")).toBool() ? tr("%1 (this console)").arg(shown) : shown;
    }
    case Address:
        return row.value(QLatin1String("address")).toString();
    case Method:
        return methodLabel(row.value(QLatin1String("method")).toString());
    case SignedIn:
        return localTime(row.value(QLatin1String("createdAt")));
    case LastSeen:
        return localTime(row.value(QLatin1String("lastSeenAt")));
    }
    return {};
}

QVariant SignInSessionsModel::data(const QModelIndex &index, int role) const
{
    if (role == Qt::FontRole && index.isValid() && isCurrent(index.row())) {
        QFont bold;
        bold.setBold(true);
        return bold;
    }
    return JsonRowsModel::data(index, role);
}

} // namespace tierdesk::ui
