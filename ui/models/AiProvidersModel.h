#pragma once

#include "ui/models/JsonRowsModel.h"

namespace tierdesk::ui {

// A company's language-model providers as GET /api/cs/ai/providers lists them (keyed by
// name): never their keys, only whether one is kept.
class AiProvidersModel : public JsonRowsModel {
    Q_OBJECT

public:
    enum Column { Name, Kind, BaseUrl, Key, Timeout, Prices, Created, ColumnCount };
    explicit AiProvidersModel(QObject *parent = nullptr) : JsonRowsModel(parent, QStringLiteral("name")) { }
    QStringList names() const;

protected:
    QStringList headers() const override;
    QString display(const QJsonObject &row, int column) const override;
};

} // namespace tierdesk::ui
