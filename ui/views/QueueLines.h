#pragma once

#include <QJsonArray>
#include <QString>

namespace tierdesk::ui {

// desk.queues as the configuration form edits them: one queue per line,
// "orders: SHIPPING, REFUND <orders@example.com>" (a name, its categories, its mailbox).
struct QueueLines {
    static QString text(const QJsonArray &queues);
    // Blank lines are skipped; what is not understood is left for the validator to judge.
    static QJsonArray parse(const QString &text);
};

} // namespace tierdesk::ui
