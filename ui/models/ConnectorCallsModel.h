#pragma once

#include "ui/models/JsonRowsModel.h"

namespace tierdesk::ui {

// A connector's last calls as GET /api/cs/connectors/:name/calls lists them, newest first:
// when, what for, for which session, how it went (no bodies, no secrets).
class ConnectorCallsModel : public JsonRowsModel {
    Q_OBJECT

public:
    enum Column { At, Purpose, Session, Outcome, Status, Latency, Error, ColumnCount };
    explicit ConnectorCallsModel(QObject *parent = nullptr) : JsonRowsModel(parent, QStringLiteral("at")) { }
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;

protected:
    QStringList headers() const override;
    QString display(const QJsonObject &row, int column) const override;
};

} // namespace tierdesk::ui
