#pragma once

#include "core/store/Database.h"

#include <QObject>

#include <functional>
#include <vector>

namespace tierdesk {

// Group commit. Writes from many requests share one transaction, each under its
// own savepoint so a failing request undoes only its own part. The transaction
// commits kFlushDelayMs after its first write (or when the batch is full): a
// short wait that lets concurrent requests share the commit, so the pages they
// all touch are written to the log once;
// only then are the requests' replies released, so every acknowledged write is
// on disk while one commit serves many requests.
class WriteBatch : public QObject {
    Q_OBJECT

public:
    static constexpr int kFlushDelayMs = 5;

    explicit WriteBatch(Database &db, int maxPending = 256, QObject *parent = nullptr);
    ~WriteBatch() override;

    // Runs `work` inside the open batch; returns its result. On false (or if a
    // savepoint cannot be taken) everything `work` wrote is rolled back. A
    // degraded database runs nothing and returns false.
    bool run(const std::function<bool()> &work);
    // The same for work that says what went wrong: its error, or the batch's own
    // (a degraded database, a savepoint that cannot be taken).
    Status run(const std::function<Status()> &work);
    // The same for a write that says whether it changed anything (a row claimed, one removed).
    Result<bool> runChanged(const std::function<Result<bool>()> &work);
    // The error for a run() that returned false: the degraded database's own
    // (Unavailable, StorageFailure) when storage has failed, else Internal with `what`.
    Error failure(const QString &what) const;
    // Calls `done(true)` once everything written so far is committed, or
    // `done(false)` if that commit failed (or the database became degraded
    // meanwhile). Immediately when nothing is pending.
    void afterCommit(std::function<void(bool committed)> done);
    // Commits now (tests, shutdown, command-line tools).
    bool flush();
    // flush() that says why it failed: the commit's error (Database::lastFailure).
    Status commitNow();

    qint64 commits() const { return m_commits; }

signals:
    // A commit failed and was rolled back: whatever callers cached from the
    // batch's writes is no longer true.
    void commitFailed();
    // Some writes were undone (a work that failed, or a failed commit): caches
    // filled from them must be dropped.
    void writesUndone();

private:
    void scheduleFlush();

    Database &m_db;
    int m_maxPending;
    bool m_flushScheduled = false;
    bool m_dirty = false;
    qint64 m_commits = 0;
    std::vector<std::function<void(bool)>> m_waiting;
};

} // namespace tierdesk
