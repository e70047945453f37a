#include "ui/models/QueueFilterModel.h"

#include "ui/models/QueueModel.h"

namespace tierdesk::ui {

QueueFilterModel::QueueFilterModel(QObject *parent) : QSortFilterProxyModel(parent)
{
    setSortRole(QueueModel::SortRole);
    setDynamicSortFilter(true);
}

void QueueFilterModel::setQueue(const QString &queue)
{
    if (queue == m_queue)
        return;
    m_queue = queue;
    refilter();
}

void QueueFilterModel::setPriority(const QString &priority)
{
    if (priority == m_priority)
        return;
    m_priority = priority;
    refilter();
}

void QueueFilterModel::setChannel(const QString &channel)
{
    if (channel == m_channel)
        return;
    m_channel = channel;
    refilter();
}

void QueueFilterModel::setMineOnly(bool on)
{
    if (on == m_mine)
        return;
    m_mine = on;
    refilter();
}

void QueueFilterModel::setUnassignedOnly(bool on)
{
    if (on == m_unassigned)
        return;
    m_unassigned = on;
    refilter();
}

void QueueFilterModel::setSearchText(const QString &text)
{
    const QString clean = text.trimmed().toLower();
    if (clean == m_search)
        return;
    m_search = clean;
    refilter();
}

void QueueFilterModel::setAgentId(const QString &agentId)
{
    if (agentId == m_agentId)
        return;
    m_agentId = agentId;
    if (m_mine)
        refilter();
}

void QueueFilterModel::refilter()
{
    // Qt 6.4 has no begin/endFilterChange; invalidateFilter keeps the sort.
    invalidateFilter();
}

bool QueueFilterModel::filterAcceptsRow(int sourceRow, const QModelIndex &sourceParent) const
{
    const QModelIndex i = sourceModel()->index(sourceRow, 0, sourceParent);
    if (!m_queue.isEmpty() && i.data(QueueModel::QueueRole).toString() != m_queue)
        return false;
    if (!m_priority.isEmpty() && i.data(QueueModel::PriorityRole).toString() != m_priority)
        return false;
    if (!m_channel.isEmpty() && i.data(QueueModel::ChannelRole).toString() != m_channel)
        return false;
    const QString assignee = i.data(QueueModel::AssigneeIdRole).toString();
    if (m_unassigned && !assignee.isEmpty())
        return false;
    if (m_mine && (m_agentId.isEmpty() || assignee != m_agentId))
        return false;
    if (!m_search.isEmpty()) {
        const QString text = i.data(QueueModel::SearchTextRole).toString();
        const QStringList words = m_search.split(QLatin1Char(' '), Qt::SkipEmptyParts);
        for (const QString &w : words)
            if (!text.contains(w))
                return false;
    }
    return true;
}

bool QueueFilterModel::lessThan(const QModelIndex &left, const QModelIndex &right) const
{
    const QVariant a = left.data(QueueModel::SortRole);
    const QVariant b = right.data(QueueModel::SortRole);
    if (a.typeId() == QMetaType::QString || b.typeId() == QMetaType::QString)
        return QString::localeAwareCompare(a.toString(), b.toString()) < 0;
    return a.toLongLong() < b.toLongLong();
}

} // namespace tierdesk::ui
