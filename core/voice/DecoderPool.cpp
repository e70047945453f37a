#include "core/voice/DecoderPool.h"

#include <QLoggingCategory>

#include <algorithm>

namespace tierdesk::voice {

namespace {

Q_LOGGING_CATEGORY(lcDecoders, "tierdesk.calls.speech")

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
    *m_closing = true; // decoders still to be made ahead are not
    m_threads.waitForDone();
}

void DecoderPool::keepReady(int count, const SpeechRecognizer::Options &options)
{
    m_recognizers->keepReady(count, options);
    auto done = std::make_shared<std::atomic<int>>(0);
    for (int i = 0; i < count; ++i) {
        // Below the calls' priorities (0 and 1): a caller's frames go first.
        m_threads.start(
            [recognizers = m_recognizers, closing = m_closing, done, count] {
                if (*closing)
                    return;
                if (const Status made = recognizers->prepare(); !made)
                    qCWarning(lcDecoders) << "a decoder to keep ready:" << made.error().message;
                else if (++*done == count)
                    qCInfo(lcDecoders, "%d speech decoders ready", count);
            },
            -1);
    }
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
        --m_count->queued;
        schedule(priority); // ahead of the lanes that can wait
    }
}

void DecoderPool::Lane::setGate(std::shared_ptr<std::recursive_mutex> gate)
{
    const std::lock_guard<std::mutex> guard(m_mutex);
    m_gate = std::move(gate);
}

void DecoderPool::Lane::schedule(Priority priority)
{
    // The runnable holds the lane, so queued jobs run even when the call has let go of it.
    QRunnable *runnable = m_waiting ? m_waiting : QRunnable::create([self = shared_from_this()] { self->drain(); });
    m_waiting = runnable;
    m_waitingPriority = priority;
    ++m_count->queued;
    m_threads->start(runnable, priority == Priority::Urgent ? 1 : 0);
}

std::unique_lock<std::recursive_mutex> DecoderPool::Lane::passGate(const std::shared_ptr<std::recursive_mutex> &gate)
{
    std::unique_lock<std::recursive_mutex> held(*gate, std::try_to_lock);
    if (!held.owns_lock() && m_count->queued.load() == 0)
        held.lock(); // no other lane to serve meanwhile
    return held;
}

void DecoderPool::Lane::drain()
{
    {
        const std::lock_guard<std::mutex> guard(m_mutex);
        m_waiting = nullptr; // running: no longer to be moved ahead
        --m_count->queued;
    }
    for (int done = 0;; ++done) {
        std::function<void()> job;
        std::shared_ptr<std::recursive_mutex> gateOwner; // outlives `gate`, which the job may clear
        std::unique_lock<std::recursive_mutex> gate;
        {
            std::unique_lock<std::mutex> guard(m_mutex);
            if (m_jobs.empty()) {
                m_scheduled = false;
                return;
            }
            if (m_gate && done < kJobsPerTurn) {
                gateOwner = m_gate;
                guard.unlock(); // posting goes on meanwhile
                gate = passGate(gateOwner);
                guard.lock();
                if (!gate.owns_lock())
                    done = kJobsPerTurn; // another lane's decoder is free: this one waits its turn
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
