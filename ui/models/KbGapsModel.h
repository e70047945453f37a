#pragma once

#include "ui/models/JsonRowsModel.h"

namespace tierdesk::ui {

// What customers asked that the knowledge did not answer, as GET /api/cs/kb/gaps groups it: the
// question, how often and in how many conversations, how many went to a person and were resolved
// by one, and when it was last asked. Biggest first, as the server lists them.
class KbGapsModel : public JsonRowsModel {
    Q_OBJECT

public:
    enum Column { Question, Asked, Conversations, ToAPerson, ResolvedByPeople, LastAsked, ColumnCount };
    using JsonRowsModel::JsonRowsModel;

protected:
    QStringList headers() const override;
    QString display(const QJsonObject &row, int column) const override;
};

} // namespace tierdesk::ui
