#include "ui/models/KbSourcesModel.h"

#include "ui/models/Display.h"

namespace tierdesk::ui {
namespace {

QString sourceTime(const QJsonObject &s, const char *key)
{
    return display::dateTimeOfMs(display::parseTime(s.value(QLatin1String(key)).toString()));
}

} // namespace

QString KbSourcesModel::kindLabel(const QString &kind)
{
    if (kind == QLatin1String("website"))
        return tr("Website");
    if (kind == QLatin1String("zendesk"))
        return tr("Zendesk Help Center");
    if (kind == QLatin1String("file"))
        return tr("File");
    return kind;
}

QString KbSourcesModel::statusLabel(const QJsonObject &s)
{
    const QString status = s.value(QLatin1String("status")).toString();
    const QJsonObject progress = s.value(QLatin1String("progress")).toObject();
    if (status == QLatin1String("queued"))
        return tr("Queued");
    if (status == QLatin1String("running"))
        return tr("Running: %1 of %2 pages")
            .arg(progress.value(QLatin1String("fetched")).toInt())
            .arg(progress.value(QLatin1String("found")).toInt());
    if (status == QLatin1String("done"))
        return tr("Done");
    if (status == QLatin1String("failed"))
        return tr("Failed");
    return status;
}

QVariant KbSourcesModel::data(const QModelIndex &index, int role) const
{
    if (!index.isValid() || index.row() >= m_rows.size())
        return {};
    const QJsonObject &s = m_rows.at(index.row());
    if (role == IdRole)
        return s.value(QLatin1String("id")).toInteger();
    if (role == SourceRole)
        return s;
    if (role == Qt::ToolTipRole && index.column() == Address)
        return s.value(QLatin1String("url")).toString();
    if (role == Qt::TextAlignmentRole && index.column() >= Imported)
        return int(Qt::AlignRight | Qt::AlignVCenter);
    if (role != Qt::DisplayRole)
        return {};
    switch (index.column()) {
    case Kind:
        return kindLabel(s.value(QLatin1String("kind")).toString());
    case Address:
        return s.value(QLatin1String("url")).toString();
    case Status:
        return statusLabel(s);
    case LastSync:
        return sourceTime(s, "lastSyncAt");
    case NextSync: // 0 hours: synced only when asked
        return s.value(QLatin1String("syncHours")).toInt() == 0 ? tr("when asked") : sourceTime(s, "nextSyncAt");
    case Imported:
        return s.value(QLatin1String("imported")).toInt();
    case Updated:
        return s.value(QLatin1String("updated")).toInt();
    case Removed:
        return s.value(QLatin1String("removed")).toInt();
    }
    return {};
}

QVariant KbSourcesModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return {};
    switch (section) {
    case Kind:
        return tr("Kind");
    case Address:
        return tr("Address");
    case Status:
        return tr("Status");
    case LastSync:
        return tr("Last sync");
    case NextSync:
        return tr("Next sync");
    case Imported:
        return tr("Imported");
    case Updated:
        return tr("Updated");
    case Removed:
        return tr("Removed");
    }
    return {};
}

void KbSourcesModel::setSources(const QJsonArray &sources)
{
    beginResetModel();
    m_rows.clear();
    for (const QJsonValue &v : sources)
        m_rows << v.toObject();
    endResetModel();
}

void KbSourcesModel::updateSource(const QJsonObject &source)
{
    const int row = rowOf(source.value(QLatin1String("id")).toInteger());
    if (row < 0)
        return;
    m_rows[row] = source;
    emit dataChanged(index(row, 0), index(row, ColumnCount - 1));
}

int KbSourcesModel::rowOf(qint64 id) const
{
    for (int i = 0; i < m_rows.size(); ++i)
        if (m_rows.at(i).value(QLatin1String("id")).toInteger() == id)
            return i;
    return -1;
}

} // namespace tierdesk::ui
