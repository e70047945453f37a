#include "core/voice/DecoderPool.h"

#include <algorithm>

namespace tierdesk::voice {

namespace {

// A lane gives its thread back after this many jobs in a row, so one chatty call cannot hold a
// thread while other calls' frames wait.
constexpr int kJobsPerTurn = 25;

} // namespace

DecoderPool::DecoderPool(int maxConcurrent, int maxLanes)
    : m_lanes(std::make_shared<LaneCount>()), m_recognizers(std::make_shared<RecognizerPool>(std::max(1, maxLanes)))
{
    m_threads.setMaxThreadCount(std::max(1, maxConcurrent));
    m_lanes->max = std::max(1, maxLanes);
}

DecoderPool::~DecoderPool()
{
    m_threads.waitForDone();
}

std::shared_ptr<DecoderPool::Lane> DecoderPool::openLane()
{
    {
        const std::lock_guard<std::mutex> guard(m_lanes->mutex);
        if (m_lanes->open >= m_lanes->max)
            return nullptr;
        ++m_lanes->open;
    }
    return std::shared_ptr<Lane>(new Lane(&m_threads, m_lanes, m_recognizers));
}

int DecoderPool::openLanes() const
{
    const std::lock_guard<std::mutex> guard(m_lanes->mutex);
    return m_lanes->open;
}

DecoderPool::Lane::Lane(
    QThreadPool *threads, std::shared_ptr<LaneCount> count, std::shared_ptr<RecognizerPool> recognizers)
    : m_threads(threads), m_count(std::move(count)), m_recognizers(std::move(recognizers))
{
}

DecoderPool::Lane::~Lane()
{
    const std::lock_guard<std::mutex> guard(m_count->mutex);
    --m_count->open;
}

void DecoderPool::Lane::post(std::function<void()> job, Priority priority)
{
    const std::lock_guard<std::mutex> guard(m_mutex);
    m_jobs.emplace_back(std::move(job), priority);
    if (priority == Priority::Urgent)
        ++m_urgentJobs;
    if (!m_scheduled) {
        m_scheduled = true;
        schedule(priority);
    } else if (priority == Priority::Urgent && m_waiting && m_waitingPriority == Priority::Normal
        && m_threads->tryTake(m_waiting)) {
        schedule(priority); // ahead of the lanes that can wait
    }
}

void DecoderPool::Lane::schedule(Priority priority)
{
    // The runnable holds the lane, so queued jobs run even when the call has let go of it.
    QRunnable *runnable = m_waiting ? m_waiting : QRunnable::create([self = shared_from_this()] { self->drain(); });
    m_waiting = runnable;
    m_waitingPriority = priority;
    m_threads->start(runnable, priority == Priority::Urgent ? 1 : 0);
}

void DecoderPool::Lane::drain()
{
    {
        const std::lock_guard<std::mutex> guard(m_mutex);
        m_waiting = nullptr; // running: no longer to be moved ahead
    }
    for (int done = 0;; ++done) {
        std::function<void()> job;
        {
            const std::lock_guard<std::mutex> guard(m_mutex);
            if (m_jobs.empty()) {
                m_scheduled = false;
                return;
            }
            if (done == kJobsPerTurn) {
                // Still scheduled: back in the pool's queue, behind the other lanes of its priority.
                schedule(m_urgentJobs > 0 ? Priority::Urgent : Priority::Normal);
                return;
            }
            job = std::move(m_jobs.front().first);
            if (m_jobs.front().second == Priority::Urgent)
                --m_urgentJobs;
            m_jobs.pop_front();
        }
        job();
    }
}

} // namespace tierdesk::voice
