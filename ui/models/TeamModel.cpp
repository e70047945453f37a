#include "ui/models/TeamModel.h"

#include "ui/models/Display.h"

#include <QBrush>
#include <QColor>

namespace tierdesk::ui {

QString TeamModel::presenceWord(const QString &presence)
{
    if (presence == QLatin1String("available"))
        return tr("Available");
    if (presence == QLatin1String("away"))
        return tr("Away");
    return tr("Offline");
}

QString TeamModel::presenceLabel(const QString &presence)
{
    const QString mark = presence == QLatin1String("available") ? QStringLiteral("●")
                         : presence == QLatin1String("away")    ? QStringLiteral("◐")
                                                                : QStringLiteral("○");
    return mark + QLatin1Char(' ') + presenceWord(presence);
}

QVariant TeamModel::data(const QModelIndex &index, int role) const
{
    if (!index.isValid() || index.row() >= rowCount())
        return {};
    const QJsonObject &a = rows().at(index.row());
    const QJsonArray sessions = a.value(QLatin1String("sessions")).toArray();
    const QString presence = a.value(QLatin1String("presence")).toString();
    switch (role) {
    case AgentIdRole: return a.value(QLatin1String("id")).toString();
    case PresenceRole: return presence;
    case Qt::DisplayRole:
        switch (index.column()) {
        case Name: return a.value(QLatin1String("name")).toString();
        case Role: return display::titleCase(a.value(QLatin1String("role")).toString());
        case Presence: return presenceLabel(presence);
        case Sessions: return int(sessions.size());
        case Holding: {
            QStringList names;
            for (const QJsonValue &s : sessions)
                names << s.toObject().value(QLatin1String("customerName")).toString();
            return names.join(QStringLiteral(", "));
        }
        }
        return {};
    case Qt::ForegroundRole:
        if (index.column() == Presence)
            return QBrush(presence == QLatin1String("available") ? QColor(0x1e, 0x7b, 0x45)
                          : presence == QLatin1String("away")    ? QColor(0x8a, 0x55, 0x00)
                                                                 : QColor(0x5f, 0x6b, 0x7a));
        return {};
    case Qt::TextAlignmentRole:
        return index.column() == Sessions ? QVariant(int(Qt::AlignRight | Qt::AlignVCenter)) : QVariant();
    default: return {};
    }
}

QVariant TeamModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return {};
    switch (section) {
    case Name: return tr("Agent");
    case Role: return tr("Role");
    case Presence: return tr("Presence");
    case Sessions: return tr("Sessions");
    case Holding: return tr("Holding");
    }
    return {};
}

} // namespace tierdesk::ui
