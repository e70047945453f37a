#pragma once

#include "ui/models/JsonRowsModel.h"

namespace tierdesk::ui {

// The company's agents as GET /api/cs/agents?includeInactive=true lists them (admins).
class AgentsModel : public JsonRowsModel {
    Q_OBJECT

public:
    enum Column { Name, Email, Role, Queues, Capacity, SecondFactor, Status, ColumnCount };
    using JsonRowsModel::JsonRowsModel;
    bool isActive(int row) const { return this->row(row).value(QLatin1String("active")).toBool(true); }
    // How many conversations automatic assignment gives them at once (the server's default 3).
    int capacity(int row) const { return this->row(row).value(QLatin1String("capacity")).toInt(3); }
    bool hasSecondFactor(int row) const
    {
        return this->row(row).value(QLatin1String("mfa")).toObject().value(QLatin1String("enabled")).toBool();
    }

protected:
    QStringList headers() const override;
    QString display(const QJsonObject &row, int column) const override;
    bool dimmed(const QJsonObject &row) const override { return !row.value(QLatin1String("active")).toBool(true); }
};

} // namespace tierdesk::ui
