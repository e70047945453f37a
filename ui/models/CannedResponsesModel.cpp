#include "ui/models/CannedResponsesModel.h"

namespace tierdesk::ui {

QStringList CannedResponsesModel::headers() const
{
    return {tr("Shortcut"), tr("Title"), tr("Text"), tr("Changed")};
}

QString CannedResponsesModel::display(const QJsonObject &row, int column) const
{
    switch (column) {
    case Shortcut:
        return QLatin1Char('/') + row.value(QLatin1String("shortcut")).toString();
    case Title:
        return row.value(QLatin1String("title")).toString();
    case Content: // one line in the table; the editor shows it whole
        return row.value(QLatin1String("content")).toString().simplified();
    case Updated:
        return localTime(row.value(QLatin1String("updatedAt")));
    }
    return {};
}

} // namespace tierdesk::ui
