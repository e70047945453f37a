#pragma once

#include "ui/client/ApiReply.h"

#include <QHash>
#include <QObject>
#include <QStringList>

#include <functional>

namespace tierdesk::ui {

// One API call for each of several sessions (a supervisor's bulk action), one after the
// other so the server and the live events keep their order; counts what succeeded and
// keeps why each other one failed. Deletes itself after finished().
class BulkRun : public QObject {
    Q_OBJECT

public:
    using Call = std::function<ApiReply *(const QString &sessionId)>;

    // `labels`: how the report names each session (the customer), by session id.
    BulkRun(const QStringList &sessionIds, const QHash<QString, QString> &labels, Call call, QObject *parent = nullptr);
    void start();

    // "3 of 4 resolved; 1 failed: Ben Ortiz: held by Ann" from the counts and failures.
    static QString report(const QString &doneOfTotal, const QStringList &failures);

signals:
    // failures: "<customer or session>: <why>" for each call that failed.
    void finished(int succeeded, const QStringList &failures);

private:
    void next();

    QStringList m_ids;
    QHash<QString, QString> m_labels;
    Call m_call;
    int m_at = 0;
    int m_succeeded = 0;
    QStringList m_failures;
};

} // namespace tierdesk::ui
