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
        : presence == QLatin1String("away")                     ? QStringLiteral("◐")
                                                                : QStringLiteral("○");
    return mark + QLatin1Char(' ') + presenceWord(presence);
}

QString TeamModel::load(int open, int capacity)
{
    return capacity > 0 ? tr("%1 of %2").arg(open).arg(capacity) : QString::number(open);
}

QString TeamModel::display(const QJsonObject &a, int column) const
{
    const QJsonArray sessions = a.value(QLatin1String("sessions")).toArray();
    switch (column) {
    case Name:
        return a.value(QLatin1String("name")).toString();
    case Role:
        return display::titleCase(a.value(QLatin1String("role")).toString());
    case Presence:
        return presenceLabel(a.value(QLatin1String("presence")).toString());
    case Sessions:
        return load(int(sessions.size()), a.value(QLatin1String("capacity")).toInt());
    case Room: {
        const QJsonValue room = a.value(QLatin1String("room"));
        if (!room.isDouble())
            return QStringLiteral("—");
        return room.toInt() > 0 ? QString::number(room.toInt()) : tr("Full");
    }
    case Holding: {
        QStringList names;
        for (const QJsonValue &s : sessions)
            names << s.toObject().value(QLatin1String("customerName")).toString();
        return names.join(QStringLiteral(", "));
    }
    }
    return {};
}

QVariant TeamModel::data(const QModelIndex &index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return {};
    const QString presence = rows().at(index.row()).value(QLatin1String("presence")).toString();
    switch (role) {
    case PresenceRole:
        return presence;
    case Qt::ForegroundRole:
        if (index.column() == Presence)
            return QBrush(presence == QLatin1String("available") ? QColor(0x1e, 0x7b, 0x45)
                    : presence == QLatin1String("away")          ? QColor(0x8a, 0x55, 0x00)
                                                                 : QColor(0x5f, 0x6b, 0x7a));
        if (index.column() == Room && rows().at(index.row()).value(QLatin1String("room")) == QJsonValue(0))
            return QBrush(QColor(0x8a, 0x55, 0x00));
        return {};
    case Qt::TextAlignmentRole:
        return index.column() == Sessions || index.column() == Room ? QVariant(int(Qt::AlignRight | Qt::AlignVCenter))
                                                                    : QVariant();
    case Qt::ToolTipRole:
        if (index.column() == Sessions || index.column() == Room)
            return tr("Open conversations against capacity: automatic assignment gives a person new "
                      "conversations only while they have room.");
        return JsonRowsModel::data(index, role);
    default:
        return JsonRowsModel::data(index, role);
    }
}

QStringList TeamModel::headers() const
{
    return {tr("Agent"), tr("Role"), tr("Presence"), tr("Open / capacity"), tr("Room"), tr("Holding")};
}

} // namespace tierdesk::ui
