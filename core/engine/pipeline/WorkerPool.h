#pragma once

#include <QObject>
#include <QThreadPool>

#include <functional>
#include <memory>
#include <vector>

namespace tierdesk {

// Pure work (no store, no engine state) run off the engine thread, its result
// handed back on the thread this object lives on. Results for a pool already
// destroyed are dropped; the destructor waits for running work.
//
// Work handed in during one pass of the event loop goes out together, split over
// the threads: waking a pool thread costs the engine thread more than a short
// piece of work itself, and under load many messages arrive in one pass.
class WorkerPool : public QObject {
public:
    explicit WorkerPool(int threads, QObject *parent = nullptr);
    ~WorkerPool() override { m_pool.waitForDone(); }

    template <typename T> void run(std::function<T()> work, std::function<void(T)> then)
    {
        enqueue([work = std::move(work), then = std::move(then)]() -> Continuation {
            auto result = std::make_shared<T>(work());
            return [then, result] { then(std::move(*result)); };
        });
    }

private:
    using Continuation = std::function<void()>; // runs on the owner's thread
    using Job = std::function<Continuation()>; // runs on the pool

    void enqueue(Job job);
    void dispatch();

    QThreadPool m_pool;
    int m_threads;
    std::vector<Job> m_queued;
    bool m_dispatchPosted = false;
};

} // namespace tierdesk
