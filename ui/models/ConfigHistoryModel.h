#pragma once

#include "ui/models/JsonRowsModel.h"

namespace tierdesk::ui {

// The history of a company's config from GET /api/cs/audit: one row per changed field
// of each accepted PUT /config (who, when, the field, its value before and after).
class ConfigHistoryModel : public JsonRowsModel {
    Q_OBJECT

public:
    enum Column { When, Who, Field, Before, After, ColumnCount };

    explicit ConfigHistoryModel(QObject *parent = nullptr);
    // The audit answer's "entries" (newest first); only config changes are kept.
    void setAuditEntries(const QJsonArray &entries);

    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;

    static QString valueText(const QJsonValue &v);

protected:
    QStringList headers() const override;
    QString display(const QJsonObject &row, int column) const override;
};

} // namespace tierdesk::ui
