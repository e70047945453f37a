#pragma once

#include <QString>

class QAbstractItemModel;

namespace tierdesk::ui {

// After a resolve, the conversation to go on with: in the queue's order as shown, the first one
// the person holds, else the first nobody holds; never one a colleague holds. When the shown
// (filtered) queue has none, the whole queue is asked.
class NextConversation {
public:
    // `rows` has QueueModel's roles (the model, or a proxy of it); "" when nothing is left.
    static QString after(const QAbstractItemModel &rows, const QString &resolvedId, const QString &agentId);

private:
    static QString firstOf(const QAbstractItemModel &rows, const QString &resolvedId, const QString &holder);
};

} // namespace tierdesk::ui
