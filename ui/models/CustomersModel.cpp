#include "ui/models/CustomersModel.h"

#include "ui/models/Display.h"

namespace tierdesk::ui {

QVariant CustomersModel::data(const QModelIndex &index, int role) const
{
    if (role == Qt::TextAlignmentRole && index.isValid() && index.column() == LifetimeValue)
        return QVariant(Qt::AlignRight | Qt::AlignVCenter);
    // The id behind a row; an e-mail address whole where its column is too narrow.
    if (role == Qt::ToolTipRole && index.isValid() && index.row() < rowCount())
        return row(index.row()).value(QLatin1String(index.column() == Email ? "email" : "id")).toString();
    return JsonRowsModel::data(index, role);
}

void CustomersModel::setPage(const QJsonObject &body)
{
    m_total = body.value(QLatin1String("total")).toInt();
    m_offset = body.value(QLatin1String("offset")).toInt();
    m_limit = body.value(QLatin1String("limit")).toInt();
    setRows(body.value(QLatin1String("customers")).toArray());
}

QString CustomersModel::rangeText() const
{
    if (rowCount() == 0)
        return m_total > 0 ? tr("None here of %n customer(s)", nullptr, m_total) : tr("No customers");
    return tr("%1–%2 of %n customer(s)", nullptr, m_total).arg(m_offset + 1).arg(m_offset + rowCount());
}

void CustomersModel::setCurrency(const QString &currency)
{
    if (currency == m_currency)
        return;
    m_currency = currency;
    if (rowCount() > 0)
        emit dataChanged(index(0, LifetimeValue), index(rowCount() - 1, LifetimeValue), {Qt::DisplayRole});
}

QString CustomersModel::subscriptionStatus(const QString &status)
{
    if (status == QLatin1String("active"))
        return tr("Active");
    if (status == QLatin1String("paused"))
        return tr("Paused");
    if (status == QLatin1String("cancelled"))
        return tr("Cancelled");
    return status;
}

QStringList CustomersModel::headers() const
{
    return {tr("Name"), tr("E-mail"), tr("Phone"), tr("Tier"), tr("VIP"), tr("Lifetime value")};
}

QString CustomersModel::display(const QJsonObject &c, int column) const
{
    switch (column) {
    case Name:
        return c.contains(QLatin1String("erasedAt")) ? tr("(erased)") : c.value(QLatin1String("name")).toString();
    case Email:
        return c.value(QLatin1String("email")).toString();
    case Phone:
        return c.value(QLatin1String("phone")).toString();
    case Tier:
        return display::enumLabel(c.value(QLatin1String("tier")).toString());
    case Vip:
        return c.value(QLatin1String("isVIP")).toBool() ? tr("VIP") : QString();
    case LifetimeValue:
        return display::money(c.value(QLatin1String("lifetimeValue")).toDouble(), m_currency);
    }
    return {};
}

QStringList CustomerSessionsModel::headers() const
{
    return {tr("Started"), tr("Status"), tr("Tier"), tr("Channel"), tr("Issue")};
}

QString CustomerSessionsModel::display(const QJsonObject &s, int column) const
{
    switch (column) {
    case Created:
        return localTime(s.value(QLatin1String("createdAt")));
    case Status:
        return display::enumLabel(s.value(QLatin1String("status")).toString());
    case Tier:
        return display::tierLabel(s.value(QLatin1String("currentTier")).toString());
    case Channel:
        return display::titleCase(s.value(QLatin1String("channel")).toString());
    case Issue: {
        const QString summary = s.value(QLatin1String("issueSummary")).toString();
        return summary.isEmpty() ? display::enumLabel(s.value(QLatin1String("issueCategory")).toString()) : summary;
    }
    }
    return {};
}

} // namespace tierdesk::ui
