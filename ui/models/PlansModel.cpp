#include "ui/models/PlansModel.h"

#include "ui/models/Display.h"

namespace tierdesk::ui {
namespace {

const QString kPlanId = QStringLiteral("id");
const QString kPlanName = QStringLiteral("name");
const QString kPlanPrice = QStringLiteral("price");
const QString kPlanInterval = QStringLiteral("interval");
const QString kPlanWindow = QStringLiteral("returnWindowDays");

} // namespace

void PlansModel::setPlans(const QJsonArray &plans)
{
    beginResetModel();
    m_plans.clear();
    for (const QJsonValue &p : plans)
        m_plans << p.toObject();
    endResetModel();
}

QJsonArray PlansModel::plans() const
{
    QJsonArray out;
    for (const QJsonObject &p : m_plans)
        out.append(p);
    return out;
}

void PlansModel::setCurrency(const QString &currency)
{
    if (currency == m_currency)
        return;
    m_currency = currency;
    if (!m_plans.isEmpty())
        emit dataChanged(index(0, Price), index(rowCount() - 1, Price), {Qt::DisplayRole});
}

int PlansModel::addPlan()
{
    const int row = rowCount();
    beginInsertRows({}, row, row);
    m_plans << QJsonObject{
        {kPlanId, QString()}, {kPlanName, QString()}, {kPlanPrice, 0.0}, {kPlanInterval, QStringLiteral("month")}};
    endInsertRows();
    return row;
}

void PlansModel::removePlan(int row)
{
    if (row < 0 || row >= rowCount())
        return;
    beginRemoveRows({}, row, row);
    m_plans.removeAt(row);
    endRemoveRows();
}

int PlansModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : int(m_plans.size());
}

int PlansModel::columnCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

QString PlansModel::intervalLabel(const QString &interval)
{
    return interval == QLatin1String("year") ? tr("per year") : tr("per month");
}

QVariant PlansModel::display(const QJsonObject &plan, int column) const
{
    switch (column) {
    case Id:
        return plan.value(kPlanId).toString();
    case Name:
        return plan.value(kPlanName).toString();
    case Price:
        return display::money(plan.value(kPlanPrice).toDouble(), m_currency);
    case Interval:
        return intervalLabel(plan.value(kPlanInterval).toString());
    case ReturnWindow:
        return plan.contains(kPlanWindow) ? tr("%n day(s)", nullptr, plan.value(kPlanWindow).toInt()) : QString();
    }
    return {};
}

QVariant PlansModel::edit(const QJsonObject &plan, int column) const
{
    switch (column) {
    case Price:
        return plan.value(kPlanPrice).toDouble();
    case Interval:
        return plan.value(kPlanInterval).toString(QStringLiteral("month"));
    case ReturnWindow: // text: empty is "the company's window"
        return plan.contains(kPlanWindow) ? QString::number(plan.value(kPlanWindow).toInt()) : QString();
    default:
        return display(plan, column);
    }
}

QVariant PlansModel::data(const QModelIndex &index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return {};
    const QJsonObject &plan = m_plans.at(index.row());
    if (role == Qt::DisplayRole)
        return display(plan, index.column());
    if (role == Qt::EditRole)
        return edit(plan, index.column());
    if (role == Qt::TextAlignmentRole && (index.column() == Price || index.column() == ReturnWindow))
        return QVariant::fromValue(Qt::AlignRight | Qt::AlignVCenter);
    return {};
}

bool PlansModel::setData(const QModelIndex &index, const QVariant &value, int role)
{
    if (role != Qt::EditRole || !checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return false;
    QJsonObject &plan = m_plans[index.row()];
    switch (index.column()) {
    case Id:
        plan.insert(kPlanId, value.toString().trimmed());
        break;
    case Name:
        plan.insert(kPlanName, value.toString().trimmed());
        break;
    case Price: {
        bool ok = false;
        const double price = value.toDouble(&ok);
        if (!ok)
            return false;
        plan.insert(kPlanPrice, price);
        break;
    }
    case Interval:
        if (value.toString() != QLatin1String("month") && value.toString() != QLatin1String("year"))
            return false;
        plan.insert(kPlanInterval, value.toString());
        break;
    case ReturnWindow: {
        const QString text = value.toString().trimmed();
        bool ok = false;
        const int days = text.toInt(&ok);
        if (text.isEmpty())
            plan.remove(kPlanWindow);
        else if (!ok)
            return false;
        else
            plan.insert(kPlanWindow, days);
        break;
    }
    default:
        return false;
    }
    emit dataChanged(index, index, {Qt::DisplayRole, Qt::EditRole});
    return true;
}

Qt::ItemFlags PlansModel::flags(const QModelIndex &index) const
{
    if (!index.isValid())
        return Qt::NoItemFlags;
    return Qt::ItemIsSelectable | Qt::ItemIsEnabled | Qt::ItemIsEditable;
}

QVariant PlansModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal)
        return QAbstractTableModel::headerData(section, orientation, role);
    if (role == Qt::ToolTipRole && section == ReturnWindow)
        return tr("Days to return an order for the plan's active members; empty: the company's return window");
    if (role != Qt::DisplayRole)
        return {};
    switch (section) {
    case Id:
        return tr("Id");
    case Name:
        return tr("Name");
    case Price:
        return tr("Price");
    case Interval:
        return tr("Billed");
    case ReturnWindow:
        return tr("Return window");
    }
    return {};
}

} // namespace tierdesk::ui
