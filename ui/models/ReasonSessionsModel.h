#pragma once

#include "ui/models/JsonRowsModel.h"

namespace tierdesk::ui {

// The sessions of one reason for contact as GET /api/cs/sessions?reason= lists them (session
// summaries, newest first): when each started, its customer, channel, status and tier.
class ReasonSessionsModel : public JsonRowsModel {
    Q_OBJECT

public:
    enum Column { Started, Customer, Channel, Status, Tier, ColumnCount };

    explicit ReasonSessionsModel(QObject *parent = nullptr) : JsonRowsModel(parent) { }

protected:
    QStringList headers() const override;
    QString display(const QJsonObject &row, int column) const override;
};

} // namespace tierdesk::ui
