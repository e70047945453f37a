#include "ui/models/ReasonSessionsModel.h"

#include "ui/models/CustomerLabel.h"
#include "ui/models/Display.h"

namespace tierdesk::ui {

QStringList ReasonSessionsModel::headers() const
{
    return {tr("Started"), tr("Customer"), tr("Channel"), tr("Status"), tr("Tier")};
}

QString ReasonSessionsModel::display(const QJsonObject &s, int column) const
{
    switch (column) {
    case Started:
        return localTime(s.value(QLatin1String("createdAt")));
    case Customer:
        // A summary names its customer by id only: a web visitor's reads "Web visitor 029e7c".
        return CustomerLabel::of(QJsonObject{{QStringLiteral("id"), s.value(QLatin1String("customerId"))}});
    case Channel:
        return display::titleCase(s.value(QLatin1String("channel")).toString());
    case Status:
        return display::enumLabel(s.value(QLatin1String("status")).toString());
    case Tier:
        return display::tierLabel(s.value(QLatin1String("currentTier")).toString());
    }
    return {};
}

} // namespace tierdesk::ui
