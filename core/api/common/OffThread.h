#pragma once

#include <QFutureWatcher>
#include <QThreadPool>
#include <QtConcurrent/QtConcurrentRun>

namespace tierdesk::api {

// Runs `work` on `pool` and `done(result)` back on `context`'s thread (for slow
// work a request waits for: password hashes, the secret store).
template <typename T, typename Work, typename Done>
void offThread(QObject *context, QThreadPool &pool, Work work, Done done)
{
    auto *watcher = new QFutureWatcher<T>(context);
    QObject::connect(watcher, &QFutureWatcherBase::finished, context, [watcher, done] {
        watcher->deleteLater();
        done(watcher->result());
    });
    watcher->setFuture(QtConcurrent::run(&pool, std::move(work)));
}

} // namespace tierdesk::api
