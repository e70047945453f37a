#pragma once

#include "ui/models/JsonRowsModel.h"

namespace tierdesk::ui {

// The people of the company from GET /api/cs/desk/overview ("agents"): presence, the
// sessions each holds against their capacity and the room left for automatic assignment,
// as Twilio Flex's teams view shows them.
class TeamModel : public JsonRowsModel {
    Q_OBJECT

public:
    enum Column { Name, Role, Presence, Sessions, Room, Holding, ColumnCount };
    // The agent's id is IdRole.
    enum OwnRole { PresenceRole = FirstOwnRole };

    using JsonRowsModel::JsonRowsModel;

    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;

    static QString presenceWord(const QString &presence); // "Available"
    static QString presenceLabel(const QString &presence); // "● Available"
    // "2 of 3" (open conversations against capacity); the count alone without a capacity.
    static QString load(int open, int capacity);

protected:
    QStringList headers() const override;
    QString display(const QJsonObject &row, int column) const override;
};

} // namespace tierdesk::ui
