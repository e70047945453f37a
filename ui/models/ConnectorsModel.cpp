#include "ui/models/ConnectorsModel.h"

#include <QJsonArray>

namespace tierdesk::ui {

QStringList ConnectorsModel::serving(const QString &purpose) const
{
    QStringList out;
    for (const QJsonObject &row : rows())
        if (row.value(QLatin1String("purposes")).toArray().contains(purpose))
            out << row.value(QLatin1String("name")).toString();
    return out;
}

QString ConnectorsModel::kindLabel(const QString &kind)
{
    if (kind == QLatin1String("http"))
        return tr("HTTP API");
    if (kind == QLatin1String("lambda"))
        return tr("AWS Lambda");
    if (kind == QLatin1String("stripe"))
        return tr("Stripe");
    return kind;
}

QString ConnectorsModel::purposeLabel(const QString &purpose)
{
    if (purpose == QLatin1String("order"))
        return tr("order");
    if (purpose == QLatin1String("orders"))
        return tr("orders");
    if (purpose == QLatin1String("customer"))
        return tr("customer");
    if (purpose == QLatin1String("refund"))
        return tr("refund");
    if (purpose == QLatin1String("credit"))
        return tr("credit");
    if (purpose == QLatin1String("ticket"))
        return tr("ticket");
    if (purpose == QLatin1String("cancel"))
        return tr("cancel");
    return purpose;
}

QString ConnectorsModel::authLabel(const QString &type)
{
    if (type == QLatin1String("none"))
        return tr("None");
    if (type == QLatin1String("bearer"))
        return tr("Bearer token");
    if (type == QLatin1String("basic"))
        return tr("Basic (user and password)");
    if (type == QLatin1String("header"))
        return tr("Header with a key");
    if (type == QLatin1String("sigv4"))
        return tr("AWS SigV4");
    return type;
}

QStringList ConnectorsModel::headers() const
{
    return {tr("Name"), tr("Kind"), tr("Purposes"), tr("URL"), tr("Sign-in"), tr("Secret"), tr("Added")};
}

QString ConnectorsModel::display(const QJsonObject &row, int column) const
{
    const QJsonObject auth = row.value(QLatin1String("auth")).toObject();
    switch (column) {
    case Name:
        return row.value(QLatin1String("name")).toString();
    case Kind:
        return kindLabel(row.value(QLatin1String("kind")).toString());
    case Purposes: {
        QStringList names;
        for (const QJsonValue &p : row.value(QLatin1String("purposes")).toArray())
            names << purposeLabel(p.toString());
        return names.join(QStringLiteral(", "));
    }
    case Url:
        return row.value(QLatin1String("url")).toString();
    case Auth:
        return authLabel(auth.value(QLatin1String("type")).toString());
    case Secret:
        if (auth.value(QLatin1String("type")).toString() == QLatin1String("none"))
            return tr("—");
        return auth.value(QLatin1String("hasSecret")).toBool() ? tr("Set") : tr("None");
    case Created:
        return localTime(row.value(QLatin1String("createdAt")));
    }
    return {};
}

} // namespace tierdesk::ui
