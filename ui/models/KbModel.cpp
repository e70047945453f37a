#include "ui/models/KbModel.h"

#include "ui/models/Display.h"
#include "ui/models/KbSourcesModel.h"

#include <QDateTime>

namespace tierdesk::ui {

QVariant KbModel::data(const QModelIndex &index, int role) const
{
    if (!index.isValid() || index.row() >= m_rows.size())
        return {};
    const QJsonObject &a = m_rows.at(index.row());
    switch (role) {
    case IdRole:
        return a.value(QLatin1String("id")).toInteger();
    case SummaryRole:
        return a;
    case Qt::ToolTipRole: // the page or file an imported article came from
        if (index.column() == Source)
            return a.value(QLatin1String("source")).toObject().value(QLatin1String("url")).toString();
        return a.value(QLatin1String("excerpt")).toString();
    case Qt::DisplayRole:
        switch (index.column()) {
        case Title:
            return a.value(QLatin1String("title")).toString();
        case Category:
            return display::enumLabel(a.value(QLatin1String("category")).toString());
        case Source: {
            const QString kind = a.value(QLatin1String("source")).toObject().value(QLatin1String("kind")).toString();
            if (kind.isEmpty())
                return tr("Company");
            const QString label = KbSourcesModel::kindLabel(kind);
            return a.value(QLatin1String("edited")).toBool() ? tr("%1, edited").arg(label) : label;
        }
        case Updated: {
            const qint64 at = display::parseTime(a.value(QLatin1String("updatedAt")).toString());
            return at > 0 ? display::date(QDateTime::fromMSecsSinceEpoch(at).date()) : QString();
        }
        }
        return {};
    default:
        return {};
    }
}

QVariant KbModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return {};
    switch (section) {
    case Title:
        return tr("Title");
    case Category:
        return tr("Category");
    case Source:
        return tr("Source");
    case Updated:
        return tr("Updated");
    }
    return {};
}

void KbModel::setArticles(const QJsonArray &articles)
{
    beginResetModel();
    m_rows.clear();
    for (const QJsonValue &v : articles)
        m_rows << v.toObject();
    endResetModel();
}

int KbModel::rowOf(qint64 id) const
{
    for (int i = 0; i < m_rows.size(); ++i)
        if (m_rows.at(i).value(QLatin1String("id")).toInteger() == id)
            return i;
    return -1;
}

} // namespace tierdesk::ui
