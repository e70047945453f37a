#pragma once

#include <QObject>
#include <QThreadPool>

#include <functional>

namespace tierdesk {

// Pure work (no store, no engine state) run off the engine thread, its result
// handed back on the thread this object lives on. Results for a pool already
// destroyed are dropped; the destructor waits for running work.
class WorkerPool : public QObject
{
public:
    explicit WorkerPool(int threads, QObject *parent = nullptr) : QObject(parent) { m_pool.setMaxThreadCount(qMax(1, threads)); }
    ~WorkerPool() override { m_pool.waitForDone(); }

    template <typename T>
    void run(std::function<T()> work, std::function<void(T)> then)
    {
        m_pool.start([this, work = std::move(work), then = std::move(then)]() mutable {
            T result = work();
            QMetaObject::invokeMethod(
                this, [then = std::move(then), result = std::move(result)]() mutable { then(std::move(result)); },
                Qt::QueuedConnection);
        });
    }

private:
    QThreadPool m_pool;
};

} // namespace tierdesk
