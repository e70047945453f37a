#pragma once

#include "ui/models/JsonRowsModel.h"

namespace tierdesk::ui {

// A person's sign-ins as GET /api/cs/auth/sessions lists them: the device, the address, how they
// signed in (password, two steps, single sign-on), when, last seen; this console's is marked.
class SignInSessionsModel : public JsonRowsModel {
    Q_OBJECT

public:
    enum Column { Device, Address, Method, SignedIn, LastSeen, ColumnCount };
    using JsonRowsModel::JsonRowsModel;
    bool isCurrent(int row) const { return this->row(row).value(QLatin1String("current")).toBool(); }
    // "password", "mfa", "oidc" (and what a later server adds) in words.
    static QString methodLabel(const QString &method);
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;

protected:
    QStringList headers() const override;
    QString display(const QJsonObject &row, int column) const override;
};

} // namespace tierdesk::ui
