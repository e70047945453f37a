#include "ui/views/NextConversation.h"

#include "ui/models/QueueModel.h"

#include <QAbstractProxyModel>

namespace tierdesk::ui {

QString NextConversation::firstOf(const QAbstractItemModel &rows, const QString &resolvedId, const QString &holder)
{
    for (int row = 0; row < rows.rowCount(); ++row) {
        const QModelIndex i = rows.index(row, 0);
        const QString id = i.data(QueueModel::SessionIdRole).toString();
        if (id != resolvedId && i.data(QueueModel::AssigneeIdRole).toString() == holder)
            return id;
    }
    return {};
}

QString NextConversation::after(const QAbstractItemModel &rows, const QString &resolvedId, const QString &agentId)
{
    for (const QAbstractItemModel *model = &rows; model;) {
        if (!agentId.isEmpty())
            if (const QString mine = firstOf(*model, resolvedId, agentId); !mine.isEmpty())
                return mine;
        if (const QString free = firstOf(*model, resolvedId, QString()); !free.isEmpty())
            return free;
        const auto *proxy = qobject_cast<const QAbstractProxyModel *>(model);
        model = proxy ? proxy->sourceModel() : nullptr;
    }
    return {};
}

} // namespace tierdesk::ui
