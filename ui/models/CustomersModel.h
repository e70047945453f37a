#pragma once

#include "ui/models/JsonRowsModel.h"

namespace tierdesk::ui {

// One page of the company's customers as GET /api/cs/customers answers it (ordered by name,
// then id), with where the page lies in the whole result: "1–50 of 123".
class CustomersModel : public JsonRowsModel {
    Q_OBJECT

public:
    enum Column { Name, Email, Phone, Tier, Vip, LifetimeValue, ColumnCount };

    explicit CustomersModel(QObject *parent = nullptr) : JsonRowsModel(parent) { }

    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;

    // Replaces the rows with a list answer's "customers" and keeps its total, limit and offset.
    void setPage(const QJsonObject &body);
    int total() const { return m_total; }
    int offset() const { return m_offset; }
    int limit() const { return m_limit; }
    bool hasPrevious() const { return m_offset > 0; }
    bool hasNext() const { return m_offset + rowCount() < m_total; }
    // "1–50 of 123", or "No customers".
    QString rangeText() const;

    // The company's currency (ISO 4217) the lifetime values are in; "USD" until set.
    void setCurrency(const QString &currency);
    // A subscription's status ("active", "paused", "cancelled") in the console's language.
    static QString subscriptionStatus(const QString &status);

protected:
    QStringList headers() const override;
    QString display(const QJsonObject &row, int column) const override;
    bool dimmed(const QJsonObject &row) const override { return row.contains(QLatin1String("erasedAt")); }

private:
    int m_total = 0;
    int m_offset = 0;
    int m_limit = 0;
    QString m_currency = QStringLiteral("USD");
};

// A customer's conversations as GET /api/cs/sessions?customerId= lists them, newest first.
class CustomerSessionsModel : public JsonRowsModel {
    Q_OBJECT

public:
    enum Column { Created, Status, Tier, Channel, Issue, ColumnCount };

    explicit CustomerSessionsModel(QObject *parent = nullptr) : JsonRowsModel(parent) { }

protected:
    QStringList headers() const override;
    QString display(const QJsonObject &row, int column) const override;
};

} // namespace tierdesk::ui
