#pragma once

#include "ui/models/JsonRowsModel.h"

namespace tierdesk::ui {

// A company's connectors as GET /api/cs/connectors lists them (keyed by name): what each is,
// serves and reaches, how it signs in (never its secret, only whether one is kept).
class ConnectorsModel : public JsonRowsModel {
    Q_OBJECT

public:
    enum Column { Name, Kind, Purposes, Url, Auth, Secret, Created, ColumnCount };
    explicit ConnectorsModel(QObject *parent = nullptr) : JsonRowsModel(parent, QStringLiteral("name")) { }
    // The names of the connectors serving `purpose`.
    QStringList serving(const QString &purpose) const;

    // The words the console uses for a kind, a purpose and an auth type.
    static QString kindLabel(const QString &kind);
    static QString purposeLabel(const QString &purpose);
    static QString authLabel(const QString &type);

protected:
    QStringList headers() const override;
    QString display(const QJsonObject &row, int column) const override;
};

} // namespace tierdesk::ui
