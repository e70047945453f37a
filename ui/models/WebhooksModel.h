#pragma once

#include "ui/models/JsonRowsModel.h"

namespace tierdesk::ui {

// Registered webhooks as GET /api/cs/webhooks lists them.
class WebhooksModel : public JsonRowsModel {
    Q_OBJECT

public:
    enum Column { Url, Events, Created, ColumnCount };
    using JsonRowsModel::JsonRowsModel;

protected:
    QStringList headers() const override;
    QString display(const QJsonObject &row, int column) const override;
};

// Recent deliveries of one webhook ("deliveries" of GET /api/cs/webhooks), newest first.
class DeliveriesModel : public JsonRowsModel {
    Q_OBJECT

public:
    enum Column { Event, State, Attempts, LastStatus, Created, ColumnCount };
    using JsonRowsModel::JsonRowsModel;

protected:
    QStringList headers() const override;
    QString display(const QJsonObject &row, int column) const override;
};

} // namespace tierdesk::ui
