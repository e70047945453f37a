#include "core/engine/pipeline/WorkerPool.h"

namespace tierdesk {

WorkerPool::WorkerPool(int threads, QObject *parent) : QObject(parent), m_threads(qMax(1, threads))
{
    m_pool.setMaxThreadCount(m_threads);
}

void WorkerPool::enqueue(Job job)
{
    m_queued.push_back(std::move(job));
    if (m_dispatchPosted)
        return;
    m_dispatchPosted = true;
    QMetaObject::invokeMethod(this, &WorkerPool::dispatch, Qt::QueuedConnection);
}

void WorkerPool::dispatch()
{
    m_dispatchPosted = false;
    std::vector<Job> jobs = std::move(m_queued);
    m_queued.clear();
    const size_t chunks = qMin(size_t(m_threads), jobs.size());
    for (size_t c = 0; c < chunks; ++c) {
        std::vector<Job> chunk;
        for (size_t i = c; i < jobs.size(); i += chunks)
            chunk.push_back(std::move(jobs[i]));
        m_pool.start([this, chunk = std::move(chunk)]() mutable {
            std::vector<Continuation> results;
            results.reserve(chunk.size());
            for (Job &job : chunk)
                results.push_back(job());
            QMetaObject::invokeMethod(
                this,
                [results = std::move(results)] {
                    for (const Continuation &result : results)
                        result();
                },
                Qt::QueuedConnection);
        });
    }
}

} // namespace tierdesk
