#pragma once

#include "ui/models/JsonRowsModel.h"

namespace tierdesk::ui {

// A company's canned responses as GET /api/cs/canned-responses lists them (by shortcut).
class CannedResponsesModel : public JsonRowsModel {
    Q_OBJECT

public:
    enum Column { Shortcut, Title, Content, Updated, ColumnCount };
    using JsonRowsModel::JsonRowsModel;

protected:
    QStringList headers() const override;
    QString display(const QJsonObject &row, int column) const override;
};

} // namespace tierdesk::ui
