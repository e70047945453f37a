#pragma once

#include "ui/models/JsonRowsModel.h"

namespace tierdesk::ui {

// The company's agents as GET /api/cs/agents?includeInactive=true lists them (admins).
class AgentsModel : public JsonRowsModel {
    Q_OBJECT

public:
    enum Column { Name, Email, Role, Queues, Status, ColumnCount };
    using JsonRowsModel::JsonRowsModel;
    bool isActive(int row) const { return this->row(row).value(QLatin1String("active")).toBool(true); }

protected:
    QStringList headers() const override;
    QString display(const QJsonObject &row, int column) const override;
    bool dimmed(const QJsonObject &row) const override { return !row.value(QLatin1String("active")).toBool(true); }
};

} // namespace tierdesk::ui
