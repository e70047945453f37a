#include "ui/models/ConfigHistoryModel.h"

#include "ui/models/Display.h"

#include <QDateTime>
#include <QJsonDocument>

namespace tierdesk::ui {

ConfigHistoryModel::ConfigHistoryModel(QObject *parent) : JsonRowsModel(parent, QStringLiteral("key")) { }

void ConfigHistoryModel::setAuditEntries(const QJsonArray &entries)
{
    QJsonArray rows;
    int n = 0;
    for (const QJsonValue &v : entries) {
        const QJsonObject e = v.toObject();
        if (e.value(QLatin1String("action")).toString() != QLatin1String("config.update"))
            continue;
        ++n;
        const QJsonObject details = e.value(QLatin1String("details")).toObject();
        QJsonArray changes = details.value(QLatin1String("changes")).toArray();
        if (changes.isEmpty()) // older entries hold only the request's body
            changes.append(QJsonObject{{QStringLiteral("path"), tr("(request)")},
                {QStringLiteral("after"), details.value(QLatin1String("patch"))}});
        for (const QJsonValue &c : changes) {
            QJsonObject row = c.toObject();
            row.insert(
                QStringLiteral("key"), QStringLiteral("%1/%2").arg(n).arg(row.value(QLatin1String("path")).toString()));
            row.insert(QStringLiteral("timestamp"), e.value(QLatin1String("timestamp")));
            row.insert(QStringLiteral("actor"), e.value(QLatin1String("actor")));
            row.insert(QStringLiteral("actorName"), e.value(QLatin1String("actorName")));
            rows.append(row);
        }
    }
    setRows(rows);
}

QString ConfigHistoryModel::valueText(const QJsonValue &v)
{
    switch (v.type()) {
    case QJsonValue::Null:
    case QJsonValue::Undefined:
        return QStringLiteral("—");
    case QJsonValue::Bool:
        return v.toBool() ? tr("yes") : tr("no");
    case QJsonValue::Double:
        return QString::number(v.toDouble());
    case QJsonValue::String:
        return v.toString().isEmpty() ? tr("(empty)") : v.toString();
    case QJsonValue::Array:
        return QString::fromUtf8(QJsonDocument(v.toArray()).toJson(QJsonDocument::Compact));
    case QJsonValue::Object:
        return QString::fromUtf8(QJsonDocument(v.toObject()).toJson(QJsonDocument::Compact));
    }
    return {};
}

QString ConfigHistoryModel::display(const QJsonObject &r, int column) const
{
    switch (column) {
    case When: {
        const qint64 ms = display::parseTime(r.value(QLatin1String("timestamp")).toString());
        return display::dateTimeOfMs(ms);
    }
    case Who: // an agent's name; a token's or the command line's subject as it is
        return r.value(QLatin1String("actorName")).toString(r.value(QLatin1String("actor")).toString());
    case Field:
        return r.value(QLatin1String("path")).toString();
    case Before:
        return valueText(r.value(QLatin1String("before")));
    case After:
        return valueText(r.value(QLatin1String("after")));
    }
    return {};
}

// A long value is read in full in its tooltip.
QVariant ConfigHistoryModel::data(const QModelIndex &index, int role) const
{
    if (role == Qt::ToolTipRole)
        return JsonRowsModel::data(index, Qt::DisplayRole);
    return JsonRowsModel::data(index, role);
}

QStringList ConfigHistoryModel::headers() const
{
    return {tr("When"), tr("Who"), tr("Field"), tr("Before"), tr("After")};
}

} // namespace tierdesk::ui
