#pragma once

#include "core/engine/pipeline/ComposeInput.h"
#include "core/engine/pipeline/WorkerPool.h"
#include "core/engine/reply/ReplyGuard.h"

#include <QDeadlineTimer>
#include <QObject>
#include <QThread>
#include <QThreadPool>
#include <QTimer>

#include <functional>
#include <map>
#include <memory>
#include <mutex>
#include <vector>

namespace tierdesk {

// Phase two of a message: the reply is worded off the engine thread from a
// snapshot, so a slow responder (a language model, later) never holds up the
// engine or other requests. Past the timeout the local responder's words are
// used instead. Every reply passes the ReplyGuard before it is handed back.
class ReplyComposer : public QObject {
    Q_OBJECT

public:
    using Done = std::function<void(ComposedReply)>;

    explicit ReplyComposer(std::shared_ptr<Responder> responder = nullptr, QObject *parent = nullptr);
    ~ReplyComposer() override; // waits for replies still being worded

    void setResponder(std::shared_ptr<Responder> responder);
    void setTimeoutMs(int ms) { m_timeoutMs = qMax(1, ms); }
    // Model calls in flight at once (ai/maxConcurrent, 1 to kMaxConcurrent); more wait for a thread.
    static constexpr int kMaxConcurrent = 256;
    void setMaxConcurrent(int calls) { m_pool.setMaxThreadCount(qBound(1, calls, kMaxConcurrent)); }
    int timeoutMs() const { return m_timeoutMs; }

    // Words the reply on the pool; `done` runs on this object's thread, once.
    void compose(std::shared_ptr<const ComposeInput> input, Done done);
    // Words the reply on the calling thread (command-line tools, tests, benchmarks).
    ComposedReply composeNow(const ComposeInput &input);

private:
    // The responder's words, checked: a model's broken reply tried once more, its failure or a
    // second break answered by the local responder (ComposedReply::fallbackReason says why).
    ComposedReply checked(Responder &responder, const ComposeInput &input) const;
    // checked(), with the local responder's verdict on whether the company's knowledge answered.
    ComposedReply worded(Responder &responder, const ComposeInput &input) const;
    static ReplyGuard::Scope scopeOf(const ComposeInput &input, bool byModel);
    static QList<ReplyGuard::Violation> violations(const Reply &reply, const ComposeInput &input);
    static QString companyFacts(const ComposeInput &input);
    static QStringList reasons(const QList<ReplyGuard::Violation> &bad);
    static QStringList notesOf(const QList<ReplyGuard::Violation> &bad);
    // The guard's verdict applied: the fallback's words for a reply that claims
    // too much, and the offending sentences cut from those if even they do.
    // Runs on the pool (the guard's checks are pure) or, for the timeout's fallback, here.
    ComposedReply guarded(const Reply &reply, const ComposeInput &input, bool fromFallback) const;

    struct Waiting {
        Done done;
        QDeadlineTimer due;
        std::shared_ptr<const ComposeInput> input;
    };
    // One timer for all replies being worded, set to the earliest due time.
    void armTimer();
    void settleOverdue();
    // A reply worded and checked (or nullopt: the timeout came first); the first of the two wins.
    void settle(quint64 id, std::optional<ComposedReply> reply);
    // A slow responder's reply, from its pool thread: replies that come in while the engine
    // thread is busy are settled together, in one pass (and so one write to the store).
    void handBack(quint64 id, ComposedReply reply);
    void settleHandedBack();

    std::map<quint64, Waiting> m_waiting;
    QTimer m_timer;
    quint64 m_lastId = 0;
    std::shared_ptr<Responder> m_responder;
    std::shared_ptr<Responder> m_fallback; // the local responder (thread-safe), never replaced
    QThreadPool m_pool; // a slow responder's replies, one task each
    std::mutex m_handedBackLock;
    std::vector<std::pair<quint64, ComposedReply>> m_handedBack; // guarded by m_handedBackLock
    WorkerPool m_quick{QThread::idealThreadCount()}; // a quick one's, in batches
    int m_timeoutMs = 15000;
};

} // namespace tierdesk
