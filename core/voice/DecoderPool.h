#pragma once

#include "core/voice/RecognizerPool.h"

#include <QThreadPool>

#include <atomic>
#include <deque>
#include <functional>
#include <memory>
#include <mutex>

namespace tierdesk::voice {

// Where speech work runs (DESIGN.md, "Threading"): never on the engine thread, and on at most
// maxConcurrent threads whatever the number of calls, so a busy hour slows decoding down instead of
// starving the engine and the server of the machine's cores.
//
// Each call opens a Lane: its jobs (feed these frames, finish the turn) run in the order posted and
// never two at once, which is what a call's decoder needs (a SpeechRecognizer is not thread-safe),
// while different calls' lanes run side by side. The number of open lanes is bounded too: when
// maxLanes are open, openLane() refuses, and the door says the house is full (SIP's 486).
// Results go back with the caller's own means (QMetaObject::invokeMethod on a context object).
//
// The decoders themselves are lent for a caller's turn from the pool's RecognizerPool (recognizers()),
// which keeps them warm between turns (at most one per lane, none idle for a minute): a silent call
// holds none. keepReady() loads some ahead (voice/readyDecoders). Decoders share language models
// (SharedLanguageModel), so a lane whose decoder's model is in use on another thread steps aside
// for a lane that can run (Lane::setGate).
//
// When the threads are short (callers speaking at once need more than the machine has), an urgent
// job (a caller has stopped speaking and waits for the answer) moves its lane ahead of lanes whose
// callers are still speaking: their words are not needed yet.
class DecoderPool {
public:
    class Lane;

    explicit DecoderPool(int maxConcurrent, int maxLanes = 64);
    ~DecoderPool(); // waits for the jobs running and queued; lanes must not be used after
    DecoderPool(const DecoderPool &) = delete;
    DecoderPool &operator=(const DecoderPool &) = delete;

    std::shared_ptr<Lane> openLane(); // nullptr when maxLanes lanes are open
    int maxConcurrent() const { return m_threads.maxThreadCount(); }
    RecognizerPool &recognizers() { return *m_recognizers; }
    // Makes `count` decoders ahead on the pool's threads, after any call's work, and keeps them
    // (voice/readyDecoders; RecognizerPool::keepReady). A failure to load is logged.
    void keepReady(int count, const SpeechRecognizer::Options &options);
    int openLanes() const;
    bool waitForDone(int msecs = -1) { return m_threads.waitForDone(msecs); }

private:
    struct LaneCount {
        std::mutex mutex;
        int open = 0;
        int max = 0;
        std::atomic<int> queued{0}; // lanes waiting in the pool's queue for a thread
    };
    QThreadPool m_threads;
    std::shared_ptr<LaneCount> m_lanes;
    std::shared_ptr<RecognizerPool> m_recognizers; // lanes share it: their jobs may outlive the pool's owner
    std::shared_ptr<std::atomic<bool>> m_closing = std::make_shared<std::atomic<bool>>(false); // for keepReady's jobs
};

class DecoderPool::Lane : public std::enable_shared_from_this<DecoderPool::Lane> {
public:
    ~Lane();
    enum class Priority { Normal, Urgent };
    // Runs job on a pool thread after this lane's earlier jobs. Any thread may post.
    void post(std::function<void()> job, Priority priority = Priority::Normal);
    // The pool's decoders, lent for a turn; shared so that a job that outlives the pool may still give back.
    const std::shared_ptr<RecognizerPool> &recognizers() const { return m_recognizers; }
    // While set, the lane's jobs need this lock (the language model its decoder shares with others,
    // SharedLanguageModel): a thread that finds it taken gives the lane's turn to another lane that
    // waits, instead of waiting itself (it waits when none does). Set and cleared by the lane's jobs.
    void setGate(std::shared_ptr<std::recursive_mutex> gate);

private:
    friend class DecoderPool;
    Lane(QThreadPool *threads, std::shared_ptr<LaneCount> count, std::shared_ptr<RecognizerPool> recognizers);
    void schedule(Priority priority); // with m_mutex held
    void drain();
    // The gate's lock for the next job, or an empty lock when the thread should serve another lane.
    std::unique_lock<std::recursive_mutex> passGate(const std::shared_ptr<std::recursive_mutex> &gate);

    QThreadPool *m_threads;
    std::shared_ptr<LaneCount> m_count;
    std::shared_ptr<RecognizerPool> m_recognizers;
    std::mutex m_mutex;
    std::deque<std::pair<std::function<void()>, Priority>> m_jobs;
    int m_urgentJobs = 0; // of m_jobs
    bool m_scheduled = false;
    QRunnable *m_waiting = nullptr; // the lane's runnable while it waits in the pool's queue
    Priority m_waitingPriority = Priority::Normal;
    std::shared_ptr<std::recursive_mutex> m_gate;
};

} // namespace tierdesk::voice
