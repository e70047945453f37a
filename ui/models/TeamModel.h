#pragma once

#include "ui/models/JsonRowsModel.h"

namespace tierdesk::ui {

// The people of the company from GET /api/cs/desk/overview ("agents"): presence and the
// sessions each holds, as Twilio Flex's teams view shows them.
class TeamModel : public JsonRowsModel
{
    Q_OBJECT

public:
    enum Column { Name, Role, Presence, Sessions, Holding, ColumnCount };
    enum DataRole { AgentIdRole = Qt::UserRole + 1, PresenceRole };

    explicit TeamModel(QObject *parent = nullptr) : JsonRowsModel(QStringLiteral("id"), ColumnCount, parent) {}

    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;

    static QString presenceWord(const QString &presence);  // "Available"
    static QString presenceLabel(const QString &presence); // "● Available"
};

} // namespace tierdesk::ui
