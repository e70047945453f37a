#include "core/store/WriteBatch.h"

#include <QTimer>

namespace tierdesk {

WriteBatch::WriteBatch(Database &db, int maxPending, QObject *parent)
    : QObject(parent), m_db(db), m_maxPending(maxPending)
{
}

WriteBatch::~WriteBatch()
{
    flush();
}

bool WriteBatch::run(const std::function<bool()> &work)
{
    const Status done = run([&]() -> Status {
        if (work())
            return Ok{};
        return makeError(ErrorKind::Internal, QString());
    });
    return done.ok();
}

Result<bool> WriteBatch::runChanged(const std::function<Result<bool>()> &work)
{
    bool changed = false;
    const Status ran = run([&]() -> Status {
        const Result<bool> done = work();
        if (!done)
            return done.error();
        changed = *done;
        return Ok{};
    });
    if (!ran)
        return ran.error();
    return changed;
}

Status WriteBatch::run(const std::function<Status()> &work)
{
    // A degraded database takes no more writes (see Database::degraded()).
    if (m_db.degraded())
        return m_db.degradedError();
    // PostgreSQL: each work is a transaction of its own, committed before run() returns. A batch
    // shared by many requests would hold the row locks of every session they touched until its
    // commit; with several instances, one's engine thread then waits for a row another's batch
    // holds while holding one that other one wants: a deadlock only PostgreSQL's deadlock_timeout
    // (1 s) breaks. PostgreSQL groups concurrent commits in its WAL by itself.
    if (m_db.postgres() && !m_db.inTransaction()) {
        if (!m_db.begin())
            return m_db.lastFailure();
        Status done = work();
        if (done && m_db.aborted()) // a statement failed and the work went on regardless
            done = m_db.lastFailure();
        if (done)
            return flush() ? done : Status(m_db.lastFailure()); // a failed commit: rolled back, said
        m_db.rollback();
        emit writesUndone();
        auto waiting = std::move(m_waiting); // what the undone work asked to hear of: nothing committed
        m_waiting.clear();
        m_dirty = false;
        for (auto &told : waiting)
            told(false);
        return done;
    }
    if (!m_db.inTransaction() && !m_db.begin())
        return m_db.lastFailure();
    const QString savepoint = QStringLiteral("w");
    if (!m_db.savepoint(savepoint))
        return m_db.lastFailure();
    Status done = work();
    // A work that went on after a failed statement (PostgreSQL aborts the transaction then).
    if (done && m_db.aborted())
        done = m_db.lastFailure();
    if (done) {
        m_db.release(savepoint);
    } else {
        m_db.rollbackTo(savepoint);
        emit writesUndone();
    }
    m_dirty = true;
    scheduleFlush();
    return done;
}

Error WriteBatch::failure(const QString &what) const
{
    if (m_db.degraded())
        return m_db.degradedError();
    return makeError(ErrorKind::Internal, what);
}

void WriteBatch::afterCommit(std::function<void(bool)> done)
{
    if (!m_dirty && !m_db.inTransaction()) {
        done(true);
        return;
    }
    m_waiting.push_back(std::move(done));
    if (static_cast<int>(m_waiting.size()) >= m_maxPending)
        flush();
    else
        scheduleFlush();
}

void WriteBatch::scheduleFlush()
{
    if (m_flushScheduled)
        return;
    m_flushScheduled = true;
    QTimer::singleShot(kFlushDelayMs, Qt::PreciseTimer, this, [this] { flush(); });
}

Status WriteBatch::commitNow()
{
    if (flush())
        return Ok{};
    return m_db.lastFailure();
}

bool WriteBatch::flush()
{
    m_flushScheduled = false;
    bool ok = true;
    if (m_db.inTransaction()) {
        // Once storage has failed, nothing more is committed to the damaged
        // file: the writes waiting in the batch are rolled back and refused.
        ok = !m_db.degraded() && m_db.commit();
        if (!ok) {
            m_db.rollback();
            emit writesUndone();
            emit commitFailed();
        } else {
            ++m_commits;
        }
    }
    m_dirty = false;
    auto waiting = std::move(m_waiting);
    m_waiting.clear();
    for (auto &done : waiting)
        done(ok);
    return ok;
}

} // namespace tierdesk
