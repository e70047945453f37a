#pragma once

#include <QAbstractTableModel>
#include <QJsonArray>
#include <QJsonObject>
#include <QList>

namespace tierdesk::ui {

// The memberships a company sells (its config's policies.plans), edited in place in Settings ›
// Company: id, name, price (in the company's currency), "month" or "year", and a return window of
// the plan's own (empty: the company's). The model keeps what is typed; the server judges it.
class PlansModel : public QAbstractTableModel {
    Q_OBJECT

public:
    enum Column { Id, Name, Price, Interval, ReturnWindow, ColumnCount };

    explicit PlansModel(QObject *parent = nullptr) : QAbstractTableModel(parent) { }

    void setPlans(const QJsonArray &plans);
    QJsonArray plans() const;
    // The currency (ISO 4217) prices are shown in; "USD" until set.
    void setCurrency(const QString &currency);
    // A new plan at the end ("month", price 0), its row.
    int addPlan();
    void removePlan(int row);

    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    bool setData(const QModelIndex &index, const QVariant &value, int role = Qt::EditRole) override;
    Qt::ItemFlags flags(const QModelIndex &index) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;

    // "per month" / "per year" in the console's language.
    static QString intervalLabel(const QString &interval);

private:
    QVariant display(const QJsonObject &plan, int column) const;
    QVariant edit(const QJsonObject &plan, int column) const;

    QList<QJsonObject> m_plans;
    QString m_currency = QStringLiteral("USD");
};

} // namespace tierdesk::ui
