#pragma once

#include "ui/models/JsonRowsModel.h"

namespace tierdesk::ui {

// API tokens as GET /api/cs/tokens lists them: their records, never the tokens.
class TokensModel : public JsonRowsModel {
    Q_OBJECT

public:
    enum Column { Name, Role, Created, Expires, Status, ColumnCount };
    using JsonRowsModel::JsonRowsModel;
    bool isRevoked(int row) const { return this->row(row).value(QLatin1String("revoked")).toBool(); }

protected:
    QStringList headers() const override;
    QString display(const QJsonObject &row, int column) const override;
    bool dimmed(const QJsonObject &row) const override { return row.value(QLatin1String("revoked")).toBool(); }
};

} // namespace tierdesk::ui
